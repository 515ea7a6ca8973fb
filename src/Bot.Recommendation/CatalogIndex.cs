using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation;

/// <summary>
/// Everything the ranker and the paper finder precompute from the catalog once at start-up:
/// a TF-IDF index over each resource's text, an index over its names (titles, nicknames,
/// authors) for lookups that tolerate misspellings, and the resources of each topic.
/// </summary>
public sealed class CatalogIndex
{
    private readonly Dictionary<string, int> _positionById;
    private readonly Dictionary<string, int[]> _resourcesByTopic;
    private readonly int[] _requiredBy;
    private readonly Resource[][] _declaredNext;

    /// <param name="catalog">The catalog to index.</param>
    /// <param name="textOptions">Featurizer settings; default <see cref="TextFeaturizerOptions.Retrieval"/>.</param>
    /// <param name="searchBudget">How much one text search may visit; default <see cref="Ranking.RankingOptions"/>' default.</param>
    /// <param name="wordVectors">Places requests and resources by meaning (<see cref="Meaning"/>); default none.</param>
    public CatalogIndex(ReadingCatalog catalog, TextFeaturizerOptions? textOptions = null, TextSearchBudget? searchBudget = null, WordVectors? wordVectors = null)
    {
        var budget = searchBudget ?? Ranking.RankingOptions.Default.SearchBudget;
        Catalog = catalog;
        Resources = catalog.Resources;
        _positionById = Resources.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _resourcesByTopic = Resources
            .SelectMany((r, i) => r.Topics.Select(t => (t, i)))
            .GroupBy(p => p.t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);

        var names = Resources.SelectMany((r, i) => NameVariants(r).Select(name => (name, i))).ToList();
        NameOwners = names.Select(n => n.i).ToArray();

        // One ML.NET fit counts the n-grams of all seven collections (a query is then featurized once per request);
        // each index weights them by its own documents, so each holds the vectors a fit on it alone would give.
        // Only whole documents are compared with each other (diversity, neighbours); fields are only searched.
        TopicIds = catalog.Topics.Select(t => t.Id).ToArray();
        var indexes = TextSimilarityIndex.BuildShared(
            [
                new TextCollection([.. Resources.Select(r => DocumentText(r, catalog))], WithSignatures: true),
                new TextCollection([.. Resources.Select(r => string.Join(" , ", r.Nicknames.Prepend(r.Title)))]),
                new TextCollection([.. Resources.Select(r => r.AboutText)]),
                new TextCollection([.. Resources.Select(r => string.Join(" , ", r.Topics.Select(t => catalog.FindTopic(t)?.Name ?? t)))]),
                new TextCollection([.. Resources.Select(r => string.Join(" , ", r.Authors))]),
                new TextCollection([.. names.Select(n => n.name)]),
                new TextCollection([.. catalog.Topics.Select(t => TopicText(t, Resources))]),
            ],
            textOptions,
            budget);
        Documents = indexes[0];
        TitleField = indexes[1];
        SummaryField = indexes[2];
        TopicsField = indexes[3];
        AuthorsField = indexes[4];
        Names = indexes[5];
        TopicDocuments = indexes[6];
        Topics = new TopicMatcher(catalog.Topics);
        Meaning = wordVectors is null ? null : new MeaningIndex(Resources, wordVectors);
        Vocabulary = Resources
            .SelectMany(r => TextAnalyzer.Tokens(string.Join(' ', r.Title, r.AboutText, string.Join(' ', r.Nicknames), string.Join(' ', r.Authors))))
            .Concat(catalog.Topics.SelectMany(t => TextAnalyzer.Tokens(string.Join(' ', t.Aliases.Append(t.Name)))))
            .ToHashSet(StringComparer.Ordinal);
        NormalizedNicknames = Resources
            .Select(r => r.Nicknames.Select(TextAnalyzer.Normalize).Where(n => n.Length > 0).ToArray())
            .ToArray();
        CanonPrior = Resources.Select(r => Math.Min(1.0, Math.Log(1 + r.RecommendedBy.Count) / Math.Log(4))).ToArray();
        var listingAsPrerequisite = Resources.SelectMany(r => r.Prerequisites.Select(id => (id, r))).ToLookup(p => p.id, p => p.r, StringComparer.Ordinal);
        _requiredBy = Resources.Select(r => listingAsPrerequisite[r.Id].Count()).ToArray();
        _declaredNext = Resources
            .Select(r => r.Next.Select(catalog.FindResource).OfType<Resource>().Concat(listingAsPrerequisite[r.Id]).DistinctBy(next => next.Id).ToArray())
            .ToArray();
    }

    public ReadingCatalog Catalog { get; }

    /// <summary>The resources placed by meaning; null when the index was built without word vectors.</summary>
    public MeaningIndex? Meaning { get; }
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>One document per resource: title, nicknames, authors, topic names and summary.</summary>
    public TextSimilarityIndex Documents { get; }

    /// <summary>Per-field indexes (title with nicknames, summary, topic names, authors): the ranker's text features.</summary>
    public TextSimilarityIndex TitleField { get; }

    public TextSimilarityIndex SummaryField { get; }
    public TextSimilarityIndex TopicsField { get; }
    public TextSimilarityIndex AuthorsField { get; }

