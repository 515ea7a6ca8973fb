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
    public RecommendationEngine(
        ReadingCatalog catalog, RankerModel? model = null, RankingOptions? options = null, TextFeaturizerOptions? textOptions = null,
        IntentModel? intentModel = null, MessageClassifierOptions? classifierOptions = null)
    {
        Index = new CatalogIndex(catalog, textOptions);
        Parser = new QueryParser(Index.Topics);
        Recommender = new Recommender(Index, model ?? RankerModel.Bundled, (options ?? RankingOptions.Default).Validated());
        Papers = new PaperFinder(Index);
        Classifier = new MessageClassifier(Parser, Papers, intentModel ?? ShippedIntentModel.Value, classifierOptions);
    }

    private static readonly Lazy<IntentModel> ShippedIntentModel = new(IntentModel.LoadEmbedded);

    public CatalogIndex Index { get; }
    public ReadingCatalog Catalog => Index.Catalog;
    public QueryParser Parser { get; }
    public Recommender Recommender { get; }
    public PaperFinder Papers { get; }
    public MessageClassifier Classifier { get; }
}
