namespace Bot.Recommendation.Conversation;

/// <summary>The class names the intent model is trained on.</summary>
public static class IntentLabels
{
    public const string Recommend = "recommend";
    public const string Paper = "paper";
    public const string None = "none";

    /// <summary>Not English: silence in a channel, a note in English when the message is addressed to the bot.</summary>
    public const string OtherLanguage = "other-language";

    public static IReadOnlyList<string> All { get; } = [None, Recommend, Paper, OtherLanguage];

    public static string Of(MessageIntent intent) => intent switch
    {
        MessageIntent.Recommend => Recommend,
        MessageIntent.Paper => Paper,
        _ => None,
    };

    public static MessageIntent ToIntent(string label) => label switch
    {
        Recommend => MessageIntent.Recommend,
        Paper => MessageIntent.Paper,
        _ => MessageIntent.None,
    };
}
