using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

/// <summary>Schema v2 rules across entries: topic paths, related topics, alias and nickname ownership, prerequisite levels.</summary>
public sealed class CatalogIntegrityRulesTests : IDisposable
{
    private const string Topics = "topics.yaml";
    private const string Extra = "resources/extra.yaml";
    private const string AlphaLastStep = "{ id: base-5, why: The deep end. }";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Paths_load_in_order_with_why_and_make_essentials()
    {
        var result = _data.Load(TempDataDirectory.Rules with { RequireTopicPaths = true });

        ProblemAssert.NoProblems(result);
        var catalog = result.Catalog!;
        Assert.Equal(
            [new PathStep("base-1", "Start here."), new PathStep("base-2", "The next step."), new PathStep("base-3", "The original."), new PathStep("base-5", "The deep end.")],
            catalog.FindTopic("alpha")!.Path);
        Assert.Equal(["beta"], catalog.FindTopic("alpha")!.RelatedTopics);
        Assert.Equal(["base-1", "base-2", "base-3", "base-5"], catalog.EssentialsOf("alpha").Select(r => r.Id));
        Assert.True(catalog.IsEssential("base-5", "alpha"));
        Assert.False(catalog.IsEssential("base-5", "beta"));
        Assert.Equal(["alpha", "beta"], catalog.TopicsWhereEssential("base-1"));
        Assert.Empty(catalog.EssentialsOf("no-such-topic"));
    }

    [Fact]
    public void Path_step_with_unknown_resource_suggests_a_close_id()
    {
        WriteTopics(AlphaLastStep, "{ id: base-55, why: The deep end. }");

        ProblemAssert.SingleAt(_data.Load(), Topics, 10, 15, "the path of topic \"alpha\" names unknown resource id \"base-55\"; did you mean \"base-5\"?");
    }

