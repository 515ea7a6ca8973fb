using System.Globalization;

namespace Bot.Application.Servers;

/// <summary>Everything the study-group features (/config, /club, paper of the week) say to a user, in one place.</summary>
public static class ServerText
{
    public const string ChannelsAccepted = "channel mentions or ids separated by spaces (`#reading #papers`), or `none`";
    public const string CooldownAccepted = "whole seconds from 0 to 3600 (0 turns it off)";
    public const string LevelAccepted = "`beginner`, `intermediate`, `advanced`, or `none`";
    public const string TrainingAccepted = "`yes` or `no`";
    public const string DayAccepted = "a weekday (`monday` … `sunday`, or `mon` … `sun`), or `off` to stop the paper of the week";
    public const string HourAccepted = "an hour from 0 to 23, in UTC";

    public static string DiscordOnly(string command) =>
        $"/{command} is for Discord servers (study groups): the console twin is one local reader with no server, so it has no server settings and no paper of the week. Use /{command} in a Discord server.";

    public static string ServerOnly(string command) =>
        $"/{command} works in a server, not in direct messages: it is about the server's study group.";

    public const string NeedsManageServer =
        "Only members with the Manage Server permission can change or view my settings for this server. Ask a moderator.";

    public static string BadValue(string option, string given, string accepted) =>
        $"`{option}`: '{given}' is not accepted. Give {accepted}.";

    public static string BadValues(IReadOnlyList<string> problems) =>
        "Nothing was changed. " + string.Join(" ", problems);

    public const string ClubNeedsChannel =
        "`club-day`: the paper of the week needs a channel to post in; add `club-channel:#reading`.";

    public static string TooManyChannels(int max) =>
        string.Create(CultureInfo.InvariantCulture, $"`free-text-channels`: at most {max} channels.");

    public const string SettingsHeadline = "Settings for this server. Change any of them with `/config <option>:<value>`; options you leave out keep their value.";

    public static readonly string SavedHeadline = string.Create(
        CultureInfo.InvariantCulture,
        $"Saved. Changes apply without a restart: here at once, in other bot processes within {(int)ServerSettingsCache.Lifetime.TotalSeconds} seconds. Settings for this server now:");

    public const string FreeTextTitle = "Free-text channels";

    public static string FreeTextChannels(IReadOnlyList<ulong> channels) =>
        channels.Count == 0
            ? "none (I answer free text when mentioned, in DMs, and in channels the operator configured)"
            : string.Join(", ", channels.Select(Mention));

    public const string CooldownsTitle = "Cooldowns";

    public static string Cooldowns(int userSeconds, int channelSeconds, bool isDefault) =>
        string.Create(CultureInfo.InvariantCulture, $"{userSeconds} s between answers to one member, {channelSeconds} s between answers in one channel")
        + (isDefault ? " (the bot's defaults)" : string.Empty);

    public const string LevelTitle = "Default level";

    public static string DefaultLevel(string? level) =>
        level is null
            ? "none (a request without a level is read as it is written)"
            : $"{level} (for /recommend and free text that name no level)";

    public const string TrainingTitle = "Training on feedback";

    public static string Training(bool allowed) =>
        allowed
            ? "allowed (feedback votes given in this server may improve the ranking)"
            : "not allowed (feedback votes given here are never used for training)";

    public const string ClubTitle = "Paper of the week";

    public static string ClubSchedule(DayOfWeek? weekday, int hourUtc, ulong? channelId, bool enabled) =>
        enabled && weekday is { } day && channelId is { } channel
            ? string.Create(CultureInfo.InvariantCulture, $"{DayName(day)}s at {hourUtc:00}:00 UTC in {Mention(channel)}")
            : "off (start it with `/config club-channel:#reading club-day:monday club-hour:9`)";

    public static string Mention(ulong channelId) => string.Create(CultureInfo.InvariantCulture, $"<#{channelId}>");

    public static string DayName(DayOfWeek day) => day.ToString();

    public const string NoPicksYet = "No paper of the week yet.";

    public static string ClubHeadline(int picks, string? schedule) =>
        (picks == 0 ? NoPicksYet : string.Create(CultureInfo.InvariantCulture, $"Paper of the week: {picks} pick{(picks == 1 ? string.Empty : "s")}, most recent first."))
        + (schedule is null ? string.Empty : $" Schedule: {schedule}.");

    public const string LatestTitle = "Latest";

    public const string EarlierTitle = "Earlier";

    public static string PickLine(string weekKey, string title, int readers, int withLists) =>
        string.Create(CultureInfo.InvariantCulture, $"{weekKey}: {title} — read by {readers} of {withLists} {(withLists == 1 ? "member who keeps" : "members who keep")} a list");

    public static string PickReason(string weekKey, int readers, int withLists) =>
        string.Create(CultureInfo.InvariantCulture, $"paper of the week {weekKey}; read by {readers} of {withLists} members who keep a list");

    public static string ClubPost(string weekKey) =>
        $"📚 **Paper of the week** ({weekKey}): one essential read for the group. Press **Read it** once you have read it; /club shows the picks and how many of you read each.";

    public static string ClubPickWhy(string level) =>
        $"picked for the group: an essential at {level} level that most members here have not read yet";

    public const string ReadItLabel = "Read it";

    public const string ClubItemGone = "That paper is no longer in the catalog, so it cannot be marked read. /club shows the current picks.";
}
