using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Ranking;

/// <summary>A candidate for a request and its feature vector (layout <see cref="RankingFeatures"/>).</summary>
public sealed record RankingCandidate(int Doc, float[] Features);

/// <summary>
/// Finds the candidates of a request (text retrieval, topic membership, topic paths, names) and computes each
/// one's feature vector. Pure: everything it reads was precomputed from the catalog.
/// </summary>
public sealed class RankingFeatureExtractor
{
    private const int AbsentTopicPosition = 9;
    private const int TitleMinimumLength = 8;
    private const int NicknameMinimumLength = 3;
    private static readonly IReadOnlySet<int> NoDocs = new HashSet<int>();

    private readonly CatalogIndex _index;
    private readonly RankingOptions _options;
    private readonly JudgedPriors _priors;
    private readonly JudgedNeighbours _neighbours;
    private readonly float[] _sourceWeight;
    private readonly float[] _expertCount;

    // Names as matched inside the request's padded phrase (" name "), built once rather than per candidate; null
    // where the name is too short to count.
    private readonly string?[] _spacedTitles;
    private readonly string?[] _spacedShortTitles;
    private readonly string[][] _spacedNicknames;
    private readonly string[][] _topicsPrimaryFirst;
    private readonly string[][] _titleWords;
    private readonly string[][] _surnames;
    private readonly int[] _essentialTopicCount;
    private readonly TermSets _stems;

    // By stem id of _stems: ln(items / items holding the stem).
    private readonly float[] _stemRarity;

    /// <param name="priors">What the judges gave for each topic (<see cref="RankerModel.Priors"/>); default none.</param>
    public RankingFeatureExtractor(CatalogIndex index, RankingOptions options, JudgedPriors? priors = null)
    {
        _index = index;
        _options = options;
        _priors = priors ?? JudgedPriors.Empty;
        _neighbours = JudgedNeighbours.Build(index.Documents.Counter, _priors.Examples, index.Meaning);
        var resources = index.Resources;
        var catalog = index.Catalog;
        _sourceWeight = resources.Select(r => (float)r.RecommendedBy.Sum(id => catalog.FindSource(id)?.Weight ?? 0)).ToArray();
        _expertCount = resources.Select(r => (float)r.RecommendedBy.Count(id => catalog.FindSource(id)?.Kind == SourceKind.Expert)).ToArray();
        _spacedTitles = resources.Select(r => Spaced(TextAnalyzer.Normalize(r.Title), TitleMinimumLength)).ToArray();
        _spacedShortTitles = resources
            .Select(r => r.Title.IndexOf(':', StringComparison.Ordinal) is > 3 and var colon ? Spaced(TextAnalyzer.Normalize(r.Title[..colon]), TitleMinimumLength) : null)
            .ToArray();
        _spacedNicknames = index.NormalizedNicknames.Select(names => names.Select(n => Spaced(n, NicknameMinimumLength)).OfType<string>().ToArray()).ToArray();
        _topicsPrimaryFirst = resources.Select(r => r.TopicsPrimaryFirst.ToArray()).ToArray();
        var words = new StringPool();
        _titleWords = resources.Select(r => words.DistinctShared(TextAnalyzer.Tokens(string.Join(' ', r.Nicknames.Prepend(r.Title))).Where(w => !TextAnalyzer.IsStopWord(w)))).ToArray();
        _surnames = resources.Select(r => CatalogIndex.Surnames(r).Where(s => s.Length >= 4).Select(words.Share).ToArray()).ToArray();
        _essentialTopicCount = resources.Select(r => catalog.TopicsWhereEssential(r.Id).Count).ToArray();
        _stems = new TermSets(resources.Select(r => Stems(string.Join(' ', r.Nicknames.Prepend(r.Title).Append(r.AboutText).Concat(r.Topics.Select(index.TopicName))))));
        _stemRarity = [.. Enumerable.Range(0, _stems.TermCount).Select(id => (float)Math.Log((double)resources.Count / _stems.DocumentFrequency(id)))];
    }

    /// <summary>The text's subject words (no stop words) cut to <see cref="RankingOptions.CoverageStemLength"/> letters.</summary>
    private IEnumerable<string> Stems(string text) =>
        TextAnalyzer.Tokens(text).Where(w => !TextAnalyzer.IsStopWord(w)).Select(w => w.Length > _options.CoverageStemLength ? w[.._options.CoverageStemLength] : w);

