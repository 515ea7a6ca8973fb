using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Papers;

/// <summary>A candidate for a paper lookup and how well it matched.</summary>
public sealed record PaperMatch(Resource Resource, double Score);

/// <summary>What a message names: the longest name of a paper in it (if any), and every resource it names.</summary>
/// <param name="NamesAuthor">A word of the message is the surname of a paper's or article's author ("lamport").</param>
/// <param name="NamesYear">A word of the message is a year ("1978").</param>
/// <param name="AuthorYearPaper">The id of a paper whose author and year the message both name ("lynch 1989"), if any.</param>
public sealed record NameMentions(string? Paper, IReadOnlySet<string> ResourceIds, bool NamesAuthor = false, bool NamesYear = false, string? AuthorYearPaper = null)
{
    /// <summary>Items named through their authors: two co-authors together, or an author's possessive and a kind ("ongaro's dissertation").</summary>
    public IReadOnlyList<AuthorNaming> NamedByAuthors { get; init; } = [];

    /// <summary><see cref="AuthorYearPaper"/> is the only paper of that year by as many of the named authors: it pins one paper.</summary>
    public bool AuthorYearAlone { get; init; }
}

/// <summary>An item (by index) named through its authors: how many of them were named, or one author's possessive and a kind.</summary>
public readonly record struct AuthorNaming(int Doc, int AuthorsNamed, bool ByPossessive);

/// <summary>The result of a lookup: matches best first (empty when nothing is close), and near misses for "did you mean".</summary>
public sealed record PaperLookup(IReadOnlyList<PaperMatch> Matches, bool IsAmbiguous, IReadOnlyList<Resource> DidYouMean)
{
    /// <summary>No name matched: the match is the item the query describes.</summary>
    public bool ByDescription { get; init; }

    public PaperMatch? Best => Matches.Count > 0 ? Matches[0] : null;
}

/// <summary>
/// Finds a paper by title words, nickname, author or a misspelling of any of them. Exact names
/// win outright; otherwise character-trigram similarity over each name variant tolerates typos,
/// and title-word coverage rewards queries that quote part of a title.
/// </summary>
public sealed class PaperFinder
{
    private const int EarliestYear = 1900;
    private const int LatestYear = 2100;

    // Besides grammar words, a lookup ignores the words that only say a paper is wanted.
    private static readonly HashSet<string> LookupWords = new(StringComparer.Ordinal) { "paper", "papers", "article", "pdf", "original" };

    private readonly CatalogIndex _index;
    private readonly RankingOptions _options;
    private readonly Dictionary<string, int[]> _exactNames;
    private const int MaxMentionWords = 12;
    private static readonly IReadOnlySet<string> NoIds = new HashSet<string>();
    private static readonly NameMentions NoMentions = new(null, NoIds);
    private const int MaxNamedYears = 4;

    private readonly Dictionary<string, int[]> _mentionNames;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _mentionNameSpans;
    private readonly Dictionary<string, int[]> _docsByNameWord;
    private readonly ILookup<int, NameWord> _nameWordsByLength;
    private readonly string[][] _normalizedNames;
    private readonly string[][] _nameWords;
    private readonly ILookup<string, Resource> _listingAsNext;
    private readonly Dictionary<string, int[]> _papersBySurname;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _papersBySurnameSpans;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _itemsBySurnameSpans;

