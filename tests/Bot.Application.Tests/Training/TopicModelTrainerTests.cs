using Bot.Application.Training;
using Bot.Featurization;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Understanding;

namespace Bot.Application.Tests.Training;

/// <summary>The topic model on the fixture catalog: trained on the catalog's own text, used only where no topic is named.</summary>
public sealed class TopicModelTrainerTests
{
    // The fixture's items placed as a sentence encoder might: each at its primary topic, in the model's meaning width.
    private static readonly WordVectors Meaning = WordVectors.Build(
        [.. FixtureCatalog.Create().Resources.Select(r => (r.Title + " " + r.Summary, AtTopic(r.PrimaryTopic)))]);

    private static readonly Lazy<TopicModel> Model = new(() => TopicModelTrainer.Train(TopicModelTrainer.CatalogExamples(FixtureCatalog.Create())));

    private static ReadingAssistant AssistantWith(TopicModel model, float threshold = MessageClassifierOptions.DefaultTopicThreshold) =>
        new(new RecommendationEngine(FixtureCatalog.Create(), topicModel: model, classifierOptions: new MessageClassifierOptions { TopicThreshold = threshold }));

    [Fact]
    public void A_request_naming_no_topic_is_read_as_the_topic_its_words_are_about()
    {
        var reply = AssistantWith(Model.Value).Handle("/recommend malicious liars and lying nodes");

        Assert.Equal(Intent.Recommend, reply.Intent);
        Assert.Equal(["byzantine-fault-tolerance"], reply.Topics);
        Assert.Contains(reply.Items, i => i.Id == "byzantine-intro");
    }

    [Fact]
    public void A_model_trained_with_meaning_reads_words_no_example_used()
    {
        // Only the topics' names, descriptions and aliases: "malicious" and "lying" are in no example, but the word
        // vectors place them where the Byzantine items' summaries are.
        var topicsOnly = TopicModelTrainer.CatalogExamples(FixtureCatalog.Create()).Where(e => e.Source == TopicExampleSource.Topic).ToList();

        var withMeaning = TopicModelTrainer.Train(topicsOnly, Meaning).Predict("malicious lying");
        var wordsOnly = TopicModelTrainer.Train(topicsOnly).Predict("malicious lying");

        Assert.Equal("byzantine-fault-tolerance", withMeaning!.Value.Label);
        Assert.NotEqual("byzantine-fault-tolerance", wordsOnly!.Value.Label);
    }

    private static float[] AtTopic(string topicId)
    {
        var vector = new float[MessageFacts.MeaningDimensions];
        vector[FixtureCatalog.Topics.Select(t => t.Id).ToList().IndexOf(topicId)] = 1f;
        return vector;
    }

    [Fact]
    public void Without_a_topic_model_the_same_words_rank_alone()
    {
        var reply = AssistantWith(TopicModel.None).Handle("/recommend malicious liars and lying nodes");

        Assert.Empty(reply.Topics);
    }

    [Fact]
    public void Below_the_threshold_no_topic_is_inferred()
    {
        var reply = AssistantWith(Model.Value, threshold: 1.0f).Handle("/recommend malicious liars and lying nodes");

        Assert.Empty(reply.Topics);
    }

    [Fact]
    public void A_named_topic_is_never_replaced_by_an_inferred_one()
    {
        var reply = AssistantWith(Model.Value).Handle("/recommend storage malicious lying nodes");

        Assert.Equal(["storage"], reply.Topics);
    }

    [Fact]
    public void An_inferred_topic_carries_the_models_probability_and_a_named_one_full_confidence()
    {
        var assistant = AssistantWith(Model.Value);

        var (_, inferred) = assistant.HandleRecordedRequest("/recommend malicious liars and lying nodes");
        var (_, named) = assistant.HandleRecordedRequest("/recommend storage malicious lying nodes");

        Assert.InRange(inferred!.TopicConfidence, MessageClassifierOptions.DefaultTopicThreshold, 0.999f);
        Assert.Equal(1f, named!.TopicConfidence);
    }

    [Fact]
    public void Every_topic_and_item_of_the_catalog_is_an_example()
    {
        var catalog = FixtureCatalog.Create();
        var examples = TopicModelTrainer.CatalogExamples(catalog);

        Assert.Equal(catalog.Topics.Select(t => t.Id).Order(), examples.Select(e => e.TopicId).Distinct().Order());
        Assert.Equal(catalog.Resources.Count, examples.Count(e => e.Source == TopicExampleSource.Item));
    }
}
