using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Catalog;
using Bot.Recommendation.Understanding;
using Bot.Storage;

namespace Bot.Application.Readers;

/// <summary>
/// The reader features of the application layer: a reader's list (/save, /read, /remove, /list), learning paths
/// (/path), feedback votes, /forget-me and /my-data, and recommendations that know what the reader has read. Each
/// action is one store call (one transaction); bad input is answered before anything is written.
/// </summary>
public sealed class ReaderAssistant
{
    public const string Save = "save";
    public const string Read = "read";
    public const string Remove = "remove";
    public const string List = "list";
    public const string Path = "path";
    public const string ForgetMe = "forget-me";
    public const string MyData = "my-data";

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { Save, Read, Remove, List, Path, ForgetMe, MyData, Servers.ServerAssistant.Club, Servers.ServerAssistant.Config };
    private static readonly HashSet<string> Options = new(StringComparer.Ordinal) { "item", "rating", "remove", "topic", "level" };

    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly ReadingAssistant _assistant;
    private readonly IReaderStore _store;
    private readonly IReadingAssistant? _replaced;
    private readonly Servers.ServerSettingsCache? _servers;

    /// <param name="assistant">The application layer the reader features build on.</param>
    /// <param name="store">The readers' store.</param>
    /// <param name="front">The <see cref="IReadingAssistant"/> the host registered; when it is not
    /// <paramref name="assistant"/> (a test's stand-in), non-reader requests go to it, without the reader's history.</param>
    /// <param name="servers">Server settings: a request without a level in a server gets the server's default level.</param>
    public ReaderAssistant(ReadingAssistant assistant, IReaderStore store, IReadingAssistant? front = null, Servers.ServerSettingsCache? servers = null)
    {
        _assistant = assistant;
        _store = store;
        _servers = servers;
        _replaced = ReferenceEquals(front, assistant) ? null : front;
        CatalogVersion = CatalogFingerprint(assistant.Catalog);
    }

    /// <summary>A short fingerprint of the catalog's items and topics: buttons made under another catalog are refused.</summary>
    public string CatalogVersion { get; }

    public ReadingCatalog Catalog => _assistant.Catalog;

    /// <summary>
    /// True when the input is one of the reader commands (/save, /read, /remove, /list, /path, /forget-me, /my-data),
    /// or /club and /config, which typed (the console twin) only say that they belong to Discord servers.
    /// </summary>
    public static bool IsReaderCommand(string input) =>
        input is not null && input.TrimStart().StartsWith('/') && Commands.Contains(TypedCommand.NameOf(input));

    /// <summary>What a reader typed: reader commands here, everything else through <see cref="ReadingAssistant"/> for this reader.</summary>
    public async Task<Reply> HandleAsync(ReaderContext who, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        input ??= string.Empty;
        if (!IsReaderCommand(input) || input.Length > ReadingAssistant.MaxInputLength)
        {
            if (_replaced is { } front)
            {
                return front.Handle(input);
            }

            var profile = await ProfileAsync(who, cancellationToken).ConfigureAwait(false);
            return _assistant.ForReader(profile, a => a.Handle(input));
        }

        var command = TypedCommand.Parse(input.Trim(), Options);
        var rest = string.Join(' ', command.Positional);
        var reply = command.Name switch
        {
            Save => await SaveAsync(who, command.Options.GetValueOrDefault("item") ?? rest, cancellationToken).ConfigureAwait(false),
            Read => await ReadTypedAsync(who, command, rest, cancellationToken).ConfigureAwait(false),
            Remove => await RemoveAsync(who, command.Options.GetValueOrDefault("item") ?? rest, cancellationToken).ConfigureAwait(false),
            List when command.Options.TryGetValue("remove", out var removed) => await RemoveAsync(who, removed, cancellationToken).ConfigureAwait(false),
            List => await ListAsync(who, cancellationToken).ConfigureAwait(false),
            Path => await PathTypedAsync(who, command, cancellationToken).ConfigureAwait(false),
            ForgetMe => await ForgetAsync(who, cancellationToken).ConfigureAwait(false),
            Servers.ServerAssistant.Club or Servers.ServerAssistant.Config => Failure(input, Servers.ServerText.DiscordOnly(command.Name)),
            _ => await MyDataAsync(who, cancellationToken).ConfigureAwait(false),
        };
        return reply with { Input = input };
    }

