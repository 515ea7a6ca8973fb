using System.Globalization;
using Bot.Application;
using Bot.Catalog;
using Bot.Discord.Models.Outbound;
using Bot.DiscordAdapter.Interactions;

namespace Bot.DiscordAdapter.Rendering;

/// <summary>Who the reply is for and where its items start, for the "More" button and the numbering.</summary>
public sealed record RenderContext(ulong? OwnerId = null, int FirstRank = 1)
{
    /// <summary>With the reader features on: the catalog fingerprint the Save / Read / Feedback buttons carry.</summary>
    public string? CatalogVersion { get; init; }

    /// <summary>The page number of a recommendation (stored with feedback votes).</summary>
    public int Page { get; init; } = 1;

    /// <summary>True when the reply is about the asker's own data: a deferral is private too.</summary>
    public bool Personal { get; init; }

    /// <summary>Largest file the reply may attach: the interaction's <c>attachment_size_limit</c>, at most <see cref="DiscordLimits.AttachmentBytes"/>.</summary>
    public long AttachmentLimit { get; init; } = DiscordLimits.AttachmentBytes;
}

/// <summary>
/// Renders the application's <see cref="Reply"/> as a Discord message: the headline as content, one embed per
/// recommended item, a detailed embed for a paper, field lists for help and topics, and a "More" button when
/// another page exists. Everything is fitted within Discord's documented limits; <c>allowed_mentions</c> is always
/// <c>{"parse":[],"replied_user":false}</c>, so echoed user text never pings anyone.
/// </summary>
public static class ReplyRenderer
{
    public const int BeginnerColor = 0x57F287;
    public const int IntermediateColor = 0xFEE75C;
    public const int AdvancedColor = 0xED4245;
    public const int InfoColor = 0x5865F2;
    public const int ErrorColor = 0xED4245;
    public const string MoreLabel = "More";

    /// <summary>Sent instead of a reply that failed Discord's limits after fitting, so the user still gets an answer.</summary>
    public const string UndisplayableReply = "Sorry, I could not display that answer.";

    public static MessagePayload Render(Reply reply, RenderContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        context ??= new RenderContext();
        var drafts = new List<EmbedDraft>();
        string? content;
        switch (reply.Intent)
        {
            case Intent.Recommend:
                content = WithSections(reply.Message, reply.Sections);
                drafts.AddRange(reply.Items.Take(DiscordLimits.EmbedsPerMessage).Select((item, i) => ItemEmbed(item, context.FirstRank + i)));
                break;
            case Intent.Paper when reply.Items.Count > 0:
                content = reply.Message;
                drafts.Add(PaperEmbed(reply.Items[0], reply.Paper ?? new PaperDetail()));
                break;
            case Intent.Topics:
                content = null;
                drafts.AddRange(SectionEmbeds("Topics", reply.Message, reply.Sections, InfoColor));
                break;
            case Intent.Help:
                content = null;
                drafts.AddRange(SectionEmbeds("How to ask me", reply.Message, reply.Sections, InfoColor));
                break;
            case Intent.Path:
                content = null;
                var path = new EmbedDraft { Color = InfoColor };
                path.SetDescriptionLines([reply.Message ?? string.Empty, .. reply.Items.Select(PathLine)]);
                drafts.Add(path);
                break;
            case Intent.MyData when reply.Attachment is { } attachment:
                content = Files(reply, context).Count > 0
                    ? $"{reply.Message}\n{AttachedNote(attachment.FileName)}"
                    // Too large to attach: say so, and show as much of the start as a message holds.
                    : TextFit.Clip($"{reply.Message}\n{TooLargeNote(attachment, context.AttachmentLimit)}\n```json\n{attachment.Content}", DiscordLimits.MessageContent - 4) + "\n```";
                break;
            default:
                content = null;
                drafts.AddRange(SectionEmbeds(null, reply.Message ?? "Something went wrong.", reply.Sections, reply.IsError ? ErrorColor : InfoColor));
                break;
        }

        var embeds = EmbedFitter.Fit(drafts);
        content = string.IsNullOrWhiteSpace(content) ? null : TextFit.Clip(content, DiscordLimits.MessageContent);
        if (content is null && embeds.Count == 0)
        {
            content = "Nothing to show.";
        }

        return new MessagePayload
        {
            Content = content,
            Embeds = embeds.Count == 0 ? null : embeds,
            AllowedMentions = AllowedMentions.None,
            Components = Rows(reply, context),
            Flags = reply.IsPersonal ? MessageFlags.Ephemeral : null,
        };
    }

    /// <summary>What a reply with a file says about it.</summary>
    public static string AttachedNote(string fileName) => $"Everything stored about you is attached as `{fileName}`.";

