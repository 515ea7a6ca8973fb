using Bot.Catalog.Tests.Support;

namespace Bot.Catalog.Tests.Loading;

public sealed class ResourceFieldRulesTests : IDisposable
{
    private const string File = "resources/extra.yaml";
    private readonly TempDataDirectory _data = TempDataDirectory.CreateValid();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Valid_resource_from_the_builder_loads()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra"));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Fact]
    public void Unknown_field_is_named_with_a_suggestion_and_the_accepted_fields()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("auther", "[Someone]"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 12, 3,
            "unknown field \"auther\"",
            "did you mean \"authors\"?",
            "accepted fields: id, title, authors, year, kind, level, math_heavy, primary_topic, topics, summary, url, venue, access, open_url, "
            + "pages, minutes, weeks, edition, supersedes, status, nicknames, concepts, prerequisites, next, related, companion, sections, recommended_by");
    }

    [Theory]
    [InlineData("title")]
    [InlineData("authors")]
    [InlineData("kind")]
    [InlineData("level")]
    [InlineData("topics")]
    [InlineData("summary")]
    [InlineData("url")]
    public void Missing_required_field_is_reported_at_the_resource(string field)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").Without(field));

        ProblemAssert.SingleAt(_data.Load(), File, 1, 3, $"missing required field \"{field}\"");
    }

    [Fact]
    public void Missing_id_is_reported_at_the_resource()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").Without("id"));

        ProblemAssert.SingleAt(_data.Load(), File, 1, 3, "missing required field \"id\"");
    }

    [Fact]
    public void Year_that_is_not_a_number_is_a_type_error()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("year", "twenty-twenty"));

        ProblemAssert.SingleAt(_data.Load(), File, 4, 9, "\"year\" must be a whole number such as 1978, not \"twenty-twenty\"");
    }

    [Fact]
    public void Quoted_year_is_a_type_error()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("year", "\"2020\""));

        ProblemAssert.SingleAt(_data.Load(), File, 4, 9, "must be an unquoted whole number", "\"2020\"");
    }

    [Fact]
    public void Authors_given_as_a_single_value_is_a_type_error()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("authors", "Ada Lovelace"));

        ProblemAssert.SingleAt(_data.Load(), File, 3, 12, "\"authors\" must be a list such as [Leslie Lamport], not \"Ada Lovelace\"");
    }

    [Fact]
    public void Title_given_as_a_list_is_a_type_error()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("title", "[One, Two]"));

        ProblemAssert.SingleAt(_data.Load(), File, 2, 10, "\"title\" must be a single text value, not a list");
    }

    [Fact]
    public void Math_heavy_that_is_not_a_boolean_is_a_type_error()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("math_heavy", "yes"));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 15, "\"math_heavy\" must be true or false (unquoted), not \"yes\"");
    }

    [Fact]
    public void Unknown_kind_lists_the_accepted_kinds()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("kind", "journal"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 5, 9,
            "\"kind\" is \"journal\"",
            "use one of: book, paper, course, talk, video, article, blog, tool, list");
    }

    [Fact]
    public void Unknown_level_lists_the_accepted_levels()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("level", "expert"));

        ProblemAssert.SingleAt(_data.Load(), File, 6, 10, "\"level\" is \"expert\"", "use one of: beginner, intermediate, advanced");
    }

    [Fact]
    public void Enum_values_are_case_sensitive()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("kind", "Paper"));

        ProblemAssert.SingleAt(_data.Load(), File, 5, 9, "\"kind\" is \"Paper\"");
    }

    [Theory]
    [InlineData("Raft_Paper", "raft-paper")]
    [InlineData("-leading-hyphen", "leading-hyphen")]
    [InlineData("double--hyphen", "double-hyphen")]
    [InlineData("with space", "with-space")]
    public void Id_that_is_not_a_slug_is_rejected_with_a_slug_suggestion(string id, string suggestion)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("id", $"\"{id}\""));

        ProblemAssert.SingleAt(_data.Load(), File, 1, 7, $"id \"{id}\" is not a slug", $"e.g. \"{suggestion}\"");
    }

    [Fact]
    public void Empty_required_text_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("title", ""));

        // An empty plain scalar starts where the value would be: the end of "  title:" plus the space.
        var problem = ProblemAssert.Single(_data.Load());
        Assert.Equal((File, 2), (problem.File, problem.Line));
        Assert.Contains("\"title\" is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_text_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("summary", "\"   \""));

        ProblemAssert.SingleAt(_data.Load(), File, 8, 12, "\"summary\" is blank (only whitespace)");
    }

    [Fact]
    public void Empty_author_in_the_list_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("authors", "[Ada Lovelace, \"\"]"));

        ProblemAssert.SingleAt(_data.Load(), File, 3, 27, "item 2 of \"authors\" is empty");
    }

    [Fact]
    public void Blank_optional_venue_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("venue", "\" \""));

        ProblemAssert.SingleAt(_data.Load(), File, 12, 10, "\"venue\" is blank");
    }

    [Fact]
    public void Empty_topics_list_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("topics", "[]"));

        ProblemAssert.SingleAt(_data.Load(), File, 7, 11, "\"topics\" must list at least one item");
    }

    [Fact]
    public void Topic_listed_twice_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("topics", "[alpha, alpha]"));

        ProblemAssert.SingleAt(_data.Load(), File, 7, 19, "\"topics\" lists \"alpha\" more than once");
    }

    [Fact]
    public void Summary_longer_than_the_limit_is_rejected()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("summary", new string('x', 601)));

        ProblemAssert.SingleAt(_data.Load(), File, 8, 12, "601 characters long; keep it to at most 600");
    }

    [Fact]
    public void Summary_at_the_limit_is_accepted()
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("summary", new string('x', 600)));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Theory]
    [InlineData("example.org/paper.pdf", "is not an absolute URL")]
    [InlineData("/papers/raft.pdf", "uses the scheme \"file\"")]
    [InlineData("ftp://example.org/paper.pdf", "uses the scheme \"ftp\"")]
    [InlineData("https:///paper.pdf", "is not an absolute URL")]
    [InlineData("\"https://example.org/my paper.pdf\"", "contains whitespace")]
    public void Malformed_url_is_rejected(string rawUrl, string reason)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("url", rawUrl));

        ProblemAssert.SingleAt(_data.Load(), File, 9, 8, reason, "expected an absolute http:// or https:// address");
    }

    [Theory]
    [InlineData("http://example.org")]
    [InlineData("https://dl.acm.org/doi/10.1145/359545.359563")]
    public void Http_and_https_urls_are_accepted(string url)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("url", url));

        ProblemAssert.NoProblems(_data.Load());
    }

    [Theory]
    [InlineData(1949)]
    [InlineData(2027)]
    public void Implausible_year_is_rejected(int year)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = _data.Load(TempDataDirectory.Rules with { Clock = FixedClock.InYear(2025) });

        ProblemAssert.SingleAt(result, File, 4, 9, $"\"year\" {year} is implausible; expected a year from 1950 to 2026");
    }

    [Theory]
    [InlineData(1950)]
    [InlineData(2026)]
    public void Year_at_the_edges_of_the_plausible_range_is_accepted(int year)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        ProblemAssert.NoProblems(_data.Load(TempDataDirectory.Rules with { Clock = FixedClock.InYear(2025) }));
    }

    [Theory]
    [InlineData("paper")]
    public void Year_is_required_for_dated_kinds(string kind)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("kind", kind).Without("year"));

        ProblemAssert.SingleAt(
            _data.Load(), File, 1, 3,
            "missing required field \"year\"",
            $"required when kind is \"{kind}\"",
            "optional only for book, course, talk, video, article, blog, tool, list");
    }

    [Theory]
    [InlineData("tool")]
    [InlineData("blog")]
    [InlineData("list")]
    [InlineData("course")]
    public void Year_is_optional_for_undated_kinds(string kind)
    {
        _data.WriteResources("extra.yaml", ResourceYaml.Valid("extra").With("kind", kind).Without("year"));

        var result = _data.Load();

        ProblemAssert.NoProblems(result);
        Assert.Null(result.Catalog!.FindResource("extra")!.Year);
    }

    [Fact]
    public void Resource_that_is_not_a_mapping_is_rejected()
    {
        _data.Write(File, "- just a title\n");

        ProblemAssert.SingleAt(_data.Load(), File, 1, 3, "each resource must be a mapping of fields", "not a single value");
    }

    [Fact]
    public void Resources_file_that_is_not_a_list_is_rejected()
    {
        _data.Write(File, "id: extra\ntitle: Extra\n");

        ProblemAssert.SingleAt(_data.Load(), File, 1, 1, "a resources file must be a YAML list of resources", "not a mapping of fields");
    }

    [Fact]
    public void Empty_resources_file_is_rejected()
    {
        _data.Write(File, "# nothing here yet\n");

        ProblemAssert.SingleAt(_data.Load(), File, 1, 1, "the file is empty");
    }
}
