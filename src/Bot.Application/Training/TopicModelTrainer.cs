using System.Globalization;
using System.Text;
using Bot.Application.Judgments;
using Bot.Catalog;
using Bot.Featurization;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Ranking;
using Bot.Recommendation.Understanding;

namespace Bot.Application.Training;

/// <summary>One text the topic model learns from, the topic it is about, and where it came from.</summary>
public sealed record TopicExample(string Text, string TopicId, TopicExampleSource Source);

public enum TopicExampleSource
{
    /// <summary>A judged request's subject words (what the parser leaves once level, kind and grammar words are gone).</summary>
    Request,

    /// <summary>A catalog item's title and summary, labelled with its primary topic.</summary>
    Item,

    /// <summary>A topic's name, description and aliases.</summary>
    Topic,
}

/// <summary>A judged request's inferred topic under cross-validation: right when it is one of the judged topics.</summary>
public sealed record TopicOutcome(TopicExample Example, string Predicted, float Confidence, bool NamesATopic, bool Right);

/// <summary>
/// Trains the topic model (<see cref="TopicModel"/>): FeaturizeText into a maximum-entropy classifier over the topic
/// ids, on the judged requests of the training folders (never Holdout2) and on the catalog's own text, which covers
/// every topic even where few requests were judged. Deterministic: the intent trainer's fixed seed and one thread.
/// </summary>
public static class TopicModelTrainer
{
    public const int Folds = 5;

    // Maximum entropy over word and character n-grams: with thirty classes a boosted tree model would need thirty
    // trees per round, and on this little text the linear model is as accurate (see `Bot model train`).
    private const IntentTrainerKind Trainer = IntentTrainerKind.SdcaMaximumEntropy;

    /// <summary>An engine that reads requests as the bot does before any topic is inferred: what the examples and the cross-validation use.</summary>
    public static RecommendationEngine WordsOnlyEngine(ReadingCatalog catalog) => new(catalog, RankerModel.Untrained, topicModel: TopicModel.None);

    /// <summary>The examples: every judged request's subject words under each judged topic, then the catalog's.</summary>
    /// <param name="engine">From <see cref="WordsOnlyEngine"/>.</param>
    public static IReadOnlyList<TopicExample> Examples(RecommendationEngine engine, IEnumerable<RecommendJudgment> judgments) =>
        [.. RequestExamples(engine, judgments), .. CatalogExamples(engine.Catalog)];

    public static IReadOnlyList<TopicExample> RequestExamples(RecommendationEngine engine, IEnumerable<RecommendJudgment> judgments)
    {
        var assistant = new ReadingAssistant(engine);
        var examples = new List<TopicExample>();
        foreach (var judgment in judgments)
        {
            var subject = SubjectOf(engine, assistant, judgment.Input);
            if (subject.Length == 0)
            {
                continue;
            }

            examples.AddRange(judgment.Topics.Distinct(StringComparer.Ordinal).Select(topic => new TopicExample(subject, topic, TopicExampleSource.Request)));
        }

        return examples;
    }

    public static IReadOnlyList<TopicExample> CatalogExamples(ReadingCatalog catalog) =>
    [
        .. catalog.Resources.Select(r => new TopicExample($"{r.Title} {r.AboutText}", r.PrimaryTopic, TopicExampleSource.Item)),
        .. catalog.Topics.SelectMany(t => t.Aliases.Prepend(t.Description).Prepend(t.Name).Select(text => new TopicExample(text, t.Id, TopicExampleSource.Topic))),
    ];