    /// <summary>What a reply says when its file is over the size limit.</summary>
    public static string TooLargeNote(ReplyAttachment attachment, long limit)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"`{attachment.FileName}` is {Mebibytes(System.Text.Encoding.UTF8.GetByteCount(attachment.Content))}, more than the {Mebibytes(limit)} Discord lets me attach here, so here is its start; /list shows all your items.");
    }

    /// <summary>
    /// The files that go with <paramref name="reply"/>: its attachment when it fits
    /// <see cref="RenderContext.AttachmentLimit"/>, else none (<see cref="Render"/> then says so in the message).
    /// </summary>
    public static IReadOnlyList<FileUpload> Files(Reply reply, RenderContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var limit = Math.Min((context ?? new RenderContext()).AttachmentLimit, DiscordLimits.AttachmentBytes);
        if (reply.Attachment is not { } attachment || !MessageValidator.IsValidFileName(attachment.FileName))
        {
            return [];
        }

        var bytes = attachment.ToBytes();
        return bytes.Length <= limit ? [new FileUpload(attachment.FileName, bytes, attachment.ContentType)] : [];
    }

    private static string Mebibytes(long bytes) =>
        bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB");

    /// <summary>A plain, always-valid message (an explanation or apology), never pinging anyone.</summary>
    public static MessagePayload Notice(string text) => new()
    {
        Content = TextFit.Clip(text, DiscordLimits.MessageContent),
        AllowedMentions = AllowedMentions.None,
    };

    /// <summary>How many items of a page get Save / Read / Feedback buttons (one row of each).</summary>
    public const int ItemsWithButtons = DiscordLimits.ActionRowComponents;

    private static List<ActionRow>? Rows(Reply reply, RenderContext context)
    {
        var rows = new List<ActionRow>();
        if (reply.Intent == Intent.Recommend && context.OwnerId is { } owner && context.CatalogVersion is { } version)
        {
            var items = reply.Items.Take(ItemsWithButtons).Select((item, i) => (item, Rank: context.FirstRank + i)).ToList();
            foreach (var (action, label, style) in new[]
            {
                (ReaderButtonAction.Save, "Save", ButtonStyle.Secondary),
                (ReaderButtonAction.Read, "Read", ButtonStyle.Secondary),
                (ReaderButtonAction.AskFeedback, "Feedback", ButtonStyle.Secondary),
            })
            {
                var buttons = items
                    .Select(x => (x.Rank, Id: ReaderCustomId.Encode(new ReaderButton(action, owner, version, x.item.Id, null, context.Page, x.Rank, reply.Topics, reply.Level, reply.Kind))))
                    .Where(x => x.Id is not null)
                    .Select(x => Button.WithCustomId(style, x.Id!, string.Create(CultureInfo.InvariantCulture, $"{label} {x.Rank}")))
                    .ToList();
                if (buttons.Count > 0)
                {
                    rows.Add(new ActionRow(buttons));
                }
            }
        }

        if (MoreButton(reply, context) is { } more)
        {
            rows.Add(new ActionRow([more]));
        }

        return rows.Count == 0 ? null : rows;
    }

    /// <summary>The four feedback buttons for one recommended item (sent privately when its Feedback button is pressed).</summary>
    public static IReadOnlyList<ActionRow>? FeedbackRow(ReaderButton asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        var buttons = new[]
        {
            (Bot.Storage.FeedbackChoice.Useful, "Useful", ButtonStyle.Success),
            (Bot.Storage.FeedbackChoice.TooEasy, "Too easy", ButtonStyle.Secondary),
            (Bot.Storage.FeedbackChoice.TooHard, "Too hard", ButtonStyle.Secondary),
            (Bot.Storage.FeedbackChoice.NotForMe, "Not for me", ButtonStyle.Danger),
        }
            .Select(c => (c, Id: ReaderCustomId.Encode(asked with { Action = ReaderButtonAction.Vote, Choice = c.Item1 })))
            .Where(x => x.Id is not null)
            .Select(x => Button.WithCustomId(x.c.Item3, x.Id!, x.c.Item2))
            .ToList();
        return buttons.Count == 0 ? null : [new ActionRow(buttons)];
    }

    private static string PathLine(ReplyItem item, int index)
    {
        var mark = item.Status == ReadingStatus.Read ? "✅ " : item.NextUp ? "➡️ **next up** " : string.Empty;
        var title = TextFit.EscapeMarkdown(TextFit.Clip(item.Title, 150));
        var link = TextFit.SafeUrl(item.Url, 300) is { } url ? $"[{title}]({url})" : title;
        return string.Create(CultureInfo.InvariantCulture, $"{index + 1}. {mark}{link} ({LevelName(item.Level)} {KindName(item.Kind)})");
    }

    private static Button? MoreButton(Reply reply, RenderContext context) =>
        reply.NextPage is { } page && context.OwnerId is { } owner && PagingCustomId.Encode(owner, page.Request) is { } customId
            ? Button.WithCustomId(ButtonStyle.Secondary, customId, MoreLabel)
            : null;

    private static string? WithSections(string? message, IReadOnlyList<ReplySection> sections)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(message))
        {
            parts.Add(message.Trim());
        }

        parts.AddRange(sections.Select(s => $"**{TextFit.EscapeMarkdown(s.Title.Trim())}**: {s.Body.Trim()}"));
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    private static EmbedDraft ItemEmbed(ReplyItem item, int rank)
    {
        var draft = new EmbedDraft
        {
            Url = TextFit.SafeUrl(item.Url, DiscordLimits.EmbedUrl),
            Color = LevelColor(item.Level),
        };
        draft.SetTitle(string.Create(CultureInfo.InvariantCulture, $"{rank}. {item.Title.Trim()}"));
        if (Byline(item) is { } byline)
        {
            draft.SetAuthor(byline);
        }

        draft.SetDescription(string.IsNullOrWhiteSpace(item.Summary)
            ? $"**Why:** {item.Reason.Trim()}"
            : $"**Why:** {item.Reason.Trim()}\n\n{item.Summary.Trim()}");
        draft.AddField("Level", LevelName(item.Level), inline: true);
        draft.AddField("Kind", KindName(item.Kind), inline: true);
        return draft;
    }

    private static EmbedDraft PaperEmbed(ReplyItem match, PaperDetail paper)
    {
        var draft = new EmbedDraft
        {
            Url = TextFit.SafeUrl(match.Url, DiscordLimits.EmbedUrl),
            Color = LevelColor(match.Level),
        };
        draft.SetTitle(match.Title);
        if (Byline(match) is { } byline)
        {
            draft.SetAuthor(byline);
        }

        if (!string.IsNullOrWhiteSpace(match.Summary))
        {
            draft.SetDescription(match.Summary);
        }

        if (!string.IsNullOrWhiteSpace(match.Venue))
        {
            draft.AddField("Venue", match.Venue, inline: true);
        }

        draft.AddField("Level", LevelName(match.Level), inline: true);
        draft.AddField("Kind", KindName(match.Kind), inline: true);
        if (!string.IsNullOrWhiteSpace(match.Reason))
        {
            draft.AddField("Why read it", match.Reason);
        }

        AddList(draft, "Read first", paper.ReadFirst);
        AddList(draft, "Read next", paper.ReadNext);
        AddList(draft, "Other matches", paper.Alternatives);
        return draft;
    }

    private static void AddList(EmbedDraft draft, string name, IReadOnlyList<ReplyItem> items)
    {
        if (items.Count > 0)
        {
            draft.AddListField(name, items.Select(ListLine).ToList());
        }
    }

    private static string ListLine(ReplyItem item)
    {
        var title = TextFit.EscapeMarkdown(TextFit.Clip(item.Title, 200));
        var link = TextFit.SafeUrl(item.Url, 400) is { } url ? $"[{title}]({url})" : title;
        return Byline(item) is { } byline ? $"• {link} — {TextFit.EscapeMarkdown(byline)}" : $"• {link}";
    }

    private static IEnumerable<EmbedDraft> SectionEmbeds(string? title, string? message, IReadOnlyList<ReplySection> sections, int color)
    {
        var first = new EmbedDraft { Color = color };
        if (title is not null)
        {
            first.SetTitle(title);
        }

        if (!string.IsNullOrWhiteSpace(message))
        {
            first.SetDescription(message);
        }

        var current = first;
        var drafts = new List<EmbedDraft> { first };
        foreach (var section in sections)
        {
            if (current.Fields.Count == DiscordLimits.EmbedFields)
            {
                current = new EmbedDraft { Color = color };
                drafts.Add(current);
            }

            current.AddField(section.Title, section.Body);
        }

        return drafts;
    }

    private static string? Byline(ReplyItem item)
    {
        var authors = item.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        var names = authors.Count switch
        {
            0 => null,
            <= 3 => string.Join(", ", authors),
            _ => string.Join(", ", authors.Take(3)) + " et al.",
        };
        var year = item.Year?.ToString(CultureInfo.InvariantCulture);
        return (names, year) switch
        {
            (null, null) => null,
            (null, _) => year,
            (_, null) => names,
            _ => $"{names} ({year})",
        };
    }

    private static int LevelColor(Level level) => level switch
    {
        Level.Beginner => BeginnerColor,
        Level.Intermediate => IntermediateColor,
        _ => AdvancedColor,
    };

    private static string LevelName(Level level) => level.ToString().ToLowerInvariant();

    private static string KindName(ResourceKind kind) => kind.ToString().ToLowerInvariant();
}
