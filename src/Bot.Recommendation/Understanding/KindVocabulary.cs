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

    private static readonly string[] VideoAsDataAfter =
    [
        "call", "calls", "chat", "meeting", "meetings", "conferencing", "streaming", "stream", "streams", "encoding",
        "transcoding", "files", "uploads", "storage", "delivery", "game", "games", "platform", "platforms", "service",
        "services", "site", "sites", "processing", "pipeline", "pipelines", "cdn",
    ];

    private static readonly string[] VideoAsDataBefore =
    [
        "photo", "photos", "image", "images", "audio", "live", "caching", "cache", "serving", "serve", "storing", "store",
        "streaming", "stream", "hosting", "transcoding", "photos and", "photo and", "images and", "image and",
        "pictures and", "audio and",
    ];

    // "my db course skipped it", "for our os class", "presenting my paper": the writer's own course, class, talk or
    // paper, not a kind asked for. Not books: "my first book on raft" asks for one.
    private static readonly string[] Possessives = ["my", "our", "his", "her", "their"];

    // A kind word followed by one of these is used in another sense ("software engineer", "talk to", "a class of",
    // "post the link", "a video call", "video streaming"), one after these too ("of course", "the mailing list",
    // "caching photos and video": video as the data a system serves, not a kind to read), and one a word or two
    // after a possessive.
    private static readonly OtherSenses Senses = new(
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["software"] =
            [
                "engineer", "engineers", "engineering", "developer", "developers", "dev", "devs", "architect", "architects",
                "architecture", "design", "industry", "company", "companies", "team", "teams", "background", "person",
            ],
            ["talk"] = ["to", "with"],
            ["talks"] = ["to", "with"],
            ["class"] = ["of"],
            ["list"] = ["of"],
            ["watch"] = ["out"],
            ["post"] = ["the", "it", "this", "that", "here", "there", "your", "my", "link", "links"],
            ["video"] = VideoAsDataAfter,
            ["videos"] = VideoAsDataAfter,
        },
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["course"] = ["of"],
            ["list"] = ["mailing", "todo", "do"],
            ["video"] = VideoAsDataBefore,
            ["videos"] = VideoAsDataBefore,
        },
        new[] { "course", "courses", "class", "classes", "lecture", "lectures", "talk", "talks", "paper", "papers", "post", "posts" }
            .ToDictionary(kind => kind, _ => Possessives, StringComparer.Ordinal));

    /// <summary>
    /// Whether the kind phrase of <paramref name="length"/> tokens at <paramref name="index"/> means something else
    /// here ("a software engineer", "of course", "nodes that talk to their neighbours"), so asks for no kind.
    /// </summary>
    public static bool IsOtherSense(IReadOnlyList<string> tokens, int index, int length) => Senses.Apply(tokens, index, length);

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
