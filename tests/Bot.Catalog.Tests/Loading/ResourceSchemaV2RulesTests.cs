using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

/// <summary>The fields catalog schema v2 adds to a resource; fixture lines: primary_topic 10, access 11, added fields from 12.</summary>
public sealed class ResourceSchemaV2RulesTests : IDisposable
{
    private const string File = "resources/extra.yaml";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("beginner", Level.Beginner, Level.Beginner)]
    [InlineData("beginner-intermediate", Level.Beginner, Level.Intermediate)]
    [InlineData("intermediate-advanced", Level.Intermediate, Level.Advanced)]
    [InlineData("beginner-advanced", Level.Beginner, Level.Advanced)]
    public void Level_range_gives_entry_and_max_level(string level, Level entry, Level max)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", level));

        var resource = Load("extra");

        Assert.Equal((entry, max), (resource.Level, resource.MaxLevel));
        Assert.All(Enum.GetValues<Level>(), l => Assert.Equal(l >= entry && l <= max, resource.Suits(l)));
    }

    [Fact]
    public void Level_range_written_hardest_first_asks_for_the_easier_level_first()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "advanced-beginner"));

        ProblemAssert.SingleAt(_data.Load(), File, 6, 10, "\"level\" is \"advanced-beginner\"", "write the easier level first: \"beginner-advanced\"");
    }

    [Fact]
    public void Level_range_of_one_level_asks_for_the_single_level()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "beginner-beginner"));

        ProblemAssert.SingleAt(_data.Load(), File, 6, 10, "a range needs two different levels; write \"beginner\"");
    }

    [Fact]
    public void Unknown_level_in_a_range_lists_levels_and_ranges()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "beginner-expert"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 6, 10,
            "use one of: beginner, intermediate, advanced, beginner-intermediate, beginner-advanced, intermediate-advanced");
    }

    [Fact]
    public void Primary_topic_must_be_one_of_the_topics()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("primary_topic", "beta"));

        ProblemAssert.SingleAt(_data.Load(), File, 10, 18, "\"primary_topic\" is \"beta\", which is not in \"topics\"", "must be one of: alpha");
    }

    [Fact]
    public void Primary_topic_is_required()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").Without("primary_topic"));

        ProblemAssert.SingleAt(_data.Load(), File, 1, 3, "missing required field \"primary_topic\"");
    }

    [Fact]
    public void Primary_topic_need_not_be_listed_first()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("topics", "[alpha, beta]").With("primary_topic", "beta"));

        var resource = Load("extra");

        Assert.Equal("beta", resource.PrimaryTopic);
        Assert.Equal(["beta", "alpha"], resource.TopicsPrimaryFirst);
    }

    [Theory]
    [InlineData("open", Access.Open, true)]
    [InlineData("free-registration", Access.FreeRegistration, false)]
    [InlineData("paywalled", Access.Paywalled, false)]
    [InlineData("purchase", Access.Purchase, false)]
    public void Access_values_are_read(string access, Access expected, bool free)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("access", access));

        var resource = Load("extra");

        Assert.Equal((expected, free), (resource.Access, resource.Free));
    }

    [Fact]
    public void Unknown_access_lists_the_accepted_values()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("access", "free"));

        ProblemAssert.SingleAt(_data.Load(), File, 11, 11, "\"access\" is \"free\"", "use one of: open, free-registration, paywalled, purchase");
    }

    [Fact]
    public void Access_is_required()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").Without("access"));

        ProblemAssert.SingleAt(_data.Load(), File, 1, 3, "missing required field \"access\"");
    }

    [Fact]
    public void Retired_free_field_says_what_replaces_it()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("free", "true"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 3,
            "field \"free\" is no longer accepted in a resource",
            "write \"access\" instead: open (was free: true)",
            "open, free-registration, paywalled, purchase");
    }

    [Fact]
    public void Open_url_makes_a_paywalled_resource_free()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("access", "paywalled").With("open_url", "https://example.org/author-copy.pdf"));

        var resource = Load("extra");

        Assert.Equal("https://example.org/author-copy.pdf", resource.OpenUrl);
        Assert.True(resource.Free);
    }

    [Fact]
    public void Malformed_open_url_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("open_url", "example.org/copy.pdf"));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 13, "open_url \"example.org/copy.pdf\" is not an absolute URL", "expected an absolute http:// or https://");
    }

    [Theory]
    [InlineData("pages", 616, LengthUnit.Pages)]
    [InlineData("minutes", 45, LengthUnit.Minutes)]
    [InlineData("weeks", 10, LengthUnit.Weeks)]
    public void One_length_is_read_with_its_unit(string field, int value, LengthUnit unit)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With(field, value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(new ResourceLength(value, unit), Load("extra").Length);
    }

    [Fact]
    public void Two_lengths_are_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("pages", "20").With("minutes", "30"));

        ProblemAssert.SingleAt(_data.Load(), File, 13, 3, "give at most one length; this entry has \"pages\" and \"minutes\"");
    }

    [Theory]
    [InlineData("0", "\"pages\" is 0; a length must be a positive whole number")]
    [InlineData("many", "\"pages\" must be a whole number such as 30")]
    public void Length_that_is_not_a_positive_whole_number_is_rejected(string value, string message)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("pages", value));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 10, message);
    }

    [Fact]
    public void Unknown_status_lists_the_accepted_values()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("status", "obsolete"));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 11, "\"status\" is \"obsolete\"", "use one of: current, historical");
    }

    [Theory]
    [InlineData("related", "[missing-id]", 12, 13, "\"related\" refers to unknown resource id \"missing-id\"")]
    [InlineData("companion", "[base-22]", 12, 15, "\"companion\" refers to unknown resource id \"base-22\"; did you mean \"base-2\"?")]
    [InlineData("supersedes", "missing-id", 12, 15, "\"supersedes\" refers to unknown resource id \"missing-id\"")]
    [InlineData("related", "[extra]", 12, 13, "resource \"extra\" lists itself in \"related\"")]
    [InlineData("companion", "[extra]", 12, 15, "resource \"extra\" lists itself in \"companion\"")]
    [InlineData("supersedes", "extra", 12, 15, "resource \"extra\" lists itself in \"supersedes\"")]
    public void Relations_must_name_other_existing_resources(string field, string value, int line, int column, string message)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With(field, value));

        ProblemAssert.SingleAt(_data.Load(), File, line, column, message);
    }

    [Fact]
    public void Section_with_unknown_topic_suggests_the_topic_id()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("sections", "\n    - { title: Chapter 1, topics: [betta] }"));

        ProblemAssert.SingleAt(_data.Load(), File, 13, 36, "unknown topic \"betta\"; did you mean \"beta\"?");
    }

    [Fact]
    public void Section_without_a_title_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("sections", "\n    - { topics: [beta] }"));

        ProblemAssert.SingleAt(_data.Load(), File, 13, 7, "missing required field \"title\"");
    }

    [Fact]
    public void Section_with_unknown_field_names_the_accepted_fields()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("sections", "\n    - { title: Part 1, topics: [beta], weeks: 2 }"));

        ProblemAssert.SingleAt(_data.Load(), File, 13, 40, "unknown field \"weeks\" in a section", "accepted fields: title, topics, url, pages, minutes");
    }

    [Fact]
    public void Sections_that_are_not_mappings_are_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("sections", "[Chapter 1]"));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 14, "item 1 of \"sections\" must be a mapping such as { title:");
    }

    [Fact]
    public void Nickname_listed_twice_in_one_resource_ignoring_case_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("nicknames", "[DDIA, ddia]"));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 21, "\"nicknames\" lists \"ddia\" more than once");
    }

    [Fact]
    public void Concepts_are_read_and_matched_beside_the_summary()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("concepts", "[backpressure, a job runs twice]"));

        var resource = Load("extra");

        Assert.Equal(["backpressure", "a job runs twice"], resource.Concepts);
        Assert.StartsWith(resource.Summary, resource.AboutText, StringComparison.Ordinal);
        Assert.Contains("a job runs twice", resource.AboutText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concept_written_as_a_sentence_is_rejected_with_the_limit()
    {
        var sentence = "this paper explains in great detail how a system keeps going when its disks fail";
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("concepts", $"[\"{sentence}\"]"));

        var problem = ProblemAssert.Single(_data.Load());

        Assert.Contains($"is {sentence.Length} characters long; a concept is a short phrase of at most 60", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_concepts_are_rejected_with_the_limit()
    {
        var concepts = string.Join(", ", Enumerable.Range(1, 13).Select(i => $"idea {i}"));
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("concepts", $"[{concepts}]"));

        var problem = ProblemAssert.Single(_data.Load());

        Assert.Contains("\"concepts\" lists 13 phrases; keep it to at most 12", problem.Message, StringComparison.Ordinal);
    }

    private Resource Load(string id)
    {
        var result = _data.Load();
        ProblemAssert.NoProblems(result);
        return result.Catalog!.FindResource(id)!;
    }
}
