using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;
using Bot.Recommendation;

namespace Bot.Application;

/// <summary>
/// The application layer: understands what a user typed or selected, asks the recommender, and
/// builds the reply model. Every input, however malformed, gets a reply; none throws.
/// </summary>
public sealed partial class ReadingAssistant : IReadingAssistant
{
    public const int MaxInputLength = 500;
    public const int MaxCount = 10;

    private static readonly HashSet<string> RecommendOptions = new(StringComparer.Ordinal) { "topic", "level", "kind", "count", "page" };

    /// <summary>The highest page `page:N` may ask for (pages past the ranked list come back empty anyway).</summary>
    public const int MaxPage = 20;
    private static readonly HashSet<string> PaperOptions = new(StringComparer.Ordinal) { "query" };
    // At this text similarity to its best match or above, a word the catalog's vocabulary lacks still belongs to a
    // topic phrase ("readiness" in "production readiness") rather than being a level typed wrong.
    private const float CatalogWordTextFloor = 0.2f;

    // A topic's detail shows its commonest other names; the full list is for the matcher, not for reading.
    private const int MaxAliasesShown = 8;
    private static readonly HashSet<string> TopicsOptions = new(StringComparer.Ordinal) { "topic" };

    private static readonly HashSet<string> CommandNames = new(StringComparer.Ordinal) { "recommend", "rec", "r", "paper", "p", "topics", "help", "start" };

    private static readonly string[] PopularTopics = ["consensus", "replication", "consistency-models", "storage", "streaming-and-logs"];

    private readonly RecommendationEngine _engine;

    // Set only while HandleRecorded runs, so the same assistant can serve other callers meanwhile.
    private readonly AsyncLocal<List<RecommendationQuery>?> _recorder = new();

    // Set only while ForReader runs: whose recommendations leave out what they read or dismissed.
    private readonly AsyncLocal<ReaderProfile?> _profile = new();

    public ReadingAssistant(RecommendationEngine engine) => _engine = engine;

    public RecommendationEngine Engine => _engine;

    /// <summary>Answers an input as <see cref="Handle"/> does and returns the ranking query it was answered with, if any.</summary>
    public (Reply Reply, RecommendationQuery? Query) HandleRecorded(string input) => Recorded(() => Handle(input));

    /// <summary>
    /// As <see cref="HandleRecorded"/>, for an input known to be a reading request (a judged query): free text is
    /// answered as a request whatever the intent model decides, so the ranker's training set does not depend on it.
    /// </summary>
    public (Reply Reply, RecommendationQuery? Query) HandleRecordedRequest(string input) =>
        input.TrimStart().StartsWith('/')
            ? HandleRecorded(input)
            : Recorded(() =>
            {
                var classification = _engine.Classifier.Classify(input, addressedToBot: true);
                return RecommendFromMessage(input, classification.Query, classification.AlreadyRead);
            });

    /// <summary>Answers with <paramref name="answer"/> and returns the first ranking query it was answered with, if any.</summary>
    private (Reply Reply, RecommendationQuery? Query) Recorded(Func<Reply> answer)
    {
        var recorded = new List<RecommendationQuery>();
        _recorder.Value = recorded;
        try
        {
            var reply = answer();
            return (reply, recorded.Count > 0 ? recorded[0] : null);
        }
        finally
        {
            _recorder.Value = null;
        }
    }