    /// <summary>A channel message or DM from the reader (see <see cref="IReadingAssistant.HandleMessage"/>).</summary>
    public async Task<Reply> HandleMessageAsync(ReaderContext who, string text, bool addressedToBot, CancellationToken cancellationToken)
    {
        if (_replaced is { } front)
        {
            return front.HandleMessage(text, addressedToBot);
        }

        var profile = await ProfileAsync(who, cancellationToken).ConfigureAwait(false);
        return _assistant.ForReader(profile, a => a.HandleMessage(text, addressedToBot));
    }

    /// <summary>/recommend for this reader: without what they read or dismissed, at their effective level.</summary>
    public async Task<Reply> RecommendAsync(ReaderContext who, RecommendRequest request, CancellationToken cancellationToken)
    {
        if (_replaced is { } front)
        {
            return front.Recommend(request);
        }

        var profile = await ProfileAsync(who, cancellationToken).ConfigureAwait(false);
        return _assistant.ForReader(profile, a => a.Recommend(request));
    }

    /// <summary>What recommendations need to know about the reader (three reads, each its own snapshot), and the server's default level.</summary>
    public async Task<ReaderProfile> ProfileAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var items = await _store.GetItemsAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var dismissed = await _store.GetDismissedAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var votes = await _store.GetVotesAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var profile = ReaderProfile.From(items, dismissed, votes, _assistant.Catalog);
        if (who.ServerId is { } server && _servers is { } servers
            && (await servers.FindAsync(server, cancellationToken).ConfigureAwait(false))?.DefaultLevel is { } levelName)
        {
            profile = profile with { DefaultLevel = LevelVocabulary.ParseExact(levelName) };
        }