    /// <param name="options">The lookup's scores and thresholds (the <c>Paper…</c> ones); default <see cref="RankingOptions.Default"/>.</param>
    public PaperFinder(CatalogIndex index, RankingOptions? options = null)
    {
        _index = index;
        _options = options ?? RankingOptions.Default;

        // The same name, cleaned or normalised, is often the same text: each is held once.
        var strings = new StringPool();
        _exactNames = NameIndex(index, name => strings.Share(Clean(name)));

        // Names a message can mention: names as written, never made only of function words, so "should I read" in
        // a question does not name the post "Should I Read Papers?".
        _mentionNames = NameIndex(index, name => TextAnalyzer.Normalize(name) is var key
            && key.Length >= 3 && !key.Split(' ').All(TextAnalyzer.IsFunctionWord) ? strings.Share(key) : string.Empty);
        _mentionNameSpans = _mentionNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _docsByNameWord = WordPostings(index.Resources.Select(r => TextAnalyzer.Tokens(r.Title)
            .Concat(r.Nicknames.SelectMany(TextAnalyzer.Tokens))
            .Concat(CatalogIndex.Surnames(r).Where(surname => surname.Length > 2))));
        _nameWordsByLength = _docsByNameWord.Select(pair => new NameWord(pair.Key, FuzzyMatcher.SpellingKey(pair.Key), pair.Value)).ToLookup(w => w.Word.Length);
        _normalizedNames = index.Resources.Select(r => CatalogIndex.NamesOf(r).Select(name => strings.Share(TextAnalyzer.Normalize(name))).ToArray()).ToArray();
        _nameWords = index.Resources.Select((r, i) => strings.DistinctShared(_normalizedNames[i].SelectMany(n => n.Split(' '))
            .Concat(CatalogIndex.Surnames(r)))).ToArray();
        _listingAsNext = index.Resources.SelectMany(r => r.Next.Select(id => (id, r))).ToLookup(p => p.id, p => p.r, StringComparer.Ordinal);
        _papersBySurname = WordPostings(index.Resources.Select(r => r.Kind is ResourceKind.Paper or ResourceKind.Article && r.Year is not null
            ? CatalogIndex.Surnames(r).Where(surname => surname.Length > 2 && !TextAnalyzer.IsFunctionWord(surname))
            : []));
        _papersBySurnameSpans = _papersBySurname.GetAlternateLookup<ReadOnlySpan<char>>();

        // Every item by each surname: two co-authors together ("attiya and welch") or an author's one item of a kind
        // ("armstrong's thesis", "kleppmann's book") name the item.
        // One word per author (the surname's last), so a double surname ("garcia molina") is not two co-authors.
        _itemsBySurnameSpans = WordPostings(index.Resources.Select(r => CatalogIndex.NamedAuthors(r)
                .Select(author => TextAnalyzer.Tokens(author).LastOrDefault() ?? string.Empty)
                .Where(surname => surname.Length > 2 && !TextAnalyzer.IsFunctionWord(surname))))
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <param name="orDescription">When no name matches, take the one item the words describe, if words and meaning agree on it (<see cref="Described"/>).</param>
    public PaperLookup Find(string query, bool orDescription = true)
    {
        var cleaned = Clean(query);
        if (cleaned.Length == 0)
        {
            return new PaperLookup([], false, []);
        }

        var scores = new Dictionary<int, double>();
        void Offer(int doc, double score)
        {
            if (!scores.TryGetValue(doc, out var existing) || score > existing)
            {
                scores[doc] = score;
            }
        }

        if (_exactNames.TryGetValue(cleaned, out var exact))
        {
            foreach (var doc in exact)
            {
                Offer(doc, 1.0);
            }
        }

        foreach (var (variant, similarity) in _index.Names.Search(cleaned))
        {
            Offer(_index.NameOwners[variant], similarity);
        }

        // How many of the query's words a paper's title, nicknames or author surnames contain (typos allowed):
        // "lamport clocks" must beat papers that only share the author.
        var queryTokens = cleaned.Split(' ');
        var wordHits = new Dictionary<int, int>();
        foreach (var token in queryTokens)
        {
            foreach (var doc in DocsWithWord(token))
            {
                wordHits[doc] = wordHits.GetValueOrDefault(doc) + 1;
            }
        }

        foreach (var doc in ByAuthorAndYear(queryTokens))
        {
            Offer(doc, _options.PaperAuthorYearScore);
        }

        foreach (var naming in AuthorNamings(TextAnalyzer.Normalize(query)))
        {
            Offer(naming.Doc, naming.ByPossessive ? _options.PaperAuthorYearScore : CoauthorScore(naming.AuthorsNamed));
        }

        foreach (var (doc, hits) in wordHits)
        {
            var coverage = (double)hits / queryTokens.Length;
            if (coverage >= _options.PaperMinimumWordCoverage)
            {
                Offer(doc, _options.PaperWordCoverageBase + (_options.PaperWordCoverageWeight * coverage * Math.Min(1.0, queryTokens.Length / 2.0)));
            }
        }

        var ranked = scores
            .Select(pair => new PaperMatch(_index.Resources[pair.Key], Adjust(pair.Key, pair.Value)))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Resource.Id, StringComparer.Ordinal)
            .ToList();

        if (ranked.Count == 0 || ranked[0].Score < _options.PaperMatchThreshold)
        {
            if (orDescription && Described(cleaned) is { } described)
            {
                return new PaperLookup([described], false, []) { ByDescription = true };
            }

            var nearMisses = ranked.Where(m => m.Score >= _options.PaperNearMissThreshold).Take(3).Select(m => m.Resource).ToList();
            return new PaperLookup([], false, nearMisses);
        }

        var top = ranked[0].Score;
        var matches = ranked
            .TakeWhile((m, i) => i == 0 || m.Score >= Math.Max(_options.PaperMatchThreshold, top * _options.PaperAlternativeShare))
            .Take(1 + _options.PaperMaxAlternatives)
            .Select(m => m with { Score = Math.Round(m.Score, 4) })
            .ToList();
        var ambiguous = matches.Count > 1 && matches[1].Score >= top * _options.PaperAmbiguousShare;
        return new PaperLookup(matches, ambiguous, []);
    }