    /// <summary>The words a request is about, as the assistant reads them before any topic is inferred.</summary>
    public static string SubjectOf(RecommendationEngine engine, ReadingAssistant assistant, string input)
    {
        var (_, query) = assistant.HandleRecordedRequest(input);
        if (query is not null)
        {
            return query.SubjectText;
        }

        // Answered with an error (an unknown topic the text search found nothing for): the typed words still say
        // what the request was about, less the command and its named options.
        var words = input.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith('/') && !w.Contains(':', StringComparison.Ordinal));
        return engine.Parser.Parse(string.Join(' ', words)).SubjectText;
    }

    /// <param name="meaning">Places each subject by meaning beside its words (<see cref="MessageFacts.Meaning"/>); null for a model that reads the words alone.</param>
    public static TopicModel Train(IReadOnlyList<TopicExample> examples, WordVectors? meaning = null)
    {
        var (messages, label) = AsMessages(examples);
        return new TopicModel(IntentModelTrainer.TrainText(messages, Trainer, label, meaning: meaning), meaning);
    }

    /// <summary>
    /// Each judged request's topic predicted by a model trained without its fold (requests split whole, by input);
    /// the catalog's examples are in every fold's training data, as they are in the shipped model's.
    /// </summary>
    /// <param name="engine">From <see cref="WordsOnlyEngine"/>: its parser says which subjects name a topic.</param>
    /// <param name="meaning">As for <see cref="Train"/>.</param>
    public static IReadOnlyList<TopicOutcome> CrossValidate(IReadOnlyList<TopicExample> examples, RecommendationEngine engine, WordVectors? meaning = null)
    {
        var requests = examples.Where(e => e.Source == TopicExampleSource.Request).ToList();
        var catalogExamples = examples.Where(e => e.Source != TopicExampleSource.Request).ToList();
        var subjects = requests.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToList();
        var foldOf = subjects.Select((s, i) => (s, i % Folds)).ToDictionary(p => p.s, p => p.Item2, StringComparer.Ordinal);
        var topicsBySubject = requests.GroupBy(e => e.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.TopicId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var outcomes = new List<TopicOutcome>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = Train([.. requests.Where(e => foldOf[e.Text] != fold), .. catalogExamples], meaning);
            foreach (var subject in subjects.Where(s => foldOf[s] == fold))
            {
                var prediction = model.Predict(subject)!.Value;
                var example = new TopicExample(subject, topicsBySubject[subject].First(), TopicExampleSource.Request);
                var namesATopic = engine.Parser.Parse(subject).ResolvedTopicIds.Count > 0;
                outcomes.Add(new TopicOutcome(example, prediction.Label, prediction.Confidence, namesATopic, topicsBySubject[subject].Contains(prediction.Label)));
            }
        }

        return outcomes;
    }

    /// <summary>Accuracy and coverage of the inferred topic at each threshold, for the requests that name no topic and for all.</summary>
    public static string FormatThresholds(IReadOnlyList<TopicOutcome> outcomes)
    {
        var text = new StringBuilder();
        var unnamed = outcomes.Where(o => !o.NamesATopic).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"  {outcomes.Count} judged subjects; {unnamed.Count} name no topic the parser knows. Top-1 right: all {Rate(outcomes.Count(o => o.Right), outcomes.Count)}, naming none {Rate(unnamed.Count(o => o.Right), unnamed.Count)}");
        text.AppendLine("  threshold  naming none: inferred  right among inferred");
        for (var step = 2; step <= 9; step++)
        {
            var threshold = step / 10f;
            var inferred = unnamed.Where(o => o.Confidence >= threshold).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"  {threshold,9:F1}  {Rate(inferred.Count, unnamed.Count),21}  {Rate(inferred.Count(o => o.Right), inferred.Count),20}");
        }

        return text.ToString();
    }

    private static string Rate(int part, int whole) => whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{(double)part / whole:P1} ({part}/{whole})");

    private static (IReadOnlyList<LabelledMessage> Messages, Func<LabelledMessage, string> Label) AsMessages(IReadOnlyList<TopicExample> examples)
    {
        var topics = new Dictionary<LabelledMessage, string>(ReferenceEqualityComparer.Instance);
        var messages = new List<LabelledMessage>(examples.Count);
        foreach (var example in examples)
        {
            var message = new LabelledMessage(TextAnalyzer.Normalize(example.Text), MessageIntent.Recommend, null, Addressed: false, OtherLanguage: false);
            topics[message] = example.TopicId;
            messages.Add(message);
        }

        return (messages, m => topics[m]);
    }
}