        return profile;
    }

    public async Task<Reply> SaveAsync(ReaderContext who, string? itemQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (resource, error) = ResolveItem(Save, itemQuery);
        if (resource is null)
        {
            return error!;
        }

        var before = await _store.GetItemsAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var wasThere = before.Any(i => i.ItemId == resource.Id);
        var stored = await _store.SaveItemAsync(who.ReaderId, resource.Id, cancellationToken).ConfigureAwait(false);
        await NoteServerAsync(who, cancellationToken).ConfigureAwait(false);
        return Personal("/save " + itemQuery, Intent.Save, ReaderText.Saved(resource.Title, wasThere, stored.Status == ReaderItemStatus.Read), [WithStatus(resource, stored)]);
    }

    public async Task<Reply> MarkReadAsync(ReaderContext who, string? itemQuery, int? rating, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (rating is { } r && r is < 1 or > 5)
        {
            return Failure("/read " + itemQuery, ReaderText.BadRating(r.ToString(CultureInfo.InvariantCulture)));
        }

        var (resource, error) = ResolveItem(Read, itemQuery);
        if (resource is null)
        {
            return error!;
        }

        var stored = await _store.MarkReadAsync(who.ReaderId, resource.Id, rating, cancellationToken).ConfigureAwait(false);
        await NoteServerAsync(who, cancellationToken).ConfigureAwait(false);
        return Personal("/read " + itemQuery, Intent.Read, ReaderText.MarkedRead(resource.Title, rating), [WithStatus(resource, stored)]);
    }

    public async Task<Reply> RemoveAsync(ReaderContext who, string? itemQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        // An id that left the catalog can still be removed from a list.
        var trimmed = itemQuery?.Trim() ?? string.Empty;
        var onList = await _store.GetItemsAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        if (trimmed.Length > 0 && _assistant.Catalog.FindResource(trimmed) is null && onList.Any(i => i.ItemId == trimmed))
        {
            await _store.RemoveItemAsync(who.ReaderId, trimmed, cancellationToken).ConfigureAwait(false);
            return Personal("/remove " + itemQuery, Intent.Remove, ReaderText.Removed(trimmed), []);
        }

        var (resource, error) = ResolveItem(Remove, itemQuery);
        if (resource is null)
        {
            return error!;
        }

        var removed = await _store.RemoveItemAsync(who.ReaderId, resource.Id, cancellationToken).ConfigureAwait(false);
        return removed
            ? Personal("/remove " + itemQuery, Intent.Remove, ReaderText.Removed(resource.Title), [_assistant.Describe(resource, "removed from your list")])
            : Failure("/remove " + itemQuery, ReaderText.NotOnList(resource.Title));
    }

    /// <summary>The reader's list grouped by each item's primary topic, with that topic's essentials progress.</summary>
    public async Task<Reply> ListAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var entries = await _store.GetItemsAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return Personal("/list", Intent.List, ReaderText.EmptyList, []);
        }

        var catalog = _assistant.Catalog;
        var read = entries.Where(e => e.Status == ReaderItemStatus.Read).Select(e => e.ItemId).ToHashSet(StringComparer.Ordinal);
        var known = entries.Where(e => catalog.FindResource(e.ItemId) is not null).ToList();
        var topicOrder = catalog.Topics.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var groups = known
            .GroupBy(e => catalog.FindResource(e.ItemId)!.TopicsPrimaryFirst.First())
            .OrderBy(g => topicOrder.GetValueOrDefault(g.Key, int.MaxValue))
            .ToList();
        var items = new List<ReplyItem>();
        var sections = new List<ReplySection>();
        foreach (var group in groups)
        {
            var topic = catalog.FindTopic(group.Key);
            var essentials = catalog.EssentialsOf(group.Key);
            var readOnTopic = catalog.Resources.Count(r => read.Contains(r.Id) && r.Topics.Contains(group.Key));
            var title = ReaderText.Progress(topic?.Name ?? group.Key, essentials.Count(e => read.Contains(e.Id)), essentials.Count, readOnTopic);
            var lines = new List<string>();
            foreach (var entry in group.OrderBy(e => e.Status).ThenBy(e => e.SavedAt))
            {
                var item = WithStatus(catalog.FindResource(entry.ItemId)!, entry);
                items.Add(item);
                lines.Add(StatusLine(item));
            }

            sections.Add(new ReplySection(title, string.Join('\n', lines)));
        }

        var gone = entries.Where(e => catalog.FindResource(e.ItemId) is null).ToList();
        if (gone.Count > 0)
        {
            sections.Add(new ReplySection(ReaderText.NoLongerInCatalog, string.Join('\n', gone.Select(g => $"• {g.ItemId} (remove with `/remove {g.ItemId}`)"))));
        }

        var message = ReaderText.ListHeadline(entries.Count - read.Count, read.Count);
        return Personal("/list", Intent.List, message, items) with { Sections = sections };
    }

    /// <summary>A topic's ordered learning path with the reader's progress: read items done, the first unread one next up.</summary>
    public async Task<Reply> PathAsync(ReaderContext who, string? topicText, string? levelText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var input = "/path " + string.Join(' ', new[] { topicText, levelText }.Where(s => !string.IsNullOrWhiteSpace(s)));
        Level? level = null;
        if (!string.IsNullOrWhiteSpace(levelText))
        {
            level = LevelVocabulary.ParseExact(levelText) ?? LevelVocabulary.ParseWord(levelText);
            if (level is null)
            {
                return Failure(input, AssistantText.UnknownLevel(Clip(levelText, 40)));
            }
        }

        if (string.IsNullOrWhiteSpace(topicText))
        {
            return Failure(input, AssistantText.NoTopicGiven(Path));
        }

        var engine = _assistant.Engine;
        var topic = _assistant.Catalog.FindTopic(topicText.Trim().ToLowerInvariant())
            ?? engine.Parser.Parse(topicText).ResolvedTopicIds.Select(_assistant.Catalog.FindTopic).OfType<Topic>().FirstOrDefault();
        if (topic is null)
        {
            return Failure(input, AssistantText.UnknownTopicDetail(Clip(topicText.Trim(), 60), engine.Index.Topics.Nearest(topicText, 3).Select(t => t.Id).ToList()));
        }

        var entries = await _store.GetItemsAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var byId = entries.ToDictionary(e => e.ItemId, StringComparer.Ordinal);
        var steps = LearningPath.Build(_assistant.Catalog, topic, level);
        var items = new List<ReplyItem>();
        string? nextUp = null;
        foreach (var step in steps)
        {
            var entry = byId.GetValueOrDefault(step.Resource.Id);
            var isNext = nextUp is null && entry?.Status != ReaderItemStatus.Read;
            if (isNext)
            {
                nextUp = step.Resource.Title;
            }

            items.Add(_assistant.Describe(step.Resource, step.Why) with
            {
                Status = entry is null ? null : ToStatus(entry.Status),
                Rating = entry?.Rating,
                NextUp = isNext,
            });
        }

        var readCount = items.Count(i => i.Status == ReadingStatus.Read);
        var message = ReaderText.PathHeadline(topic.Name, level is { } l ? LevelVocabulary.Name(l) : null, readCount, items.Count, nextUp);
        return Personal(input, Intent.Path, message, items) with { Topics = [topic.Id], Level = level };
    }

    /// <summary>Records a feedback vote on a recommended item (one per reader, item and request).</summary>
    public async Task<Reply> VoteAsync(ReaderContext who, FeedbackRequest feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(feedback);
        var input = feedback.RequestText;
        if (_assistant.Catalog.FindResource(feedback.ItemId) is not { } resource || feedback.Page < 1 || feedback.Rank < 1)
        {
            return Failure(input, ReaderText.ItemGoneFromCatalog);
        }

        var outcome = await _store.RecordVoteAsync(
            new FeedbackVoteInput(who.ReaderId, resource.Id, feedback.RequestText, feedback.Choice, feedback.RequestText, feedback.Page, feedback.Rank, who.ServerId),
            cancellationToken).ConfigureAwait(false);
        return Personal(input, Intent.Feedback, ReaderText.Voted(resource.Title, ReaderText.FeedbackName(feedback.Choice), outcome), [_assistant.Describe(resource, ReaderText.FeedbackName(feedback.Choice))]);
    }

    public async Task<Reply> ForgetAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var rows = await _store.ForgetReaderAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        return Personal("/" + ForgetMe, Intent.Forget, ReaderText.Forgotten(rows), []);
    }

    /// <summary>Everything stored about the reader, as indented JSON in <see cref="Reply.Attachment"/>.</summary>
    public async Task<Reply> MyDataAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var export = await _store.ExportReaderAsync(who.ReaderId, cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(export, ExportJson);
        var message = ReaderText.MyDataHeadline(export.Items.Count, export.Dismissed.Count, export.Votes.Count, export.ServerIds.Count);
        return Personal("/" + MyData, Intent.MyData, message, []) with
        {
            Attachment = new ReplyAttachment(ReaderText.MyDataFileName, json) { ContentType = ReplyAttachment.JsonContentType },
        };
    }

    /// <summary>Items for what the reader has typed so far (autocomplete): title as the name, id as the value.</summary>
    public IReadOnlyList<Suggestion> SuggestItems(string partial, int max = 25)
    {
        max = Math.Clamp(max, 1, 25);
        var engine = _assistant.Engine;
        var resources = string.IsNullOrWhiteSpace(partial)
            ? _assistant.Catalog.Resources.OrderByDescending(r => r.RecommendedBy.Count).ThenBy(r => r.Title, StringComparer.Ordinal).Take(max).ToList()
            : engine.Papers.Suggest(partial, max);
        return resources.Select(r => new Suggestion(Clip(r.Title, 100), r.Id)).ToList();
    }

    private async Task<Reply> ReadTypedAsync(ReaderContext who, TypedCommand command, string rest, CancellationToken cancellationToken)
    {
        int? rating = null;
        if (command.Options.TryGetValue("rating", out var ratingText))
        {
            if (!int.TryParse(ratingText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 5)
            {
                return Failure("/read " + rest, ReaderText.BadRating(Clip(ratingText, 20)));
            }

            rating = parsed;
        }

        return await MarkReadAsync(who, command.Options.GetValueOrDefault("item") ?? rest, rating, cancellationToken).ConfigureAwait(false);
    }

    private Task<Reply> PathTypedAsync(ReaderContext who, TypedCommand command, CancellationToken cancellationToken)
    {
        var positional = command.Positional.ToList();
        var level = command.Options.GetValueOrDefault("level");
        if (level is null && positional.Count > 1 && LevelVocabulary.ParseWord(positional[^1]) is not null)
        {
            level = positional[^1];
            positional.RemoveAt(positional.Count - 1);
        }

        var topic = command.Options.GetValueOrDefault("topic") ?? string.Join(' ', positional);
        return PathAsync(who, topic, level, cancellationToken);
    }

    /// <summary>An item by id, title, nickname, author or misspelling (the paper finder), or the reply saying what is accepted.</summary>
    private (Resource? Resource, Reply? Error) ResolveItem(string command, string? query)
    {
        var input = "/" + command + " " + query;
        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, Failure(input, ReaderText.NoItemGiven(command)));
        }

        if (query.Length > ReadingAssistant.MaxInputLength)
        {
            return (null, Failure(input, ReaderText.UnknownItem(Clip(query, 60), [])));
        }

        if (_assistant.Catalog.FindResource(query.Trim()) is { } byId)
        {
            return (byId, null);
        }

        // A reader's list takes only what is named: a description's best guess could file the wrong item.
        var lookup = _assistant.Engine.Papers.Find(query, orDescription: false);
        if (lookup.Best is not { } best)
        {
            return (null, Failure(input, ReaderText.UnknownItem(Clip(query.Trim(), 60), lookup.DidYouMean.Select(r => r.Title).ToList())));
        }

        var exactAndAlone = best.Score >= 1.0 && (lookup.Matches.Count < 2 || lookup.Matches[1].Score < 1.0);
        if (lookup.IsAmbiguous && !exactAndAlone)
        {
            return (null, Failure(input, ReaderText.AmbiguousItem(Clip(query.Trim(), 60), lookup.Matches.Take(4).Select(m => (m.Resource.Id, m.Resource.Title)).ToList())));
        }

        return (best.Resource, null);
    }

    private async Task NoteServerAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        if (who.ServerId is { } server)
        {
            await _store.NoteServerMemberAsync(server, who.ReaderId, cancellationToken).ConfigureAwait(false);
        }
    }

    private ReplyItem WithStatus(Resource resource, ReaderItem entry) =>
        _assistant.Describe(resource, entry.Status == ReaderItemStatus.Read
            ? entry.Rating is { } rating ? string.Create(CultureInfo.InvariantCulture, $"read, rated {rating}/5") : "read"
            : "saved for later") with
        {
            Status = ToStatus(entry.Status),
            Rating = entry.Rating,
        };

    private static string StatusLine(ReplyItem item) =>
        (item.Status == ReadingStatus.Read ? "✓ " : "• ") + item.Title + " — " + item.Reason;

    private static ReadingStatus ToStatus(ReaderItemStatus status) => status == ReaderItemStatus.Read ? ReadingStatus.Read : ReadingStatus.Saved;

    private static Reply Personal(string input, Intent intent, string message, IReadOnlyList<ReplyItem> items) => new()
    {
        Input = input.Trim(),
        Intent = intent,
        Message = message,
        Items = items,
        IsPersonal = true,
    };

    private static Reply Failure(string input, string message) => new()
    {
        Input = input.Trim(),
        Intent = Intent.Error,
        Message = message,
        IsPersonal = true,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string CatalogFingerprint(ReadingCatalog catalog)
    {
        // FNV-1a over item and topic ids: stable across processes (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var id in catalog.Resources.Select(r => r.Id).Concat(catalog.Topics.Select(t => t.Id)))
        {
            foreach (var c in id)
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ '|') * 16777619u;
        }

        return (hash % 1679616u).ToString("x5", CultureInfo.InvariantCulture)[..4];
    }
}