    /// <summary>
    /// Papers for what a user has typed so far (autocomplete): names that start with the text first, then
    /// papers with a word starting with its last, unfinished word, then ordinary lookup matches.
    /// </summary>
    public IReadOnlyList<Resource> Suggest(string partial, int max)
    {
        var typed = TextAnalyzer.Normalize(partial);
        if (typed.Length == 0)
        {
            return [];
        }

        var words = typed.Split(' ');
        var complete = words[..^1];
        var unfinished = words[^1];
        var ranked = new List<(Resource Resource, int Rank)>();
        for (var doc = 0; doc < _index.Resources.Count; doc++)
        {
            var resource = _index.Resources[doc];
            var names = _normalizedNames[doc];
            var nameWords = _nameWords[doc];
            var rank = names.Any(n => n.StartsWith(typed, StringComparison.Ordinal)) ? 0
                : complete.All(w => Array.IndexOf(nameWords, w) >= 0) && nameWords.Any(w => w.StartsWith(unfinished, StringComparison.Ordinal)) ? 1
                : -1;
            if (rank >= 0)
            {
                ranked.Add((resource, resource.Kind == ResourceKind.Paper ? rank : rank + 2));
            }
        }

        return ranked
            .OrderBy(r => r.Rank)
            .ThenByDescending(r => r.Resource.RecommendedBy.Count)
            .ThenBy(r => r.Resource.Title, StringComparer.Ordinal)
            .Select(r => r.Resource)
            .Concat(Find(partial).Matches.Select(m => m.Resource))
            .Distinct()
            .Take(max)
            .ToList();
    }

    /// <summary>The name of a paper a message mentions by nickname or title ("the raft paper" gives "raft"), if any.</summary>
    public string? FindMentionedPaper(string normalizedText) => FindMentions(normalizedText).Paper;

    /// <summary>The title of the resource with <paramref name="id"/>, the name a lookup finds it by; null for an unknown id.</summary>
    public string? TitleOf(string id) => _index.PositionOf(id) is >= 0 and var position ? _index.Resources[position].Title : null;

    /// <summary>Ids of every resource (of any kind) a message names by nickname or title ("ddia", "the raft paper").</summary>
    public IReadOnlySet<string> FindMentionedResources(string normalizedText) => FindMentions(normalizedText).ResourceIds;

