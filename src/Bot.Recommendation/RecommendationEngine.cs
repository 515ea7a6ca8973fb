using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation;

/// <summary>The recommender's parts, built once from a catalog and safe to share between threads.</summary>
public sealed class RecommendationEngine
{
    /// <param name="model">The ranking model; default the trained one built into this assembly (<see cref="RankerModel.Bundled"/>).</param>
    /// <param name="options">Candidate counts and page shaping; default <see cref="RankingOptions.Default"/>.</param>
    /// <param name="textOptions">Featurizer settings for the text indexes; default <see cref="TextFeaturizerOptions.Retrieval"/>.</param>
    /// <param name="intentModel">The free-text intent model; default the one shipped in this assembly (loaded once per process).</param>
    /// <param name="classifierOptions">The free-text classifier's thresholds; default <see cref="MessageClassifierOptions"/>'s.</param>
    /// <param name="topicModel">Infers the topic of a request that names none; default the one shipped in this assembly.</param>
    /// <param name="levelModel">Reads a free-text request's level when the level phrases find none; default the one shipped in this assembly.</param>
    /// <param name="wordVectors">Places requests and resources by meaning; default the ones shipped in this assembly (<see cref="MeaningIndex.Shipped"/>).</param>
    public RecommendationEngine(
        ReadingCatalog catalog, RankerModel? model = null, RankingOptions? options = null, TextFeaturizerOptions? textOptions = null,
        IntentModel? intentModel = null, MessageClassifierOptions? classifierOptions = null, TopicModel? topicModel = null, LevelModel? levelModel = null,
        WordVectors? wordVectors = null)
    {
        _topicModel = topicModel;
        _understanding = (classifierOptions ?? MessageClassifierOptions.Default).Validated();
        var ranking = (options ?? RankingOptions.Default).Validated();

        // The shipped ranker loads on another core while the catalog is indexed (unless it is loading already).
        if (model is null)
        {
            WarmUpShippedRanker();
        }

        Index = new CatalogIndex(catalog, textOptions, ranking.SearchBudget, wordVectors ?? MeaningIndex.Shipped);
        Parser = new QueryParser(Index.Topics);
        Recommender = new Recommender(Index, model ?? RankerModel.Bundled, ranking);
        Papers = new PaperFinder(Index, ranking);
        _classifier = new Lazy<MessageClassifier>(() => new MessageClassifier(
            Parser, Papers, intentModel ?? ShippedIntentModel.Value, _understanding, levelModel ?? ShippedLevelModel.Value, MeaningIndex.Shipped));
    }

    private static readonly Lazy<IntentModel> ShippedIntentModel = new(IntentModel.LoadEmbedded);
    private static readonly Lazy<TopicModel> ShippedTopicModel = new(TopicModel.LoadEmbedded);
    private static readonly Lazy<LevelModel> ShippedLevelModel = new(LevelModel.LoadEmbedded);

    private static readonly Lazy<Task> ShippedRankerWarmUp = new(() => Task.Run(() => RankerModel.Bundled));

    /// <summary>
    /// Starts loading the shipped ranker (<see cref="RankerModel.Bundled"/>) on a thread-pool thread, once per process,
    /// so that an engine built meanwhile (while its catalog loads and is indexed) finds it loaded or waits only for the
    /// rest. A load that fails keeps its exception, which the engine that needs the model rethrows.
    /// </summary>
    public static void WarmUpShippedRanker() => _ = ShippedRankerWarmUp.Value;

    /// <summary>
    /// Starts building the free-text <see cref="Classifier"/> (loading the shipped intent and level models) on a
    /// thread-pool thread, for a host that will read free text: its first free-text message then waits only for what
    /// is left of the load. Slash commands never need it, so a host that only answers them need not call this.
    /// </summary>
    public void WarmUpFreeText() => _ = Task.Run(() => _classifier.Value);

    // Null until asked for: the shipped model loads on the first request that names no topic.
    private readonly TopicModel? _topicModel;
    private readonly MessageClassifierOptions _understanding;
    private readonly Lazy<MessageClassifier> _classifier;

    /// <summary>
    /// The topic a request naming none is about, when the topic model is sure enough of one that the catalog has
    /// (<see cref="MessageClassifierOptions.TopicThreshold"/>); otherwise none, and the words alone rank. Words the
    /// catalog does not know at all ("quantum basketweaving") get no topic: the model would still pick its likeliest.
    /// </summary>
    public IntentPrediction? InferTopic(string subjectText) =>
        Index.KnowsAnyWordOf(subjectText)
        && (_topicModel ?? ShippedTopicModel.Value).Predict(subjectText) is { } prediction
        && prediction.Confidence >= _understanding.TopicThreshold
        && Catalog.FindTopic(prediction.Label) is not null
            ? prediction
            : null;

    public CatalogIndex Index { get; }
    public ReadingCatalog Catalog => Index.Catalog;
    public QueryParser Parser { get; }
    public Recommender Recommender { get; }
    public PaperFinder Papers { get; }

    /// <summary>Reads free text; built on first use (loading the shipped intent and level models) or by <see cref="WarmUpFreeText"/>.</summary>
    public MessageClassifier Classifier => _classifier.Value;
}
