namespace Bot.Quality.Harness;

/// <summary>
/// The floors the quality run must stay above (ceilings for error rates), in one place.
/// Set on 2026-11-21 (06:25 UTC) from the 418-resource catalog against the judgments
/// (92 /recommend, 53 /paper, 45 messages), each a little below the measured figure so that one
/// or two more misses pass but a real regression fails. Measured then:
///   /recommend nDCG@5 0.808 (BM25 0.581, +38.9%); messages nDCG@5 0.803; /paper top-1 100%,
///   MRR 1.000; intent accuracy 100%; chatter answered 0%; paper messages top-1 100%;
///   message level 100%, topic 100%; /recommend level 100%, kind 100%, topic 98.9%.
/// (The first measurement, before the ranker was tuned against these judgments, was nDCG@5 0.745,
/// BM25 0.580, /paper top-1 98.1%, intent accuracy 88.9%.)
/// Raised at 07:10 UTC to just below the figures then: /recommend nDCG@5 0.821 (BM25 0.528, +55%),
/// messages nDCG@5 0.823, topic understood 100% for /recommend and messages.
/// When the ranker improves, raise them to just below the new figures.
/// Reset on 2026-12-04 when the learned ranker (LightGBM LambdaRank, trained on this set, Holdout and Training)
/// replaced the hand-set weights, on the 550-resource catalog. Measured before / after the model:
///   /recommend nDCG@5 0.697 / 0.910 (BM25 0.422; lift +65% / +116%); messages nDCG@5 0.652 / 0.895.
/// This set is now training data, so its nDCG says little about generalisation: Holdout2 (never trained or
/// tuned on) reports that, 0.499 before and 0.560 after (BM25 0.419). The /paper and topic-understanding
/// floors were already below their old values before this change (the catalog grew and was retagged), so
/// they sit just below today's figures: /recommend topic 96.7%, /paper top-1 94.3%, MRR 0.953, messages topic 83.3%.
/// Lowered later on 2026-12-04, after the merge that put ML.NET's featurizer under the ranker and Lucene.Net's BM25
/// (stronger than FTS5 on this set: 0.515 against 0.427) beside it, and the models were retrained: /recommend
/// nDCG@5 0.899, lift over the stronger BM25 +74%, messages nDCG@5 0.870.
/// Lowered again on 2026-12-04 (evening) when the catalog grew from 551 to 661 items (the training judges'
/// missing canon) and the ranker was retrained with Training2 (160 more blind queries from other judges): this
/// set scores 0.864 and its messages 0.825. Part of the drop is the set's age: it was graded against the
/// 418-item catalog, so new items that answer its queries well count as ungraded (0). Holdout2, the honest
/// figure, rose from 0.562 to 0.637 in the same change.
/// Lowered to 0.83 when Training3 (200 broad and descriptive blind queries) and the topic model joined the
/// training: this set 0.849, Holdout2 0.640; /paper top-1 rose to 100 % (a double surname counted whole, one
/// shared word no longer a match), so its floor goes back to 0.98.
/// </summary>
public static class QualityFloors
{
    /// <summary>The requirement: the ranker beats BM25's nDCG@5 by at least 25% (relative).</summary>
    public const double MinimumLiftOverBm25 = 0.25;

    public static IReadOnlyList<Bound> All { get; } =
    [
        new(QualityReport.RecommendNdcgKey, AtLeast: 0.83),
        new(QualityReport.BaselineLiftKey, AtLeast: 0.70),
        new(QualityReport.RecommendLevelKey, AtLeast: 0.97),
        new(QualityReport.RecommendKindKey, AtLeast: 0.93),
        new(QualityReport.RecommendTopicKey, AtLeast: 0.96),
        new(QualityReport.PaperTop1Key, AtLeast: 0.98),
        new(QualityReport.PaperMrrKey, AtLeast: 0.95),
        new(QualityReport.IntentAccuracyKey, AtLeast: 0.95),
        new(QualityReport.ChatterFalsePositiveKey, AtMost: 0.06),
        new(QualityReport.MessageNdcgKey, AtLeast: 0.80),
        new(QualityReport.MessageLevelKey, AtLeast: 0.90),
        new(QualityReport.MessageTopicKey, AtLeast: 0.83),
        new(QualityReport.MessagePaperTop1Key, AtLeast: 0.88),
    ];
}
