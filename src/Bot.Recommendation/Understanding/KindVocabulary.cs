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