    /// <summary>
    /// Answers with <paramref name="answer"/> for one reader: recommendations leave out what the profile has read or
    /// dismissed (and say how many), and a level the reader marked too easy or too hard on the topic is shifted.
    /// </summary>
    public Reply ForReader(ReaderProfile profile, Func<ReadingAssistant, Reply> answer)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(answer);
        var previous = _profile.Value;
        _profile.Value = profile;
        try
        {
            return answer(this);
        }
        finally
        {
            _profile.Value = previous;
        }
    }

    /// <summary>The reply to an input and, for a recommendation, each item's features and their contributions to its score.</summary>
    public (Reply Reply, IReadOnlyList<ExplainedItem> Items) Explain(string input)
    {
        var (reply, query) = HandleRecorded(input);
        return (reply, query is null ? [] : _engine.Recommender.Explain(query));
    }

    public ReadingCatalog Catalog => _engine.Catalog;

    public Reply Handle(string input)
    {
        input ??= string.Empty;
        if (input.Length > MaxInputLength)
        {
            return Error(input, AssistantText.InputTooLong(input.Length, MaxInputLength));
        }

        var trimmed = input.Trim();
        if (trimmed.Length == 0)
        {
            return Help(input) with { Intent = Intent.Error, Message = AssistantText.NothingToAnswer };
        }

        if (LeadingMention().Match(trimmed) is { Success: true } mention)
        {
            // "@bot what should I read…" typed where the Discord adapter would have seen a mention: addressed.
            return HandleMessage(trimmed[mention.Length..], addressedToBot: true) with { Input = input };
        }

        if (!trimmed.StartsWith('/'))
        {
            return HandleMessage(input);
        }

        var name = TypedCommand.NameOf(trimmed);
        return name switch
        {
            "recommend" or "rec" or "r" => HandleRecommendCommand(input, TypedCommand.Parse(trimmed, RecommendOptions)),
            "paper" or "p" => HandlePaperCommand(input, TypedCommand.Parse(trimmed, PaperOptions)),
            "topics" => TypedCommand.Parse(trimmed, TopicsOptions) is var topics
                ? ListTopics(topics.Options.GetValueOrDefault("topic") ?? string.Join(' ', topics.Positional)) with { Input = input }
                : Help(input),
            "help" or "start" => Help(input),
            _ => Error(input, AssistantText.UnknownCommand(Clip(name, 40))),
        };
    }

    public Reply HandleMessage(string text, bool addressedToBot = false)
    {
        text ??= string.Empty;
        if (text.Length > MaxInputLength)
        {
            return Silence(text);
        }

        // A command typed as text is exact: to the bot, "paper raft" too; in a channel only a known "/command".
        if ((addressedToBot ? AddressedCommand(text) : ChannelCommand(text)) is { } command)
        {
            var reply = Handle(command);
            return reply with { Input = text };
        }

        var classification = _engine.Classifier.Classify(text, addressedToBot);
        return classification.Intent switch
        {
            MessageIntent.Paper when classification.PaperQuery is { } paperQuery => FindPaper(paperQuery) with { Input = text },
            MessageIntent.Recommend when !addressedToBot && IsOutsideTheCatalog(classification.Query, classification.AlreadyRead) => Silence(text),
            MessageIntent.Recommend => RecommendFromMessage(text, classification.Query, classification.AlreadyRead),
            _ when classification.OtherLanguage && addressedToBot => new Reply { Input = text, Intent = Intent.Help, Message = AssistantText.OtherLanguageNote },
            _ => Silence(text),
        };
    }

    public Reply Recommend(RecommendRequest request)
    {
        var input = DescribeRequest(request);
        Level? level = null;
        if (!string.IsNullOrWhiteSpace(request.Level))
        {
            level = LevelVocabulary.ParseExact(request.Level);
            if (level is null)
            {
                return Error(input, AssistantText.UnknownLevel(Clip(request.Level, 40)));
            }
        }

        IReadOnlyList<ResourceKind> kinds = [];
        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            kinds = KindVocabulary.Lookup(request.Kind);
            if (kinds.Count == 0 && KindVocabulary.ParseExact(request.Kind) is { } exactKind)
            {
                kinds = [exactKind];
            }

            if (kinds.Count == 0)
            {
                return Error(input, AssistantText.UnknownKind(Clip(request.Kind, 40)));
            }
        }

        if (request.Count is < 1 or > MaxCount)
        {
            return Error(input, AssistantText.BadCount(request.Count, MaxCount));
        }

        if (string.IsNullOrWhiteSpace(request.Topic))
        {
            return Help(input) with { Intent = Intent.Error, Level = level, Message = AssistantText.NoTopicGiven("recommend") };
        }

        var parsed = _engine.Parser.Parse(request.Topic);
        level ??= parsed.Level;
        var kindsChosen = kinds.Count > 0;
        if (kinds.Count == 0)
        {
            kinds = parsed.Kinds;
        }

        var topicIds = parsed.ResolvedTopicIds;
        string? note = null;
        var normalizedTopic = TextAnalyzer.Normalize(request.Topic);
        var saysRead = parsed.SaysRead;
        var named = topicIds.Count == 0 || saysRead ? _engine.Papers.FindMentionedResources(normalizedTopic) : new HashSet<string>();
        var alreadyRead = saysRead ? named : new HashSet<string>();
        if (topicIds.Count == 0 && TopicsOfNamedResources(named) is [_, ..] related)
        {
            // "/recommend ddia": the topics of the item named, with the item itself first through its nickname.
            topicIds = related;
        }

        // "/recommend getting machines to agree": no topic's name, but plainly one topic's subject.
        (topicIds, var topicConfidence) = NamedOrInferred(topicIds, parsed.SubjectText);

        if (topicIds.Count == 0)
        {
            var nearest = _engine.Index.Topics.Nearest(request.Topic, 3).Select(t => t.Id).ToList();
            var suggestion = AssistantText.TopicSuggestion(nearest, PopularTopics);

            // Words the catalog knows ("how to think like an architect") get the closest texts with a note; words it
            // does not ("cooking", "quantum basketweaving") would get noise, so they get the topics to choose from.
            if (!_engine.Index.KnowsAnyWordOf(parsed.SubjectText))
            {
                return Error(input, AssistantText.UnknownTopic(Clip(request.Topic.Trim(), 60), suggestion)) with { Level = level };
            }

            note = AssistantText.TopicMatchedByText(Clip(request.Topic.Trim(), 60), suggestion);
        }

        var query = new RecommendationQuery
        {
            TopicIds = topicIds,
            TopicConfidence = topicConfidence,
            Level = level,
            Kinds = kinds,
            KindsRequired = kindsChosen,
            ExcludedKinds = parsed.ExcludedKinds.Where(kind => !kinds.Contains(kind)).ToList(),
            SubjectText = parsed.SubjectText,
            Count = request.Count,
            Offset = Math.Max(0, request.Offset),
            ExcludedIds = alreadyRead,
            ReadIds = alreadyRead,
        };
        var reply = BuildRecommendReply(input, query, request with { Level = level is null ? null : LevelVocabulary.Name(level.Value) }, note);
        return alreadyRead.Count > 0 ? WithReadNextReasons(reply, alreadyRead) : reply;
    }

    public Reply FindPaper(string query)
    {
        query ??= string.Empty;
        var input = "/paper " + query;
        if (query.Length > MaxInputLength)
        {
            return Error(input, AssistantText.InputTooLong(query.Length, MaxInputLength));
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return Error(input, AssistantText.WhichPaper);
        }

        var lookup = _engine.Papers.Find(query);
        if (lookup.Best is not { } best)
        {
            return Error(input, AssistantText.NoPaperMatches(Clip(query.Trim(), 80), lookup.DidYouMean.Select(r => r.Title).ToList()));
        }

        var match = ToItem(best.Resource, best.Score, PaperReason(best.Resource));
        var alternatives = lookup.Matches.Skip(1).Select(m => ToItem(m.Resource, m.Score, PaperReason(m.Resource))).ToList();
        var detail = new PaperDetail
        {
            ReadFirst = _engine.Papers.ReadFirst(best.Resource).Select(r => ToItem(r, 0, AssistantText.ReadFirst(ReasonWriter.Describe(r)))).ToList(),
            ReadNext = _engine.Papers.ReadNext(best.Resource).Select(r => ToItem(r, 0, AssistantText.ReadNext(ReasonWriter.Describe(r)))).ToList(),
            Alternatives = alternatives,
        };
        var message = lookup.IsAmbiguous
            ? AssistantText.SeveralPapersMatch(Clip(query.Trim(), 80))
            : lookup.ByDescription ? AssistantText.MatchedByDescription(Clip(query.Trim(), 80)) : null;
        return new Reply
        {
            Input = input,
            Intent = Intent.Paper,
            Topics = best.Resource.Topics,
            Kind = ResourceKind.Paper,
            Message = message,
            Items = [match, .. alternatives],
            Paper = detail,
        };
    }

    public Reply ListTopics() => ListTopics(null);

    /// <summary>
    /// Without a topic: one compact line per topic. With one: its description, other names, reading path, how many
    /// items suit each level, and related topics.
    /// </summary>
    public Reply ListTopics(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            var lines = _engine.Catalog.Topics.Select(t => $"`{t.Id}` {t.Name} ({_engine.Index.ResourcesInTopic(t.Id).Count})");
            return new Reply
            {
                Input = "/topics",
                Intent = Intent.Topics,
                Message = AssistantText.TopicsHeadline(_engine.Catalog.Topics.Count) + "\n" + string.Join('\n', lines),
            };
        }

        var input = $"/topics {topic.Trim()}";
        var resolved = _engine.Parser.Parse(topic).ResolvedTopicIds;
        if (resolved.Count == 0 || _engine.Catalog.FindTopic(resolved[0]) is not { } found)
        {
            var nearest = _engine.Index.Topics.Nearest(topic, 3).Select(t => t.Id).ToList();
            return Error(input, AssistantText.UnknownTopicDetail(Clip(topic.Trim(), 60), nearest));
        }

        var members = _engine.Index.ResourcesInTopic(found.Id).Select(i => _engine.Index.Resources[i]).ToList();
        var byLevel = Enum.GetValues<Level>().Select(l => $"{LevelVocabulary.Name(l)} {members.Count(r => r.Level <= l && l <= r.MaxLevel)}");
        var path = found.Path
            .Select((step, i) => _engine.Catalog.FindResource(step.ResourceId) is { } r ? $"{i + 1}. {r.Title}: {step.Why}" : null)
            .OfType<string>();
        var sections = new List<ReplySection>();
        if (found.Aliases.Count > 0)
        {
            sections.Add(new ReplySection(AssistantText.AlsoCalled, string.Join(", ", found.Aliases.Take(MaxAliasesShown))));
        }

        if (found.Path.Count > 0)
        {
            sections.Add(new ReplySection(AssistantText.ReadingPath, string.Join('\n', path)));
        }

        sections.Add(new ReplySection(AssistantText.ItemsByLevel, $"{members.Count} items: " + string.Join(", ", byLevel)));
        var related = found.RelatedTopics.Select(id => _engine.Catalog.FindTopic(id)).OfType<Topic>().Select(t => $"{t.Name} (`{t.Id}`)").ToList();
        if (related.Count > 0)
        {
            sections.Add(new ReplySection(AssistantText.RelatedTopics, string.Join(", ", related)));
        }

        return new Reply
        {
            Input = input,
            Intent = Intent.Topics,
            Topics = [found.Id],
            Message = AssistantText.TopicDetail(found.Name, found.Id, found.Description),
            Sections = sections,
        };
    }

    public Reply Help() => Help("/help");

    public IReadOnlyList<Suggestion> SuggestTopics(string partial, int max = 25)
    {
        max = Math.Clamp(max, 1, 25);
        var typed = TextAnalyzer.Normalize(partial);
        var topics = _engine.Catalog.Topics;
        var ranked = typed.Length == 0
            ? topics
            : topics
                .Where(t => TextAnalyzer.Normalize(t.Name).Contains(typed, StringComparison.Ordinal)
                    || t.Id.Contains(typed.Replace(' ', '-'), StringComparison.Ordinal)
                    || t.Aliases.Any(a => TextAnalyzer.Normalize(a).StartsWith(typed, StringComparison.Ordinal)))
                .Concat(_engine.Index.Topics.Nearest(typed, 5))
                .Distinct();
        return ranked.Take(max).Select(t => new Suggestion(Clip(t.Name, 100), t.Id)).ToList();
    }

    public IReadOnlyList<Suggestion> SuggestPapers(string partial, int max = 25)
    {
        max = Math.Clamp(max, 1, 25);
        var papers = string.IsNullOrWhiteSpace(partial)
            ? _engine.Catalog.Resources
                .Where(r => r.Kind == ResourceKind.Paper)
                .OrderByDescending(r => r.RecommendedBy.Count)
                .ThenBy(r => r.Title, StringComparer.Ordinal)
                .Take(max)
                .ToList()
            : _engine.Papers.Suggest(partial, max);
        return papers.Select(r => new Suggestion(Clip(r.Title, 100), Clip(r.Nicknames.FirstOrDefault() ?? r.Title, 100))).ToList();
    }

    /// <summary>"paper raft" said to the bot is "/paper raft"; only the command words count, so questions stay questions.</summary>
    private static string? AddressedCommand(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('/'))
        {
            return trimmed;
        }

        var words = trimmed.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        var firstWord = words.FirstOrDefault()?.ToLowerInvariant();
        // "recommend me something" is a sentence, not the command with the topic "me something".
        var secondWord = words.Length > 1 ? words[1].ToLowerInvariant() : null;
        if (firstWord == "recommend" && secondWord is "me" or "us" or "something" or "anything" or "some" or "a" or "an" or "any" or "good" or "what")
        {
            return null;
        }

        // "paper on how google keeps per-key state in streaming" describes a paper in a sentence: the classifier reads it.
        if (firstWord == "paper" && secondWord is "on" or "about" or "that" or "where" or "which" or "explaining" or "describing" or "covering")
        {
            return null;
        }

        return firstWord is "recommend" or "paper" or "topics" or "help" ? "/" + trimmed : null;
    }

    private static string? ChannelCommand(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('/') && CommandNames.Contains(TypedCommand.NameOf(trimmed)) ? trimmed : null;
    }

    private Reply HandleRecommendCommand(string input, TypedCommand command)
    {
        var topic = command.Options.GetValueOrDefault("topic");
        var level = command.Options.GetValueOrDefault("level");
        var kind = command.Options.GetValueOrDefault("kind");
        var count = 5;
        if (command.Options.TryGetValue("count", out var countText)
            && !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return Error(input, AssistantText.CountNotANumber(Clip(countText, 20), MaxCount));
        }

        var page = 1;
        if (command.Options.TryGetValue("page", out var pageText)
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            return Error(input, AssistantText.PageNotANumber(Clip(pageText, 20), MaxPage));
        }

        var positional = command.Positional.ToList();
        if (level is null && positional.Count > 0 && LevelVocabulary.ParseWord(positional[^1]) is { } levelWord)
        {
            // "/recommend consensus beginer", "/recommend consensus hard", "/recommend beginner": the last word is a
            // level, said or misspelt; the words before it are the topic (none: the help asks for one, level kept).
            level = LevelVocabulary.Name(levelWord);
            positional.RemoveAt(positional.Count - 1);
        }
        else if (level is null && positional.Count == 2 && LevelVocabulary.ParseExact(positional[^1]) is null)
        {
            // "/recommend consensus banana" has the shape "/recommend <topic> <level>": a second word that is no
            // topic, kind, level or catalog word was meant as a level. Longer inputs are read as a topic phrase.
            var last = TextAnalyzer.Normalize(positional[^1]);
            var rest = _engine.Parser.Parse(string.Join(' ', positional.Take(positional.Count - 1)));
            var lastParsed = _engine.Parser.Parse(positional[^1]);
            var wholeParsed = _engine.Parser.Parse(string.Join(' ', positional));
            if (rest.Topics.Count > 0 && lastParsed.Topics.Count == 0 && lastParsed.Kinds.Count == 0
                && lastParsed.Level is null && last.Length > 0 && !TextAnalyzer.IsStopWord(last)
                && !IsCatalogWord(last)
                && wholeParsed.TopicIds.SequenceEqual(rest.TopicIds))
            {
                return Error(input, AssistantText.UnknownLevel(Clip(positional[^1], 40)));
            }
        }

        if (positional.Count > 0)
        {
            topic = string.Join(' ', new[] { topic }.Concat(positional).Where(s => !string.IsNullOrWhiteSpace(s)));
        }

        return Recommend(new RecommendRequest { Topic = topic ?? string.Empty, Level = level, Kind = kind, Count = count, Offset = (page - 1) * Math.Clamp(count, 1, MaxCount) }) with { Input = input };
    }

    /// <summary>
    /// A word of the catalog's, or a misspelling of one ("desing"), or one the catalog's text matches well
    /// ("readiness" in "production readiness"): part of a topic phrase, not a level typed wrong.
    /// </summary>
    private bool IsCatalogWord(string word) =>
        _engine.Index.Knows(word)
        || _engine.Recommender.Recommend(new RecommendationQuery { SubjectText = word, Count = 1 }).BestTextSimilarity >= CatalogWordTextFloor;

    private Reply HandlePaperCommand(string input, TypedCommand command)
    {
        var query = command.Options.GetValueOrDefault("query") ?? string.Join(' ', command.Positional);
        if (command.Options.ContainsKey("query") && command.Positional.Count > 0)
        {
            query = string.Join(' ', command.Positional) + " " + query;
        }

        return FindPaper(query) with { Input = input };
    }

    private Reply RecommendFromMessage(string text, ParsedQuery parsed, IReadOnlySet<string> alreadyRead)
    {
        var topicIds = parsed.ResolvedTopicIds;
        if (topicIds.Count == 0 && alreadyRead.Count > 0)
        {
            // "What should I read after DDIA?": more on what the finished item was about.
            topicIds = TopicsOfNamedResources(alreadyRead);
        }

        // "How does a system tell a dead node from a slow one?" names no topic but is about one.
        (topicIds, var topicConfidence) = NamedOrInferred(topicIds, parsed.SubjectText);

        var starter = topicIds.Count == 0 && parsed.SubjectText.Length == 0 && alreadyRead.Count == 0;
        var query = new RecommendationQuery
        {
            TopicIds = topicIds.Count > 0 ? topicIds : parsed.SubjectText.Length == 0 ? ["fundamentals"] : [],
            TopicConfidence = topicConfidence,
            Level = parsed.Level,
            Kinds = parsed.Kinds,
            ExcludedKinds = parsed.ExcludedKinds,
            SubjectText = parsed.SubjectText,
            ExcludedIds = alreadyRead,
            ReadIds = alreadyRead,
        };
        // The kind a message's words asked for stays a word of the topic, so the next page reads it as a preference again.
        var request = new RecommendRequest
        {
            Topic = string.Join(' ', query.TopicIds.Append(parsed.SubjectText).Concat(parsed.Kinds.Take(1).Select(KindVocabulary.Name))).Trim(),
            Level = parsed.Level is null ? null : LevelVocabulary.Name(parsed.Level.Value),
        };
        var reply = BuildRecommendReply(text, query, request, note: starter ? AssistantText.WhichTopicQuestion : null);
        return alreadyRead.Count > 0 ? WithReadNextReasons(reply, alreadyRead) : reply;
    }

    /// <summary>
    /// A request in a channel about something the catalog has no word for ("need reading glasses lol", "any good
    /// reads on sourdough?"): no topic, no item read, and a subject none of whose words the catalog knows. Nothing
    /// the bot could hand out would fit, so a channel is better left alone; asked directly, the bot still answers.
    /// "What should I read?" has no subject at all and gets the starter list.
    /// </summary>
    private bool IsOutsideTheCatalog(ParsedQuery parsed, IReadOnlySet<string> alreadyRead) =>
        parsed.ResolvedTopicIds.Count == 0
        && alreadyRead.Count == 0
        && parsed.SubjectText.Length > 0
        && !_engine.Index.KnowsAnyWordOf(parsed.SubjectText);

    /// <summary>
    /// "What should I read after DDIA?": an item the catalog names to read after what was read says so. The ranker
    /// weighs those links (<see cref="RankingFeatures.NextAfterRead"/>) rather than putting them first: blind judges
    /// often prefer other next steps.
    /// </summary>
    private Reply WithReadNextReasons(Reply reply, IReadOnlySet<string> alreadyRead)
    {
        var readBefore = alreadyRead.Select(_engine.Catalog.FindResource)
            .OfType<Resource>()
            .SelectMany(read => _engine.Index.DeclaredNext(read.Id).Select(next => (Read: read, Next: next)))
            .DistinctBy(pair => pair.Next.Id)
            .ToDictionary(pair => pair.Next.Id, pair => pair.Read, StringComparer.Ordinal);
        return readBefore.Count == 0
            ? reply
            : reply with { Items = reply.Items.Select(item => readBefore.TryGetValue(item.Id, out var read) ? item with { Reason = AssistantText.ReadNextAfter(read.Title, item.Reason) } : item).ToList() };
    }

    /// <summary>The topics found so far, or when there are none the one the topic model infers from the subject words; and how sure they are (1 when named).</summary>
    private (IReadOnlyList<string> Ids, float Confidence) NamedOrInferred(IReadOnlyList<string> topicIds, string subjectText) =>
        topicIds.Count == 0 && _engine.InferTopic(subjectText) is { } inferred ? ([inferred.Label], inferred.Confidence) : (topicIds, 1f);

    private List<string> TopicsOfNamedResources(IReadOnlySet<string> ids) =>
        ids.Select(_engine.Catalog.FindResource)
            .OfType<Resource>()
            .SelectMany(r => r.TopicsPrimaryFirst.Take(2))
            .Distinct()
            .ToList();

    private Reply BuildRecommendReply(string input, RecommendationQuery query, RecommendRequest request, string? note)
    {
        var (readerQuery, readerNote) = ApplyProfile(query);
        query = readerQuery;
        note = string.Join(' ', new[] { note, readerNote.LevelNote }.Where(s => s is not null)) is { Length: > 0 } joined ? joined : null;
        _recorder.Value?.Add(query);
        var page = _engine.Recommender.Recommend(query);
        var kinds = query.Kinds;
        string? kindNote = null;
        if (page.Items.Count == 0 && kinds.Count > 0 && query.Offset == 0)
        {
            kindNote = AssistantText.NoneOfKind(KindVocabulary.Name(kinds[0]));
            page = _engine.Recommender.Recommend(query with { Kinds = [] });
        }

        var topicNames = query.TopicIds.Select(_engine.Index.TopicName).ToList();
        var headline = page.Items.Count == 0
            ? AssistantText.NothingMore
            : AssistantText.RecommendHeadline(topicNames, query.Offset > 0, query.Level, KindNamed(query, page, kindNote));
        var confusion = ConfusionNote(input);
        return new Reply
        {
            Input = input,
            Intent = Intent.Recommend,
            Level = query.Level,
            Topics = query.TopicIds,
            Kind = kinds.Count > 0 ? kinds[0] : null,
            Message = string.Join(' ', new[] { note, kindNote, headline, readerNote.HiddenNote }.Where(s => s is not null)),
            Items = page.Items.Select(r => ToItem(r.Resource, r.Score, r.Reason)).ToList(),
            Sections = confusion is null ? [] : [confusion],
            NextPage = page.HasMore ? new RecommendPage(request with { Offset = query.Offset + query.Count, Count = query.Count }) : null,
        };
    }

    /// <summary>The reader's level shift on the query's first topic, and their read and dismissed items left out.</summary>
    private (RecommendationQuery Query, (string? LevelNote, string? HiddenNote) Notes) ApplyProfile(RecommendationQuery query)
    {
        if (_profile.Value is not { } profile)
        {
            return (query, (null, null));
        }

        string? levelNote = null;
        if (query.Level is null && profile.DefaultLevel is { } groupLevel)
        {
            query = query with { Level = groupLevel };
        }

        if (query.Level is { } asked && query.TopicIds.Count > 0)
        {
            var topic = query.TopicIds[0];
            var shift = profile.LevelShiftOn(topic);
            var shifted = (Level)Math.Clamp((int)asked + shift, (int)Level.Beginner, (int)Level.Advanced);
            if (shifted != asked)
            {
                query = query with { Level = shifted };
                levelNote = ReaderText.LevelShifted(_engine.Index.TopicName(topic), LevelVocabulary.Name(shifted), shift > 0);
            }
        }

        if (profile.Read.Count == 0 && profile.Dismissed.Count == 0)
        {
            return (query, (levelNote, null));
        }

        // What this page would have shown without the reader's history, to say how much of it was left out.
        var unfiltered = _engine.Recommender.Recommend(query).Items.Select(i => i.Resource.Id).ToList();
        var hiddenRead = unfiltered.Count(profile.Read.Contains);
        var hiddenDismissed = unfiltered.Count(id => !profile.Read.Contains(id) && profile.Dismissed.Contains(id));
        var excluded = new HashSet<string>(query.ExcludedIds, StringComparer.Ordinal);
        excluded.UnionWith(profile.Read);
        excluded.UnionWith(profile.Dismissed);
        var read = new HashSet<string>(query.ReadIds, StringComparer.Ordinal);
        read.UnionWith(profile.Read);
        return (query with { ExcludedIds = excluded, ReadIds = read }, (levelNote, ReaderText.HiddenItems(hiddenRead, hiddenDismissed)));
    }

    private ReplySection? ConfusionNote(string input)
    {
        var normalized = " " + TextAnalyzer.Normalize(input) + " ";
        var confusion = _engine.Catalog.Confusions.FirstOrDefault(c =>
            c.Terms.Count(term => normalized.Contains(" " + TextAnalyzer.Normalize(term) + " ", StringComparison.Ordinal)) >= 2);
        return confusion is null ? null : new ReplySection(string.Join(" vs ", confusion.Terms), confusion.Note);
    }

    private Reply Help(string input) => new()
    {
        Input = input,
        Intent = Intent.Help,
        Message = AssistantText.Introduction,
        Sections = AssistantText.HelpSections.Select(s => new ReplySection(s.Title, s.Text)).ToList(),
    };

    /// <summary>A catalog item as a reply item, with <paramref name="reason"/> as its line.</summary>
    internal ReplyItem Describe(Resource resource, string reason) => ToItem(resource, 0, reason);

    private ReplyItem ToItem(Resource resource, double score, string reason) => new()
    {
        Id = resource.Id,
        Title = resource.Title,
        Kind = resource.Kind,
        Level = resource.Level,
        Authors = resource.Authors,
        Year = resource.Year,
        Url = resource.Url,
        Score = score,
        Reason = reason,
        Summary = resource.Summary,
        Venue = resource.Venue,
    };

    private string PaperReason(Resource resource)
    {
        var sources = resource.RecommendedBy.Select(id => _engine.Catalog.FindSource(id)?.Name).OfType<string>().Take(2).ToList();
        var topics = string.Join(", ", resource.Topics.Take(2).Select(t => _engine.Index.TopicName(t).ToLowerInvariant()));
        return AssistantText.PaperReason(ReasonWriter.Describe(resource), topics, sources);
    }

    /// <summary>
    /// The kind the headline names: one chosen as an option, or one read from the words when every item shown is of
    /// it ("books on consensus" over a page that holds a paper would say what the page is not).
    /// </summary>
    private static string? KindNamed(RecommendationQuery query, RecommendationPage page, string? kindNote) =>
        query.Kinds is [var kind, ..] && kindNote is null && (query.KindsRequired || page.Items.All(item => item.Resource.Kind == kind))
            ? KindVocabulary.Name(kind)
            : null;

    private static string DescribeRequest(RecommendRequest request) =>
        "/recommend " + string.Join(' ', new[]
        {
            request.Topic,
            request.Level is null ? null : "level:" + request.Level,
            request.Kind is null ? null : "kind:" + request.Kind,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static Reply Error(string input, string message) => new() { Input = input, Intent = Intent.Error, Message = message };

    private static Reply Silence(string input) => new() { Input = input, Intent = Intent.None };


    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>A mention at the start of a typed line: "@bot", "@ReadingBot," or Discord's raw "&lt;@123&gt;".</summary>
    [GeneratedRegex(@"^(?:@[\w.-]+|<@!?\d+>)[,:]?\s+")]
    private static partial Regex LeadingMention();
}
