using System.Globalization;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.Recommendation.Understanding;
using Bot.Storage;

namespace Bot.Application.Servers;

/// <summary>
/// The study-group features: /config (server settings, for members who may manage the server), /club (the paper of
/// the week's picks with how many members read each), and choosing and describing the week's paper. Bad values are
/// answered with what is accepted before anything is written.
/// </summary>
public sealed class ServerAssistant
{
    public const string Config = "config";
    public const string Club = "club";

    /// <summary>Most free-text channels a server may name.</summary>
    public const int MaxFreeTextChannels = 25;

    public const int MaxCooldownSeconds = 3600;

    /// <summary>The group's level when the server set none.</summary>
    public const Level ClubFallbackLevel = Level.Intermediate;

    /// <summary>How many past picks /club shows.</summary>
    public const int PicksShown = 10;

    private readonly ReadingAssistant _assistant;
    private readonly ReaderAssistant _readers;
    private readonly IServerStore _store;
    private readonly ServerSettingsCache _settings;
    private readonly ServerDefaults _defaults;

    public ServerAssistant(ReadingAssistant assistant, ReaderAssistant readers, IServerStore store, ServerSettingsCache settings, ServerDefaults defaults)
    {
        _assistant = assistant;
        _readers = readers;
        _store = store;
        _settings = settings;
        _defaults = defaults;
    }

    public ReadingCatalog Catalog => _assistant.Catalog;

    /// <summary>
    /// /config: with no change, the current settings; otherwise checks every value, saves, and shows the result.
    /// <paramref name="mayManageServer"/> is the caller's Manage Server permission, as Discord reported it.
    /// </summary>
    public async Task<Reply> ConfigAsync(ReaderContext who, bool mayManageServer, ConfigChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(change);
        const string input = "/" + Config;
        if (who.ServerId is not { } serverId)
        {
            return Failure(input, ServerText.ServerOnly(Config));
        }

        if (!mayManageServer)
        {
            return Failure(input, ServerText.NeedsManageServer);
        }

        var saved = await _store.FindConfigAsync(serverId, cancellationToken).ConfigureAwait(false);
        var schedule = await _store.GetClubScheduleAsync(serverId, cancellationToken).ConfigureAwait(false);
        if (change.IsEmpty)
        {
            return Settings(input, ServerText.SettingsHeadline, serverId, saved, schedule);
        }

        var problems = new List<string>();
        var config = saved ?? new ServerConfig(serverId, [], _defaults.UserCooldownSeconds, _defaults.ChannelCooldownSeconds, null, false);
        if (change.FreeTextChannels is { } channelsText)
        {
            if (ParseChannels(channelsText) is { } channels)
            {
                if (channels.Count > MaxFreeTextChannels)
                {
                    problems.Add(ServerText.TooManyChannels(MaxFreeTextChannels));
                }

                config = config with { FreeTextChannelIds = channels };
            }
            else
            {
                problems.Add(ServerText.BadValue("free-text-channels", Clip(channelsText), ServerText.ChannelsAccepted));
            }
        }

        if (change.UserCooldown is { } userText)
        {
            if (ParseSeconds(userText) is { } seconds)
            {
                config = config with { UserCooldownSeconds = seconds };
            }
            else
            {
                problems.Add(ServerText.BadValue("user-cooldown", Clip(userText), ServerText.CooldownAccepted));
            }
        }

        if (change.ChannelCooldown is { } channelText)
        {
            if (ParseSeconds(channelText) is { } seconds)
            {
                config = config with { ChannelCooldownSeconds = seconds };
            }
            else
            {
                problems.Add(ServerText.BadValue("channel-cooldown", Clip(channelText), ServerText.CooldownAccepted));
            }
        }

        if (change.Level is { } levelText)
        {
            var trimmed = levelText.Trim().ToLowerInvariant();
            if (trimmed is "none" or "off")
            {
                config = config with { DefaultLevel = null };
            }
            else if (ReaderLevels.All.Contains(trimmed))
            {
                config = config with { DefaultLevel = trimmed };
            }
            else
            {
                problems.Add(ServerText.BadValue("level", Clip(levelText), ServerText.LevelAccepted));
            }
        }

        if (change.Training is { } trainingText)
        {
            if (ParseYesNo(trainingText) is { } allowed)
            {
                config = config with { TrainingOptIn = allowed };
            }
            else
            {
                problems.Add(ServerText.BadValue("training", Clip(trainingText), ServerText.TrainingAccepted));
            }
        }

        var newSchedule = ScheduleChange(serverId, change, schedule, problems);
        if (problems.Count > 0)
        {
            return Failure(input, ServerText.BadValues(problems));
        }

        var configChanged = change.FreeTextChannels is not null || change.UserCooldown is not null || change.ChannelCooldown is not null
            || change.Level is not null || change.Training is not null;
        if (configChanged)
        {
            await _store.SaveConfigAsync(config, cancellationToken).ConfigureAwait(false);
            _settings.Invalidate(serverId);
            saved = config;
        }

        if (newSchedule is not null)
        {
            await _store.SetClubScheduleAsync(newSchedule, cancellationToken).ConfigureAwait(false);
            schedule = newSchedule;
        }

        return Settings(input, ServerText.SavedHeadline, serverId, saved, schedule);
    }

