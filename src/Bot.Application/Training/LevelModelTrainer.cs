using System.Globalization;
using System.Text;
using Bot.Catalog;
using Bot.Application.Judgments;
using Bot.Featurization;
using Bot.Recommendation;
using Bot.Recommendation.Conversation;
using Bot.Recommendation.Understanding;

namespace Bot.Application.Training;

/// <summary>
/// One training request under cross-validation: the level it states (null: none), what the bot's level phrases read
/// (the query parser), the level a word of it names ("beginner", "advanced", misspelt too), and what a level model
/// trained without its fold reads.
/// </summary>
public sealed record LevelOutcome(LabelledMessage Message, Level? Rules, Level? Named, LevelPrediction Model);

/// <summary>How well a way of reading the level did: right where one is stated, and a level given where none is.</summary>
public sealed record LevelMetrics(int Stated, int Right, int Missed, int Wrong, int Unstated, int Invented)
{
    public double Accuracy => Stated == 0 ? 0 : (double)Right / Stated;

    public double InventedRate => Unstated == 0 ? 0 : (double)Invented / Unstated;

    /// <summary>
    /// Errors weighed per request: a stated level missed (read as none) costs 1, a wrong level or one invented where
    /// none is stated costs 2. A wrong level moves the whole list to the wrong difficulty, while none leaves the
    /// ranker's level-neutral order, which is only less fitted; so a wrong level is worse than none.
    /// </summary>
    public double Cost => Stated + Unstated == 0 ? 0 : (Missed + 2.0 * (Wrong + Invented)) / (Stated + Unstated);

    public static LevelMetrics Compute(IEnumerable<(Level? Stated, Level? Read)> outcomes)
    {
        int stated = 0, right = 0, missed = 0, wrong = 0, unstated = 0, invented = 0;
        foreach (var (expected, read) in outcomes)
        {
            if (expected is null)
            {
                unstated++;
                invented += read is null ? 0 : 1;
                continue;
            }

            stated++;
            right += read == expected ? 1 : 0;
            missed += read is null ? 1 : 0;
            wrong += read is not null && read != expected ? 1 : 0;
        }

        return new LevelMetrics(stated, right, missed, wrong, unstated, invented);
    }

    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"right where stated {Accuracy:F3} ({Right}/{Stated}; missed {Missed}, wrong {Wrong}); invented {InventedRate:P1} ({Invented}/{Unstated}); cost {Cost:F3}");
}

/// <summary>
/// Trains and measures the level model (<see cref="LevelModel"/>, issue 9): a text classifier over four classes (the
/// three levels and "unstated") trained on the reading requests among the intent model's training text (the labelled
/// messages of the training files and the judged /recommend free text; never Holdout2 or Holdout3), compared on the
/// same folds with the phrases, with the level names alone and with combinations (`Bot model compare-level`). The
/// bot ships "level phrases, else model ≥ <see cref="MessageClassifierOptions.DefaultLevelThreshold"/>", the lowest
/// cost on 2026-12-05 (tests/Bot.Benchmarks/RESULTS.md); `Bot model train` writes data/models/level.zip with
/// <see cref="Train"/> on all the requests. Deterministic: the intent trainer's fixed seed and one thread, and folds
/// chosen by a hash of each request's normalised text, so that a request repeated in two files is never on both sides.
/// </summary>
public static class LevelModelTrainer
{
    public const int Folds = 5;

    private static readonly HashSet<string> NegatingWords = new(StringComparer.Ordinal) { "not", "no", "nothing", "isnt", "dont", "without" };

    private static readonly HashSet<string> NegationFillers = new(StringComparer.Ordinal) { "the", "a", "an", "for", "that", "so", "too", "very", "really", "just", "any", "more" };

    /// <summary>
    /// LightGBM over the word and character n-grams, with the intent model's settings: on 2026-12-04 it read 0.768
    /// of the stated levels on the 5-fold cross-validation and 0.926 on the sets the phrases never saw, against
    /// 0.676 and 0.553 for maximum entropy, which mostly answered "unstated".
    /// </summary>
    public const IntentTrainerKind Trainer = IntentTrainerKind.LightGbm;

