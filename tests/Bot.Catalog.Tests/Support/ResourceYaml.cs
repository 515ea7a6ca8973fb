namespace Bot.Catalog.Tests.Support;

/// <summary>
/// Builds the YAML for one resource, one field per line in a fixed order, so tests know each field's line:
/// id 1, title 2, authors 3, year 4, kind 5, level 6, topics 7, summary 8, url 9, primary_topic 10, access 11,
/// then added fields.
/// A value written on field line N starts at column (field name length + 5).
/// </summary>
internal sealed class ResourceYaml
{
    private readonly List<(string Field, string RawValue)> _fields;

    private ResourceYaml(List<(string Field, string RawValue)> fields)
    {
        _fields = fields;
    }

    public static ResourceYaml Valid(string id) => new(
    [
        ("id", id),
        ("title", $"Title of {id}"),
        ("authors", "[Ada Lovelace]"),
        ("year", "2020"),
        ("kind", "paper"),
        ("level", "beginner"),
        ("topics", "[alpha]"),
        ("summary", $"A short summary of {id}."),
        ("url", $"https://example.org/{id}"),
        ("primary_topic", "alpha"),
        ("access", "open"),
    ]);

    public static string ListOf(params ResourceYaml[] resources) => string.Concat(resources.Select(r => r.ToString()));

    /// <summary>Replaces the field's raw YAML value in place, or appends the field when absent.</summary>
    public ResourceYaml With(string field, string rawValue)
    {
        var fields = new List<(string Field, string RawValue)>(_fields);
        var index = fields.FindIndex(f => f.Field == field);
        if (index >= 0)
        {
            fields[index] = (field, rawValue);
        }
        else
        {
            fields.Add((field, rawValue));
        }

        return new ResourceYaml(fields);
    }

    public ResourceYaml Without(string field) => new(_fields.Where(f => f.Field != field).ToList());

    public int LineCount => _fields.Count;

    public override string ToString() =>
        string.Concat(_fields.Select((f, i) => $"{(i == 0 ? "- " : "  ")}{f.Field}: {f.RawValue}\n"));
}
