using Bot.Catalog;

namespace Bot.Application;

/// <summary>The intent names of the `ask --json` contract, one place for every writer and reader of them.</summary>
public static class IntentNames
{
    /// <summary>/topics, /help and the English note to another language are neither reading answers nor errors: "none".</summary>
    public static string Of(Intent intent) => intent switch
    {
        Intent.Recommend => "recommend",
        Intent.Paper => "paper",
        Intent.Error => "error",
        Intent.Save => "save",
        Intent.Read => "read",
        Intent.Remove => "remove",
        Intent.List => "list",
        Intent.Path => "path",
        Intent.Feedback => "feedback",
        Intent.Forget => "forget-me",
        Intent.MyData => "my-data",
        _ => "none",
    };
}

/// <summary>What the bot understood the user to want.</summary>
public enum Intent
{
    Recommend,
    Paper,
    Topics,
    Help,
    /// <summary>Chatter or anything that is not a request: the bot stays silent.</summary>
    None,
    /// <summary>The request was understood as one for the bot but could not be served (bad level, no match...).</summary>
    Error,

    /// <summary>/save: an item put on the reader's list.</summary>
    Save,

    /// <summary>/read: an item marked read, with an optional rating.</summary>
    Read,

    /// <summary>/remove (or /list remove:): an item taken off the reader's list.</summary>
    Remove,

    /// <summary>/list: the reader's saved and read items, grouped by topic with progress.</summary>
    List,

    /// <summary>/path: a topic's ordered learning path with the reader's progress.</summary>
    Path,

    /// <summary>A feedback vote on a recommended item.</summary>
    Feedback,

    /// <summary>/forget-me: everything about the reader deleted.</summary>
    Forget,

    /// <summary>/my-data: everything stored about the reader, as JSON in <see cref="Reply.Attachment"/>.</summary>
    MyData,

    /// <summary>/config: a server's settings, shown or changed.</summary>
    Config,

    /// <summary>/club: a server's paper-of-the-week picks and how many members read each.</summary>
    Club,
}

/// <summary>
/// The answer to one user request, independent of where it is shown. The console renders it as
/// text cards, the Discord adapter as embeds, and <c>Bot ask --json</c> serialises it.
/// </summary>
public sealed record Reply
{
    public required string Input { get; init; }
    public required Intent Intent { get; init; }
    public Level? Level { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public ResourceKind? Kind { get; init; }

    /// <summary>Headline shown above the items, or the whole answer for errors, help and topics.</summary>
    public string? Message { get; init; }

    public IReadOnlyList<ReplyItem> Items { get; init; } = [];

    /// <summary>For paper lookups: the details of <c>Items[0]</c>, the match.</summary>
    public PaperDetail? Paper { get; init; }

    /// <summary>Extra lines (help sections, topic list, a confusion note) shown as fields.</summary>
    public IReadOnlyList<ReplySection> Sections { get; init; } = [];

    /// <summary>When more results exist beyond <see cref="Items"/>, how to ask for them.</summary>
    public RecommendPage? NextPage { get; init; }

    /// <summary>A file that goes with the reply (the JSON of /my-data).</summary>
    public ReplyAttachment? Attachment { get; init; }

    /// <summary>True for answers about the asker's own data (lists, paths, votes): shown only to them where possible.</summary>
    public bool IsPersonal { get; init; }

    /// <summary>True when the bot should answer at all (false for chatter).</summary>
    public bool ShouldAnswer => Intent != Intent.None;

    public bool IsError => Intent == Intent.Error;
}

/// <summary>One recommended or matched resource, with the line that says why.</summary>
public sealed record ReplyItem
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required ResourceKind Kind { get; init; }
    public required Level Level { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public int? Year { get; init; }
    public required string Url { get; init; }
    public required double Score { get; init; }
    public required string Reason { get; init; }
    public required string Summary { get; init; }
    public string? Venue { get; init; }

    /// <summary>Where the item stands on the asking reader's list; null when it is not on it (or nobody asked).</summary>
    public ReadingStatus? Status { get; init; }

    /// <summary>The reader's 1-5 rating of a read item.</summary>
    public int? Rating { get; init; }

    /// <summary>On a learning path: the first unread item, the one to read next.</summary>
    public bool NextUp { get; init; }
}

/// <summary>Where an item stands on a reader's list.</summary>
public enum ReadingStatus
{
    Saved,
    Read,
}

/// <summary>
/// A file attached to a reply: its name, text content and media type. Discord sends it as a file; the console prints
/// it, and <c>ask --json</c> puts JSON content under <c>data</c>.
/// </summary>
public sealed record ReplyAttachment(string FileName, string Content)
{
    public const string JsonContentType = "application/json";

    public string ContentType { get; init; } = "text/plain; charset=utf-8";

    /// <summary>The content as sent: UTF-8 bytes.</summary>
    public byte[] ToBytes() => System.Text.Encoding.UTF8.GetBytes(Content);
}

/// <summary>Facts around a paper match: what to read before and after it, and other candidates.</summary>
public sealed record PaperDetail
{
    public IReadOnlyList<ReplyItem> ReadFirst { get; init; } = [];
    public IReadOnlyList<ReplyItem> ReadNext { get; init; } = [];
    public IReadOnlyList<ReplyItem> Alternatives { get; init; } = [];
}

public sealed record ReplySection(string Title, string Body);

/// <summary>A structured recommendation request, as Discord's slash options or the console's parser give it.</summary>
public sealed record RecommendRequest
{
    public required string Topic { get; init; }
    public string? Level { get; init; }
    public string? Kind { get; init; }
    public int Count { get; init; } = 5;
    public int Offset { get; init; }
}

/// <summary>The request that yields the next page of a recommendation (the "More" button, `more` in the console).</summary>
public sealed record RecommendPage(RecommendRequest Request)
{
    /// <summary>The same page as a typed command, e.g. <c>/recommend topic:consensus level:beginner page:2</c>.</summary>
    public string Command
    {
        get
        {
            var count = Math.Max(1, Request.Count);
            var parts = new List<string> { "/recommend", "topic:" + Request.Topic };
            if (!string.IsNullOrWhiteSpace(Request.Level))
            {
                parts.Add("level:" + Request.Level);
            }

            if (!string.IsNullOrWhiteSpace(Request.Kind))
            {
                parts.Add("kind:" + Request.Kind);
            }

            if (count != 5)
            {
                parts.Add("count:" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            parts.Add("page:" + ((Request.Offset / count) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return string.Join(' ', parts);
        }
    }

    /// <summary>What the console says under a page that has more after it.</summary>
    public string Hint => $"More results: type `more`, or {Command}";
}

/// <summary>A choice offered while the user types (Discord autocomplete).</summary>
public sealed record Suggestion(string Name, string Value);
