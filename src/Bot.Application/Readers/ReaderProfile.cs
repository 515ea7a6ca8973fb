using Bot.Catalog;
using Bot.Storage;

namespace Bot.Application.Readers;

/// <summary>
/// What a recommendation needs to know about its reader: what they have read, what they dismissed (including items
/// voted "not for me"), and how their votes shift their level per topic.
/// </summary>
public sealed record ReaderProfile(IReadOnlySet<string> Read, IReadOnlySet<string> Dismissed, IReadOnlyDictionary<string, int> LevelShifts)
{
    /// <summary>
    /// How far "too easy" must outnumber "too hard" votes on a topic's items (or the reverse) to move the reader's
    /// level there by one step. One step at most, so a few votes nudge rather than jump.
    /// </summary>
    public const int VotesPerLevelStep = 2;

    /// <summary>The level of the server the reader asked in (its /config default), for requests that name none.</summary>
    public Level? DefaultLevel { get; init; }

    public static ReaderProfile Empty { get; } = new(new HashSet<string>(), new HashSet<string>(), new Dictionary<string, int>());

    /// <summary>+1 (harder), -1 (easier) or 0 for the topic.</summary>
    public int LevelShiftOn(string topicId) => LevelShifts.GetValueOrDefault(topicId);

    public static ReaderProfile From(
        IReadOnlyList<ReaderItem> items, IReadOnlyList<DismissedItem> dismissed, IReadOnlyList<FeedbackVote> votes, ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(dismissed);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(catalog);
        var read = items.Where(i => i.Status == ReaderItemStatus.Read).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        var notWanted = dismissed.Select(d => d.ItemId)
            .Concat(votes.Where(v => v.Choice == FeedbackChoice.NotForMe).Select(v => v.ItemId))
            .ToHashSet(StringComparer.Ordinal);
        return new ReaderProfile(read, notWanted, LevelShiftsFrom(votes, catalog));
    }

    /// <summary>Per topic: net "too easy" minus "too hard" votes on items that list the topic, turned into a step.</summary>
    public static IReadOnlyDictionary<string, int> LevelShiftsFrom(IReadOnlyList<FeedbackVote> votes, ReadingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(catalog);
        var net = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vote in votes)
        {
            var delta = vote.Choice switch
            {
                FeedbackChoice.TooEasy => 1,
                FeedbackChoice.TooHard => -1,
                _ => 0,
            };
            if (delta == 0 || catalog.FindResource(vote.ItemId) is not { } resource)
            {
                continue;
            }

            foreach (var topic in resource.Topics)
            {
                net[topic] = net.GetValueOrDefault(topic) + delta;
            }
        }

        return net
            .Where(pair => Math.Abs(pair.Value) >= VotesPerLevelStep)
            .ToDictionary(pair => pair.Key, pair => Math.Sign(pair.Value), StringComparer.Ordinal);
    }
}
