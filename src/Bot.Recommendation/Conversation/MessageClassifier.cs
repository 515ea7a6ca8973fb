using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Conversation;

/// <summary>What a channel message asks for, with the parsed query behind it.</summary>
/// <param name="AlreadyRead">Resources the writer says they have read or know ("after DDIA"), to leave out.</param>
public sealed record MessageClassification(MessageIntent Intent, ParsedQuery Query, string? PaperQuery)
{
    public IReadOnlySet<string> AlreadyRead { get; init; } = new HashSet<string>();

    /// <summary>The message is not in English: the bot stays silent unless addressed, then says in English what it understands.</summary>
    public bool OtherLanguage { get; init; }

    /// <summary>The model's probability for the class it chose (1 when an exact rule decided).</summary>
    public float Confidence { get; init; } = 1f;
}

/// <summary>
/// Decides whether a channel message asks for reading material. The trained <see cref="IntentModel"/> decides
/// between a list (recommend), one paper and chatter; exact facts then refine it: the paper the message names,
/// the topics it names, and whether the bot was addressed (then a bare topic is a request). Chatter gets
/// silence, because a bot that answers ordinary conversation gets muted. A request's level is the level phrases'
/// (the query parser), else the <see cref="LevelModel"/>'s when it is sure enough (<see cref="ReadLevel"/>).
/// </summary>
public sealed class MessageClassifier
{
    public const int MaxMessageLength = 500;

    private readonly QueryParser _parser;
    private readonly PaperFinder _papers;
    private readonly IntentModel _model;
    private readonly MessageClassifierOptions _options;
    private readonly LevelModel _levels;
    private readonly WordVectors? _meaning;

    /// <param name="levels">Reads the level a request implies when the level phrases find none; default <see cref="LevelModel.None"/> (phrases only).</param>
    /// <param name="meaning">Places each message by meaning for a model trained with it (<see cref="MessageFacts.Meaning"/>); null for none.</param>
    public MessageClassifier(QueryParser parser, PaperFinder papers, IntentModel model, MessageClassifierOptions? options = null, LevelModel? levels = null, WordVectors? meaning = null)
    {
        if (meaning is not null && meaning.Dimensions != MessageFacts.MeaningDimensions)
        {
            throw new ArgumentException($"The intent model reads meaning vectors of {MessageFacts.MeaningDimensions} numbers; these have {meaning.Dimensions}.", nameof(meaning));
        }

        _meaning = meaning;
        _parser = parser;
        _papers = papers;
        _model = model;
        _options = (options ?? MessageClassifierOptions.Default).Validated();
        _levels = levels ?? LevelModel.None;
    }

    /// <summary>
    /// The level of a free-text request: the level phrases' (<paramref name="parsed"/>, the query parser's reading),
    /// else the level model's reading of <paramref name="modelText"/> when it names a level with a probability of at
    /// least <see cref="MessageClassifierOptions.LevelThreshold"/>, else none. It applies wherever a request is free
    /// text read by this classifier: channel and direct messages, and the free-text inputs of judged requests (which
    /// the ranker learns from), the same text the model was trained and measured on. Slash commands never come here:
    /// their <c>level:</c> option and a level word at the end have exact rules, and the words of their topic only the
    /// phrases read, as the model was never measured on them.
    /// </summary>
    /// <param name="modelText">The message as the models read it (<see cref="IntentModel.ModelText"/>).</param>
    public Level? ReadLevel(ParsedQuery parsed, string modelText) =>
        parsed.Level ?? (_levels.PredictModelText(modelText) is { Level: { } implied, Confidence: var confidence } && confidence >= _options.LevelThreshold ? implied : null);

    /// <summary>The model's own verdict, before the exact rules: for measurements.</summary>
    public IntentPrediction PredictRaw(string text, bool addressedToBot) => FactsOf(text, addressedToBot) is var facts ? _model.PredictModelText(facts.ModelText, facts.Features, facts.Meaning) : default;

    /// <summary>The exact facts the model reads beside the text; the trainer uses the same.</summary>
    public MessageFacts FactsOf(string text, bool addressedToBot) => MessageFacts.Of(text, addressedToBot, _parser, _papers, _meaning);

