using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>Words for the kinds of resource ("lecture" asks for courses and videos).</summary>
public static class KindVocabulary
{
    private static readonly Dictionary<string, ResourceKind[]> Words = new(StringComparer.Ordinal)
    {
        ["book"] = [ResourceKind.Book], ["books"] = [ResourceKind.Book], ["textbook"] = [ResourceKind.Book],
        ["textbooks"] = [ResourceKind.Book], ["ebook"] = [ResourceKind.Book],
        ["paper"] = [ResourceKind.Paper], ["papers"] = [ResourceKind.Paper], ["whitepaper"] = [ResourceKind.Paper],
        ["course"] = [ResourceKind.Course], ["courses"] = [ResourceKind.Course], ["class"] = [ResourceKind.Course],
        ["mooc"] = [ResourceKind.Course], ["lecture"] = [ResourceKind.Course, ResourceKind.Video],
        ["lectures"] = [ResourceKind.Course, ResourceKind.Video],
        ["talk"] = [ResourceKind.Talk, ResourceKind.Video], ["talks"] = [ResourceKind.Talk, ResourceKind.Video],
        ["presentation"] = [ResourceKind.Talk], ["conference talk"] = [ResourceKind.Talk],
        ["video"] = [ResourceKind.Video, ResourceKind.Talk], ["videos"] = [ResourceKind.Video, ResourceKind.Talk],
        ["youtube"] = [ResourceKind.Video, ResourceKind.Talk], ["watch"] = [ResourceKind.Video, ResourceKind.Talk],
        ["blog"] = [ResourceKind.Blog, ResourceKind.Article], ["blogs"] = [ResourceKind.Blog, ResourceKind.Article],
        ["blog post"] = [ResourceKind.Blog, ResourceKind.Article], ["blog posts"] = [ResourceKind.Blog, ResourceKind.Article],
        ["post"] = [ResourceKind.Blog, ResourceKind.Article], ["posts"] = [ResourceKind.Blog, ResourceKind.Article],
        ["article"] = [ResourceKind.Article, ResourceKind.Blog], ["articles"] = [ResourceKind.Article, ResourceKind.Blog],
        ["essay"] = [ResourceKind.Article], ["tool"] = [ResourceKind.Tool], ["tools"] = [ResourceKind.Tool],
        ["software"] = [ResourceKind.Tool], ["library"] = [ResourceKind.Tool], ["list"] = [ResourceKind.List],
        ["lists"] = [ResourceKind.List], ["reading list"] = [ResourceKind.List],
    };

    // A kind word followed by one of these is used in another sense: "software engineer", "talk to", "a class of".
    private static readonly Dictionary<string, HashSet<string>> OtherSenseBefore = new(StringComparer.Ordinal)
    {
        ["software"] = new(StringComparer.Ordinal)
        {
            "engineer", "engineers", "engineering", "developer", "developers", "dev", "devs", "architect", "architects",
            "architecture", "design", "industry", "company", "companies", "team", "teams", "background", "person",
        },
        ["talk"] = new(StringComparer.Ordinal) { "to", "with" },
        ["talks"] = new(StringComparer.Ordinal) { "to", "with" },
        ["class"] = new(StringComparer.Ordinal) { "of" },
        ["list"] = new(StringComparer.Ordinal) { "of" },
        ["watch"] = new(StringComparer.Ordinal) { "out" },
    };

    // A kind word after one of these is used in another sense: "of course".
    private static readonly Dictionary<string, HashSet<string>> OtherSenseAfter = new(StringComparer.Ordinal)
    {
        ["course"] = new(StringComparer.Ordinal) { "of" },
    };

    /// <summary>
    /// Whether the kind phrase of <paramref name="length"/> tokens at <paramref name="index"/> means something else
    /// here ("a software engineer", "of course", "nodes that talk to their neighbours"), so asks for no kind.
    /// </summary>
    public static bool IsOtherSense(IReadOnlyList<string> tokens, int index, int length)
    {
        var phrase = length == 1 ? tokens[index] : string.Join(' ', tokens.Skip(index).Take(length));
        var next = index + length;
        return (next < tokens.Count && OtherSenseBefore.TryGetValue(phrase, out var following) && following.Contains(tokens[next]))
            || (index > 0 && OtherSenseAfter.TryGetValue(phrase, out var preceding) && preceding.Contains(tokens[index - 1]));
    }

    /// <summary>The kinds a word asks for, first the one it names; empty when it is not a kind word.</summary>
    public static IReadOnlyList<ResourceKind> Lookup(string phrase) =>
        Words.TryGetValue(TextAnalyzer.Normalize(phrase), out var kinds) ? kinds : [];

    public static IEnumerable<string> Phrases => Words.Keys;

    public static ResourceKind? ParseExact(string word) =>
        Enum.TryParse<ResourceKind>(TextAnalyzer.Normalize(word), ignoreCase: true, out var kind)
            && Enum.IsDefined(kind)
            && !int.TryParse(word, out _)
            ? kind
            : Lookup(word) is [var first, ..] ? first : null;

    public static string Name(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    public static string AcceptedNames => string.Join(", ", Enum.GetValues<ResourceKind>().Select(Name));
}
