namespace Bot.Recommendation.Conversation;

public sealed record MessageClassifierOptions
{
    /// <summary>
    /// Below this probability for its best class, the model's "recommend" or "paper" on a channel message that is
    /// not addressed to the bot is treated as chatter. In a busy channel a wrong answer is worse than none: an
    /// answer to a conversation gets the bot muted, while a missed request is simply asked again with a mention or
    /// a /command. So the value is read off the precision–recall curve of 5-fold cross-validation on the TRAINING
    /// messages (never the held-out set) where F0.5 peaks, the score that weighs precision twice as much as recall;
    /// `Bot model train-intent` prints that curve. Holding chatter answered to 1% would take 0.95 and lose a fifth of
    /// the requests, which would make the bot useless for plain questions. Messages addressed to the bot are not held to it: there the
    /// writer asked the bot, and a bare topic is a request.
    /// </summary>
    public float SilenceThreshold { get; init; } = DefaultSilenceThreshold;

    public const float DefaultSilenceThreshold = 0.6f;

    public static MessageClassifierOptions Default { get; } = new();
}
