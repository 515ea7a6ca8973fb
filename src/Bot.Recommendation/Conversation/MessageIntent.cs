namespace Bot.Recommendation.Conversation;

public enum MessageIntent
{
    /// <summary>Chatter: the bot stays silent.</summary>
    None,
    Recommend,
    Paper,
}
