using Bot.Catalog;
using Bot.Recommendation;

namespace Bot.Testing;

/// <summary>A small hand-made catalog whose expected rankings can be reasoned about by hand.</summary>
internal static class FixtureCatalog
{
    public static readonly IReadOnlyList<Topic> Topics =
    [
        new Topic { Id = "consensus", Name = "Consensus", Description = "Agreement.", Aliases = ["agreement", "paxos", "raft", "leader election", "quorum"] },
        new Topic { Id = "replication", Name = "Replication", Description = "Copies.", Aliases = ["replicas", "primary backup", "chain replication"] },
        new Topic { Id = "byzantine-fault-tolerance", Name = "Byzantine fault tolerance", Description = "Liars.", Aliases = ["byzantine", "bft", "pbft"] },
        new Topic { Id = "storage", Name = "Storage", Description = "Disks.", Aliases = ["lsm", "b-tree", "file system"] },
        new Topic { Id = "streaming-and-logs", Name = "Streaming and logs", Description = "Logs.", Aliases = ["kafka", "stream processing", "event sourcing"] },
        new Topic { Id = "fundamentals", Name = "Fundamentals", Description = "Basics.", Aliases = ["fallacies"] },
    ];

    public static readonly IReadOnlyList<Source> Sources =
    [
        new Source { Id = "list-a", Name = "List A" },
        new Source { Id = "list-b", Name = "List B" },
        new Source { Id = "list-c", Name = "List C" },
    ];

    public static Resource Make(
        string id, string title, ResourceKind kind, Level level, string[] topics, string summary,
        string[]? nicknames = null, string[]? authors = null, int? year = 2015, string[]? recommendedBy = null,
        string[]? prerequisites = null, string[]? next = null, string[]? concepts = null) => new()
    {
        Id = id,
        Title = title,
        Authors = authors ?? ["Ada Example"],
        Year = year,
        Kind = kind,
        Level = level,
        Topics = topics,
        Summary = summary,
        Url = $"https://example.org/{id}",
        Nicknames = nicknames ?? [],
        Concepts = concepts ?? [],
        RecommendedBy = recommendedBy ?? [],
        Prerequisites = prerequisites ?? [],
        Next = next ?? [],
    };