    /// <summary>The words a request is compared with the catalog by: the user's own, or the topic names when there are none.</summary>
    public string RequestText(RecommendationQuery query) =>
        query.SubjectText.Length > 0 ? query.SubjectText : string.Join(' ', query.TopicIds.Select(_index.TopicName));

    /// <summary>The candidates that pass the request's kind filter and exclusions, in a fixed order, with their features.</summary>
    public IReadOnlyList<RankingCandidate> Extract(RecommendationQuery query)
    {
        var queryText = RequestText(query);
        var limit = _options.MaxCandidates;
        // ML.NET featurizes the request once; each index weights the counts its own way.
        var queryCounts = _index.Documents.Count(queryText);
        var text = _index.Documents.Search(_index.Documents.Vectorize(queryCounts), Math.Max(_options.TextCandidates, limit));
        var bestText = text.Count > 0 ? text[0].Score : 0f;
        var textScore = new Dictionary<int, (float Score, int Rank)>(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            textScore[text[i].Doc] = (text[i].Score, i);
        }

        var order = new List<int>(limit);
        var seen = new HashSet<int>();
        void Add(int doc)
        {
            if (order.Count < limit && seen.Add(doc) && Eligible(doc, query))
            {
                order.Add(doc);
            }
        }

        foreach (var topic in query.TopicIds)
        {
            foreach (var essential in _index.Catalog.EssentialsOf(topic))
            {
                Add(_index.PositionOf(essential.Id));
            }
        }

        // "Read the Chubby paper, what next?": what the catalog names to read after it is always scored.
        IReadOnlySet<int> nextAfterRead = query.ReadIds.Count == 0 ? NoDocs : query.ReadIds.SelectMany(_index.DeclaredNext).Select(r => _index.PositionOf(r.Id)).ToHashSet();
        foreach (var doc in nextAfterRead)
        {
            Add(doc);
        }

        var neighbours = _neighbours.For(queryCounts, query.Level, _options.JudgedNeighbourCount, _options.JudgedNeighbourSimilarityPower);
        foreach (var id in neighbours.Best(_options.JudgedNeighbourCandidates))
        {
            Add(_index.PositionOf(id));
        }

        var meaning = _index.Meaning?.Place(queryText);
        var meaningNeighbours = meaning is null
            ? JudgedNeighbours.RequestNeighbours.None
            : _neighbours.ForMeaning(meaning, query.Level, _options.JudgedNeighbourCount, _options.JudgedNeighbourSimilarityPower);
        foreach (var id in meaningNeighbours.Best(_options.JudgedNeighbourCandidates))
        {
            Add(_index.PositionOf(id));
        }

        foreach (var (doc, _) in _index.Names.Search(_index.Names.Vectorize(queryCounts), _options.NameCandidates))
        {
            Add(_index.NameOwners[doc]);
        }

        foreach (var topic in query.TopicIds)
        {
            foreach (var doc in _index.ResourcesInTopic(topic))
            {
                if (order.Count >= limit)
                {
                    break;
                }

                Add(doc);
            }
        }

        foreach (var (doc, _) in text.Take(_options.TextCandidates))
        {
            Add(doc);
        }

        // Each field's similarity only for the candidates: from the field's postings, not a ranking of every item.
        var fields = new[] { _index.TitleField, _index.SummaryField, _index.TopicsField, _index.AuthorsField }
            .Select(field => field.SimilaritiesAmongBest(field.Vectorize(queryCounts), order, Math.Max(_options.TextCandidates, limit)))
            .ToArray();
        var context = new QueryContext(
            query,
            " " + TextAnalyzer.Normalize(query.SubjectText) + " ",
            TextAnalyzer.Tokens(query.SubjectText).Where(w => !TextAnalyzer.IsStopWord(w)).Distinct(StringComparer.Ordinal).ToArray(),
            bestText);
        var priors = _priors.For(query.TopicIds, query.Level, _options.JudgedPriorSmoothing);
        var candidates = new List<RankingCandidate>(order.Count);
        for (var position = 0; position < order.Count; position++)
        {
            var doc = order[position];
            var features = new float[RankingFeatures.Count];
            var (score, rank) = textScore.TryGetValue(doc, out var hit) ? hit : (0f, limit);
            features[RankingFeatures.TextSimilarity] = score;
            features[RankingFeatures.TextRelative] = bestText > 0 ? score / bestText : 0;
            features[RankingFeatures.TextRank] = rank;
            features[RankingFeatures.TitleSimilarity] = fields[0][position];
            features[RankingFeatures.SummarySimilarity] = fields[1][position];
            features[RankingFeatures.TopicsSimilarity] = fields[2][position];
            features[RankingFeatures.AuthorsSimilarity] = fields[3][position];
            FillItemFeatures(doc, context, features);
            features[RankingFeatures.NextAfterRead] = nextAfterRead.Contains(doc) ? 1 : 0;
            priors.Fill(_index.Resources[doc].Id, features);
            neighbours.Fill(_index.Resources[doc].Id, features, NeighbourSlots.Words);
            meaningNeighbours.Fill(_index.Resources[doc].Id, features, NeighbourSlots.Meaning);
            features[RankingFeatures.MeaningSimilarity] = meaning is null ? 0 : _index.Meaning!.Similarity(meaning, doc);
            candidates.Add(new RankingCandidate(doc, features));
        }

        FillMeaningRelative(candidates);

        FillTopicFit(queryCounts, query, candidates);
        FillCoverage(queryText, candidates);
        FillCanonRanks(candidates);
        return candidates;
    }

