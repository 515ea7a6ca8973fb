using System.Globalization;

namespace Bot.Application.Readers;

/// <summary>Everything the reader features say to a user, in one place (what they share with the reading assistant is in <see cref="AssistantText"/>).</summary>
public static class ReaderText
{
    public const string ItemsAccepted = "an item's id, title, nickname or author (misspellings are fine), e.g. `raft`, `ddia`, `paxos made simple`";

    public static string NoItemGiven(string command) =>
        $"Which item? Give {ItemsAccepted}: `/{command} raft`.";

    public static string UnknownItem(string query, IReadOnlyList<string> nearMisses) =>
        nearMisses.Count > 0
            ? $"No item matches '{query}'. Did you mean {string.Join(", ", nearMisses.Select(n => $"\"{n}\""))}? Give {ItemsAccepted}."
            : $"No item matches '{query}'. Give {ItemsAccepted}.";

    public static string AmbiguousItem(string query, IReadOnlyList<(string Id, string Title)> candidates) =>
        $"Several items match '{query}': {string.Join("; ", candidates.Select(c => $"{c.Title} (`{c.Id}`)"))}. Give the id or the full title.";

    public static string BadRating(string rating) =>
        $"A rating is a whole number from 1 to 5; got '{rating}'. Example: `/read raft rating:5`, or leave the rating out.";

    public static string Saved(string title, bool wasAlreadyThere, bool alreadyRead) => (wasAlreadyThere, alreadyRead) switch
    {
        (true, true) => $"'{title}' is already on your list, marked read.",
        (true, false) => $"'{title}' is already on your list.",
        _ => $"Saved '{title}' to your list. See it with /list; mark it read with /read.",
    };

    public static string MarkedRead(string title, int? rating) =>
        rating is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"Marked '{title}' read, rated {r}/5. It will not be recommended to you again.")
            : $"Marked '{title}' read. It will not be recommended to you again.";

    public static string Removed(string title) => $"Removed '{title}' from your list.";

    public static string NotOnList(string title) => $"'{title}' is not on your list, so there was nothing to remove. /list shows what is.";

    public const string EmptyList = "Your list is empty. Save an item with `/save raft`, or mark one read with `/read raft rating:5`.";

    public static string ListHeadline(int saved, int read) =>
        string.Create(CultureInfo.InvariantCulture, $"Your list: {saved} saved, {read} read. Remove an item with `/remove <item>` (or `/list remove:<item>`).");

    public static string Progress(string topicName, int readEssentials, int essentials, int readOnTopic) =>
        essentials > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{topicName}: {readEssentials} of {essentials} essentials read")
            : string.Create(CultureInfo.InvariantCulture, $"{topicName}: {readOnTopic} read");

    public const string NoLongerInCatalog = "No longer in the catalog";


    public static string PathHeadline(string topicName, string? level, int read, int total, string? nextUp) =>
        string.Create(CultureInfo.InvariantCulture, $"Learning path for {topicName}{(level is null ? string.Empty : " (" + level + ")")}: {read} of {total} read.")
        + (nextUp is null ? " All done: try a related topic." : $" Next up: {nextUp}.");

    public static string PathStepWhy(string? why, string? prerequisiteOf, bool aboveLevel)
    {
        var text = why ?? (prerequisiteOf is null ? "on the topic's reading path" : $"read before {prerequisiteOf}");
        return aboveLevel ? text + " (above your level: for later)" : text;
    }

    public static string? HiddenItems(int read, int dismissed) => (read, dismissed) switch
    {
        (0, 0) => null,
        (_, 0) => read == 1 ? "1 item you have read is not shown." : $"{read} items you have read are not shown.",
        (0, _) => dismissed == 1 ? "1 item you dismissed is not shown." : $"{dismissed} items you dismissed are not shown.",
        _ => $"{read} item{(read == 1 ? string.Empty : "s")} you have read and {dismissed} you dismissed are not shown.",
    };

    public static string LevelShifted(string topicName, string level, bool harder) =>
        $"Pitched at {level} on {topicName.ToLowerInvariant()}, since you marked items there too {(harder ? "easy" : "hard")}.";

    public static string Voted(string title, string choice, Storage.VoteOutcome outcome) => outcome switch
    {
        Storage.VoteOutcome.Unchanged => $"You already marked '{title}' as {choice} for this request.",
        Storage.VoteOutcome.Replaced => $"Changed your feedback on '{title}' to {choice}. Thanks.",
        _ => $"Thanks: noted '{title}' as {choice} for you.",
    };

    public const string ItemGoneFromCatalog = "That item is no longer in the catalog (it changed since these results were made). Run the command again for fresh results.";

    public static string Forgotten(int rows) =>
        rows == 0
            ? "I had nothing stored about you; there is nothing to delete."
            : string.Create(CultureInfo.InvariantCulture, $"Done: I deleted everything I stored about you ({rows} records). Nothing about you is kept.");

    public static string MyDataHeadline(int items, int dismissed, int votes, int servers) =>
        string.Create(CultureInfo.InvariantCulture, $"Everything I store about you: {items} items on your list, {dismissed} dismissed, {votes} feedback votes, {servers} servers. /forget-me deletes it all.");

    public const string MyDataFileName = "my-data.json";

    public static string FeedbackName(Storage.FeedbackChoice choice) => choice switch
    {
        Storage.FeedbackChoice.Useful => "useful",
        Storage.FeedbackChoice.TooEasy => "too easy",
        Storage.FeedbackChoice.TooHard => "too hard",
        _ => "not for me",
    };
}
