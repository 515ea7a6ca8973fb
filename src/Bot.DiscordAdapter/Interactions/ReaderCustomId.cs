using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bot.Catalog;
using Bot.Discord.Models.Outbound;
using Bot.Storage;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>What a reader button does: save or mark read an item, open the feedback choices for it, or vote.</summary>
public enum ReaderButtonAction
{
    Save,
    Read,
    AskFeedback,
    Vote,
}

/// <summary>
/// A reader button's meaning, carried whole in its <c>custom_id</c> so no server-side state is needed: who it was
/// made for, the catalog it was made under, and for feedback the request (resolved topics, level, kind), page and rank.
/// </summary>
public sealed record ReaderButton(
    ReaderButtonAction Action,
    ulong OwnerId,
    string CatalogVersion,
    string ItemId,
    FeedbackChoice? Choice = null,
    int Page = 1,
    int Rank = 1,
    IReadOnlyList<string>? TopicIds = null,
    Level? Level = null,
    ResourceKind? Kind = null);

/// <summary>
/// Encodes reader buttons in at most <see cref="DiscordLimits.ComponentCustomId"/> characters:
/// <c>rd1:{action}:{owner}:{catalog}:{choice}:{page}:{rank}:{level}:{kind}:{topics+}:{item}</c>, the item id last.
/// A button that does not fit is not shown.
/// </summary>
public static class ReaderCustomId
{
    public const string Prefix = "rd1:";

    public static string? Encode(ReaderButton button)
    {
        ArgumentNullException.ThrowIfNull(button);
        var topics = string.Join('+', button.TopicIds ?? []);
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{ActionCode(button.Action)}:{button.OwnerId}:{button.CatalogVersion}:{ChoiceCode(button.Choice)}:{button.Page}:{button.Rank}:{LevelCode(button.Level)}:{(button.Kind is { } k ? ((int)k).ToString(CultureInfo.InvariantCulture) : string.Empty)}:{topics}:{button.ItemId}");
        return id.Length <= DiscordLimits.ComponentCustomId && !button.ItemId.Contains(':', StringComparison.Ordinal) ? id : null;
    }

    public static bool TryDecode(string? customId, [NotNullWhen(true)] out ReaderButton? button)
    {
        button = null;
        if (customId is null || customId.Length > DiscordLimits.ComponentCustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId[Prefix.Length..].Split(':');
        if (parts.Length != 10
            || ParseAction(parts[0]) is not { } action
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            || parts[9].Length == 0)
        {
            return false;
        }

        ResourceKind? kind = int.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && Enum.IsDefined((ResourceKind)k) ? (ResourceKind)k : null;
        button = new ReaderButton(action, owner, parts[2], parts[9], ParseChoice(parts[3]), page, rank,
            parts[8].Split('+', StringSplitOptions.RemoveEmptyEntries), ParseLevel(parts[6]), kind);
        return true;
    }

    private static string ActionCode(ReaderButtonAction action) => action switch
    {
        ReaderButtonAction.Save => "s",
        ReaderButtonAction.Read => "r",
        ReaderButtonAction.AskFeedback => "f",
        _ => "v",
    };

    private static ReaderButtonAction? ParseAction(string code) => code switch
    {
        "s" => ReaderButtonAction.Save,
        "r" => ReaderButtonAction.Read,
        "f" => ReaderButtonAction.AskFeedback,
        "v" => ReaderButtonAction.Vote,
        _ => null,
    };

    private static string ChoiceCode(FeedbackChoice? choice) => choice switch
    {
        FeedbackChoice.Useful => "u",
        FeedbackChoice.TooEasy => "e",
        FeedbackChoice.TooHard => "h",
        FeedbackChoice.NotForMe => "n",
        _ => string.Empty,
    };

    private static FeedbackChoice? ParseChoice(string code) => code switch
    {
        "u" => FeedbackChoice.Useful,
        "e" => FeedbackChoice.TooEasy,
        "h" => FeedbackChoice.TooHard,
        "n" => FeedbackChoice.NotForMe,
        _ => null,
    };

    private static string LevelCode(Level? level) => level switch
    {
        Level.Beginner => "b",
        Level.Intermediate => "i",
        Level.Advanced => "a",
        _ => string.Empty,
    };

    private static Level? ParseLevel(string code) => code switch
    {
        "b" => Level.Beginner,
        "i" => Level.Intermediate,
        "a" => Level.Advanced,
        _ => null,
    };
}
