namespace Bot.Featurization;

/// <summary>
/// The n-gram counts of texts in one slot space shared by several collections: one fit of ML.NET's text featurizer
/// (<see cref="MlNetTextFeaturizer"/>, plain counts) over the texts of every collection, so that a query is featurized
/// once and then weighted by each collection's own <see cref="TfIdfSpace"/>.
/// </summary>
/// <remarks>
/// <para>A collection's n-grams all appear in the shared fit and are counted the same as in a fit on that collection
/// alone: ML.NET splits a text into words and characters without looking at the fitted vocabulary, and an n-gram a
/// collection never saw is dropped by its <see cref="TfIdfSpace"/> just as its own fit would drop it.</para>
/// <para>The character block and the word block are fitted as two featurizers, side by side on two cores, and joined
/// (characters first, words after them): <c>FeaturizeText</c> fits its two extractors independently of each other on
/// the same text and, with no norm, only concatenates them, so the slots and counts are the ones a single fit gives.</para>
/// </remarks>
public sealed class NgramCounter
{
    // Either may be null when the options turn its block off.
    private readonly MlNetTextFeaturizer? _characters;
    private readonly MlNetTextFeaturizer? _words;

    private NgramCounter(MlNetTextFeaturizer? characters, MlNetTextFeaturizer? words, TextFeaturizerOptions options)
    {
        _characters = characters;
        _words = words;
        Options = options;
        CharSlotCount = characters?.Dimension ?? 0;
        Dimension = CharSlotCount + (words?.Dimension ?? 0);
    }

    /// <summary>The n-gram settings; their weighting and norm are applied by each <see cref="TfIdfSpace"/>.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>How many of the first slots count character n-grams; word n-grams come after them.</summary>
    public int CharSlotCount { get; }

    /// <summary>The number of shared slots; every counted slot is below it.</summary>
    public int Dimension { get; }

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
        options.Validate();
        var texts = collections.SelectMany(collection => collection).ToList();

        // A fit numbers n-grams in the order they first appear, so fitting on each distinct text once, in order of
        // first appearance, gives the same slots as fitting on them all; each is prepared once for both fits and the counts.
        var (distinct, distinctOf) = Distinct(texts);
        var prepared = PrepareAll(distinct, options);
        MlNetTextFeaturizer? characters = null;
        MlNetTextFeaturizer? words = null;
        Parallel.Invoke(
            () => characters = options.CharNgramLength > 0 ? MlNetTextFeaturizer.FitCountsPrepared(prepared, options with { WordNgramLength = 0 }) : null,
            () => words = options.WordNgramLength > 0 ? MlNetTextFeaturizer.FitCountsPrepared(prepared, options with { CharNgramLength = 0 }) : null);
        var counter = new NgramCounter(characters, words, options);
        var counted = counter.CountPrepared(prepared);

        var result = new NgramCounts[collections.Count][];
        var next = 0;
        for (var c = 0; c < collections.Count; c++)
        {
            result[c] = new NgramCounts[collections[c].Count];
            for (var d = 0; d < result[c].Length; d++, next++)
            {
                result[c][d] = new NgramCounts(counter, distinctOf[next] < 0 ? SparseVector.Empty : counted[distinctOf[next]]);
            }
        }

        return (counter, result);
    }

    /// <summary>The n-gram counts of <paramref name="text"/>; n-grams no collection holds are left out. Never throws for any string.</summary>
    public NgramCounts Count(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(this, SparseVector.Empty);
        }

        var prepared = MlNetTextFeaturizer.Prepare(text, Options);
        return new(this, Join(_characters?.TransformPrepared(prepared), _words?.TransformPrepared(prepared)));
    }

    /// <summary><see cref="Count"/> of each text, in order: the same counts, computed side by side on every core.</summary>
    public NgramCounts[] CountAll(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var (distinct, distinctOf) = Distinct(texts);
        var counted = CountPrepared(PrepareAll(distinct, Options));
        return [.. distinctOf.Select(position => new NgramCounts(this, position < 0 ? SparseVector.Empty : counted[position]))];
    }

    // A text that occurs more than once (topic lists, author lists, titles that are also names) is counted once; a
    // blank one (position -1) counts nothing, as the featurizer prepares it to nothing.
    private static (List<string> Distinct, int[] DistinctOf) Distinct(IReadOnlyList<string?> texts)
    {
        var positionOf = new Dictionary<string, int>(texts.Count, StringComparer.Ordinal);
        var distinct = new List<string>(texts.Count);
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

        return (distinct, distinctOf);
    }

    // Contiguous parts of about equal length run side by side on every core.
    private static string[] PrepareAll(List<string> texts, TextFeaturizerOptions options)
    {
        var prepared = new string[texts.Count];
        Parallel.ForEach(Partition(texts, Environment.ProcessorCount * 2), part =>
        {
            for (var i = part.Start; i < part.Start + part.Count; i++)
            {
                prepared[i] = MlNetTextFeaturizer.Prepare(texts[i], options);
            }
        });
        return prepared;
    }

    private SparseVector[] CountPrepared(string[] prepared)
    {
        var counted = new SparseVector[prepared.Length];
        Parallel.ForEach(Partition(prepared, Environment.ProcessorCount * 2), part =>
        {
            // Reading counts back through ML.NET's pipeline costs about as much as the fit.
            var texts = new ArraySegment<string>(prepared, part.Start, part.Count);
            var characters = _characters?.TransformEachPrepared(texts);
            var words = _words?.TransformEachPrepared(texts);
            for (var i = 0; i < part.Count; i++)
            {
                counted[part.Start + i] = Join(characters?[i], words?[i]);
            }
        });
        return counted;
    }

    // One text's counts in the shared slots: its character block, then its word block moved past the character slots.
    private SparseVector Join(SparseVector? characters, SparseVector? words)
    {
        if (words is null || words.Count == 0)
        {
            return characters ?? SparseVector.Empty;
        }

        if (CharSlotCount == 0)
        {
            return words;
        }

        var charCount = characters?.Count ?? 0;
        var indices = new int[charCount + words.Count];
        var values = new float[indices.Length];
        characters?.Indices.CopyTo(indices);
        characters?.Values.CopyTo(values);
        var wordIndices = words.Indices;
        for (var i = 0; i < wordIndices.Length; i++)
        {
            indices[charCount + i] = CharSlotCount + wordIndices[i];
        }

        words.Values.CopyTo(values.AsSpan(charCount));
        return SparseVector.FromTrusted(indices, values);
    }

    private static List<(int Start, int Count)> Partition(IReadOnlyList<string> texts, int parts)
    {
        long total = 0;
        foreach (var text in texts)
        {
            total += text.Length + 1;
        }

        var target = Math.Max(1, total / Math.Max(1, parts));
        var result = new List<(int Start, int Count)>();
        var start = 0;
        long length = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            length += texts[i].Length + 1;
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
