using Bot.Application;
using Bot.Application.Readers;
using Bot.Application.Servers;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>An interaction being handled: its session, and the whole handling, edits and follow-ups included.</summary>
public sealed record InteractionHandling(InteractionSession Session, Task<InteractionSession> Completion);

/// <summary>
/// Answers interactions: slash commands, autocomplete and the "More" button. Replies are computed at most one per
/// processor at a time. A reply ready within <see cref="DiscordBotOptions.DeferAfter"/> of local receipt is sent at
/// once; a slower one, or one that has to wait for a free processor (a burst), is deferred first and then delivered
/// by editing the original response. Every payload is checked with <see cref="MessageValidator"/> before it is sent.
/// </summary>
public sealed partial class InteractionHandler
{
    private const int MaxAutocompleteInput = 200;

    // Replies are CPU-bound: more at once than processors only makes every one of them later, and a flooded thread
    // pool would also hold back the HTTP continuations that acknowledge the waiting interactions.
    private readonly SemaphoreSlim _replySlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    private readonly IReadingAssistant _assistant;
    private readonly IDiscordRestClient _rest;
    private readonly BotIdentity _identity;
    private readonly TimeProvider _time;
    private readonly ILogger<InteractionHandler> _logger;
    private readonly TimeSpan _deferAfter;
    private readonly TimeSpan _pagingLifetime;
    private readonly ReaderAssistant? _readers;
    private readonly ServerAssistant? _servers;

    /// <param name="readers">The reader features (lists, paths, feedback); without them the reader commands are unknown.</param>
    /// <param name="servers">The study-group features (/config, /club, the "Read it" button of paper-of-the-week posts).</param>
    public InteractionHandler(
        IReadingAssistant assistant,
        IDiscordRestClient rest,
        BotIdentity identity,
        IOptions<DiscordBotOptions> options,
        TimeProvider time,
        ILogger<InteractionHandler> logger,
        ReaderAssistant? readers = null,
        ServerAssistant? servers = null)
    {
        _readers = readers;
        _servers = servers;
        ArgumentNullException.ThrowIfNull(options);
        _assistant = assistant;
        _rest = rest;
        _identity = identity;
        _time = time;
        _logger = logger;
        _deferAfter = options.Value.DeferAfter;
        _pagingLifetime = options.Value.PagingLifetime;
    }

    /// <summary>Handles one interaction received at <paramref name="receivedTimestamp"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public Task<InteractionSession> HandleAsync(Interaction interaction, long receivedTimestamp, CancellationToken cancellationToken) =>
        Start(interaction, receivedTimestamp, cancellationToken).Completion;

