using Bot.Catalog;
using Bot.Recommendation.Understanding;

namespace Bot.Application;

/// <summary>
/// Everything the reading assistant says to a user (errors, hints, headlines, help), in one place. The reader and
/// study-group features have theirs in <see cref="Readers.ReaderText"/>, which reuses these where they say the same.
/// </summary>
public static class AssistantText
{
    public const string CommandList = "/recommend <topic> [level] [kind], /paper <title, nickname or author>, /topics, /help";

    /// <summary>The answer to a message in another language addressed to the bot: in English, what it understands.</summary>
    public const string OtherLanguageNote =
        "Sorry, I only understand English. Ask me in English, for example \"what should I read about consensus?\", or use the commands: " + CommandList + ".";

    /// <summary>Said with the starter list when a request names no topic.</summary>
    public const string WhichTopicQuestion =
        "Which topic? Here is a starter list on the fundamentals meanwhile; name a topic (\"what should I read about replication?\") or type /topics for the list.";

    public const string NothingToAnswer = "Nothing to answer: type a question, or one of the commands below.";

    public const string WhichPaper = "Which paper? Give a title, nickname or author, for example `/paper raft` or `/paper lamport clocks`.";

    public const string NothingMore = "Nothing more to show for that request.";

    public const string Introduction =
        "I recommend reading on distributed systems: books, papers, courses, talks, posts and tools, matched to your level.";

    public static string InputTooLong(int length, int limit) =>
        $"That input is {length} characters long; the limit is {limit}. Please shorten it.";

    public static string UnknownCommand(string name) => $"Unknown command '/{name}'. Commands: {CommandList}.";

    public static string UnknownLevel(string level) => $"Unknown level '{level}'. Levels: {LevelVocabulary.AcceptedNames}.";

    public static string UnknownKind(string kind) => $"Unknown kind '{kind}'. Kinds: {KindVocabulary.AcceptedNames}.";

    public static string BadCount(int count, int max) => $"Count must be between 1 and {max}; got {count}.";

    public static string CountNotANumber(string count, int max) => $"Count must be a whole number between 1 and {max}; got '{count}'.";

    public static string PageNotANumber(string page, int max) => $"Page must be a whole number between 1 and {max}; got '{page}'.";

    public static string NoTopicGiven(string command) =>
        $"Which topic? Give one, for example `/{command} consensus beginner`. Type /topics for the list.";

    /// <summary>"Did you mean: …" with the nearest topics, or, when none is near, the popular ones.</summary>
    public static string TopicSuggestion(IReadOnlyList<string> nearest, IReadOnlyList<string> popular) =>
        nearest.Count > 0 ? "Did you mean: " + string.Join(", ", nearest) : "Popular topics: " + string.Join(", ", popular);

    public static string UnknownTopic(string topic, string suggestion) => $"Unknown topic '{topic}'. {suggestion}. Type /topics for the full list.";

    public static string TopicMatchedByText(string topic, string suggestion) =>
        $"'{topic}' is not one of my topics, so these are the closest matches by text. {suggestion}.";

    public static string NoPaperMatches(string query, IReadOnlyList<string> didYouMean) =>
        didYouMean.Count > 0
            ? $"No paper matches '{query}'; did you mean {string.Join(", ", didYouMean.Select(t => $"\"{t}\""))}?"
            : $"No paper matches '{query}'. Try a title word, a nickname (raft, flp, gfs) or an author's surname.";

    public static string SeveralPapersMatch(string query) =>
        $"Several papers match '{query}'. The best match is first; the others are listed as alternatives.";

    public static string MatchedByDescription(string query) =>
        $"No paper goes by the name '{query}'; this is the one that fits the description.";

    public static string ReadFirst(string description) => "read first: " + description.ToLowerInvariant();

    public static string ReadNext(string description) => "read next: " + description.ToLowerInvariant();

    /// <summary>The line of an item the catalog links as the next read after one the reader finished.</summary>
    public static string ReadNextAfter(string readTitle, string reason) => $"Read next after {readTitle}: {Uncapitalised(reason)}";

    public static string PaperReason(string description, string topics, IReadOnlyList<string> sources) =>
        $"{description} on {topics}" + (sources.Count > 0 ? "; recommended by " + string.Join(" and ", sources) : string.Empty);

    public static string NoneOfKind(string kind) => $"No {kind} in the catalog fits that yet, so here are other kinds.";

    public static string RecommendHeadline(IReadOnlyList<string> topicNames, bool morePage, Level? level, string? kind)
    {
        var on = topicNames.Count > 0 ? " on " + string.Join(" and ", topicNames).ToLowerInvariant() : string.Empty;
        if (morePage)
        {
            return $"More reading{on}.";
        }

        var levelPhrase = level switch
        {
            Level.Beginner => " for beginners",
            Level.Intermediate => " at intermediate level",
            Level.Advanced => " at advanced level",
            _ => string.Empty,
        };
        return $"Reading{on}{levelPhrase}{(kind is null ? string.Empty : $" ({kind}s)")}.";
    }

    public static string TopicsHeadline(int count) =>
        $"{count} topics (items in each). `/topics <topic>` shows one in detail; ask with `/recommend <topic> [beginner|intermediate|advanced]`.";

    public static string TopicDetail(string name, string id, string description) => $"**{name}** (`{id}`): {description} Ask with `/recommend {id} [level]`.";

    public static string UnknownTopicDetail(string topic, IReadOnlyList<string> nearest) =>
        $"Unknown topic '{topic}'. " + (nearest.Count > 0 ? "Did you mean: " + string.Join(", ", nearest) + "?" : "Type /topics for the list.");

    public const string AlsoCalled = "Also called";
    public const string ReadingPath = "Reading path";
    public const string ItemsByLevel = "Items by level";
    public const string RelatedTopics = "Related topics";

    public static IReadOnlyList<(string Title, string Text)> HelpSections { get; } =
    [
        ("/recommend <topic> [level] [kind] [count]", $"A short ranked list with a reason per item. Levels: {LevelVocabulary.AcceptedNames}. Kinds: {KindVocabulary.AcceptedNames}. Example: `/recommend consensus beginner` or `/recommend topic:storage level:advanced kind:paper`."),
        ("/paper <query>", "Find a paper by title, nickname, author or a misspelling, with what to read before and after. Example: `/paper raft`, `/paper lamport clocks`."),
        ("/topics", "List the topics I know."),
        ("Just ask", "In a channel I watch, ask in plain words, e.g. \"I'm new here, what should I read about replication?\""),
    ];

    private static string Uncapitalised(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