    /// <param name="addressedToBot">The message mentions the bot or is a direct message.</param>
    public MessageClassification Classify(string? message, bool addressedToBot = false)
    {
        var text = message ?? string.Empty;
        var facts = FactsOf(text.Length > MaxMessageLength ? string.Empty : text, addressedToBot);
        var (normalized, query, mentions) = (facts.Normalized, facts.Query, facts.Mentions);
        if (normalized.Length == 0)
        {
            return new MessageClassification(MessageIntent.None, query, null);
        }

        var prediction = _model.PredictModelText(facts.ModelText, facts.Features, facts.Meaning);
        // A message mostly in another script is another language whatever the model makes of it: that much is exact.
        if (prediction.IsOtherLanguage || facts.OtherScript)
        {
            return new MessageClassification(MessageIntent.None, query, null) { OtherLanguage = true, Confidence = prediction.Confidence };
        }

        var intent = prediction.Intent;
        if (!addressedToBot && prediction.Confidence < _options.SilenceThreshold)
        {
            intent = MessageIntent.None;
        }

        // In a channel a bare topic ("consensus for beginners") is conversation, not a request to the bot.
        if (!addressedToBot && IsBareTopic(query) && !text.Contains('?', StringComparison.Ordinal) && normalized.AsSpan().Count(' ') + 1 <= 4)
        {
            intent = MessageIntent.None;
        }

        if (mentions.Paper is { } title && IsTitleAsked(normalized, title))
        {
            // "'Access Path Selection in a Relational Database Management System' anyone?": a paper's full title with
            // a few words around it asks for that paper, whatever the model makes of the rare words in it.
            return new MessageClassification(MessageIntent.Paper, query, title) { Confidence = prediction.Confidence };
        }

        if (addressedToBot && mentions.Paper is { } bareName && query.Topics.Count == 0 && query.UnknownWords.Count <= 2 && intent != MessageIntent.None)
        {
            // "@bot ironfleet": a paper's name said to the bot is a lookup.
            return new MessageClassification(MessageIntent.Paper, query, bareName) { Confidence = prediction.Confidence };
        }

        if (intent == MessageIntent.None && addressedToBot && IsBareTopic(query))
        {
            intent = MessageIntent.Recommend;
        }

        if (intent == MessageIntent.Paper)
        {
            // "kingsbury 2013 kafka": an author and a year that pin one paper say more than a name that other
            // papers share.
            if (mentions is { AuthorYearAlone: true, AuthorYearPaper: { } pinned } && _papers.TitleOf(pinned) is { } pinnedTitle)
            {
                return new MessageClassification(MessageIntent.Paper, query, pinnedTitle) { Confidence = prediction.Confidence };
            }

            if (mentions.Paper is { } named)
            {
                return new MessageClassification(MessageIntent.Paper, query, named) { Confidence = prediction.Confidence };
            }

            // Asked by author or description rather than by name: look the words up; without a match a list on the
            // topics named is the next best answer, and in a channel silence is better than "no paper matches".
            if (query.SubjectText.Length > 0 && _papers.Find(query.SubjectText).Best is not null)
            {
                return new MessageClassification(MessageIntent.Paper, query, query.SubjectText) { Confidence = prediction.Confidence };
            }

            intent = query.Topics.Count > 0 ? MessageIntent.Recommend : addressedToBot ? MessageIntent.Paper : MessageIntent.None;
            if (intent == MessageIntent.Paper)
            {
                return new MessageClassification(MessageIntent.Paper, query, normalized) { Confidence = prediction.Confidence };
            }
        }

        if (intent == MessageIntent.Recommend)
        {
            var alreadyRead = query.SaysRead ? mentions.ResourceIds : new HashSet<string>();
            var level = ReadLevel(query, facts.ModelText);
            return new MessageClassification(MessageIntent.Recommend, query with { Level = level }, null) { AlreadyRead = alreadyRead, Confidence = prediction.Confidence };
        }

        return new MessageClassification(MessageIntent.None, query, null) { Confidence = prediction.Confidence };
    }

    // A title of four words or more, and at most five words of the message beside it ("link?", "where can I find",
    // "need ... for class tomorrow"): a longer message only mentions the paper on the way to saying something else.
    private static bool IsTitleAsked(string normalized, string title) =>
        title.AsSpan().Count(' ') + 1 >= 4 && normalized.AsSpan().Count(' ') - title.AsSpan().Count(' ') <= 5;

    // "consensus for beginners pls": a topic and at most one word that is neither level, kind nor topic.
    private static bool IsBareTopic(ParsedQuery query) => query.Topics.Count > 0 && query.UnknownWords.Count <= 1;
}
