namespace Bot.Application;

/// <summary>
/// The application layer: turns what a user typed or selected into a <see cref="Reply"/>.
/// It knows nothing about Discord or the console.
/// </summary>
public interface IReadingAssistant
{
    /// <summary>Exactly what a user types: "/recommend consensus beginner", "/paper raft", "/topics", "/help" or free text.</summary>
    Reply Handle(string input);

    /// <summary>A channel message: a reply with <see cref="Intent.None"/> means stay silent.</summary>
    /// <param name="addressedToBot">True for direct messages and messages that mention the bot: they may be a bare
    /// topic ("consensus for beginners") or command ("paper raft") without any request phrasing.</param>
    Reply HandleMessage(string text, bool addressedToBot = false);

    Reply Recommend(RecommendRequest request);

    Reply FindPaper(string query);

    Reply ListTopics();

    /// <summary>One topic in detail (description, other names, reading path, items per level), or the compact list when <paramref name="topic"/> is empty.</summary>
    Reply ListTopics(string? topic);

    Reply Help();

    /// <summary>Topic choices for what the user has typed so far (at most <paramref name="max"/>).</summary>
    IReadOnlyList<Suggestion> SuggestTopics(string partial, int max = 25);

    /// <summary>Paper titles and nicknames for what the user has typed so far.</summary>
    IReadOnlyList<Suggestion> SuggestPapers(string partial, int max = 25);
}
