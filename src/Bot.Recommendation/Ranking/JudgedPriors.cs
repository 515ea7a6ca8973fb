using System.Globalization;
using System.Text;
using Bot.Catalog;

namespace Bot.Recommendation.Ranking;

/// <summary>
/// One judged request as the priors count it: the topics and level the judge meant, the grade of each item, and the
/// subject words the bot read in it (what <see cref="JudgedNeighbours"/> compares a new request with).
/// </summary>
public sealed record JudgedExample(IReadOnlyList<string> Topics, Level? Level, IReadOnlyDictionary<string, int> Grades, string Text = "");

/// <summary>
/// How the judges graded each item when readers asked about a topic (and a topic at a level): the mean grade over
/// every judged request on that topic, ungraded counting as 0, and how often the item was the one to hand out first.
/// It is the trained ranker's memory of what teachers give for a subject, learned from the same judgments as the
/// trees; the catalog's own marks (essential paths, lists recommending it) say it only where someone wrote them down.
/// </summary>
/// <remarks>
/// Built by <c>Bot model train</c> from the training judgments and shipped beside the ranker
/// (data/models/judged-priors.tsv, one judged request a line, from which the counts are made at load). While training, each request's features come from priors counted without its own
/// cross-validation fold, so the trees never learn from a prior that already holds the request's own grades.
/// </remarks>
public sealed class JudgedPriors
{
    /// <summary>The file's name in data/models and, prefixed, the resource's name inside this assembly.</summary>
    public const string FileName = "judged-priors.tsv";

    private const string AnyTopic = "*";
    private const string AnyLevel = "*";
    private const string NoLevel = "-";
    private const string Header = "# judged priors v2: one judged request a line: request <level> <topics,> <id:grade ...> <subject words>";

    private readonly Dictionary<(string Topic, string Level), Bucket> _buckets;

    private JudgedPriors(Dictionary<(string, string), Bucket> buckets, IReadOnlyList<JudgedExample> examples)
    {
        _buckets = buckets;
        Examples = examples;
    }

    /// <summary>No judgments: every prior feature is 0, as for a catalog nobody has judged.</summary>
    public static JudgedPriors Empty { get; } = new([], []);

    /// <summary>The judged requests counted, in their order.</summary>
    public IReadOnlyList<JudgedExample> Examples { get; }

    /// <summary>How many judged requests the priors were counted from.</summary>
    public int RequestCount => Examples.Count;

    public static JudgedPriors From(IEnumerable<JudgedExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples.ToList();
        var buckets = new Dictionary<(string, string), Bucket>();
        foreach (var example in list)
        {
            var level = LevelKey(example.Level);
            foreach (var key in Keys(example.Topics.Distinct(StringComparer.Ordinal), level))
            {
                var bucket = BucketOf(buckets, key);
                bucket.Requests++;
                foreach (var (id, grade) in example.Grades)
                {
                    if (grade > 0)
                    {
                        var (sum, ideals) = bucket.Grades.GetValueOrDefault(id);
                        bucket.Grades[id] = (sum + grade, ideals + (grade >= 3 ? 1 : 0));
                    }
                }
            }
        }

        return new JudgedPriors(buckets, list);
    }

    /// <summary>
    /// The priors of a request understood as <paramref name="topics"/> at <paramref name="level"/>, looked up once so
    /// that each candidate costs a few lookups by id.
    /// </summary>
    /// <param name="smoothing">Requests' worth of "graded 0" added to each count, so an item graded once on a rare bucket is not taken for the canon.</param>
    public RequestPriors For(IReadOnlyList<string> topics, Level? level, double smoothing)
    {
        var levelKey = LevelKey(level);
        var perTopic = new (Bucket? Topic, Bucket? TopicAtLevel)[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            perTopic[i] = (_buckets.GetValueOrDefault((topics[i], AnyLevel)), _buckets.GetValueOrDefault((topics[i], levelKey)));
        }

        return new RequestPriors(perTopic, _buckets.GetValueOrDefault((AnyTopic, AnyLevel)), _buckets.GetValueOrDefault((AnyTopic, levelKey)), smoothing);
    }

    /// <summary>The priors of one request (<see cref="For"/>).</summary>
    public sealed class RequestPriors
    {
        private readonly (Bucket? Topic, Bucket? TopicAtLevel)[] _topics;
        private readonly Bucket? _overall;
        private readonly Bucket? _overallAtLevel;
        private readonly double _smoothing;

        internal RequestPriors((Bucket?, Bucket?)[] topics, Bucket? overall, Bucket? overallAtLevel, double smoothing)
        {
            _topics = topics;
            _overall = overall;
            _overallAtLevel = overallAtLevel;
            _smoothing = smoothing;
        }

