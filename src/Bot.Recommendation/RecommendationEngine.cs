using Bot.Catalog;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation;

/// <summary>The recommender's parts, built once from a catalog and safe to share between threads.</summary>
public sealed class RecommendationEngine
{
    public RecommendationEngine(ReadingCatalog catalog, ScoringWeights? weights = null)
    {
        Index = new CatalogIndex(catalog);
        Parser = new QueryParser(Index.Topics);
        Recommender = new Recommender(Index, weights);
        Papers = new PaperFinder(Index);
        Classifier = new MessageClassifier(Parser, Papers);
    }

    public CatalogIndex Index { get; }
    public ReadingCatalog Catalog => Index.Catalog;
    public QueryParser Parser { get; }
    public Recommender Recommender { get; }
    public PaperFinder Papers { get; }
    public MessageClassifier Classifier { get; }
}