    public static ReadingCatalog Create()
    {
        Resource[] resources =
        [
            Make("raft-paper", "In Search of an Understandable Consensus Algorithm", ResourceKind.Paper, Level.Intermediate, ["consensus", "replication"],
                "The Raft paper: a consensus algorithm for managing a replicated log, designed to be easier to understand than Paxos.",
                nicknames: ["raft"], authors: ["Diego Ongaro", "John Ousterhout"], year: 2014, recommendedBy: ["list-a", "list-b"], prerequisites: ["raft-visual"], next: ["paxos-simple"]),
            Make("raft-dissertation", "Consensus: Bridging Theory and Practice", ResourceKind.Paper, Level.Advanced, ["consensus"],
                "Ongaro's dissertation on Raft with proofs, membership changes and log compaction in depth.",
                nicknames: ["raft thesis"], authors: ["Diego Ongaro"], year: 2014),
            Make("raft-visual", "The Secret Lives of Data: Raft", ResourceKind.Tool, Level.Beginner, ["consensus"],
                "An animated walk through Raft leader election and log replication for newcomers.", nicknames: ["secret lives of data"]),
            Make("consensus-book", "Consensus for Newcomers", ResourceKind.Book, Level.Beginner, ["consensus", "fundamentals"],
                "A gentle book that introduces agreement, quorums and leader election with simple examples.", recommendedBy: ["list-a"]),
            Make("consensus-talk", "Understanding Consensus in One Hour", ResourceKind.Talk, Level.Beginner, ["consensus"],
                "A friendly conference talk that explains why agreement is hard and how Raft and Paxos achieve it."),
            Make("paxos-simple", "Paxos Made Simple", ResourceKind.Paper, Level.Intermediate, ["consensus"],
                "Lamport's short plain-English explanation of the Paxos consensus algorithm.",
                nicknames: ["paxos made simple"], authors: ["Leslie Lamport"], year: 2001, recommendedBy: ["list-a", "list-b", "list-c"]),
            Make("part-time-parliament", "The Part-Time Parliament", ResourceKind.Paper, Level.Advanced, ["consensus"],
                "The original Paxos paper, told as the story of a Greek parliament; dense and formal.",
                nicknames: ["paxos", "part time parliament"], authors: ["Leslie Lamport"], year: 1998, recommendedBy: ["list-b"]),
            Make("paxos-live", "Paxos Made Live: An Engineering Perspective", ResourceKind.Paper, Level.Intermediate, ["consensus", "replication"],
                "Google's account of turning Paxos into a production system and the engineering problems on the way.",
                nicknames: ["paxos made live"], authors: ["Tushar Chandra", "Robert Griesemer", "Joshua Redstone"], year: 2007),
            Make("lamport-clocks", "Time, Clocks, and the Ordering of Events in a Distributed System", ResourceKind.Paper, Level.Intermediate, ["fundamentals"],
                "Defines happened-before and logical clocks, the basis for ordering events without a shared clock.",
                nicknames: ["lamport clocks"], authors: ["Leslie Lamport"], year: 1978, recommendedBy: ["list-a", "list-c"]),
            Make("pbft", "Practical Byzantine Fault Tolerance", ResourceKind.Paper, Level.Advanced, ["byzantine-fault-tolerance", "replication"],
                "A replication protocol that tolerates malicious replicas with good performance.",
                nicknames: ["pbft"], authors: ["Miguel Castro", "Barbara Liskov"], year: 1999),
            Make("byzantine-intro", "Byzantine Faults Explained", ResourceKind.Blog, Level.Beginner, ["byzantine-fault-tolerance"],
                "A blog post that explains lying nodes and why Byzantine agreement needs more replicas."),
            Make("chain-replication", "Chain Replication for Supporting High Throughput and Availability", ResourceKind.Paper, Level.Intermediate, ["replication"],
                "Replicas arranged in a chain give strong consistency with high throughput.", nicknames: ["chain replication"], authors: ["Robbert van Renesse", "Fred B. Schneider"], year: 2004),
            Make("replication-book", "Replication: Theory and Practice", ResourceKind.Book, Level.Advanced, ["replication"],
                "An edited volume that surveys decades of replication research.", year: 2010),
            Make("replication-course", "Replication Course", ResourceKind.Course, Level.Beginner, ["replication"],
                "A short course that introduces primary-backup replication and failover to beginners."),
            Make("lsm", "The Log-Structured Merge-Tree", ResourceKind.Paper, Level.Advanced, ["storage"],
                "Introduces the LSM-tree, a disk structure for write-heavy workloads.", nicknames: ["lsm tree"], authors: ["Patrick O'Neil"], year: 1996,
                concepts: ["write amplification", "tombstones piling up"]),
            Make("storage-book", "Storage Engines Explained", ResourceKind.Book, Level.Beginner, ["storage"],
                "A readable book on B-trees, LSM trees and write-ahead logs."),
            Make("kafka-log", "The Log: What Every Engineer Should Know", ResourceKind.Blog, Level.Beginner, ["streaming-and-logs"],
                "A long blog post on the log as the unifying abstraction of data systems and Kafka.", nicknames: ["the log"]),
            Make("fallacies", "Fallacies of Distributed Computing", ResourceKind.Article, Level.Beginner, ["fundamentals"],
                "Eight false assumptions newcomers make about networks.", nicknames: ["fallacies"]),
        ];
        return new ReadingCatalog(resources, Topics, Sources, [new TopicConfusion { Terms = ["consensus", "consistency"], Note = "Different things." }]);
    }

    // No topic model, no level model and no judged priors: the shipped ones learned the real requests and the real
    // catalog's grades, and what the fixture's requests mean must not move when they are retrained.
    // TopicModelTrainerTests train a topic model on this catalog; LevelEngine has a level model trained on LevelRequests.
    // Word vectors of its own for the same reason (WordVectors).
    private static readonly Lazy<RecommendationEngine> SharedEngine = new(() => EngineWith(Bot.Recommendation.Ranking.RankingOptions.Default));

    /// <summary>An engine like <see cref="Engine"/> that ranks with other options.</summary>
    public static RecommendationEngine EngineWith(Bot.Recommendation.Ranking.RankingOptions options) => new(
        Create(), WithoutPriors, options, topicModel: Bot.Recommendation.Understanding.TopicModel.None, levelModel: Bot.Recommendation.Understanding.LevelModel.None,
        wordVectors: WordVectors);

