using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bot.Catalog.Loading;

/// <summary>Reads one YAML file into a <see cref="YamlNode"/> tree from YamlDotNet parser events, reporting instead of throwing.</summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Returns false when the file is not valid YAML (the syntax error is reported). On success
    /// <paramref name="root"/> is the first document's root, or null when the file holds no document at all.
    /// </summary>
    public static bool TryRead(TextReader text, string file, ProblemLog problems, out YamlNode? root)
    {
        root = null;
        var parser = new Parser(text);
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            var documentCount = 0;
            while (parser.TryConsume<DocumentStart>(out var documentStart))
            {
                documentCount++;
                var node = ReadNode(parser, file, anchors, problems);
                parser.Consume<DocumentEnd>();
                if (documentCount == 1)
                {
                    root = node;
                }
                else
                {
                    problems.Report(
                        LocationOf(file, documentStart.Start),
                        "a second YAML document starts here; a catalog file must hold exactly one document (remove the extra '---')");
                }
            }

            parser.Consume<StreamEnd>();
            return true;
        }
        catch (YamlException ex)
        {
            problems.Report(LocationOf(file, ex.Start), $"YAML syntax error: {ex.Message}{HintFor(ex.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections such as "[a, b".
            var lastGoodEnd = parser.Current?.End ?? Mark.Empty;
            problems.Report(
                LocationOf(file, lastGoodEnd),
                "YAML syntax error: the parser could not continue after this point; check for an unclosed '[' or '{' or an unterminated quote");
        }

        root = null;
        return false;
    }

    private static YamlNode ReadNode(IParser parser, string file, Dictionary<string, YamlNode> anchors, ProblemLog problems)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            var aliasLocation = LocationOf(file, alias.Start);
            problems.Report(aliasLocation, $"alias '*{alias.Value.Value}' refers to an anchor '&{alias.Value.Value}' that is not defined before it");
            return new YamlScalar(string.Empty, IsPlain: true, aliasLocation);
        }

        YamlNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isPlain = scalar.Style == ScalarStyle.Plain && !IsStringTag(scalar.Tag);
            node = new YamlScalar(scalar.Value, isPlain, LocationOf(file, scalar.Start));
            anchor = scalar.Anchor;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, file, anchors, problems));
            }

            node = new YamlSequence(items, LocationOf(file, sequenceStart.Start));
            anchor = sequenceStart.Anchor;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            node = new YamlMapping(ReadEntries(parser, file, anchors, problems), LocationOf(file, mappingStart.Start));
            anchor = mappingStart.Anchor;
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static List<YamlMappingEntry> ReadEntries(
        IParser parser, string file, Dictionary<string, YamlNode> anchors, ProblemLog problems)
    {
        var entries = new List<YamlMappingEntry>();
        var firstByKey = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, file, anchors, problems);
            var value = ReadNode(parser, file, anchors, problems);
            if (keyNode is not YamlScalar key)
            {
                problems.Report(keyNode.Location, $"a field name must be a single word, not {keyNode.Shape}");
                continue;
            }

            if (firstByKey.TryGetValue(key.Value, out var first))
            {
                problems.Report(
                    key.Location,
                    $"duplicate field \"{key.Value}\"; it is already set at line {first.Location.Line}, column {first.Location.Column} of this mapping");
                continue;
            }

            firstByKey.Add(key.Value, key);
            entries.Add(new YamlMappingEntry(key, value));
        }

        return entries;
    }

    private static bool IsStringTag(TagName tag) =>
        !tag.IsEmpty && tag.Value is "tag:yaml.org,2002:str" or "!!str";

    private static string HintFor(string parserMessage)
    {
        if (parserMessage.Contains("invalid mapping", StringComparison.OrdinalIgnoreCase)
            || parserMessage.Contains("cannot start any token", StringComparison.OrdinalIgnoreCase))
        {
            return " (a value that contains ': ', ' #' or starts with a character such as @, `, [, {, ', \" or * must be quoted)";
        }

        if (parserMessage.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return " (indent with spaces, not tabs)";
        }

        return string.Empty;
    }

    private static SourceLocation LocationOf(string file, Mark mark) =>
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
