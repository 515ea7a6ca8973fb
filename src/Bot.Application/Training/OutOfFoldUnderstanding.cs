using Bot.Application.Judgments;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Application.Training;

/// <summary>
/// The ranker's training requests read as the bot reads a request it has never seen. The topic and level models were
/// trained on these very requests, so read by the shipped models their topic and level come out nearly always right,
/// and a ranker trained on them learns to trust a topic the models will often get wrong on new wording. Here each
/// request is read by topic and level models trained without its fold, so the ranker learns how far to trust them.
/// </summary>
/// <remarks>
/// A request's fold is <see cref="LevelModelTrainer.FoldOf(string)"/> of its words, so the level model's training
/// messages with the same words fall in the same fold. The catalog's own topic examples are in every fold's model, as
/// in the shipped one. Five topic and five level models: about three minutes on two cores.
/// </remarks>
public static class OutOfFoldUnderstanding
{
    public static int Folds => LevelModelTrainer.Folds;

    /// <summary>The judged requests (in order) as <see cref="RankerTrainer.BuildDataset"/> gives them, each read by models trained without its fold.</summary>
    /// <param name="levelRequests">The level model's training requests (<see cref="LevelModelTrainer.LoadRequests"/>).</param>
    public static IReadOnlyList<TrainingQuery> BuildDataset(
        ReadingCatalog catalog, IReadOnlyList<RecommendJudgment> judgments, IReadOnlyList<LabelledMessage> levelRequests, RankingOptions? options = null, MessageClassifierOptions? understanding = null)
    {
        var foldOf = judgments.Select(j => LevelModelTrainer.FoldOf(j.Input)).ToArray();
        var wordsOnly = TopicModelTrainer.WordsOnlyEngine(catalog);
        var catalogExamples = TopicModelTrainer.CatalogExamples(catalog);
        var requestExamples = judgments.Select(j => TopicModelTrainer.RequestExamples(wordsOnly, [j])).ToArray();

        // Candidates and features do not depend on how the request was read, so one engine finds them for every fold.
        var features = new RecommendationEngine(catalog, RankerModel.Untrained, options, classifierOptions: understanding, topicModel: TopicModel.None);
        var source = new CandidateSource(features.Index, options ?? RankingOptions.Default);
        var readers = new ReadingAssistant[Folds];
        for (var fold = 0; fold < Folds; fold++)
        {
            var own = fold;
            var topicModel = TopicModelTrainer.Train([.. requestExamples.Where((_, i) => foldOf[i] != own).SelectMany(e => e), .. catalogExamples]);
            var levelModel = LevelModelTrainer.Train(levelRequests.Where(m => LevelModelTrainer.FoldOf(m) != own).ToList());
            readers[fold] = new ReadingAssistant(new RecommendationEngine(catalog, RankerModel.Untrained, options, classifierOptions: understanding, topicModel: topicModel, levelModel: levelModel));
        }

        return judgments
            .Select((judgment, i) => RankerTrainer.Read(judgment, readers[foldOf[i]], features.Recommender.Features, source))
            .OfType<TrainingQuery>()
            .ToList();
    }
}