    /// <summary>
    /// The training sets written after the level phrases were last changed (2026-12-04 16:13 UTC; these sets came
    /// 16:52–17:31): the phrases never saw them, so on them the phrases are measured as fairly as a model that is
    /// trained without them. On the other sets the phrases were written while reading the requests, and a
    /// cross-validation there flatters them.
    /// </summary>
    public static IReadOnlyList<string> SetsUnseenByThePhrases { get; } = ["Training2/messages.yaml", "Training2/recommend.yaml", "Training3/recommend.yaml", "Training4/messages.yaml", "Training4/recommend.yaml"];

    /// <summary>
    /// The reading requests among the intent model's training text, each with the file it came from: the labelled
    /// messages' requests, then the judged /recommend free text no message already says (as <see cref="IntentModelTrainer.LoadTraining"/>).
    /// </summary>
    public static IReadOnlyList<(LabelledMessage Request, string Set)> LoadRequests(string judgmentsDirectory)
    {
        var requests = new List<(LabelledMessage, string)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in IntentModelTrainer.TrainingFiles)
        {
            foreach (var message in LabelledMessageReader.Read(Path.Combine(judgmentsDirectory, file)))
            {
                seen.Add(message.Text);
                if (message.Intent == MessageIntent.Recommend)
                {
                    requests.Add((message, file));
                }
            }
        }

        foreach (var folder in IntentModelTrainer.RequestFolders)
        {
            var set = JudgmentLoader.RecommendSetName(folder);
            foreach (var judgment in JudgmentLoader.LoadRecommend(Path.Combine(judgmentsDirectory, folder)))
            {
                if (LabelledMessage.FromJudgedRequest(judgment.Input, judgment.Level) is { } request && seen.Add(request.Text))
                {
                    requests.Add((request, set));
                }
            }
        }

