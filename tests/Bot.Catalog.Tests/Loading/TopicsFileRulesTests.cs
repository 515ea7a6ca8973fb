using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class TopicsFileRulesTests : IDisposable
{
    private const string File = "topics.yaml";
    private const string AlphaAndBeta = """
        topics:
          - id: alpha
            name: Alpha
            description: The first test topic.
          - id: beta
            name: Beta
            description: The second test topic.

        """;

    private static readonly CatalogLoadOptions _withoutCoverage = TempDataDirectory.RulesWithoutCoverage;

    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Valid_topics_file_yields_topics_aliases_and_confusions()
    {
        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        var catalog = result.Catalog!;
        Assert.Equal(["alpha", "beta"], catalog.Topics.Select(t => t.Id));
        Assert.Equal(["first", "primary"], catalog.FindTopic("alpha")!.Aliases);
        Assert.Equal("The first test topic.", catalog.FindTopic("alpha")!.Description);
        var confusion = Assert.Single(catalog.Confusions);
        Assert.Equal(["alpha", "beta"], confusion.Terms);
        Assert.Equal("Alpha comes before beta.", confusion.Note);
    }

    [Fact]
    public void Duplicate_topic_id_names_the_first_location()
    {
        _data.Write(File, AlphaAndBeta + "  - id: alpha\n    name: Alpha again\n    description: Again.\n");

        ProblemAssert.SingleAt(_data.Load(), File, 8, 9, "duplicate topic id \"alpha\"; it is first defined at topics.yaml:2:9");
    }

    [Fact]
    public void Topic_id_that_is_not_a_slug_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "  - id: Gamma Rays\n    name: Gamma\n    description: Third.\n");

        ProblemAssert.SingleAt(_data.Load(_withoutCoverage), File, 8, 9, "topic id \"Gamma Rays\" is not a slug", "e.g. \"gamma-rays\"");
    }

    [Fact]
    public void Empty_alias_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "    aliases: [second, \"\"]\n");

        ProblemAssert.SingleAt(_data.Load(), File, 8, 23, "item 2 of \"aliases\" is empty");
    }

    [Fact]
    public void Alias_that_is_not_text_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "    aliases:\n      - second\n      - {nested: value}\n");

        ProblemAssert.SingleAt(_data.Load(), File, 10, 9, "item 2 of \"aliases\" must be a single text value, not a mapping of fields");
    }

    [Fact]
    public void Aliases_that_are_not_a_list_are_rejected()
    {
        _data.Write(File, AlphaAndBeta + "    aliases: second\n");

        ProblemAssert.SingleAt(_data.Load(), File, 8, 14, "\"aliases\" must be a list such as [paxos, raft], not \"second\"");
    }

    [Fact]
    public void Topic_missing_a_description_is_rejected()
    {
        _data.Write(File, "topics:\n  - id: alpha\n    name: Alpha\n  - id: beta\n    name: Beta\n    description: Second.\n");

        ProblemAssert.SingleAt(_data.Load(), File, 2, 5, "missing required field \"description\"");
    }

    [Fact]
    public void Unknown_topic_field_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "    alias: [second]\n");

        ProblemAssert.SingleAt(_data.Load(), File, 8, 5, "unknown field \"alias\" in a topic; did you mean \"aliases\"?", "accepted fields: id, name, description, aliases");
    }

    [Fact]
    public void Confusion_with_a_single_term_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "confusions:\n  - terms: [alpha]\n    note: Only one term.\n");

        ProblemAssert.SingleAt(_data.Load(), File, 9, 5, "a confusion must name at least two terms");
    }

    [Fact]
    public void Confusion_without_a_note_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "confusions:\n  - terms: [alpha, beta]\n");

        ProblemAssert.SingleAt(_data.Load(), File, 9, 5, "missing required field \"note\"");
    }

    [Fact]
    public void Confusion_that_is_not_a_mapping_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "confusions:\n  - alpha versus beta\n");

        ProblemAssert.SingleAt(_data.Load(), File, 9, 5, "each confusion must be a mapping with \"terms\" and \"note\"");
    }

    [Fact]
    public void Unknown_top_level_key_is_rejected()
    {
        _data.Write(File, AlphaAndBeta + "topic_notes: []\n");

        ProblemAssert.SingleAt(_data.Load(), File, 8, 1, "unknown field \"topic_notes\" in topics.yaml", "accepted fields: topics, confusions");
    }

    [Fact]
    public void Topics_file_that_is_a_list_is_rejected()
    {
        _data.Write(File, "- id: alpha\n");

        ProblemAssert.SingleAt(_data.Load(), File, 1, 1, "topics.yaml must be a mapping with a \"topics\" list", "found a list");
    }

    [Fact]
    public void Missing_topics_file_is_reported()
    {
        _data.Delete(File);

        ProblemAssert.SingleAt(_data.Load(), File, 1, 1, "the file is missing");
    }
}