    /// <summary>Each candidate's meaning similarity over the best candidate's.</summary>
    private static void FillMeaningRelative(List<RankingCandidate> candidates)
    {
        var best = candidates.Count == 0 ? 0 : candidates.Max(c => c.Features[RankingFeatures.MeaningSimilarity]);
        foreach (var candidate in candidates)
        {
            candidate.Features[RankingFeatures.MeaningRelative] = best > 0 ? candidate.Features[RankingFeatures.MeaningSimilarity] / best : 0;
        }
    }

    /// <summary>How near the request's words are to each candidate's topics, by the catalog's text of each topic: a soft topic where the parser named none or the wrong one.</summary>
    private void FillTopicFit(NgramCounts queryCounts, RecommendationQuery query, List<RankingCandidate> candidates)
    {
        var fit = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (doc, score) in _index.TopicDocuments.Search(_index.TopicDocuments.Vectorize(queryCounts), _index.TopicIds.Count))
        {
            fit[_index.TopicIds[doc]] = score;
        }

        var best = fit.Count > 0 ? fit.Values.Max() : 0f;
        foreach (var candidate in candidates)
        {
            var resource = _index.Resources[candidate.Doc];
            var f = candidate.Features;
            f[RankingFeatures.AskedTopicCount] = query.TopicIds.Count;
            if (best > 0)
            {
                f[RankingFeatures.TopicTextFit] = resource.Topics.Max(t => fit.GetValueOrDefault(t)) / best;
                f[RankingFeatures.PrimaryTopicTextFit] = fit.GetValueOrDefault(resource.PrimaryTopic) / best;
            }
        }
    }

    /// <summary>How much of what the request says, weighted by how rare each word is in the catalog, each candidate's own text says too.</summary>
    private void FillCoverage(string queryText, List<RankingCandidate> candidates)
    {
        var stems = Stems(queryText).Distinct(StringComparer.Ordinal).Select(_stems.IdOf).Where(id => id >= 0).ToArray();
        var total = stems.Sum(id => _stemRarity[id]);
        if (stems.Length == 0 || total <= 0)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            var doc = candidate.Doc;

            // Summed in double and rounded once, as LINQ's float Sum does.
            var matchedRarity = 0.0;
            var matched = 0;
            foreach (var stem in stems)
            {
                if (_stems.Contains(doc, stem))
                {
                    matchedRarity += _stemRarity[stem];
                    matched++;
                }
            }

            candidate.Features[RankingFeatures.WordCoverage] = (float)matchedRarity / total;
            candidate.Features[RankingFeatures.WordsMatched] = matched;
        }
    }

    /// <summary>Where each candidate stands among the others by how widely it is recommended: overall, of its kind, on the asked topics.</summary>
    /// <remarks>
    /// Counts, for each candidate, the candidates recommended strictly more widely (on the asked topics, of its kind,
    /// both). Walking the candidates from the most widely recommended down, a group of equal weight at a time, makes
    /// that one sort instead of comparing every pair (250 candidates: 62,500 pairs per request).
    /// </remarks>
    private void FillCanonRanks(List<RankingCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        var byWeight = candidates.OrderByDescending(c => _sourceWeight[c.Doc]).ToArray();
        var bestWeight = _sourceWeight[byWeight[0].Doc];
        var kinds = Enum.GetValues<ResourceKind>().Length;
        var aboveOfKind = new int[kinds];
        var aboveOfKindInTopic = new int[kinds];
        var aboveInTopic = 0;
        var start = 0;
        while (start < byWeight.Length)
        {
            var weight = _sourceWeight[byWeight[start].Doc];
            var end = start;
            while (end < byWeight.Length && _sourceWeight[byWeight[end].Doc] == weight)
            {
                end++;
            }

            for (var i = start; i < end; i++)
            {
                var f = byWeight[i].Features;
                var kind = (int)_index.Resources[byWeight[i].Doc].Kind;
                var onAsked = f[RankingFeatures.AskedTopicListed] > 0;
                f[RankingFeatures.CanonRankInTopic] = onAsked ? aboveInTopic : -1;
                f[RankingFeatures.CanonRankOfKind] = aboveOfKind[kind];
                f[RankingFeatures.CanonRankOfKindInTopic] = onAsked ? aboveOfKindInTopic[kind] : -1;
                f[RankingFeatures.SourceWeightRelative] = bestWeight > 0 ? weight / bestWeight : 0;
            }

            for (var i = start; i < end; i++)
            {
                var kind = (int)_index.Resources[byWeight[i].Doc].Kind;
                var onAsked = byWeight[i].Features[RankingFeatures.AskedTopicListed] > 0;
                aboveOfKind[kind]++;
                if (onAsked)
                {
                    aboveInTopic++;
                    aboveOfKindInTopic[kind]++;
                }
            }

            start = end;
        }
    }

    private bool Eligible(int doc, RecommendationQuery query)
    {
        if (doc < 0)
        {
            return false;
        }

        var resource = _index.Resources[doc];
        return (!query.KindsRequired || query.Kinds.Count == 0 || query.Kinds.Contains(resource.Kind))
            && !query.ExcludedKinds.Contains(resource.Kind)
            && !query.ExcludedIds.Contains(resource.Id);
    }

    private void FillItemFeatures(int doc, QueryContext context, float[] f)
    {
        var resource = _index.Resources[doc];
        var query = context.Query;
        var catalog = _index.Catalog;

        if (context.Words.Length > 0)
        {
            f[RankingFeatures.TitleWordOverlap] = context.Words.Count(w => Array.IndexOf(_titleWords[doc], w) >= 0) / (float)context.Words.Length;
        }

        var topics = _topicsPrimaryFirst[doc];
        var bestPosition = AbsentTopicPosition;
        var covered = 0;
        var pathPosition = -1;
        var pathFraction = -1f;
        foreach (var topic in query.TopicIds)
        {
            var position = Array.IndexOf(topics, topic);
            if (position >= 0)
            {
                covered++;
                bestPosition = Math.Min(bestPosition, position);
            }

            var path = catalog.EssentialsOf(topic);
            for (var step = 0; step < path.Count; step++)
            {
                if (ReferenceEquals(path[step], resource) && (pathPosition < 0 || step < pathPosition))
                {
                    pathPosition = step;
                    pathFraction = path.Count > 1 ? step / (float)(path.Count - 1) : 0;
                }
            }
        }

        f[RankingFeatures.PrimaryTopicAsked] = query.TopicIds.Contains(resource.PrimaryTopic) ? 1 : 0;
        f[RankingFeatures.AskedTopicListed] = covered > 0 ? 1 : 0;
        f[RankingFeatures.TopicPosition] = bestPosition;
        f[RankingFeatures.AskedTopicsCovered] = query.TopicIds.Count > 0 ? covered / (float)query.TopicIds.Count : 0;
        f[RankingFeatures.ItemTopicCount] = resource.Topics.Count;
        f[RankingFeatures.NoTopicAsked] = query.TopicIds.Count == 0 ? 1 : 0;
        f[RankingFeatures.TopicConfidence] = query.TopicIds.Count == 0 ? 0 : query.TopicConfidence;
        f[RankingFeatures.EssentialForAsked] = pathPosition >= 0 ? 1 : 0;
        f[RankingFeatures.PathPosition] = pathPosition;
        f[RankingFeatures.PathFraction] = pathFraction;
        f[RankingFeatures.EssentialTopicCount] = _essentialTopicCount[doc];

        if (query.Level is { } asked)
        {
            f[RankingFeatures.LevelAsked] = (int)asked;
            f[RankingFeatures.EntryLevelGap] = (int)resource.Level - (int)asked;
            f[RankingFeatures.MaxLevelGap] = (int)resource.MaxLevel - (int)asked;
            f[RankingFeatures.LevelCovers] = resource.Suits(asked) ? 1 : 0;
        }
        else
        {
            f[RankingFeatures.LevelAsked] = -1;
        }

        f[RankingFeatures.EntryLevel] = (int)resource.Level;
        f[RankingFeatures.MaxLevel] = (int)resource.MaxLevel;
        f[RankingFeatures.MathHeavy] = resource.MathHeavy ? 1 : 0;
        f[RankingFeatures.Historical] = resource.Status == ResourceStatus.Historical ? 1 : 0;

        f[RankingFeatures.ItemKind] = (int)resource.Kind;
        f[RankingFeatures.KindAskedMatch] = query.Kinds.Count == 0 ? -1 : query.Kinds[0] == resource.Kind ? 1 : query.Kinds.Contains(resource.Kind) ? 0.5f : 0;
        f[RankingFeatures.IsPaper] = resource.Kind == ResourceKind.Paper ? 1 : 0;
        f[RankingFeatures.IsBookOrCourse] = resource.Kind is ResourceKind.Book or ResourceKind.Course ? 1 : 0;
        f[RankingFeatures.IsToolOrList] = resource.Kind is ResourceKind.Tool or ResourceKind.List ? 1 : 0;

        f[RankingFeatures.SourceWeight] = _sourceWeight[doc];
        f[RankingFeatures.SourceCount] = resource.RecommendedBy.Count;
        f[RankingFeatures.ExpertCount] = _expertCount[doc];
        f[RankingFeatures.Year] = resource.Year ?? -1;
        f[RankingFeatures.OpenAccess] = resource.Free ? 1 : 0;
        f[RankingFeatures.AccessKind] = (int)resource.Access;

        f[RankingFeatures.NamedByTitle] = NamedByTitle(doc, context.Phrase) ? 1 : 0;
        f[RankingFeatures.NamedByNickname] = NamedByNickname(doc, context.Phrase) ? 1 : 0;
        f[RankingFeatures.NamedAuthor] = _surnames[doc].Any(s => context.Words.Contains(s, StringComparer.Ordinal)) ? 1 : 0;

        f[RankingFeatures.PrerequisiteCount] = resource.Prerequisites.Count;
        f[RankingFeatures.RequiredByCount] = _index.RequiredByCount(doc);
        f[RankingFeatures.CompanionCount] = resource.Companion.Count;
        f[RankingFeatures.SectionCount] = resource.Sections.Count;
    }

    private bool NamedByTitle(int doc, string phrase) =>
        phrase.Length > 2 && (Contains(phrase, _spacedTitles[doc]) || Contains(phrase, _spacedShortTitles[doc]));

    private bool NamedByNickname(int doc, string phrase)
    {
        if (phrase.Length <= 2)
        {
            return false;
        }

        foreach (var nickname in _spacedNicknames[doc])
        {
            if (Contains(phrase, nickname))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Spaced(string name, int minimumLength) => name.Length >= minimumLength ? " " + name + " " : null;

    private static bool Contains(string phrase, string? spacedName) => spacedName is not null && phrase.Contains(spacedName, StringComparison.Ordinal);

    private sealed record QueryContext(RecommendationQuery Query, string Phrase, string[] Words, float BestText);
}