        return requests;
    }

    /// <summary>A level model trained on <paramref name="requests"/>; the shipped one is all of <see cref="LoadRequests"/>, in order.</summary>
    /// <param name="meaning">The word vectors the model reads each request's meaning with; null for the text alone.</param>
    public static LevelModel Train(IReadOnlyList<LabelledMessage> requests, IntentTrainerKind kind = Trainer, WordVectors? meaning = null) =>
        new(IntentModelTrainer.TrainText(requests, kind, m => LevelModel.Label(m.Level), LevelModel.TrainingSettings, meaning), meaning);

    /// <summary>The shipped level model: trained on every training request of <paramref name="judgmentsDirectory"/>.</summary>
    public static LevelModel TrainShipped(string judgmentsDirectory) => Train(LoadRequests(judgmentsDirectory).Select(r => r.Request).ToList());

    /// <summary>
    /// The level a word of <paramref name="text"/> names: a level's name or its plural, or a misspelling within the
    /// fuzzy matcher's typo allowance, not negated ("not for beginners"); the later of two wins.
    /// </summary>
    public static Level? NamedLevel(string text)
    {
        var tokens = TextAnalyzer.Tokens(text);
        Level? named = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            var negated = (i >= 1 && NegatingWords.Contains(tokens[i - 1]))
                || (i >= 2 && NegatingWords.Contains(tokens[i - 2]) && NegationFillers.Contains(tokens[i - 1]));
            if (!negated && Name(tokens[i]) is { } level)
            {
                named = level;
            }
        }

        return named;

        static Level? Name(string token)
        {
            if (token.Length <= 4)
            {
                return null;
            }

            foreach (var level in Enum.GetValues<Level>())
            {
                var name = LevelVocabulary.Name(level);
                var typos = FuzzyMatcher.AllowedTypos(name.Length);
                if (token == name + "s" || FuzzyMatcher.EditDistance(token, name, typos + 1) <= typos)
                {
                    return level;
                }
            }

            return null;
        }
    }

    /// <summary>The fold of a request: a stable hash (FNV-1a) of its normalised text, the same on every machine and run.</summary>
    public static int FoldOf(LabelledMessage message) => FoldOf(message.Text);

    /// <summary>The fold of a request's text (<see cref="FoldOf(LabelledMessage)"/>): a judged request falls in the fold of the labelled message with its words.</summary>
    public static int FoldOf(string text)
    {
        var hash = 2166136261u;
        foreach (var c in TextAnalyzer.Normalize(IntentModel.ModelText(text.Trim())))
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Folds);
    }

    /// <summary>Each request's level read by a model trained on the other folds, beside the exact words and the phrase rules.</summary>
    /// <param name="parser">Reads the level phrases.</param>
    /// <param name="meaning">The word vectors the models read meaning with; null for the text alone.</param>
    public static IReadOnlyList<LevelOutcome> CrossValidate(IReadOnlyList<LabelledMessage> requests, QueryParser parser, IntentTrainerKind kind = Trainer, WordVectors? meaning = null)
    {
        var folds = requests.Select(FoldOf).ToArray();
        var predictions = new LevelPrediction[requests.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var model = Train(requests.Where((_, i) => folds[i] != fold).ToList(), kind, meaning);
            for (var i = 0; i < requests.Count; i++)
            {
                if (folds[i] == fold)
                {
                    predictions[i] = model.Predict(requests[i].Text);
                }
            }
        }

        return requests.Select((m, i) => Outcome(m, predictions[i], parser)).ToList();
    }

    /// <summary>
    /// Each set unseen by the phrases (<see cref="SetsUnseenByThePhrases"/>) predicted by a model trained on every
    /// other request: the comparison in which neither the phrases nor the model have seen the requests they read.
    /// </summary>
    public static IReadOnlyList<LevelOutcome> LeaveUnseenSetsOut(IReadOnlyList<(LabelledMessage Request, string Set)> requests, QueryParser parser, IntentTrainerKind kind = Trainer, WordVectors? meaning = null)
    {
        var outcomes = new List<LevelOutcome>();
        foreach (var set in SetsUnseenByThePhrases)
        {
            var model = Train(requests.Where(r => r.Set != set).Select(r => r.Request).ToList(), kind, meaning);
            outcomes.AddRange(requests.Where(r => r.Set == set).Select(r => Outcome(r.Request, model.Predict(r.Request.Text), parser)));
        }

        return outcomes;
    }

    private static LevelOutcome Outcome(LabelledMessage request, LevelPrediction reading, QueryParser parser)
    {
        var normalized = TextAnalyzer.Normalize(IntentModel.ModelText(request.Text));
        return new LevelOutcome(request, parser.Parse(normalized).Level, NamedLevel(normalized), reading);
    }

    /// <summary>The ways of reading the level compared on the same folds: (a) the phrases, (b) the model, (c) combinations, the bot's marked.</summary>
    public static IReadOnlyList<(string Name, Func<LevelOutcome, Level?> Read)> Strategies(IEnumerable<float> thresholds)
    {
        var strategies = new List<(string, Func<LevelOutcome, Level?>)>
        {
            ("(a) level phrases alone", o => o.Rules),
            ("level names alone", o => o.Named),
            ("(b) model alone", o => o.Model.Level),
            ("(c) level names, else model", o => o.Named ?? o.Model.Level),
            ("(c) level phrases, else model", o => o.Rules ?? o.Model.Level),
        };
        foreach (var threshold in thresholds)
        {
            var t = threshold;
            strategies.Add((string.Create(CultureInfo.InvariantCulture, $"(c) level names, else model ≥ {t:F2}"), o => o.Named ?? Confident(o.Model, t)));
            strategies.Add((string.Create(CultureInfo.InvariantCulture, $"(c) level phrases, else model ≥ {t:F2}{(t == MessageClassifierOptions.DefaultLevelThreshold ? " (the bot)" : "")}"), o => o.Rules ?? Confident(o.Model, t)));
        }

        return strategies;
    }

    public static Level? Confident(LevelPrediction reading, float threshold) => reading.Confidence >= threshold ? reading.Level : null;

    /// <summary>The level as the bot reads it (<see cref="MessageClassifier.ReadLevel"/>): the phrases', else the model's at the shipped threshold.</summary>
    public static Level? AsTheBotReads(LevelOutcome outcome) => outcome.Rules ?? Confident(outcome.Model, MessageClassifierOptions.DefaultLevelThreshold);

    public static string FormatComparison(IReadOnlyList<LevelOutcome> outcomes, IEnumerable<(string Name, Func<LevelOutcome, Level?> Read)> strategies)
    {
        var text = new StringBuilder();
        text.AppendLine("| reading | right where stated | missed | wrong | invented where none | cost |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, read) in strategies)
        {
            var m = LevelMetrics.Compute(outcomes.Select(o => (o.Message.Level, read(o))));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Accuracy:F3} ({m.Right}/{m.Stated}) | {m.Missed} | {m.Wrong} | {m.InventedRate:P1} ({m.Invented}/{m.Unstated}) | {m.Cost:F3} |");
        }

        return text.ToString();
    }
}
