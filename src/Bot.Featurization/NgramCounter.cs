namespace Bot.Featurization;

/// <summary>
/// The n-gram counts of texts in one slot space shared by several collections: one fit of ML.NET's text featurizer
/// (<see cref="MlNetTextFeaturizer"/>, plain counts) over the texts of every collection, so that a query is featurized
/// once and then weighted by each collection's own <see cref="TfIdfSpace"/>.
/// </summary>
/// <remarks>
/// A collection's n-grams all appear in the shared fit and are counted the same as in a fit on that collection alone:
/// ML.NET splits a text into words and characters without looking at the fitted vocabulary, and an n-gram a
/// collection never saw is dropped by its <see cref="TfIdfSpace"/> just as its own fit would drop it.
/// </remarks>
public sealed class NgramCounter
{
    private readonly MlNetTextFeaturizer _featurizer;

    private NgramCounter(MlNetTextFeaturizer featurizer, TextFeaturizerOptions options)
    {
        _featurizer = featurizer;
        Options = options;
    }

    /// <summary>The n-gram settings; their weighting and norm are applied by each <see cref="TfIdfSpace"/>.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>How many of the first slots count character n-grams; word n-grams come after them.</summary>
    public int CharSlotCount => _featurizer.CharSlotCount;

    /// <summary>The number of shared slots; every counted slot is below it.</summary>
    public int Dimension => _featurizer.Dimension;

    /// <summary>
    /// Fits one shared vocabulary on every text of <paramref name="collections"/> and returns each text's counts, in
    /// the collections' shape. The first collection's n-grams take the first slots of each block in the order a fit
    /// on it alone gives them.
    /// </summary>
    public static (NgramCounter Counter, NgramCounts[][] Counts) FitCount(
        IReadOnlyList<IReadOnlyList<string?>> collections, TextFeaturizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(collections);
        options ??= TextFeaturizerOptions.Retrieval;
        var texts = collections.SelectMany(collection => collection).ToList();
        var counter = new NgramCounter(MlNetTextFeaturizer.FitCounts(texts, options), options);

        var all = counter.CountVectors(texts);

        var result = new NgramCounts[collections.Count][];
        var next = 0;
        for (var c = 0; c < collections.Count; c++)
        {
            result[c] = new NgramCounts[collections[c].Count];
            for (var d = 0; d < result[c].Length; d++)
            {
                result[c][d] = new NgramCounts(counter, all[next++]);
            }
        }

        return (counter, result);
    }

    /// <summary>The n-gram counts of <paramref name="text"/>; n-grams no collection holds are left out. Never throws for any string.</summary>
    public NgramCounts Count(string? text) => new(this, string.IsNullOrWhiteSpace(text) ? SparseVector.Empty : _featurizer.Transform(text));

    /// <summary><see cref="Count"/> of each text, in order: the same counts, computed side by side on every core.</summary>
    public NgramCounts[] CountAll(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. CountVectors(texts).Select(counts => new NgramCounts(this, counts))];
    }

    // Reading counts back costs ML.NET about as much as the fit. A text that occurs more than once (topic lists, author
    // lists, titles that are also names) is counted once; a blank one counts nothing (the featurizer prepares it to
    // nothing); contiguous parts of about equal length run side by side on every core.
    private SparseVector[] CountVectors(IReadOnlyList<string?> texts)
    {
        var positionOf = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
        var distinct = new List<string?>(texts.Count);
        var distinctOf = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                distinctOf[i] = -1;
                continue;
            }

            if (!positionOf.TryGetValue(text, out var position))
            {
                position = distinct.Count;
                positionOf.Add(text, position);
                distinct.Add(text);
            }

            distinctOf[i] = position;
        }

        var counted = new SparseVector[distinct.Count];
        Parallel.ForEach(Partition(distinct, Environment.ProcessorCount * 2), part =>
            _featurizer.TransformEach(distinct.GetRange(part.Start, part.Count)).CopyTo(counted, part.Start));
        return [.. distinctOf.Select(position => position < 0 ? SparseVector.Empty : counted[position])];
    }

    private static List<(int Start, int Count)> Partition(List<string?> texts, int parts)
    {
        var total = texts.Sum(text => (long)(text?.Length ?? 0) + 1);
        var target = Math.Max(1, total / Math.Max(1, parts));
        var result = new List<(int Start, int Count)>();
        var start = 0;
        long length = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            length += (texts[i]?.Length ?? 0) + 1;
            if (length >= target)
            {
                result.Add((start, i + 1 - start));
                start = i + 1;
                length = 0;
            }
        }

        if (start < texts.Count)
        {
            result.Add((start, texts.Count - start));
        }

        return result;
    }
}

/// <summary>One text's n-gram counts in the slots of the <see cref="NgramCounter"/> that counted it.</summary>
/// <param name="Counter">The counter whose slots <paramref name="Counts"/> uses.</param>
/// <param name="Counts">How often each n-gram occurs in the text.</param>
public sealed record NgramCounts(NgramCounter Counter, SparseVector Counts);
