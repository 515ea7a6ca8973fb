namespace Bot.Recommendation.Conversation;

public sealed record MessageClassifierOptions
{
    /// <summary>
    /// Below this probability for its best class, the model's "recommend" or "paper" on a channel message that is
    /// not addressed to the bot is treated as chatter. In a busy channel a wrong answer is worse than none: an
    /// answer to a conversation gets the bot muted, while a missed request is simply asked again with a mention or
    /// a /command. So the value is read off the precision–recall curve of 5-fold cross-validation on the TRAINING
    /// messages (never the held-out set) as the lowest threshold at which at most 1% of chatter is answered;
    /// `Bot model train-intent` prints that curve. Messages addressed to the bot are not held to it: there the
    /// writer asked the bot, and a bare topic is a request.
    /// </summary>
    public float SilenceThreshold { get; init; } = DefaultSilenceThreshold;

    public const float DefaultSilenceThreshold = 0.5f;

    public static MessageClassifierOptions Default { get; } = new();
}