    /// <summary>One document per name variant; <see cref="NameOwners"/> maps it back to its resource.</summary>
    public TextSimilarityIndex Names { get; }

    public IReadOnlyList<int> NameOwners { get; }

    /// <summary>
    /// One document per taxonomy topic (in <see cref="TopicIds"/> order): its name, aliases and description and the
    /// titles and summaries of the items it is primary for, so a request's words say which topics it is near
    /// from the catalog alone.
    /// </summary>
    public TextSimilarityIndex TopicDocuments { get; }

    public IReadOnlyList<string> TopicIds { get; }
    public TopicMatcher Topics { get; }

    /// <summary>Each resource's nicknames, normalised once for matching.</summary>
    public IReadOnlyList<string[]> NormalizedNicknames { get; }

    /// <summary>Every normalised word of the catalog's titles, summaries, names and topic aliases.</summary>
    public IReadOnlySet<string> Vocabulary { get; }

    /// <summary>0..1 per resource: how many independent lists recommend it (saturating at three).</summary>
    public IReadOnlyList<double> CanonPrior { get; }

    /// <summary>How many items list the resource at <paramref name="position"/> as a prerequisite (counted once, not per request).</summary>
    public int RequiredByCount(int position) => _requiredBy[position];

    /// <summary>What the catalog says to read after an item: the items it names as next, then those that list it as a prerequisite.</summary>
    public IReadOnlyList<Resource> DeclaredNext(string id) => PositionOf(id) is >= 0 and var position ? _declaredNext[position] : [];

    public int PositionOf(string id) => _positionById.TryGetValue(id, out var position) ? position : -1;

    public IReadOnlyList<int> ResourcesInTopic(string topicId) =>
        _resourcesByTopic.TryGetValue(topicId, out var positions) ? positions : [];

    public string TopicName(string topicId) => Catalog.FindTopic(topicId)?.Name ?? topicId;

    /// <summary>A normalised word of the catalog's <see cref="Vocabulary"/>, or a misspelling of one ("desing").</summary>
    public bool Knows(string word)
    {
        if (Vocabulary.Contains(word))
        {
            return true;
        }

        var typos = FuzzyMatcher.AllowedTypos(word.Length);
        return typos > 0 && Vocabulary.Any(v => Math.Abs(v.Length - word.Length) <= typos && FuzzyMatcher.EditDistance(word, v, typos) <= typos);
    }

    /// <summary>
    /// Whether any word of <paramref name="text"/> that carries meaning (no stop word) is in the catalog's
    /// <see cref="Vocabulary"/> as written: "spreading requests across servers" is, "quantum basketweaving" and
    /// "cooking" are not. Misspellings do not count here: with the summaries' everyday words in the vocabulary,
    /// one typo away is too close ("cooking", "looking"); a misspelt topic is matched by the topic matcher first.
    /// </summary>
    public bool KnowsAnyWordOf(string text) =>
        TextAnalyzer.Tokens(text).Any(token => !TextAnalyzer.IsStopWord(token) && Vocabulary.Contains(token));

    private static string TopicText(Topic topic, IReadOnlyList<Resource> resources) =>
        string.Join(" , ", new[] { topic.Name, topic.Description }
            .Concat(topic.Aliases)
            .Concat(resources.Where(r => r.PrimaryTopic == topic.Id).SelectMany(r => new[] { r.Title, r.AboutText })));

    /// <summary>The names a resource goes by: its title, the title's part before a colon, and its nicknames.</summary>
    public static IEnumerable<string> NamesOf(Resource resource)
    {
        yield return resource.Title;
        var colon = resource.Title.IndexOf(':', StringComparison.Ordinal);
        if (colon > 3)
        {
            yield return resource.Title[..colon];
        }

        foreach (var nickname in resource.Nicknames)
        {
            yield return nickname;
        }
    }

    /// <summary>The authors listed by name ("et al." is not an author).</summary>
    public static IEnumerable<string> NamedAuthors(Resource resource) =>
        resource.Authors.Where(a => !a.Contains("et al", StringComparison.OrdinalIgnoreCase));

    /// <summary>Each named author's surname, normalised ("lamport").</summary>
    public static IEnumerable<string> Surnames(Resource resource) =>
        NamedAuthors(resource).SelectMany(a => TextAnalyzer.Tokens(LastName(a))).Where(s => s.Length > 0);

    // The last space-separated part, whole: "Hector Garcia-Molina" gives both words of the double surname.
    private static string LastName(string author) =>
        author.Trim().LastIndexOf(' ') is var space and >= 0 ? author.Trim()[(space + 1)..] : author;

    internal static IEnumerable<string> NameVariants(Resource resource) => NamesOf(resource).Concat(NamedAuthors(resource));

    private static string DocumentText(Resource resource, ReadingCatalog catalog)
    {
        var topicNames = resource.Topics.Select(t => catalog.FindTopic(t)?.Name ?? t);
        return string.Join(" . ", new[]
        {
            resource.Title,
            string.Join(" , ", resource.Nicknames),
            string.Join(" , ", resource.Authors),
            string.Join(" , ", topicNames),
            resource.AboutText,
        });
    }
}