        /// <summary>The item's priors, written into the <see cref="FeatureFamily.Judged"/> slots of <paramref name="features"/>.</summary>
        public void Fill(string id, float[] features)
        {
            var smoothing = _smoothing;
            double bestTopic = 0, bestTopicLevel = 0, bestIdeal = 0;
            foreach (var (topic, topicAtLevel) in _topics)
            {
                var topicGrade = Mean(topic, id, smoothing, 0, out var topicIdeal);
                var levelGrade = Mean(topicAtLevel, id, smoothing, topicGrade, out _);
                bestTopic = Math.Max(bestTopic, topicGrade);
                bestTopicLevel = Math.Max(bestTopicLevel, levelGrade);
                bestIdeal = Math.Max(bestIdeal, topicIdeal);
            }

            var overall = Mean(_overall, id, smoothing, 0, out _);
            features[RankingFeatures.JudgedTopicGrade] = (float)bestTopic;
            features[RankingFeatures.JudgedTopicLevelGrade] = (float)(_topics.Length > 0 ? bestTopicLevel : Mean(_overallAtLevel, id, smoothing, overall, out _));
            features[RankingFeatures.JudgedIdealShare] = (float)bestIdeal;
            features[RankingFeatures.JudgedOverallGrade] = (float)overall;
        }

        // The smoothing's pseudo-requests carry the fallback's grade, so a thin bucket leans on the wider one.
        private static double Mean(Bucket? bucket, string id, double smoothing, double fallback, out double idealShare)
        {
            var requests = bucket?.Requests ?? 0;
            var (sum, ideals) = bucket is null ? default : bucket.Grades.GetValueOrDefault(id);
            var denominator = requests + smoothing;
            idealShare = denominator > 0 ? ideals / denominator : 0;
            return denominator > 0 ? (sum + smoothing * fallback) / denominator : 0;
        }
    }

    /// <summary>The judged requests of one topic (or all) at one level (or any), and each graded item's grade sum and ideal count.</summary>
    internal sealed class Bucket
    {
        public int Requests { get; set; }

        public Dictionary<string, (int Sum, int Ideals)> Grades { get; } = new(StringComparer.Ordinal);
    }

    private static Bucket BucketOf(Dictionary<(string, string), Bucket> buckets, (string, string) key)
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket();
            buckets[key] = bucket;
        }

        return bucket;
    }

    private static string LevelKey(Level? level) => level switch
    {
        Level.Beginner => "beginner",
        Level.Intermediate => "intermediate",
        Level.Advanced => "advanced",
        _ => NoLevel,
    };

    private static Level? LevelOf(string key) => key switch
    {
        "beginner" => Level.Beginner,
        "intermediate" => Level.Intermediate,
        "advanced" => Level.Advanced,
        NoLevel => null,
        _ => throw new FormatException($"'{key}' is not a level (beginner, intermediate, advanced or {NoLevel})."),
    };

    private static IEnumerable<(string Topic, string Level)> Keys(IEnumerable<string> topics, string level)
    {
        yield return (AnyTopic, AnyLevel);
        yield return (AnyTopic, level);
        foreach (var topic in topics)
        {
            yield return (topic, AnyLevel);
            yield return (topic, level);
        }
    }

    /// <summary>The priors as text: the judged requests, one a line in their order, so the same judgments give the same file.</summary>
    public string ToText()
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var example in Examples)
        {
            var grades = string.Join(' ', example.Grades.Where(g => g.Value > 0).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => FormattableString.Invariant($"{g.Key}:{g.Value}")));
            var words = string.Join(' ', example.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            text.Append(CultureInfo.InvariantCulture, $"request\t{LevelKey(example.Level)}\t{string.Join(',', example.Topics)}\t{grades}\t{words}\n");
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="ToText"/>'s output; throws <see cref="InvalidDataException"/> naming the line that is wrong.</summary>
    public static JudgedPriors Parse(TextReader reader, string origin)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var examples = new List<JudgedExample>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                examples.Add(line.Split('\t') is ["request", var level, var topics, var grades, var words]
                    ? new JudgedExample(topics.Split(',', StringSplitOptions.RemoveEmptyEntries), LevelOf(level), GradesOf(grades), words)
                    : throw new FormatException("expected 'request' and 4 tab-separated cells"));
            }
            catch (FormatException error)
            {
                throw new InvalidDataException($"{origin} line {number} is not a judged request ({error.Message}). Rebuild it with `Bot model train`.", error);
            }
        }

        return From(examples);
    }

    private static Dictionary<string, int> GradesOf(string cell)
    {
        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in cell.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = pair.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(pair.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade is < 1 or > 3
                || !grades.TryAdd(pair[..colon], grade))
            {
                throw new FormatException($"'{pair}' is not a new id:grade with a grade of 1 to 3");
            }
        }

        return grades;
    }
}
