using System.Globalization;
using Bot.Catalog;

namespace Bot.Benchmarks;

/// <summary>
/// A large catalog of plausible resources made from the real one's vocabulary with a fixed seed:
/// titles and summaries come from word-bigram chains over the real titles and summaries, and
/// kinds, levels, topics, authors, concepts and recommending sources are drawn from their real frequencies.
/// </summary>
public static class SyntheticCatalog
{
    public const int DefaultSeed = 20_240_518;

    public static ReadingCatalog Generate(ReadingCatalog real, int count, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var titles = new WordChain(real.Resources.Select(r => r.Title));
        var summaries = new WordChain(real.Resources.Select(r => r.Summary));
        var shapes = real.Resources.Select(r => (r.Kind, r.Level)).ToArray();
        var topicDraws = real.Resources.SelectMany(r => r.Topics).ToArray();
        var topicCounts = real.Resources.Select(r => r.Topics.Count).ToArray();
        var names = real.Resources.SelectMany(r => r.Authors).Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 2).ToArray();
        var sources = real.Sources.Select(s => s.Id).ToArray();

        // Concepts are drawn from a generator of their own, so the rest of the catalog is the one earlier runs measured.
        var conceptRandom = new Random(seed + 1);
        var concepts = real.Resources.SelectMany(r => r.Concepts).ToArray();
        var conceptCounts = real.Resources.Select(r => r.Concepts.Count).ToArray();

        var resources = new Resource[count];
        for (var i = 0; i < count; i++)
        {
            var (kind, level) = shapes[random.Next(shapes.Length)];
            var title = titles.Sentence(random, minWords: 3, maxWords: 12);
            resources[i] = new Resource
            {
                Id = "syn-" + i.ToString("D6", CultureInfo.InvariantCulture),
                Title = title,
                Authors = Enumerable.Range(0, 1 + random.Next(3))
                    .Select(_ => names[random.Next(names.Length)][0] + " " + names[random.Next(names.Length)][^1])
                    .Distinct()
                    .ToList(),
                Year = kind is ResourceKind.Tool or ResourceKind.List or ResourceKind.Course or ResourceKind.Blog ? null : 1970 + random.Next(56),
                Kind = kind,
                Level = level,
                Topics = Enumerable.Range(0, topicCounts[random.Next(topicCounts.Length)])
                    .Select(_ => topicDraws[random.Next(topicDraws.Length)])
                    .Distinct()
                    .ToList(),
                Summary = summaries.Sentence(random, minWords: 12, maxWords: 40) + " " + summaries.Sentence(random, minWords: 8, maxWords: 30),
                Url = "https://example.org/resources/" + i.ToString(CultureInfo.InvariantCulture),
                Nicknames = random.NextDouble() < 0.2 ? [string.Join(' ', title.ToLowerInvariant().Split(' ').Take(2))] : [],
                RecommendedBy = random.NextDouble() < 0.15 ? [sources[random.Next(sources.Length)]] : [],
                Concepts = concepts.Length == 0
                    ? []
                    : Enumerable.Range(0, conceptCounts[conceptRandom.Next(conceptCounts.Length)])
                        .Select(_ => concepts[conceptRandom.Next(concepts.Length)])
                        .Distinct(StringComparer.OrdinalIgnoreCase)
                        .ToList(),
            };
        }

        return new ReadingCatalog(resources, real.Topics, real.Sources, real.Confusions);
    }

    /// <summary>A word-bigram Markov chain; a sentence ends at a word ending in '.', or at the length limit.</summary>
    private sealed class WordChain
    {
        private const string End = "\u0000";
        private readonly Dictionary<string, List<string>> _next = new(StringComparer.Ordinal);
        private readonly List<string> _starts = [];

        public WordChain(IEnumerable<string> texts)
        {
            foreach (var text in texts)
            {
                var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < words.Length; i++)
                {
                    if (i == 0 || words[i - 1].EndsWith('.'))
                    {
                        _starts.Add(words[i]);
                    }

                    Successors(words[i]).Add(i + 1 < words.Length ? words[i + 1] : End);
                }
            }
        }

        public string Sentence(Random random, int minWords, int maxWords)
        {
            var words = new List<string> { _starts[random.Next(_starts.Count)] };
            while (words.Count < maxWords)
            {
                var last = words[^1];
                if (last.EndsWith('.') && words.Count >= minWords)
                {
                    break;
                }

                var options = _next[last];
                var next = options[random.Next(options.Count)];
                if (next == End)
                {
                    if (words.Count >= minWords)
                    {
                        break;
                    }

                    next = _starts[random.Next(_starts.Count)];
                }

                words.Add(next);
            }

            return string.Join(' ', words);
        }

        private List<string> Successors(string word)
        {
            if (!_next.TryGetValue(word, out var list))
            {
                _next[word] = list = [];
            }

            return list;
        }
    }
}
