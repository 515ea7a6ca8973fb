namespace Bot.Recommendation.Ranking;

/// <summary>A group of related features, removed together in the ablation study.</summary>
public enum FeatureFamily
{
    Text,
    Topic,
    Essential,
    Level,
    Kind,
    Sources,
    Year,
    Access,
    Named,
    Structure,
    TopicFit,
    Canon,
    Coverage,
    Judged,
    Neighbours,
    TopicConfidence,
    Meaning,
}

/// <summary>One feature of a (request, candidate) pair: its position in the vector, name and family.</summary>
public sealed record FeatureDefinition(int Index, string Name, FeatureFamily Family, string Meaning);

/// <summary>The ranker's feature vector layout. Changing it invalidates the trained model (its feature count is checked at load).</summary>
public static class RankingFeatures
{
    public const int TextSimilarity = 0;
    public const int TextRelative = 1;
    public const int TextRank = 2;
    public const int TitleSimilarity = 3;
    public const int SummarySimilarity = 4;
    public const int TopicsSimilarity = 5;
    public const int AuthorsSimilarity = 6;
    public const int TitleWordOverlap = 7;
    public const int PrimaryTopicAsked = 8;
    public const int AskedTopicListed = 9;
    public const int TopicPosition = 10;
    public const int AskedTopicsCovered = 11;
    public const int ItemTopicCount = 12;
    public const int NoTopicAsked = 13;
    public const int EssentialForAsked = 14;
    public const int PathPosition = 15;
    public const int PathFraction = 16;
    public const int EssentialTopicCount = 17;
    public const int LevelAsked = 18;
    public const int EntryLevelGap = 19;
    public const int MaxLevelGap = 20;
    public const int LevelCovers = 21;
    public const int EntryLevel = 22;
    public const int MaxLevel = 23;
    public const int MathHeavy = 24;
    public const int Historical = 25;
    public const int ItemKind = 26;
    public const int KindAskedMatch = 27;
    public const int IsPaper = 28;
    public const int IsBookOrCourse = 29;
    public const int IsToolOrList = 30;
    public const int SourceWeight = 31;
    public const int SourceCount = 32;
    public const int ExpertCount = 33;
    public const int Year = 34;
    public const int OpenAccess = 35;
    public const int AccessKind = 36;
    public const int NamedByTitle = 37;
    public const int NamedByNickname = 38;
    public const int NamedAuthor = 39;
    public const int PrerequisiteCount = 40;
    public const int RequiredByCount = 41;
    public const int CompanionCount = 42;
    public const int SectionCount = 43;
    public const int TopicTextFit = 44;
    public const int PrimaryTopicTextFit = 45;
    public const int AskedTopicCount = 46;
    public const int CanonRankInTopic = 47;
    public const int CanonRankOfKind = 48;
    public const int CanonRankOfKindInTopic = 49;
    public const int SourceWeightRelative = 50;
    public const int WordCoverage = 51;
    public const int WordsMatched = 52;
    public const int JudgedTopicGrade = 53;
    public const int JudgedTopicLevelGrade = 54;
    public const int JudgedIdealShare = 55;
    public const int JudgedOverallGrade = 56;
    public const int NeighbourGrade = 57;
    public const int NeighbourLevelGrade = 58;
    public const int NeighbourIdealShare = 59;
    public const int NeighbourNearestSimilarity = 60;
    public const int NextAfterRead = 61;
    public const int TopicConfidence = 62;
    public const int MeaningSimilarity = 63;
    public const int MeaningRelative = 64;
    public const int MeaningNeighbourGrade = 65;
    public const int MeaningNeighbourLevelGrade = 66;
    public const int MeaningNeighbourIdealShare = 67;
    public const int MeaningNeighbourNearest = 68;