    /// <summary>
    /// Starts handling one interaction. The caller may stop waiting once <see cref="InteractionSession.InitialResponseDecided"/>
    /// completes (often already when this returns); <see cref="InteractionHandling.Completion"/> covers the rest.
    /// The initial response goes to <paramref name="initialResponse"/>, by default a REST callback.
    /// </summary>
    public InteractionHandling Start(
        Interaction interaction, long receivedTimestamp, CancellationToken cancellationToken, IInitialResponseChannel? initialResponse = null)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var session = new InteractionSession(
            interaction.Id, interaction.Token, interaction.ApplicationId ?? _identity.ApplicationId, receivedTimestamp, _rest,
            initialResponse ?? new RestInitialResponseChannel(_rest), _time, _logger);
        return new InteractionHandling(session, RunAsync(session, interaction, cancellationToken));
    }

    private async Task<InteractionSession> RunAsync(InteractionSession session, Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                await HandleCommandAsync(session, interaction, cancellationToken).ConfigureAwait(false);
                break;
            case InteractionType.ApplicationCommandAutocomplete:
                await HandleAutocompleteAsync(session, interaction, cancellationToken).ConfigureAwait(false);
                break;
            case InteractionType.MessageComponent:
                await HandleComponentAsync(session, interaction, cancellationToken).ConfigureAwait(false);
                break;
            case InteractionType.ModalSubmit:
                await ExplainAsync(session, "I don't use forms; try /help.", cancellationToken).ConfigureAwait(false);
                break;
            default:
                Log.Unsupported(_logger, interaction.Id, interaction.Type);
                break;
        }

        return session;
    }

    private Task HandleCommandAsync(InteractionSession session, Interaction interaction, CancellationToken cancellationToken)
    {
        var data = interaction.Data;
        var owner = interaction.InvokingUser?.Id;
        var options = data?.Options ?? [];
        Log.Command(_logger, interaction.Id, data?.Name ?? "?");
        if (_readers is { } readers && owner is { } readerId && ReaderCommand(readers, data?.Name, options, Who(interaction, readerId)) is { } personal)
        {
            var context = new RenderContext(owner)
            {
                CatalogVersion = readers.CatalogVersion,
                Personal = data?.Name != BotCommands.Recommend,
                AttachmentLimit = interaction.AttachmentSizeLimit is > 0 and var limit ? Math.Min(limit, DiscordLimits.AttachmentBytes) : DiscordLimits.AttachmentBytes,
            };
            return AnswerAsync(session, personal, context, isUpdate: false, cancellationToken);
        }

        if (_servers is { } servers && owner is { } memberId && ServerCommand(servers, interaction, data?.Name, options, Who(interaction, memberId)) is { } serverReply)
        {
            return AnswerAsync(session, serverReply, new RenderContext(owner) { Personal = true }, isUpdate: false, cancellationToken);
        }

        switch (data?.Name)
        {
            case BotCommands.Recommend:
                var request = new RecommendRequest
                {
                    Topic = Option(options, BotCommands.TopicOption)?.GetString() ?? string.Empty,
                    Level = Option(options, BotCommands.LevelOption)?.GetString(),
                    Kind = Option(options, BotCommands.KindOption)?.GetString(),
                    Count = Option(options, BotCommands.CountOption)?.GetInt64() is { } count ? (int)Math.Clamp(count, -1, 1000) : 5,
                };
                return AnswerAsync(session, () => _assistant.Recommend(request), new RenderContext(owner), isUpdate: false, cancellationToken);
            case BotCommands.Paper:
                var query = Option(options, BotCommands.QueryOption)?.GetString() ?? string.Empty;
                return AnswerAsync(session, () => _assistant.FindPaper(query), new RenderContext(owner), isUpdate: false, cancellationToken);
            case BotCommands.Topics:
                var topic = Option(options, BotCommands.TopicOption)?.GetString();
                return AnswerAsync(session, () => _assistant.ListTopics(topic), new RenderContext(owner), isUpdate: false, cancellationToken);
            case BotCommands.Help:
                return AnswerAsync(session, _assistant.Help, new RenderContext(owner), isUpdate: false, cancellationToken);
            default:
                return ExplainAsync(session, "I don't know that command (it may be from an older version of me). Try /help.", cancellationToken);
        }
    }

    private async Task HandleAutocompleteAsync(InteractionSession session, Interaction interaction, CancellationToken cancellationToken)
    {
        var data = interaction.Data;
        var focused = data?.FocusedOption;
        var typed = focused?.GetString() ?? string.Empty;
        if (typed.Length > MaxAutocompleteInput)
        {
            typed = typed[..MaxAutocompleteInput];
        }

        IReadOnlyList<Suggestion> suggestions = (data?.Name, focused?.Name) switch
        {
            (BotCommands.Recommend or BotCommands.Path or BotCommands.Topics, BotCommands.TopicOption) => _assistant.SuggestTopics(typed, DiscordLimits.AutocompleteChoices),
            (_, BotCommands.ItemOption) when _readers is { } readers => readers.SuggestItems(typed, DiscordLimits.AutocompleteChoices),
            (BotCommands.Paper, BotCommands.QueryOption) => _assistant.SuggestPapers(typed, DiscordLimits.AutocompleteChoices),
            _ => [],
        };
        var choices = ToChoices(suggestions);
        await SendCheckedAsync(session, InteractionResponse.Autocomplete(choices), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Autocomplete choices within Discord's limits: at most 25, names 1-100 characters, values 1-100.</summary>
    public static IReadOnlyList<CommandChoice> ToChoices(IEnumerable<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return suggestions
            .Where(s => !string.IsNullOrWhiteSpace(s.Name) && s.Value.Length is > 0 and <= DiscordLimits.StringChoiceValueMax)
            .DistinctBy(s => s.Value, StringComparer.Ordinal)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(s => CommandChoice.String(TextFit.Clip(s.Name, DiscordLimits.ChoiceNameMax), s.Value))
            .ToList();
    }

    private Task HandleComponentAsync(InteractionSession session, Interaction interaction, CancellationToken cancellationToken)
    {
        var customId = interaction.Data?.CustomId;
        if (_servers is { } servers && ClubCustomId.TryDecode(customId, out var clubItem) && interaction.InvokingUser?.Id is { } presser)
        {
            var who = Who(interaction, presser);
            return AnswerAsync(
                session, () => Wait(servers.MarkClubPaperReadAsync(who, clubItem, CancellationToken.None)), new RenderContext(presser) { Personal = true }, isUpdate: false, cancellationToken);
        }

        if (_readers is { } readers && ReaderCustomId.TryDecode(customId, out var readerButton))
        {
            return HandleReaderButtonAsync(session, interaction, readers, readerButton, cancellationToken);
        }

        if (!PagingCustomId.TryDecode(customId, out var token))
        {
            Log.UnknownComponent(_logger, interaction.Id);
            return ExplainAsync(session, "This button no longer works (it may be from an older version of me). Run the command again.", cancellationToken);
        }

        var user = interaction.InvokingUser?.Id;
        if (user != token.OwnerId)
        {
            Log.ForeignComponent(_logger, interaction.Id);
            return ExplainAsync(
                session,
                $"Only the person who asked can page through these results. Ask yourself with `/recommend {TextFit.Clip(token.Request.Topic, 60)}`.",
                cancellationToken);
        }

        if (interaction.Message is not { } message)
        {
            return ExplainAsync(session, "I can't find the message this button belongs to. Run /recommend again.", cancellationToken);
        }

        if (_time.GetUtcNow() - SnowflakeTime(message.Id) > _pagingLifetime)
        {
            Log.ExpiredComponent(_logger, interaction.Id);
            return ExplainAsync(session, "These results have expired. Run /recommend again for a fresh list.", cancellationToken);
        }

        var context = new RenderContext(token.OwnerId, token.Request.Offset + 1)
        {
            CatalogVersion = _readers?.CatalogVersion,
            Page = (token.Request.Offset / Math.Max(1, token.Request.Count)) + 1,
        };
        if (_readers is { } pagingReaders)
        {
            var who = Who(interaction, token.OwnerId);
            return AnswerAsync(session, () => Wait(pagingReaders.RecommendAsync(who, token.Request, CancellationToken.None)), context, isUpdate: true, cancellationToken);
        }

        return AnswerAsync(session, () => _assistant.Recommend(token.Request), context, isUpdate: true, cancellationToken);
    }

    /// <summary>The reader commands, answered privately; null for the other commands.</summary>
    private static Func<Reply>? ReaderCommand(ReaderAssistant readers, string? name, IReadOnlyList<InteractionDataOption> options, ReaderContext who)
    {
        var item = Option(options, BotCommands.ItemOption)?.GetString();
        return name switch
        {
            BotCommands.Recommend => () => Wait(readers.RecommendAsync(who, new RecommendRequest
            {
                Topic = Option(options, BotCommands.TopicOption)?.GetString() ?? string.Empty,
                Level = Option(options, BotCommands.LevelOption)?.GetString(),
                Kind = Option(options, BotCommands.KindOption)?.GetString(),
                Count = Option(options, BotCommands.CountOption)?.GetInt64() is { } count ? (int)Math.Clamp(count, -1, 1000) : 5,
            }, CancellationToken.None)),
            BotCommands.Save => () => Wait(readers.SaveAsync(who, item, CancellationToken.None)),
            BotCommands.Read => () => Wait(readers.MarkReadAsync(
                who, item, Option(options, BotCommands.RatingOption)?.GetInt64() is { } r ? (int)Math.Clamp(r, -1, 100) : null, CancellationToken.None)),
            BotCommands.Remove => () => Wait(readers.RemoveAsync(who, item, CancellationToken.None)),
            BotCommands.List => () => Wait(readers.ListAsync(who, CancellationToken.None)),
            BotCommands.Path => () => Wait(readers.PathAsync(who, Option(options, BotCommands.TopicOption)?.GetString(), Option(options, BotCommands.LevelOption)?.GetString(), CancellationToken.None)),
            BotCommands.ForgetMe => () => Wait(readers.ForgetAsync(who, CancellationToken.None)),
            BotCommands.MyData => () => Wait(readers.MyDataAsync(who, CancellationToken.None)),
            _ => null,
        };
    }

    /// <summary>/config and /club, answered privately; null for the other commands.</summary>
    private static Func<Reply>? ServerCommand(ServerAssistant servers, Interaction interaction, string? name, IReadOnlyList<InteractionDataOption> options, ReaderContext who)
    {
        switch (name)
        {
            case BotCommands.Config:
                // default_member_permissions only hides the command by default (server admins can change that), so the
                // member's permissions in this interaction decide.
                var mayManage = MayManageServer(interaction.Member?.Permissions);
                var change = new ConfigChange
                {
                    FreeTextChannels = Option(options, BotCommands.FreeTextChannelsOption)?.GetString(),
                    UserCooldown = Option(options, BotCommands.UserCooldownOption)?.GetString(),
                    ChannelCooldown = Option(options, BotCommands.ChannelCooldownOption)?.GetString(),
                    Level = Option(options, BotCommands.LevelOption)?.GetString(),
                    Training = Option(options, BotCommands.TrainingOption)?.GetBoolean() is { } training ? (training ? "yes" : "no") : null,
                    ClubChannel = Option(options, BotCommands.ClubChannelOption)?.GetString(),
                    ClubDay = Option(options, BotCommands.ClubDayOption)?.GetString(),
                    ClubHour = Option(options, BotCommands.ClubHourOption)?.GetString(),
                };
                return () => Wait(servers.ConfigAsync(who, mayManage, change, CancellationToken.None));
            case BotCommands.Club:
                return () => Wait(servers.ClubAsync(who, CancellationToken.None));
            default:
                return null;
        }
    }

    /// <summary>True when the permission bit set (a decimal string) holds Manage Server or Administrator.</summary>
    public static bool MayManageServer(string? permissions) =>
        ulong.TryParse(permissions, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
        && (bits & (ulong)(BotCommands.ManageGuildPermission | BotCommands.AdministratorPermission)) != 0;

    /// <summary>Save / Read / Feedback / vote buttons: only for the reader they were made for, under the catalog they were made with.</summary>
    private Task HandleReaderButtonAsync(InteractionSession session, Interaction interaction, ReaderAssistant readers, ReaderButton button, CancellationToken cancellationToken)
    {
        var user = interaction.InvokingUser?.Id;
        if (user != button.OwnerId)
        {
            Log.ForeignComponent(_logger, interaction.Id);
            return ExplainAsync(session, ButtonText.NotYours, cancellationToken);
        }

        if (button.CatalogVersion != readers.CatalogVersion || readers.Catalog.FindResource(button.ItemId) is not { } resource)
        {
            Log.ExpiredComponent(_logger, interaction.Id);
            return ExplainAsync(session, ButtonText.CatalogChanged, cancellationToken);
        }

        var who = Who(interaction, button.OwnerId);
        var context = new RenderContext(button.OwnerId) { CatalogVersion = readers.CatalogVersion, Personal = true };
        switch (button.Action)
        {
            case ReaderButtonAction.Save:
                return AnswerAsync(session, () => Wait(readers.SaveAsync(who, resource.Id, CancellationToken.None)), context, isUpdate: false, cancellationToken);
            case ReaderButtonAction.Read:
                return AnswerAsync(session, () => Wait(readers.MarkReadAsync(who, resource.Id, null, CancellationToken.None)), context, isUpdate: false, cancellationToken);
            case ReaderButtonAction.AskFeedback:
                var prompt = ReplyRenderer.Notice(ButtonText.FeedbackPrompt(resource.Title)) with
                {
                    Flags = MessageFlags.Ephemeral,
                    Components = ReplyRenderer.FeedbackRow(button),
                };
                return SendCheckedAsync(session, InteractionResponse.Message(prompt), cancellationToken);
            default:
                var feedback = new FeedbackRequest(resource.Id, button.Choice ?? Bot.Storage.FeedbackChoice.Useful, button.TopicIds ?? [], button.Level, button.Kind, button.Page, button.Rank);
                return AnswerAsync(session, () => Wait(readers.VoteAsync(who, feedback, CancellationToken.None)), context, isUpdate: false, cancellationToken);
        }
    }

    private static ReaderContext Who(Interaction interaction, ulong readerId) =>
        new(readerId, interaction.GuildId, interaction.ChannelId ?? interaction.Channel?.Id ?? 0);

    // Replies are computed in a reply slot off the gateway's path; the store's calls are short single transactions.
    private static Reply Wait(Task<Reply> reply) => reply.GetAwaiter().GetResult();

    /// <summary>Creation time encoded in a snowflake: <c>(id &gt;&gt; 22) + 1420070400000</c> ms.</summary>
    public static DateTimeOffset SnowflakeTime(ulong id) => DateTimeOffset.FromUnixTimeMilliseconds((long)(id >> 22) + 1420070400000);

    private async Task AnswerAsync(
        InteractionSession session, Func<Reply> compute, RenderContext context, bool isUpdate, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var slotTaken = _replySlots.Wait(0);
        var work = slotTaken
            ? RunInSlot(compute, session.InteractionId)
            : ComputeWhenSlotFreeAsync(compute, session.InteractionId, abandon.Token);
        try
        {
            await DeliverAsync(session, work, slotTaken, context, isUpdate, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!work.IsCompleted)
            {
                // Nobody will see this reply: a queued one gives its place to the others.
                await abandon.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(
        InteractionSession session, Task<Reply> work, bool slotTaken, RenderContext context, bool isUpdate, CancellationToken cancellationToken)
    {
        var wait = slotTaken ? _deferAfter - session.Elapsed : TimeSpan.Zero;
        if (!work.IsCompleted && wait > TimeSpan.Zero)
        {
            using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, _time, stopWaiting.Token);
            await Task.WhenAny(work, delay).ConfigureAwait(false);
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var withFiles = false;
        if (work.IsCompleted)
        {
            var reply = await work.ConfigureAwait(false);
            // A reply with a file is delivered by editing a deferred response: the initial response may have to be the
            // body of Discord's HTTP request to us, which carries JSON only, while an edit can be multipart.
            withFiles = ReplyRenderer.Files(reply, context).Count > 0;
            if (!withFiles)
            {
                await SendCheckedAsync(session, Immediate(reply, context, isUpdate), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        if (withFiles)
        {
            Log.DeferringForFiles(_logger, session.InteractionId);
        }
        else if (slotTaken)
        {
            Log.Deferring(_logger, session.InteractionId, session.Elapsed.TotalMilliseconds);
        }
        else
        {
            Log.DeferringBusy(_logger, session.InteractionId, session.Elapsed.TotalMilliseconds);
        }

        var deferral = isUpdate ? InteractionResponse.DeferredUpdate() : InteractionResponse.DeferredMessage(ephemeral: context.Personal);
        if (!await session.RespondAsync(deferral, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var late = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        var payload = ReplyRenderer.Render(late, context);
        if (late.IsError)
        {
            // An error is for the asker alone, whatever the timing: it goes out as a private follow-up. A button's
            // message stays as it was; a command's public "thinking…" placeholder is removed.
            var privately = Checked(payload with { Flags = MessageFlags.Ephemeral, Components = null }, MessageTarget.FollowUp, session);
            if (await session.FollowUpAsync(privately, cancellationToken).ConfigureAwait(false) && !isUpdate)
            {
                await session.DeleteOriginalAsync(cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (isUpdate)
        {
            payload = payload with { Components = payload.Components ?? [] };
        }

        // An edit cannot change whether a message is ephemeral (the deferral decided that), and Discord refuses the flag.
        var kept = (payload.Flags ?? MessageFlags.None) & ~MessageFlags.Ephemeral;
        payload = payload with { Flags = kept == MessageFlags.None ? null : kept };
        var edit = Checked(payload, MessageTarget.EditOriginal, session);
        var files = ReferenceEquals(edit, payload) ? ReplyRenderer.Files(late, context) : [];
        await session.EditOriginalAsync(edit, files, cancellationToken).ConfigureAwait(false);
    }

    private static InteractionResponse Immediate(Reply reply, RenderContext context, bool isUpdate)
    {
        var payload = ReplyRenderer.Render(reply, context);
        if (reply.IsError)
        {
            return InteractionResponse.Message(payload with { Flags = MessageFlags.Ephemeral, Components = null });
        }

        return isUpdate
            ? InteractionResponse.UpdateMessage(payload with { Components = payload.Components ?? [] })
            : InteractionResponse.Message(payload);
    }

    private Task<bool> ExplainAsync(InteractionSession session, string text, CancellationToken cancellationToken) =>
        SendCheckedAsync(session, InteractionResponse.Message(ReplyRenderer.Notice(text) with { Flags = MessageFlags.Ephemeral }), cancellationToken);

    private async Task<bool> SendCheckedAsync(InteractionSession session, InteractionResponse response, CancellationToken cancellationToken)
    {
        var violations = MessageValidator.Validate(response);
        if (violations.Count > 0)
        {
            Log.InvalidPayload(_logger, session.InteractionId, string.Join("; ", violations));
            response = response.Type == InteractionCallbackType.ApplicationCommandAutocompleteResult
                ? InteractionResponse.Autocomplete([])
                : InteractionResponse.Message(ReplyRenderer.Notice(ReplyRenderer.UndisplayableReply) with { Flags = MessageFlags.Ephemeral });
        }

        return await session.RespondAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private MessagePayload Checked(MessagePayload payload, MessageTarget target, InteractionSession session)
    {
        var violations = MessageValidator.Validate(payload, target);
        if (violations.Count == 0)
        {
            return payload;
        }

        Log.InvalidPayload(_logger, session.InteractionId, string.Join("; ", violations));
        var notice = ReplyRenderer.Notice(ReplyRenderer.UndisplayableReply);
        return target == MessageTarget.FollowUp ? notice with { Flags = MessageFlags.Ephemeral } : notice;
    }

    private async Task<Reply> ComputeWhenSlotFreeAsync(Func<Reply> compute, ulong interactionId, CancellationToken cancellationToken)
    {
        await _replySlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await RunInSlot(compute, interactionId).ConfigureAwait(false);
    }

    /// <summary>
    /// Computes in a reply slot already taken, and frees it. Queued fairly (the thread pool's global queue): a
    /// pool thread that frees a slot would otherwise run the next reply straight from its local queue, again and
    /// again, while the HTTP and timer continuations that acknowledge other interactions wait in the global one.
    /// </summary>
    private Task<Reply> RunInSlot(Func<Reply> compute, ulong interactionId) =>
        Task.Factory.StartNew(
            () => ComputeInSlot(compute, interactionId),
            CancellationToken.None,
            TaskCreationOptions.PreferFairness | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default);

    private Reply ComputeInSlot(Func<Reply> compute, ulong interactionId)
    {
        try
        {
            return Compute(compute, interactionId);
        }
        finally
        {
            _replySlots.Release();
        }
    }

    private Reply Compute(Func<Reply> compute, ulong interactionId)
    {
        try
        {
            return compute();
        }
        catch (Exception ex)
        {
            Log.AssistantFailed(_logger, ex, interactionId);
            return new Reply { Input = string.Empty, Intent = Intent.Error, Message = "Something went wrong while answering. Please try again." };
        }
    }

    private static InteractionDataOption? Option(IReadOnlyList<InteractionDataOption> options, string name) =>
        options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: /{Command}")]
        public static partial void Command(ILogger logger, ulong interactionId, string command);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Interaction {InteractionId}: reply not ready {ElapsedMs:0} ms after receipt; deferring")]
        public static partial void Deferring(ILogger logger, ulong interactionId, double elapsedMs);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: button with an unknown custom id")]
        public static partial void UnknownComponent(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: button pressed by someone other than the asker")]
        public static partial void ForeignComponent(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3204, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: button on an expired message")]
        public static partial void ExpiredComponent(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3205, Level = LogLevel.Error, Message = "Interaction {InteractionId}: payload broke Discord's limits and was replaced: {Violations}")]
        public static partial void InvalidPayload(ILogger logger, ulong interactionId, string violations);

        [LoggerMessage(EventId = 3206, Level = LogLevel.Error, Message = "Interaction {InteractionId}: the assistant failed")]
        public static partial void AssistantFailed(ILogger logger, Exception exception, ulong interactionId);

        [LoggerMessage(EventId = 3207, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: type {Type} is not handled")]
        public static partial void Unsupported(ILogger logger, ulong interactionId, InteractionType type);

        [LoggerMessage(EventId = 3209, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: the reply has a file; deferring, then editing with the upload")]
        public static partial void DeferringForFiles(ILogger logger, ulong interactionId);

        [LoggerMessage(EventId = 3208, Level = LogLevel.Debug, Message = "Interaction {InteractionId}: every reply slot busy {ElapsedMs:0} ms after receipt; deferring at once")]
        public static partial void DeferringBusy(ILogger logger, ulong interactionId, double elapsedMs);
    }
}
