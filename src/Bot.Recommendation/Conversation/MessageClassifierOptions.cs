using System.ComponentModel.DataAnnotations;

namespace Bot.Recommendation.Conversation;

public sealed record MessageClassifierOptions
{
    /// <summary>
    /// Below this probability for its best class, the model's "recommend" or "paper" on a channel message that is
    /// not addressed to the bot is treated as chatter. In a busy channel a wrong answer is worse than none (an
    /// answer to a conversation gets the bot muted), but a missed request costs too. So the value is read off the
    /// precision–recall curve of 5-fold cross-validation on the TRAINING messages (never the held-out set) with the
    /// product rule: the threshold that maximises precision² × recall, precision counted twice and neither side
    /// given up for the other. `Bot model train-intent` prints that curve. For the model retrained on 2026-12-05
    /// at 04:50 UTC on 5,670 training texts (Training9's and Training10's 1,060 messages and the free text of
    /// Training9, 9b and 10 joined; 200 trees of 16 leaves) the curve is flat from 0.55 to 0.70 (0.852–0.855): 0.55
    /// peaks at 0.855 but answers 6.3 % of chatter, 0.70 gives 0.853 with 4.1 % of chatter answered and 8.8 % of
    /// requests missed, so the cautious end of the plateau stays; holding chatter near 1 % would take 0.95 and lose a
    /// quarter of the requests. With each message's meaning vector read beside its text (2026-12-05, 7,782 texts;
    /// `Bot model train-intent --compare-meaning`), the curve of folds that keep each judged set whole is flat from
    /// 0.30 to 0.70 (0.840–0.847) and stays above the text-only model's at every threshold; 0.70 is still the cautious
    /// end of the plateau: 4.5 % of chatter answered as before, 8.5 % of requests missed rather than 10.4 %.
    /// Messages addressed to the bot are not
    /// held to it: there the writer asked the bot, and a bare topic is a request.
    /// </summary>
    [Range(0.0, 1.0)]
    public float SilenceThreshold { get; init; } = DefaultSilenceThreshold;

    public const float DefaultSilenceThreshold = 0.70f;

    /// <summary>
    /// The topic model's probability above which a request that names no topic is read as being about its best
    /// topic (`Bot model train` prints the accuracy of the inferred topic at each threshold on cross-validation
    /// of the judged requests). Below it the request is ranked by its words alone, which is what happened before
    /// the model: a wrong topic would pull in a whole unrelated topic's reading. The probabilities of a
    /// maximum-entropy model over thirty topics are spread thin, so the value is low: the lowest threshold whose
    /// inferred topics are right at least nine times in ten on the requests that name none. On 2026-12-04 (24 such
    /// requests in cross-validation) 0.2 infers a topic for 62 % of them and 93 % of those are right; 0.3 infers for
    /// 46 %, all right.
    /// </summary>
    [Range(0.0, 1.0)]
    public float TopicThreshold { get; init; } = DefaultTopicThreshold;

    public const float DefaultTopicThreshold = 0.2f;

    /// <summary>
    /// The level model's probability from which its reading is used for a free-text request in which the level
    /// phrases find no level; below it the request has no level, since a wrong level (which moves the whole list to
    /// the wrong difficulty) is worse than none. `Bot model compare-level` weighs a missed level 1 and a wrong or
    /// invented one 2. On 2026-12-04 (1,236 training requests) 0.70 had the lowest cost. On 2026-12-05 (3,991 training
    /// requests, 2,006 stating a level, many only through the reader's background) 0.50 had the lower cost on both
    /// comparisons: 5-fold cross-validation 0.139 against 0.144 (right where stated 0.868 against 0.836, a level
    /// invented for 5.6 % against 4.6 % of the requests that state none), and the sets the phrases never saw 0.081
    /// against 0.085 (0.924 against 0.881, invented 3.3 % against 2.6 %). 0.90 gives back most of the gain. With four
    /// classes the best is always at least 0.25, hence the lower bound.
    /// </summary>
    [Range(0.25, 1.0)]
    public float LevelThreshold { get; init; } = DefaultLevelThreshold;

    public const float DefaultLevelThreshold = 0.5f;

    public static MessageClassifierOptions Default { get; } = new();

    /// <summary>Throws when a value is out of range, for code that builds options without the host's validation.</summary>
    public MessageClassifierOptions Validated()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }
}
