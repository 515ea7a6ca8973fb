using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Tests.Conversation;

public sealed class MessageFactsTests
{
    private static readonly MessageClassifier Classifier = FixtureCatalog.Engine.Classifier;

    // Positions in MessageFacts.Features after the first model's eleven.
    private const int RequestVerb = 12, Anyone = 13, Reading = 14, Learning = 15, FirstPerson = 17, SecondPerson = 18, QuestionOpener = 19, ForeignShare = 21;
    private const int NamesAuthor = 22, NamesYear = 23, NamesAuthorsPaperOfThatYear = 24;

    [Fact]
    public void A_request_carries_its_cues()
    {
        var features = Classifier.FactsOf("can anyone recommend something to read so I can learn raft?", addressedToBot: false).Features;

        Assert.Equal(MessageFacts.FeatureCount, features.Length);
        Assert.Equal(1f, features[RequestVerb]);
        Assert.Equal(1f, features[Anyone]);
        Assert.Equal(1f, features[Reading]);
        Assert.Equal(1f, features[Learning]);
        Assert.Equal(1f, features[FirstPerson]);
        Assert.Equal(1f, features[QuestionOpener]);
        Assert.Equal(0f, features[SecondPerson]);
        Assert.Equal(0f, features[ForeignShare]);
    }

    [Fact]
    public void Chatter_has_none_of_the_request_cues()
    {
        var features = Classifier.FactsOf("the build is green, merging", addressedToBot: false).Features;

        Assert.All(new[] { RequestVerb, Anyone, Reading, Learning, QuestionOpener }, i => Assert.Equal(0f, features[i]));
    }

    [Theory]
    [InlineData("有没有关于共识算法的好书？", true)]
    [InlineData("посоветуйте книгу про распределённые системы", true)]
    [InlineData("¿qué debería leer sobre consenso?", false)]
    [InlineData("what should I read on the λ-calculus and raft?", false)]
    public void A_message_mostly_in_another_script_is_marked(string text, bool otherScript)
    {
        Assert.Equal(otherScript, Classifier.FactsOf(text, addressedToBot: false).OtherScript);
    }

    [Fact]
    public void Words_of_another_language_are_counted()
    {
        var features = Classifier.FactsOf("alguien puede recomendar un libro sobre sistemas distribuidos", addressedToBot: false).Features;

        Assert.True(features[ForeignShare] > 0.5f, $"share of foreign words {features[ForeignShare]}");
    }

    [Theory]
    [InlineData("castro and liskov 1999, the byzantine one", 1f, 1f, 1f)]
    [InlineData("castro and liskov 2005, the byzantine one", 1f, 1f, 0f)]
    [InlineData("liskov gave a great keynote", 1f, 0f, 0f)]
    [InlineData("the 2019 offsite was fun", 0f, 1f, 0f)]
    public void Author_and_year_facts_say_whether_they_name_one_paper(string message, float author, float year, float paper)
    {
        var features = Classifier.FactsOf(message, addressedToBot: false).Features;

        Assert.Equal((author, year, paper), (features[NamesAuthor], features[NamesYear], features[NamesAuthorsPaperOfThatYear]));
    }
}