    [Fact]
    public void Path_step_must_list_the_topic()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("beta-only").With("topics", "[beta]").With("primary_topic", "beta"));
        WriteTopics(AlphaLastStep, "{ id: beta-only, why: The deep end. }");

        ProblemAssert.SingleAt(
            _data.Load(), Topics, 10, 15,
            "resource \"beta-only\" is on the path of topic \"alpha\" but does not list that topic in its \"topics\" (beta)",
            "add \"alpha\" to its topics or take it off the path");
    }

    [Fact]
    public void Path_step_listed_twice_names_the_first()
    {
        WriteTopics(AlphaLastStep, "{ id: base-1, why: Again. }");

        ProblemAssert.SingleAt(_data.Load(), Topics, 10, 15, "the path of topic \"alpha\" lists \"base-1\" twice; it is already step 1 at topics.yaml:7:15");
    }

    [Fact]
    public void Path_with_too_few_steps_says_how_many_are_needed()
    {
        WriteTopics("      - " + AlphaLastStep + "\n", string.Empty);

        ProblemAssert.SingleAt(_data.Load(), Topics, 6, 5, "the path of topic \"alpha\" has 3 step(s); a path has 4–8 steps");
    }

    [Fact]
    public void Path_with_too_many_steps_is_rejected()
    {
        var result = _data.Load(TempDataDirectory.Rules with { MaximumPathSteps = 3 });

        Assert.Collection(
            result.Problems,
            alpha => ProblemAssert.At(alpha, Topics, 6, 5, "the path of topic \"alpha\" has 4 step(s); a path has 4–3 steps"),
            beta => ProblemAssert.At(beta, Topics, 16, 5, "the path of topic \"beta\" has 4 step(s)"));
    }

    [Fact]
    public void Path_step_without_why_is_rejected()
    {
        WriteTopics(AlphaLastStep, "{ id: base-5 }");

        ProblemAssert.SingleAt(_data.Load(), Topics, 10, 9, "missing required field \"why\"");
    }

    [Fact]
    public void Path_step_with_unknown_field_names_the_accepted_fields()
    {
        WriteTopics(AlphaLastStep, "{ id: base-5, why: Deep., note: x }");

        ProblemAssert.SingleAt(_data.Load(), Topics, 10, 35, "unknown field \"note\" in a path step", "accepted fields: id, why");
    }

    [Fact]
    public void Topic_without_a_path_is_reported_when_paths_are_required()
    {
        WriteTopics(
            "    path:\n      - { id: base-4, why: Start here. }\n      - { id: base-1, why: Another start. }\n      - { id: base-2, why: The next step. }\n      - { id: base-3, why: The deep end. }\n",
            string.Empty);

        ProblemAssert.SingleAt(
            _data.Load(TempDataDirectory.Rules with { RequireTopicPaths = true }), Topics, 12, 5,
            "topic \"beta\" has no \"path\"; every topic needs a reading path of 4–8 steps");
        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.Rules with { RequireTopicPaths = false }));
    }

    [Theory]
    [InlineData("[betta]", "\"related_topics\" names unknown topic \"betta\"; did you mean \"beta\"?")]
    [InlineData("[alpha]", "topic \"alpha\" lists itself in \"related_topics\"")]
    public void Related_topics_must_name_other_known_topics(string related, string message)
    {
        WriteTopics("related_topics: [beta]", "related_topics: " + related);

        ProblemAssert.SingleAt(_data.Load(), Topics, 11, 22, message);
    }

    [Fact]
    public void Alias_of_two_topics_names_the_first_owner()
    {
        WriteTopics("aliases: [second]", "aliases: [second, First]");

        ProblemAssert.SingleAt(
            _data.Load(), Topics, 15, 23,
            "alias \"First\" already belongs to topic \"alpha\" at topics.yaml:5:15; an alias may name one topic only (ignoring case)");
        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.Rules with { CheckAliasOwnership = false }));
    }

    [Fact]
    public void Prerequisite_harder_than_the_item_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "beginner-advanced").With("prerequisites", "[base-1, base-2]"));

        ProblemAssert.SingleAt(
            _data.Load(), Extra, 12, 27,
            "prerequisite \"base-2\" starts at level intermediate, harder than this resource's entry level beginner",
            "list it under \"next\" or \"related\" instead");
        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.Rules with { CheckPrerequisiteLevels = false }));
    }

    [Fact]
    public void Prerequisite_at_or_below_the_entry_level_is_accepted()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "intermediate-advanced").With("prerequisites", "[base-1, base-2]"));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Fact]
    public void Nickname_of_two_resources_ignoring_case_names_the_first_owner()
    {
        _data.WriteResources(
            "extra.yaml",
            ResourceYaml.Valid("extra-1").With("nicknames", "[Raft]"),
            ResourceYaml.Valid("extra-2").With("nicknames", "[raft]"));

        ProblemAssert.SingleAt(
            _data.Load(), Extra, 24, 15,
            "nickname \"raft\" already belongs to resource \"extra-1\" at resources/extra.yaml:12:15; a nickname names one resource only (ignoring case)");
        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.Rules with { CheckNicknameOwnership = false }));
    }

    [Fact]
    public void Nickname_that_is_the_surname_of_an_author_of_several_works_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("nicknames", "[lovelace]"));

        ProblemAssert.SingleAt(
            _data.Load(), Extra, 12, 15,
            "nickname \"lovelace\" is the surname of Ada Lovelace, who has 6 catalogued works (base-1, base-2, base-3, base-4, ...)",
            "use a name only this resource has");
    }

    [Fact]
    public void Nickname_that_is_the_surname_of_an_author_of_one_work_is_accepted()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("authors", "[Grace Hopper]").With("nicknames", "[hopper]"));

        ProblemAssert.NoProblems(_data.Load());
    }

    private void WriteTopics(string replace, string with) =>
        _data.Write(Topics, TempDataDirectory.ValidTopicsYaml.Replace(replace, with, StringComparison.Ordinal));
}