    /// <summary>
    /// One pass over a message's phrases (up to twelve words) for the names it mentions: the longest one naming a
    /// paper or article, and the ids of every resource named.
    /// </summary>
    public NameMentions FindMentions(string normalizedText)
    {
        // Phrases are slices of the text between word boundaries (the normalised text has single spaces), looked
        // up without being allocated: this runs on every channel message.
        Span<int> starts = stackalloc int[MaxMentionWords + 1];
        var text = normalizedText.AsSpan();
        string? paper = null;
        HashSet<string>? ids = null;
        List<int[]>? byNamedAuthors = null;
        Span<int> years = stackalloc int[MaxNamedYears];
        var yearCount = 0;
        for (var start = 0; start < text.Length; start = NextWord(text, start))
        {
            var words = 0;
            for (var end = start; words < MaxMentionWords && end < text.Length; words++)
            {
                var space = text[end..].IndexOf(' ');
                end = space < 0 ? text.Length : end + space;
                starts[words] = end;
                end++;
            }

            var word = text[start..starts[0]];
            if (AsYear(word) is { } year)
            {
                if (yearCount < MaxNamedYears)
                {
                    years[yearCount++] = year;
                }
            }
            else if (_papersBySurnameSpans.TryGetValue(word, out var byAuthor))
            {
                (byNamedAuthors ??= []).Add(byAuthor);
            }

            for (var length = words; length >= 1; length--)
            {
                var phrase = text[start..starts[length - 1]];
                if (phrase.Length < 3 || (length == 1 && TextAnalyzer.IsStopWord(phrase)) || !_mentionNameSpans.TryGetValue(phrase, out var owners))
                {
                    continue;
                }

                ids ??= new HashSet<string>(StringComparer.Ordinal);
                var namesPaper = false;
                foreach (var owner in owners)
                {
                    ids.Add(_index.Resources[owner].Id);
                    namesPaper |= _index.Resources[owner].Kind is ResourceKind.Paper or ResourceKind.Article;
                }

                if (namesPaper && (paper is null || phrase.Length > paper.Length))
                {
                    paper = phrase.ToString();
                }
            }
        }

        var namedByAuthors = AuthorNamings(text);
        foreach (var naming in namedByAuthors)
        {
            (ids ??= new HashSet<string>(StringComparer.Ordinal)).Add(_index.Resources[naming.Doc].Id);
        }

        // Of the papers of a named year, the one the most named surnames wrote: "liskov & shrira 1988" is their
        // paper, not another of Liskov's that year.
        string? authorYearPaper = null;
        var authorYearAlone = false;
        if (byNamedAuthors is not null && yearCount > 0)
        {
            var mostAuthors = 0;
            foreach (var doc in byNamedAuthors.SelectMany(docs => docs).Distinct())
            {
                if (_index.Resources[doc].Year is { } year && years[..yearCount].Contains(year)
                    && byNamedAuthors.Count(docs => docs.Contains(doc)) is var authors && authors >= mostAuthors)
                {
                    authorYearAlone = authors > mostAuthors;
                    if (authorYearAlone)
                    {
                        (authorYearPaper, mostAuthors) = (_index.Resources[doc].Id, authors);
                    }
                }
            }
        }

        return paper is null && ids is null && byNamedAuthors is null && yearCount == 0
            ? NoMentions
            : new NameMentions(paper, ids ?? NoIds, byNamedAuthors is not null, yearCount > 0, authorYearPaper) { NamedByAuthors = namedByAuthors, AuthorYearAlone = authorYearAlone };
    }

    /// <summary>
    /// Items a normalised text names through their authors: two co-authors or more among its words ("attiya and
    /// welch"), or an author's possessive and the kind after it ("ongaros dissertation").
    /// </summary>
    private IReadOnlyList<AuthorNaming> AuthorNamings(ReadOnlySpan<char> text)
    {
        List<int[]>? byNamedSurnames = null;
        List<AuthorNaming>? namings = null;
        for (var start = 0; start < text.Length; start = NextWord(text, start))
        {
            var word = text[start..WordEnd(text, start)];
            var next = NextWord(text, start);
            if (_itemsBySurnameSpans.TryGetValue(word, out var byNamed) && !(byNamedSurnames ??= []).Contains(byNamed))
            {
                byNamedSurnames.Add(byNamed);
            }
            else if (next < text.Length && IsPossessive(word) && _itemsBySurnameSpans.TryGetValue(word[..^1], out var byPossessive)
                && TheOneOfItsKind(byPossessive, text[next..WordEnd(text, next)]) is { } owned)
            {
                (namings ??= []).Add(new AuthorNaming(owned, 1, ByPossessive: true));
            }
        }

        if (byNamedSurnames is { Count: >= 2 })
        {
            foreach (var group in byNamedSurnames.SelectMany(docs => docs).GroupBy(doc => doc).Where(g => g.Count() >= 2))
            {
                (namings ??= []).Add(new AuthorNaming(group.Key, group.Count(), ByPossessive: false));
            }
        }

        return namings ?? [];
    }

