using System.Globalization;
using Bot.Application.Servers;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Rendering;
using Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Clubs;

/// <summary>
/// Posts each server's paper of the week. Every <see cref="TickInterval"/> it looks at the enabled schedules; a server
/// whose weekday and hour (UTC) have come in the current ISO week and that has no acknowledged post for that week gets
/// one. Several bot processes may run this at once:
/// <list type="bullet">
/// <item>a lease per server and week (<see cref="LeaseDuration"/>, in the database) lets one process work on it at a time;</item>
/// <item>the pick is recorded before posting (the first recorded pick wins), so a process that restarts after choosing
/// posts the same paper;</item>
/// <item>the post carries a nonce derived from the server and week with <c>enforce_nonce</c>, so if Discord created the
/// message but the process died before recording it, posting again returns the same message instead of a second one;</item>
/// <item>the message id is recorded once Discord acknowledged the post, and a recorded week is never posted again.</item>
/// </list>
/// A schedule set after its time in the current week posts at the next tick (the week's paper, late). All timing goes
/// through <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class PaperOfTheWeekService : BackgroundService
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMinutes(1);

    /// <summary>Longer than a post takes (REST retries included); a process that dies holding it blocks others this long at most.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private readonly IServerStore _store;
    private readonly ServerAssistant _servers;
    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILogger<PaperOfTheWeekService> _logger;

    public PaperOfTheWeekService(IServerStore store, ServerAssistant servers, IDiscordRestClient rest, TimeProvider time, ILogger<PaperOfTheWeekService> logger)
    {
        _store = store;
        _servers = servers;
        _rest = rest;
        _time = time;
        _logger = logger;
        Holder = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>This process's name on the leases it takes.</summary>
    public string Holder { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.TickFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One pass over the schedules; returns how many posts this process made (or confirmed) now.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var schedule in await _store.GetEnabledClubSchedulesAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await PostIfDueAsync(schedule, cancellationToken).ConfigureAwait(false))
                {
                    posted++;
                }
            }
            catch (DiscordUnauthorizedException)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One server's failure (a deleted channel, missing permissions) must not hold up the others.
                Log.PostFailed(_logger, ex, schedule.ServerId);
            }
        }

        return posted;
    }

    private async Task<bool> PostIfDueAsync(ClubSchedule schedule, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var week = ClubWeek.KeyOf(now);
        var pick = await _store.GetClubPickAsync(schedule.ServerId, week, cancellationToken).ConfigureAwait(false);
        if (pick?.MessageId is not null)
        {
            return false;
        }

        // A pick recorded but not posted is finished whatever the time; a new one waits for the scheduled hour.
        if (pick is null && now < ClubWeek.ScheduledIn(now, schedule.Weekday, schedule.HourUtc))
        {
            return false;
        }

        var lease = string.Create(CultureInfo.InvariantCulture, $"club:{schedule.ServerId}:{week}");
        if (!await _store.TryAcquireLeaseAsync(lease, Holder, LeaseDuration, cancellationToken).ConfigureAwait(false))
        {
            Log.LeaseHeld(_logger, schedule.ServerId, week);
            return false;
        }

        try
        {
            // Read again under the lease: another process may have finished the week meanwhile.
            pick = await _store.GetClubPickAsync(schedule.ServerId, week, cancellationToken).ConfigureAwait(false);
            if (pick?.MessageId is not null)
            {
                return false;
            }

            if (pick is null)
            {
                var paper = await _servers.ChooseClubPaperAsync(schedule.ServerId, week, cancellationToken).ConfigureAwait(false);
                if (paper is null)
                {
                    Log.NothingToPick(_logger, schedule.ServerId, week);
                    return false;
                }

                pick = await _store.RecordClubPickAsync(schedule.ServerId, week, paper.Id, schedule.ChannelId, cancellationToken).ConfigureAwait(false);
            }

            var payload = await PayloadAsync(schedule.ServerId, pick, cancellationToken).ConfigureAwait(false);
            var message = await _rest.CreateMessageAsync(pick.ChannelId, payload, cancellationToken).ConfigureAwait(false);
            await _store.MarkClubPickPostedAsync(schedule.ServerId, week, message.Id, cancellationToken).ConfigureAwait(false);
            Log.Posted(_logger, schedule.ServerId, week, pick.ItemId, message.Id);
            return true;
        }
        finally
        {
            await _store.ReleaseLeaseAsync(lease, Holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The post: the paper as an embed and a "Read it" button, with the week's nonce enforced.</summary>
    public async Task<MessagePayload> PayloadAsync(ulong serverId, ClubPick pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var reply = await _servers.ClubPostAsync(serverId, pick, cancellationToken).ConfigureAwait(false);
        var payload = ReplyRenderer.Render(reply, new RenderContext());
        var button = ClubCustomId.Encode(pick.ItemId) is { } customId
            ? new[] { new ActionRow([Button.WithCustomId(ButtonStyle.Success, customId, ServerText.ReadItLabel)]) }
            : null;
        payload = payload with { Components = button, Nonce = Nonce(serverId, pick.WeekKey), EnforceNonce = true };
        var violations = MessageValidator.Validate(payload, MessageTarget.ChannelMessage);
        if (violations.Count > 0)
        {
            Log.InvalidPayload(_logger, serverId, string.Join("; ", violations));
            payload = ReplyRenderer.Notice(ServerText.ClubPost(pick.WeekKey)) with { Components = button, Nonce = payload.Nonce, EnforceNonce = true };
        }

        return payload;
    }

    /// <summary>
    /// The same for every process and retry of one server's week, at most 25 characters: "c", the server id in base 36
    /// (13 at most), "w", the ISO year and week (2025-W07 → 202507).
    /// </summary>
    public static string Nonce(ulong serverId, string weekKey)
    {
        ArgumentNullException.ThrowIfNull(weekKey);
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var base36 = new System.Text.StringBuilder();
        do
        {
            base36.Insert(0, digits[(int)(serverId % 36)]);
            serverId /= 36;
        }
        while (serverId > 0);
        return "c" + base36 + "w" + weekKey.Replace("-W", string.Empty, StringComparison.Ordinal);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3900, Level = LogLevel.Information, Message = "Paper of the week {Week} for server {ServerId}: {ItemId} posted as message {MessageId}")]
        public static partial void Posted(ILogger logger, ulong serverId, string week, string itemId, ulong messageId);

        [LoggerMessage(EventId = 3901, Level = LogLevel.Debug, Message = "Paper of the week {Week} for server {ServerId}: another process holds the lease")]
        public static partial void LeaseHeld(ILogger logger, ulong serverId, string week);

        [LoggerMessage(EventId = 3902, Level = LogLevel.Warning, Message = "Paper of the week {Week} for server {ServerId}: no essential left to pick")]
        public static partial void NothingToPick(ILogger logger, ulong serverId, string week);

        [LoggerMessage(EventId = 3903, Level = LogLevel.Warning, Message = "Paper of the week for server {ServerId} could not be posted; the next tick tries again")]
        public static partial void PostFailed(ILogger logger, Exception exception, ulong serverId);

        [LoggerMessage(EventId = 3904, Level = LogLevel.Error, Message = "Paper-of-the-week tick failed")]
        public static partial void TickFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3905, Level = LogLevel.Error, Message = "Paper of the week for server {ServerId} broke Discord's limits and was replaced: {Violations}")]
        public static partial void InvalidPayload(ILogger logger, ulong serverId, string violations);
    }
}
