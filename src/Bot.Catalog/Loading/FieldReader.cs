using System.Globalization;
using System.Text.Json;

namespace Bot.Catalog.Loading;

/// <summary>
/// Typed access to the fields of one YAML mapping (a resource, topic, source or confusion). Every accessor reports
/// what is wrong and returns null instead of throwing, so one bad field never hides the others.
/// </summary>
internal sealed class FieldReader
{
    private readonly YamlMapping _mapping;
    private readonly ProblemLog _problems;

    private FieldReader(YamlMapping mapping, ProblemLog problems)
    {
        _mapping = mapping;
        _problems = problems;
    }

    /// <summary>Reports the mapping's unknown fields, then gives typed access to the known ones.</summary>
    /// <param name="retiredFields">Fields an older schema had, each with what to write instead.</param>
    public static FieldReader Open(
        YamlMapping mapping,
        string entityName,
        IReadOnlyList<string> acceptedFields,
        ProblemLog problems,
        IReadOnlyDictionary<string, string>? retiredFields = null)
    {
        ReportUnknownFields(mapping, entityName, acceptedFields, problems, retiredFields);
        return new FieldReader(mapping, problems);
    }

    public static void ReportUnknownFields(
        YamlMapping mapping,
        string entityName,
        IReadOnlyList<string> acceptedFields,
        ProblemLog problems,
        IReadOnlyDictionary<string, string>? retiredFields = null)
    {
        foreach (var key in mapping.Entries.Select(e => e.Key))
        {
            if (acceptedFields.Contains(key.Value, StringComparer.Ordinal))
            {
                continue;
            }

            if (retiredFields?.GetValueOrDefault(key.Value) is { } replacement)
            {
                problems.Report(key.Location, $"field \"{key.Value}\" is no longer accepted in {entityName}; {replacement}");
                continue;
            }

            var suggestion = NearestMatch.Find(key.Value, acceptedFields, NearestMatch.TypoDistanceFor(key.Value));
            var hint = suggestion is null ? string.Empty : $" did you mean \"{suggestion}\"?";
            problems.Report(
                key.Location,
                $"unknown field \"{key.Value}\" in {entityName};{hint} accepted fields: {string.Join(", ", acceptedFields)}");
        }
    }

    public SourceLocation Location => _mapping.Location;

    public bool Has(string field) => _mapping.Find(field) is not null;

    public Located<string>? RequiredText(string field) => ReadText(field, required: true);

    public Located<string>? OptionalText(string field) => ReadText(field, required: false);

    /// <summary>A list with at least one non-blank item; null when missing or not a list.</summary>
    public IReadOnlyList<Located<string>>? RequiredTextList(string field, string itemExample) =>
        ReadTextList(field, itemExample, required: true);

    /// <summary>The list's non-blank items; empty when the field is absent.</summary>
    public IReadOnlyList<Located<string>> OptionalTextList(string field, string itemExample) =>
        ReadTextList(field, itemExample, required: false) ?? [];

    public Located<int>? OptionalInteger(string field, string example)
    {
        if (_mapping.Find(field) is not { } entry)
        {
            return null;
        }

        if (entry.Value is YamlScalar { IsNull: false } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            if (scalar.IsPlain)
            {
                return new Located<int>(number, scalar.Location);
            }

            Report(scalar.Location, $"\"{field}\" must be an unquoted whole number such as {example}, not the quoted text \"{scalar.Value}\"");
            return null;
        }

        Report(entry.Value.Location, $"\"{field}\" must be a whole number such as {example}, not {Describe(entry.Value)}");
        return null;
    }

    public Located<bool>? OptionalBoolean(string field)
    {
        if (_mapping.Find(field) is not { } entry)
        {
            return null;
        }

        if (entry.Value is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return new Located<bool>(true, scalar.Location);
                case "false" or "False" or "FALSE":
                    return new Located<bool>(false, scalar.Location);
            }
        }