    /// <summary>/club: the server's picks, most recent first, with how many of its list-keeping members read each.</summary>
    public async Task<Reply> ClubAsync(ReaderContext who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        const string input = "/" + Club;
        if (who.ServerId is not { } serverId)
        {
            return Failure(input, ServerText.ServerOnly(Club));
        }

        var picks = await _store.GetClubPicksAsync(serverId, PicksShown, cancellationToken).ConfigureAwait(false);
        var schedule = await _store.GetClubScheduleAsync(serverId, cancellationToken).ConfigureAwait(false);
        var counts = (await _store.CountReadsAsync(serverId, picks.Select(p => p.ItemId).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ItemId, StringComparer.Ordinal);
        var items = new List<ReplyItem>();
        var lines = new List<string>();
        foreach (var pick in picks)
        {
            var count = counts.GetValueOrDefault(pick.ItemId) ?? new ItemReadCount(pick.ItemId, 0, 0);
            var resource = Catalog.FindResource(pick.ItemId);
            lines.Add(ServerText.PickLine(pick.WeekKey, resource?.Title ?? pick.ItemId, count.ReadersWhoRead, count.ReadersWithLists));
            if (resource is not null)
            {
                items.Add(_assistant.Describe(resource, ServerText.PickReason(pick.WeekKey, count.ReadersWhoRead, count.ReadersWithLists)));
            }
        }

        var sections = new List<ReplySection>();
        if (lines.Count > 0)
        {
            sections.Add(new ReplySection(ServerText.LatestTitle, lines[0]));
        }

        if (lines.Count > 1)
        {
            sections.Add(new ReplySection(ServerText.EarlierTitle, string.Join('\n', lines.Skip(1))));
        }

        var scheduleText = schedule is null ? null : ServerText.ClubSchedule(schedule.Weekday, schedule.HourUtc, schedule.ChannelId, schedule.Enabled);
        return new Reply
        {
            Input = input,
            Intent = Intent.Club,
            Message = ServerText.ClubHeadline(picks.Count, scheduleText ?? ServerText.ClubSchedule(null, 0, null, false)),
            Items = items,
            Sections = sections,
            IsPersonal = true,
        };
    }

    /// <summary>
    /// The week's paper for a server: an essential paper (any essential if the catalog has no paper left) at the group's
    /// level, not picked before, that most of the server's list-keeping members have not read; the fewest readers win,
    /// ties broken by a hash of the week so the choice is the same in every process. Null when nothing is left.
    /// </summary>
    public async Task<Resource?> ChooseClubPaperAsync(ulong serverId, string weekKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weekKey);
        var level = await GroupLevelAsync(serverId, cancellationToken).ConfigureAwait(false);
        var past = (await _store.GetClubPicksAsync(serverId, 1000, cancellationToken).ConfigureAwait(false))
            .Select(p => p.ItemId).ToHashSet(StringComparer.Ordinal);
        var essentials = Catalog.Topics.SelectMany(t => Catalog.EssentialsOf(t.Id))
            .DistinctBy(r => r.Id)
            .Where(r => !past.Contains(r.Id))
            .ToList();
        var atLevel = essentials.Where(r => r.Level <= level && level <= r.MaxLevel).ToList();
        var pool = atLevel.Where(r => r.Kind == ResourceKind.Paper).ToList() is { Count: > 0 } papers ? papers
            : atLevel.Count > 0 ? atLevel
            : essentials;
        if (pool.Count == 0)
        {
            return null;
        }

        var counts = (await _store.CountReadsAsync(serverId, pool.Select(r => r.Id).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.ItemId, StringComparer.Ordinal);
        return pool
            .Select(r => (Resource: r, Count: counts.GetValueOrDefault(r.Id) ?? new ItemReadCount(r.Id, 0, 0)))
            .OrderBy(x => x.Count.ReadersWithLists > 0 && x.Count.ReadersWhoRead * 2 >= x.Count.ReadersWithLists ? 1 : 0)
            .ThenBy(x => x.Count.ReadersWhoRead)
            .ThenBy(x => StableHash(weekKey + "|" + x.Resource.Id))
            .ThenBy(x => x.Resource.Id, StringComparer.Ordinal)
            .First().Resource;
    }

    /// <summary>The post for the week's paper (the adapter adds the "Read it" button).</summary>
    public async Task<Reply> ClubPostAsync(ulong serverId, ClubPick pick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var level = await GroupLevelAsync(serverId, cancellationToken).ConfigureAwait(false);
        var resource = Catalog.FindResource(pick.ItemId);
        var items = resource is null ? [] : new[] { _assistant.Describe(resource, ServerText.ClubPickWhy(LevelVocabulary.Name(level))) };
        return new Reply
        {
            Input = "paper of the week " + pick.WeekKey,
            Intent = items.Length == 0 ? Intent.None : Intent.Paper,
            Message = ServerText.ClubPost(pick.WeekKey),
            Items = items,
            Paper = new PaperDetail(),
        };
    }

    /// <summary>The "Read it" button under a club post: marks the paper read for whoever pressed it.</summary>
    public Task<Reply> MarkClubPaperReadAsync(ReaderContext who, string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        return Catalog.FindResource(itemId) is null
            ? Task.FromResult(Failure("/read " + itemId, ServerText.ClubItemGone))
            : _readers.MarkReadAsync(who, itemId, null, cancellationToken);
    }

    private async Task<Level> GroupLevelAsync(ulong serverId, CancellationToken cancellationToken)
    {
        var config = await _settings.FindAsync(serverId, cancellationToken).ConfigureAwait(false);
        return config?.DefaultLevel is { } name && LevelVocabulary.ParseExact(name) is { } level ? level : ClubFallbackLevel;
    }

    private static ClubSchedule? ScheduleChange(ulong serverId, ConfigChange change, ClubSchedule? existing, List<string> problems)
    {
        if (change.ClubChannel is null && change.ClubDay is null && change.ClubHour is null)
        {
            return null;
        }

        ulong? channel = existing?.ChannelId;
        if (change.ClubChannel is { } channelText)
        {
            if (ParseChannels(channelText) is [var one])
            {
                channel = one;
            }
            else
            {
                problems.Add(ServerText.BadValue("club-channel", Clip(channelText), "one channel mention or id"));
            }
        }

        var weekday = existing?.Weekday ?? DayOfWeek.Monday;
        var enabled = true;
        if (change.ClubDay is { } dayText)
        {
            var trimmed = dayText.Trim().ToLowerInvariant();
            if (trimmed is "off" or "none" or "stop")
            {
                enabled = false;
            }
            else if (ParseDay(trimmed) is { } day)
            {
                weekday = day;
            }
            else
            {
                problems.Add(ServerText.BadValue("club-day", Clip(dayText), ServerText.DayAccepted));
            }
        }

        var hour = existing?.HourUtc ?? 9;
        if (change.ClubHour is { } hourText)
        {
            if (int.TryParse(hourText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 23)
            {
                hour = parsed;
            }
            else
            {
                problems.Add(ServerText.BadValue("club-hour", Clip(hourText), ServerText.HourAccepted));
            }
        }

        if (channel is not { } channelId)
        {
            if (enabled)
            {
                problems.Add(ServerText.ClubNeedsChannel);
            }

            return null;
        }

        return new ClubSchedule(serverId, channelId, weekday, hour, enabled);
    }

    private Reply Settings(string input, string headline, ulong serverId, ServerConfig? saved, ClubSchedule? schedule)
    {
        var config = saved ?? new ServerConfig(serverId, [], _defaults.UserCooldownSeconds, _defaults.ChannelCooldownSeconds, null, false);
        var sections = new List<ReplySection>
        {
            new(ServerText.FreeTextTitle, ServerText.FreeTextChannels(config.FreeTextChannelIds)),
            new(ServerText.CooldownsTitle, ServerText.Cooldowns(config.UserCooldownSeconds, config.ChannelCooldownSeconds, saved is null)),
            new(ServerText.LevelTitle, ServerText.DefaultLevel(config.DefaultLevel)),
            new(ServerText.TrainingTitle, ServerText.Training(config.TrainingOptIn)),
            new(ServerText.ClubTitle, ServerText.ClubSchedule(schedule?.Weekday, schedule?.HourUtc ?? 0, schedule?.ChannelId, schedule?.Enabled == true)),
        };
        return new Reply { Input = input, Intent = Intent.Config, Message = headline, Sections = sections, IsPersonal = true };
    }

    /// <summary>Channel mentions (<c>&lt;#id&gt;</c>) or ids; an empty list for "none"; null when any word is neither.</summary>
    internal static IReadOnlyList<ulong>? ParseChannels(string text)
    {
        var words = text.Split([' ', ',', ';', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words is [var only] && only.ToLowerInvariant() is "none" or "off" or "clear")
        {
            return [];
        }

        var ids = new List<ulong>();
        foreach (var word in words)
        {
            var bare = word.StartsWith("<#", StringComparison.Ordinal) && word.EndsWith('>') ? word[2..^1] : word;
            if (!ulong.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == 0)
            {
                return null;
            }

            ids.Add(id);
        }

        return ids.Count == 0 ? null : ids.Distinct().ToList();
    }

    private static int? ParseSeconds(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (trimmed.EndsWith('s'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxCooldownSeconds ? seconds : null;
    }

    private static bool? ParseYesNo(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "true" or "on" or "allow" or "allowed" => true,
        "no" or "false" or "off" or "deny" or "denied" => false,
        _ => null,
    };

    private static DayOfWeek? ParseDay(string text) =>
        text.Length >= 3 ? Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => d.ToString()!.StartsWith(text, StringComparison.OrdinalIgnoreCase)) : null;

    private static Reply Failure(string input, string message) => new()
    {
        Input = input,
        Intent = Intent.Error,
        Message = message,
        IsPersonal = true,
    };

    private static string Clip(string text) => text.Length <= 40 ? text.Trim() : text[..39].Trim() + "…";

    private static uint StableHash(string text)
    {
        // FNV-1a: the same in every process (string.GetHashCode is not), so racing processes would choose alike.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