    // A surname's possessive as normalisation leaves it ("armstrong's" becomes "armstrongs").
    private static bool IsPossessive(ReadOnlySpan<char> word) => word.Length > 3 && word[^1] == 's';

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var space = text[start..].IndexOf(' ');
        return space < 0 ? text.Length : start + space;
    }

    /// <summary>
    /// The author's one item of the kind the word after their possessive names ("armstrongs thesis", "kleppmanns
    /// book"). A thesis or dissertation is filed as a paper or a book, so it is the author's one item called one (by
    /// id, title or nickname), else the author's only item. Null when the word names no kind or several items fit.
    /// </summary>
    private int? TheOneOfItsKind(int[] byAuthor, ReadOnlySpan<char> kindWord)
    {
        if (kindWord is "thesis" or "dissertation")
        {
            return TheOnly(byAuthor, doc => CatalogIndex.NameVariants(_index.Resources[doc]).Append(_index.Resources[doc].Id)
                .Any(name => name.Contains("thesis", StringComparison.OrdinalIgnoreCase) || name.Contains("dissertation", StringComparison.OrdinalIgnoreCase)))
                ?? (byAuthor.Length == 1 ? byAuthor[0] : null);
        }

        var kinds = KindVocabulary.Lookup(kindWord.ToString());
        return kinds.Count == 0 ? null : TheOnly(byAuthor, doc => kinds.Contains(_index.Resources[doc].Kind));
    }

    private static int? TheOnly(int[] docs, Func<int, bool> fits)
    {
        int? found = null;
        foreach (var doc in docs.Where(fits))
        {
            if (found is not null)
            {
                return null;
            }

            found = doc;
        }

        return found;
    }

    /// <summary>Papers and articles by an author the words name, from a year they name ("lamport 1978").</summary>
    private IEnumerable<int> ByAuthorAndYear(string[] tokens)
    {
        var years = tokens.Select(t => AsYear(t)).OfType<int>().ToHashSet();
        return years.Count == 0
            ? []
            : tokens.SelectMany(t => _papersBySurname.TryGetValue(t, out var docs) ? docs
                    : IsPossessive(t) && _papersBySurname.TryGetValue(t[..^1], out var byPossessive) ? byPossessive
                    : [])
                .Where(doc => _index.Resources[doc].Year is { } year && years.Contains(year))
                .Distinct();
    }

    private static int? AsYear(ReadOnlySpan<char> word) =>
        word.Length == 4 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year is >= EarliestYear and <= LatestYear ? year : null;

    private static int NextWord(ReadOnlySpan<char> text, int start) => Math.Min(WordEnd(text, start) + 1, text.Length);

    /// <summary>What to read before a resource: its prerequisites, then easier items on its main topic.</summary>
    public IReadOnlyList<Resource> ReadFirst(Resource resource, int count = 3)
    {
        var position = _index.PositionOf(resource.Id);
        var picked = resource.Prerequisites.Select(_index.Catalog.FindResource).OfType<Resource>().ToList();
        picked.AddRange(_listingAsNext[resource.Id].Where(r => !picked.Contains(r)));
        if (picked.Count < count)
        {
            picked.AddRange(SimilarOnTopic(position, r => r.Level < resource.Level || (resource.Level == Level.Beginner && r.Level == Level.Beginner), picked));
        }

        return picked.Take(count).ToList();
    }

    /// <summary>What to read after a resource: its declared next items, then similar items at its level or above.</summary>
    public IReadOnlyList<Resource> ReadNext(Resource resource, int count = 3)
    {
        var position = _index.PositionOf(resource.Id);
        var picked = _index.DeclaredNext(resource.Id).ToList();
        if (picked.Count < count)
        {
            picked.AddRange(SimilarOnTopic(position, r => r.Level >= resource.Level, picked));
        }

        return picked.Take(count).ToList();
    }

    private IEnumerable<Resource> SimilarOnTopic(int position, Func<Resource, bool> accept, List<Resource> already)
    {
        if (position < 0)
        {
            return [];
        }

        var resource = _index.Resources[position];
        var mainTopic = resource.Topics.Count > 0 ? resource.PrimaryTopic : null;
        return _index.Documents.Neighbours(position)
            .Select(n => _index.Resources[n.Doc])
            .Where(r => r.Id != resource.Id && !already.Contains(r) && accept(r))
            .Where(r => mainTopic is null || r.Topics.Contains(mainTopic))
            .Take(5);
    }

    /// <summary>
    /// The item a description of a paper's work means ("the berkeley time series store with the copy-on-write tree"):
    /// the first item by words, when its words are mostly the catalog's, the words match well enough, and meaning puts
    /// the same item first among the first few by words. Its score is that meaning's cosine, held to the match threshold.
    /// </summary>
    private PaperMatch? Described(string cleaned)
    {
        if (_index.Meaning is not { } meaning)
        {
            return null;
        }

        var words = cleaned.Split(' ');
        if (words.Length < _options.PaperDescriptionMinimumWords || words.Count(_index.Knows) < _options.PaperDescriptionKnownShare * words.Length)
        {
            return null;
        }

        var byWords = _index.Documents.Search(cleaned, _options.PaperDescriptionCandidates);
        if (byWords.Count == 0 || byWords[0].Score < _options.PaperDescriptionMinimumText)
        {
            return null;
        }

        var placed = meaning.Place(cleaned);
        var (first, similarity) = (byWords[0].Doc, meaning.Similarity(placed, byWords[0].Doc));
        foreach (var (doc, _) in byWords.Skip(1))
        {
            if (meaning.Similarity(placed, doc) > similarity)
            {
                return null;
            }
        }

        return similarity >= _options.PaperMatchThreshold ? new PaperMatch(_index.Resources[first], Math.Round(similarity, 4)) : null;
    }

    // Two co-authors a little below an author and a year, each further one a little more, within a margin of it.
    private double CoauthorScore(int authorsNamed) =>
        Math.Min(_options.PaperAuthorYearScore - _options.PaperCoauthorMargin + (_options.PaperCoauthorStep * (authorsNamed - 2)), _options.PaperAuthorYearScore + _options.PaperCoauthorMargin);

    private double Adjust(int doc, double score)
    {
        var resource = _index.Resources[doc];
        var kindFactor = resource.Kind switch
        {
            ResourceKind.Paper => 1.0,
            ResourceKind.Article => _options.PaperArticleFactor,
            _ => _options.PaperOtherKindFactor,
        };
        return Math.Min(1.0, score * kindFactor) + (_options.PaperCanonWeight * _index.CanonPrior[doc]);
    }

    /// <summary>Each resource name, keyed as <paramref name="keyOf"/> says (empty keys are left out), to the resources with it.</summary>
    private static Dictionary<string, int[]> NameIndex(CatalogIndex index, Func<string, string> keyOf) =>
        index.Resources
            .SelectMany((resource, doc) => CatalogIndex.NamesOf(resource).Select(keyOf).Where(key => key.Length > 0).Select(key => (key, doc)))
            .GroupBy(pair => pair.key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.doc).Distinct().ToArray(), StringComparer.Ordinal);

    private static Dictionary<string, int[]> WordPostings(IEnumerable<IEnumerable<string>> wordsPerDoc) =>
        wordsPerDoc
            .SelectMany((words, doc) => words.Where(w => !TextAnalyzer.IsStopWord(w)).Distinct().Select(w => (w, doc)))
            .GroupBy(p => p.w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.doc).ToArray(), StringComparer.Ordinal);

    /// <summary>Documents containing the word or, for longer words, a close misspelling of it (each document once).</summary>
    private IEnumerable<int> DocsWithWord(string token)
    {
        if (TextAnalyzer.IsStopWord(token))
        {
            return [];
        }

        var allowed = FuzzyMatcher.AllowedTypos(token.Length);
        if (allowed == 0)
        {
            var found = _docsByNameWord.TryGetValue(token, out var exact) ? exact : [];
            if (token.Length < 4)
            {
                return found;
            }

            // Four-letter names ("pbft", "raft") forgive only swapped neighbours: "pbtf" finds PBFT.
            return found.Concat(_nameWordsByLength[token.Length]
                .Where(w => FuzzyMatcher.IsAdjacentSwap(token, w.Word))
                .SelectMany(w => w.Owners)).Distinct();
        }

        var docs = new HashSet<int>();
        var tokenKey = FuzzyMatcher.SpellingKey(token);
        for (var length = token.Length - allowed; length <= token.Length + allowed; length++)
        {
            foreach (var (word, key, owners) in _nameWordsByLength[length])
            {
                if (FuzzyMatcher.IsMisspellingOf(token, tokenKey, word, key))
                {
                    docs.UnionWith(owners);
                }
            }
        }

        return docs;
    }


    private static string Clean(string text) =>
        string.Join(' ', TextAnalyzer.Tokens(text).Where(t => !TextAnalyzer.IsGrammarWord(t) && !LookupWords.Contains(t)));

    /// <summary>A word of the names, its spelling key (<see cref="FuzzyMatcher.SpellingKey"/>) and the resources whose names hold it.</summary>
    private readonly record struct NameWord(string Word, string SpellingKey, int[] Owners);
}