    public static IReadOnlyList<FeatureDefinition> All { get; } =
    [
        new(TextSimilarity, "text_similarity", FeatureFamily.Text, "TF-IDF cosine of the request with the whole document"),
        new(TextRelative, "text_relative", FeatureFamily.Text, "text similarity over the best candidate's"),
        new(TextRank, "text_rank", FeatureFamily.Text, "rank in text retrieval (the cap when not retrieved)"),
        new(TitleSimilarity, "title_similarity", FeatureFamily.Text, "cosine with title and nicknames"),
        new(SummarySimilarity, "summary_similarity", FeatureFamily.Text, "cosine with the summary"),
        new(TopicsSimilarity, "topics_similarity", FeatureFamily.Text, "cosine with the item's topic names"),
        new(AuthorsSimilarity, "authors_similarity", FeatureFamily.Text, "cosine with the authors"),
        new(TitleWordOverlap, "title_word_overlap", FeatureFamily.Text, "share of request words found in the title"),
        new(PrimaryTopicAsked, "primary_topic_asked", FeatureFamily.Topic, "the item's primary topic is one asked"),
        new(AskedTopicListed, "asked_topic_listed", FeatureFamily.Topic, "an asked topic is among the item's topics"),
        new(TopicPosition, "topic_position", FeatureFamily.Topic, "position of the best asked topic, primary first (9 when absent)"),
        new(AskedTopicsCovered, "asked_topics_covered", FeatureFamily.Topic, "share of asked topics the item lists"),
        new(ItemTopicCount, "item_topic_count", FeatureFamily.Topic, "how many topics the item lists"),
        new(NoTopicAsked, "no_topic_asked", FeatureFamily.Topic, "the request named no taxonomy topic"),
        new(EssentialForAsked, "essential_for_asked", FeatureFamily.Essential, "on the reading path of an asked topic"),
        new(PathPosition, "path_position", FeatureFamily.Essential, "step on that path (-1 when not on it)"),
        new(PathFraction, "path_fraction", FeatureFamily.Essential, "step over path length (-1 when not on it)"),
        new(EssentialTopicCount, "essential_topic_count", FeatureFamily.Essential, "how many topic paths hold the item"),
        new(LevelAsked, "level_asked", FeatureFamily.Level, "asked level (-1 none, 0 beginner .. 2 advanced)"),
        new(EntryLevelGap, "entry_level_gap", FeatureFamily.Level, "item entry level minus asked level (0 when none asked)"),
        new(MaxLevelGap, "max_level_gap", FeatureFamily.Level, "item top level minus asked level (0 when none asked)"),
        new(LevelCovers, "level_covers", FeatureFamily.Level, "the item's level range covers the asked level"),
        new(EntryLevel, "entry_level", FeatureFamily.Level, "item entry level"),
        new(MaxLevel, "max_level", FeatureFamily.Level, "item top level"),
        new(MathHeavy, "math_heavy", FeatureFamily.Level, "formal proofs or heavy notation"),
        new(Historical, "historical", FeatureFamily.Level, "superseded or mainly of historical interest"),
        new(ItemKind, "item_kind", FeatureFamily.Kind, "the item's kind as a number"),
        new(KindAskedMatch, "kind_asked_match", FeatureFamily.Kind, "1 first kind asked, 0.5 another asked kind, 0 other, -1 none asked"),
        new(IsPaper, "is_paper", FeatureFamily.Kind, "a paper"),
        new(IsBookOrCourse, "is_book_or_course", FeatureFamily.Kind, "a book or course"),
        new(IsToolOrList, "is_tool_or_list", FeatureFamily.Kind, "a tool or list"),
        new(SourceWeight, "source_weight", FeatureFamily.Sources, "sum of the weights of the lists recommending it"),
        new(SourceCount, "source_count", FeatureFamily.Sources, "how many lists recommend it"),
        new(ExpertCount, "expert_count", FeatureFamily.Sources, "how many experts' lists recommend it"),
        new(Year, "year", FeatureFamily.Year, "year of publication (-1 when none)"),
        new(OpenAccess, "open_access", FeatureFamily.Access, "free to read, watch or use"),
        new(AccessKind, "access_kind", FeatureFamily.Access, "open, free registration, paywalled, purchase"),
        new(NamedByTitle, "named_by_title", FeatureFamily.Named, "the request contains the title"),
        new(NamedByNickname, "named_by_nickname", FeatureFamily.Named, "the request contains a nickname"),
        new(NamedAuthor, "named_author", FeatureFamily.Named, "the request contains an author's surname"),
        new(PrerequisiteCount, "prerequisite_count", FeatureFamily.Structure, "items to read first"),
        new(RequiredByCount, "required_by_count", FeatureFamily.Structure, "items that list it as a prerequisite"),
        new(CompanionCount, "companion_count", FeatureFamily.Structure, "talks, explainers or papers paired with it"),
        new(SectionCount, "section_count", FeatureFamily.Structure, "chapters or lectures listed"),
        new(TopicTextFit, "topic_text_fit", FeatureFamily.TopicFit, "best cosine of the request with one of the item's topics (catalog text), over the request's best topic's"),
        new(PrimaryTopicTextFit, "primary_topic_text_fit", FeatureFamily.TopicFit, "cosine of the request with the item's primary topic, over the request's best topic's"),
        new(AskedTopicCount, "asked_topic_count", FeatureFamily.TopicFit, "how many topics the request was understood to ask"),
        new(CanonRankInTopic, "canon_rank_in_topic", FeatureFamily.Canon, "candidates on an asked topic more recommended than it (-1 when on none)"),
        new(CanonRankOfKind, "canon_rank_of_kind", FeatureFamily.Canon, "candidates of its kind more recommended than it"),
        new(CanonRankOfKindInTopic, "canon_rank_of_kind_in_topic", FeatureFamily.Canon, "candidates of its kind on an asked topic more recommended than it (-1 when on none)"),
        new(SourceWeightRelative, "source_weight_relative", FeatureFamily.Canon, "source weight over the most recommended candidate's"),
        new(WordCoverage, "word_coverage", FeatureFamily.Coverage, "rarity-weighted share of the request's catalog words (by stem) the item's title, summary and topics contain"),
        new(WordsMatched, "words_matched", FeatureFamily.Coverage, "how many of the request's catalog words (by stem) the item's text contains"),
        new(JudgedTopicGrade, "judged_topic_grade", FeatureFamily.Judged, "mean grade the judges gave it when asked about an asked topic (best topic; ungraded counts 0)"),
        new(JudgedTopicLevelGrade, "judged_topic_level_grade", FeatureFamily.Judged, "the same among requests at the asked level (or none), leaning on the topic's when few"),
        new(JudgedIdealShare, "judged_ideal_share", FeatureFamily.Judged, "share of requests on an asked topic where the judges would hand it out first"),
        new(JudgedOverallGrade, "judged_overall_grade", FeatureFamily.Judged, "mean grade over every judged request"),
        new(NeighbourGrade, "neighbour_grade", FeatureFamily.Neighbours, "similarity-weighted mean grade the judges gave it for the judged requests worded most like this one"),
        new(NeighbourLevelGrade, "neighbour_level_grade", FeatureFamily.Neighbours, "the same over those asked at the same level (or none); the all-level mean when there are none"),
        new(NeighbourIdealShare, "neighbour_ideal_share", FeatureFamily.Neighbours, "similarity-weighted share of those requests where it was the one to hand out first"),
        new(NeighbourNearestSimilarity, "neighbour_nearest_similarity", FeatureFamily.Neighbours, "cosine of the request with the judged request worded most like it"),
        new(NextAfterRead, "next_after_read", FeatureFamily.Structure, "the catalog names it to read after an item the reader says they have read"),
        new(TopicConfidence, "topic_confidence", FeatureFamily.TopicConfidence, "how sure the request's topics are: 1 named by its words, the topic model's probability when inferred, 0 when none"),
        new(MeaningSimilarity, "meaning_similarity", FeatureFamily.Meaning, "cosine of the request with the item's title and summary placed by word vectors (meaning, not shared words)"),
        new(MeaningRelative, "meaning_relative", FeatureFamily.Meaning, "that cosine over the best candidate's"),
        new(MeaningNeighbourGrade, "meaning_neighbour_grade", FeatureFamily.Meaning, "similarity-weighted mean grade the judges gave it for the judged requests nearest this one by meaning"),
        new(MeaningNeighbourLevelGrade, "meaning_neighbour_level_grade", FeatureFamily.Meaning, "the same over those asked at the same level (or none); the all-level mean when there are none"),
        new(MeaningNeighbourIdealShare, "meaning_neighbour_ideal_share", FeatureFamily.Meaning, "similarity-weighted share of those requests where it was the one to hand out first"),
        new(MeaningNeighbourNearest, "meaning_neighbour_nearest", FeatureFamily.Meaning, "cosine by meaning of the request with the nearest judged request"),
    ];

    public static int Count => All.Count;

    public static IEnumerable<int> IndicesOf(FeatureFamily family) => All.Where(f => f.Family == family).Select(f => f.Index);
}