    /// <summary>
    /// Word vectors as if a sentence encoder placed each fixture resource's text at its primary topic (one dimension
    /// per topic): a word then means the topics of the resources that use it.
    /// </summary>
    public static Bot.Featurization.WordVectors WordVectors { get; } = Bot.Featurization.WordVectors.Build(
        [.. Create().Resources.Select(r => (r.Title + " " + r.Summary, Topics.Select(t => t.Id == r.PrimaryTopic ? 1f : 0f).ToArray()))]);

    private static Bot.Recommendation.Ranking.RankerModel WithoutPriors => Bot.Recommendation.Ranking.RankerModel.Bundled.WithPriors(Bot.Recommendation.Ranking.JudgedPriors.Empty);

    public static RecommendationEngine Engine => SharedEngine.Value;

    /// <summary>
    /// Requests in words readers use for their level, none of them a level phrase (null: no level stated): each way
    /// of saying it about each of a few subjects, the fixture level model's training text.
    /// </summary>
    public static IReadOnlyList<(string Text, Level? Level)> LevelRequests { get; } =
    [
        .. new (string Template, Level? Level)[]
        {
            ("totally clueless about {0}, what do I read first", Level.Beginner),
            ("confused by {0}, need something kind and short", Level.Beginner),
            ("my first week touching {0}, nothing heavy please", Level.Beginner),
            ("never heard of {0} until today, what to read", Level.Beginner),
            ("I run {0} in prod, what next?", Level.Intermediate),
            ("use {0} at work daily, what now", Level.Intermediate),
            ("been operating {0} for a couple of years, what should I read", Level.Intermediate),
            ("grad student preparing quals, reading on {0}", Level.Advanced),
            ("doctoral candidate reading on {0}", Level.Advanced),
            ("the correctness proofs behind {0}, lemmas welcome", Level.Advanced),
            ("where can I read about {0}?", null),
            ("any good books on {0}?", null),
            ("can someone recommend a talk about {0}", null),
            ("reading list for {0}", null),
        }.SelectMany(cue => new[] { "raft", "replication", "kafka", "storage engines", "paxos", "leader election" }
            .Select(subject => (string.Format(System.Globalization.CultureInfo.InvariantCulture, cue.Template, subject), cue.Level))),
    ];

    /// <summary>A level model trained on <paramref name="requests"/> the way the shipped one is (LevelModelTrainer).</summary>
    public static Bot.Recommendation.Understanding.LevelModel TrainLevelModel(IReadOnlyList<(string Text, Level? Level)> requests)
    {
        var messages = requests.Select(r => new Bot.Recommendation.Conversation.LabelledMessage(r.Text, Bot.Recommendation.Conversation.MessageIntent.Recommend, r.Level, Addressed: false, OtherLanguage: false)).ToList();
        var noFacts = new float[Bot.Recommendation.Conversation.MessageFacts.FeatureCount];
        return new Bot.Recommendation.Understanding.LevelModel(Bot.Recommendation.Conversation.IntentModelTrainer.Train(
            messages, Bot.Recommendation.Conversation.IntentTrainerKind.LightGbm, _ => noFacts, m => Bot.Recommendation.Understanding.LevelModel.Label(m.Level),
            Bot.Recommendation.Understanding.LevelModel.TrainingSettings));
    }

    /// <summary>The fixture level model, trained once on <see cref="LevelRequests"/>.</summary>
    public static Bot.Recommendation.Understanding.LevelModel LevelModel => SharedLevelModel.Value;

    /// <summary>The fixture engine with <see cref="LevelModel"/> reading the level where the level phrases find none.</summary>
    public static RecommendationEngine LevelEngine => SharedLevelEngine.Value;

    // Declared after LevelRequests, which they train on: static fields start in the order they are written.
    private static readonly Lazy<Bot.Recommendation.Understanding.LevelModel> SharedLevelModel = new(() => TrainLevelModel(LevelRequests));

    private static readonly Lazy<RecommendationEngine> SharedLevelEngine = new(() => new RecommendationEngine(
        Create(), WithoutPriors, topicModel: Bot.Recommendation.Understanding.TopicModel.None, levelModel: SharedLevelModel.Value));
}