        Report(entry.Value.Location, $"\"{field}\" must be true or false (unquoted), not {Describe(entry.Value)}");
        return null;
    }

    /// <summary>An enum value written in lowercase with hyphens between words, e.g. <c>free-registration</c>.</summary>
    public Located<TEnum>? RequiredEnum<TEnum>(string field)
        where TEnum : struct, Enum =>
        RequiredText(field) is { } text ? ParseEnum<TEnum>(field, text) : null;

    public Located<TEnum>? OptionalEnum<TEnum>(string field)
        where TEnum : struct, Enum =>
        OptionalText(field) is { } text ? ParseEnum<TEnum>(field, text) : null;

    /// <summary>A number in (<paramref name="exclusiveMinimum"/>, <paramref name="inclusiveMaximum"/>].</summary>
    public Located<double>? OptionalNumber(string field, double exclusiveMinimum, double inclusiveMaximum, string example)
    {
        if (_mapping.Find(field) is not { } entry)
        {
            return null;
        }

        var range = $"greater than {Format(exclusiveMinimum)} and at most {Format(inclusiveMaximum)}";
        if (entry.Value is YamlScalar { IsNull: false, IsPlain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            if (number > exclusiveMinimum && number <= inclusiveMaximum)
            {
                return new Located<double>(number, scalar.Location);
            }

            Report(scalar.Location, $"\"{field}\" is {scalar.Value}; it must be a number {range}, such as {example}");
            return null;
        }

        Report(entry.Value.Location, $"\"{field}\" must be an unquoted number {range}, such as {example}, not {Describe(entry.Value)}");
        return null;
    }

    /// <summary>
    /// The mappings of a list field such as a topic's path; null when the field is absent or not a list. Items that are
    /// not mappings are reported and skipped.
    /// </summary>
    public IReadOnlyList<YamlMapping>? OptionalMappingList(string field, string itemExample)
    {
        if (_mapping.Find(field) is not { } entry)
        {
            return null;
        }

        if (entry.Value is not YamlSequence sequence)
        {
            Report(entry.Value.Location, $"\"{field}\" must be a list of entries such as - {itemExample}, not {Describe(entry.Value)}");
            return null;
        }

        var mappings = new List<YamlMapping>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlMapping mapping)
            {
                mappings.Add(mapping);
            }
            else
            {
                Report(
                    sequence.Items[i].Location,
                    $"item {i + 1} of \"{field}\" must be a mapping such as {itemExample}, not {Describe(sequence.Items[i])}");
            }
        }

        return mappings;
    }

    /// <summary>Where the field's name is written; the mapping's start when it is absent.</summary>
    public SourceLocation KeyLocation(string field) => _mapping.Find(field)?.Key.Location ?? _mapping.Location;

    /// <summary>The lowercase, hyphenated name an enum value is written with in YAML, e.g. <c>free-registration</c>.</summary>
    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private Located<TEnum>? ParseEnum<TEnum>(string field, Located<string> text)
        where TEnum : struct, Enum
    {
        var accepted = Enum.GetValues<TEnum>().ToDictionary(EnumName, StringComparer.Ordinal);
        if (accepted.TryGetValue(text.Value, out var value))
        {
            return new Located<TEnum>(value, text.Location);
        }

        Report(text.Location, $"\"{field}\" is \"{text.Value}\", which is not accepted; use one of: {string.Join(", ", accepted.Keys)}");
        return null;
    }

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    private Located<string>? ReadText(string field, bool required)
    {
        if (_mapping.Find(field) is { } entry)
        {
            return ReadTextValue(entry.Value, $"\"{field}\"", required);
        }

        if (required)
        {
            Report(_mapping.Location, $"missing required field \"{field}\"");
        }

        return null;
    }

    private IReadOnlyList<Located<string>>? ReadTextList(string field, string itemExample, bool required)
    {
        if (_mapping.Find(field) is not { } entry)
        {
            if (required)
            {
                Report(_mapping.Location, $"missing required field \"{field}\" (a list such as [{itemExample}])");
            }

            return null;
        }

        if (entry.Value is not YamlSequence sequence)
        {
            Report(entry.Value.Location, $"\"{field}\" must be a list such as [{itemExample}], not {Describe(entry.Value)}");
            return null;
        }

        if (required && sequence.Items.Count == 0)
        {
            Report(sequence.Location, $"\"{field}\" must list at least one item, e.g. [{itemExample}]");
            return null;
        }

        var items = new List<Located<string>>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (ReadTextValue(sequence.Items[i], $"item {i + 1} of \"{field}\"", required: true) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private Located<string>? ReadTextValue(YamlNode node, string what, bool required)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true } or YamlScalar { Value.Length: 0 }:
                var remedy = required ? "give it a value" : "give it a value or remove the field";
                Report(node.Location, $"{what} is empty; {remedy}");
                return null;
            case YamlScalar scalar when string.IsNullOrWhiteSpace(scalar.Value):
                Report(node.Location, $"{what} is blank (only whitespace); it needs visible text");
                return null;
            case YamlScalar scalar:
                // Block scalars (| and >) keep a trailing newline that is never meant as content.
                return new Located<string>(scalar.Value.Trim(), scalar.Location);
            default:
                Report(node.Location, $"{what} must be a single text value, not {node.Shape}");
                return null;
        }
    }

    private void Report(SourceLocation at, string message) => _problems.Report(at, message);

    private static string Describe(YamlNode node) =>
        node is YamlScalar { IsNull: false } scalar ? $"\"{scalar.Value}\"" : node.Shape;
}
