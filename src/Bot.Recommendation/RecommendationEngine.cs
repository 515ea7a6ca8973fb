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
    public RecommendationEngine(
        ReadingCatalog catalog, RankerModel? model = null, RankingOptions? options = null, TextFeaturizerOptions? textOptions = null,
        IntentModel? intentModel = null, MessageClassifierOptions? classifierOptions = null, TopicModel? topicModel = null, LevelModel? levelModel = null)
    {
        _topicModel = topicModel;
        _understanding = classifierOptions ?? MessageClassifierOptions.Default;
        var ranking = (options ?? RankingOptions.Default).Validated();
        Index = new CatalogIndex(catalog, textOptions, ranking.SearchBudget);
        Parser = new QueryParser(Index.Topics);
        Recommender = new Recommender(Index, model ?? RankerModel.Bundled, ranking);
        Papers = new PaperFinder(Index);
        Classifier = new MessageClassifier(Parser, Papers, intentModel ?? ShippedIntentModel.Value, classifierOptions, levelModel ?? ShippedLevelModel.Value);
    }

    private static readonly Lazy<IntentModel> ShippedIntentModel = new(IntentModel.LoadEmbedded);
    private static readonly Lazy<TopicModel> ShippedTopicModel = new(TopicModel.LoadEmbedded);
    private static readonly Lazy<LevelModel> ShippedLevelModel = new(LevelModel.LoadEmbedded);

    // Null until asked for: the shipped model loads on the first request that names no topic.
    private readonly TopicModel? _topicModel;
    private readonly MessageClassifierOptions _understanding;

    /// <summary>
    /// The topic a request naming none is about, when the topic model is sure enough of one that the catalog has
    /// (<see cref="MessageClassifierOptions.TopicThreshold"/>); otherwise none, and the words alone rank. Words the
    /// catalog does not know at all ("quantum basketweaving") get no topic: the model would still pick its likeliest.
    /// </summary>
    public string? InferTopic(string subjectText) =>
        Index.KnowsAnyWordOf(subjectText)
        && (_topicModel ?? ShippedTopicModel.Value).Predict(subjectText) is { } prediction
        && prediction.Confidence >= _understanding.TopicThreshold
        && Catalog.FindTopic(prediction.Label) is not null
            ? prediction.Label
            : null;

    public CatalogIndex Index { get; }
    public ReadingCatalog Catalog => Index.Catalog;
    public QueryParser Parser { get; }
    public Recommender Recommender { get; }
    public PaperFinder Papers { get; }
    public MessageClassifier Classifier { get; }
}
