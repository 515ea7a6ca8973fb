using Bot.Application.Training;
using Bot.Catalog;
using Bot.Recommendation.Conversation;

namespace Bot.Application.Tests.Training;

/// <summary>The level comparison (issue 9): its metric, its level-name baseline, its folds and what it trains on.</summary>
public sealed class LevelModelTrainerTests : IDisposable
{
    private readonly string _judgments = Path.Combine(Path.GetTempPath(), "level-judgments-" + Guid.NewGuid().ToString("N"));

    public LevelModelTrainerTests()
    {
        Write("messages.yaml", """
            messages:
              - { text: "raft for a total beginner?", expect: recommend, level: beginner, topics: [consensus] }
              - { text: "lunch anyone?", expect: none }
            """);
        Write("Holdout/messages.yaml", "messages: []\n");
        Write("Training/messages.yaml", """
            messages:
              - { text: "what should I read on kafka?", expect: recommend, topics: [streaming-and-logs] }
              - { text: "where is the raft paper", expect: paper, paper: raft }
            """);
        Write("Training2/messages.yaml", """
            messages:
              - { text: "grad student here, rigorous consensus theory please", expect: recommend, level: advanced, topics: [consensus] }
            """);
        Write("recommend.yaml", """
            queries:
              - { input: "/recommend consensus beginner", topics: [consensus], level: beginner }
              - { input: "Raft for a total beginner?", topics: [consensus], level: beginner }
            """);
        Write("Training/recommend.yaml", """
            queries:
              - { input: "I already run kafka in prod, what next", topics: [streaming-and-logs], level: intermediate }
            """);
        Write("Holdout/recommend.yaml", "queries: []\n");
        Write("Training2/recommend.yaml", "queries: []\n");
        Write("Training3/recommend.yaml", """
            queries:
              - { input: "storage engines reading", topics: [storage] }
            """);
        Write("Training4/messages.yaml", "messages: []\n");
        Write("Training4/recommend.yaml", "queries: []\n");
        Write("Holdout2/messages.yaml", """
            messages:
              - { text: "held out: new to paxos, what to read", expect: recommend, level: beginner, topics: [consensus] }
            """);
        Write("Holdout2/recommend.yaml", """
            queries:
              - { input: "held out: paxos deep dive", topics: [consensus], level: advanced }
            """);

        // Every other training set the trainer reads is there and empty, so a set added later needs no edit here.
        foreach (var file in IntentModelTrainer.TrainingFiles.Concat(IntentModelTrainer.RequestFolders.Select(folder => Path.Combine(folder, "recommend.yaml"))))
        {
            if (!File.Exists(Path.Combine(_judgments, file)))
            {
                Write(file, file.EndsWith("messages.yaml", StringComparison.Ordinal) ? "messages: []\n" : "queries: []\n");
            }
        }
    }

    public void Dispose() => Directory.Delete(_judgments, recursive: true);

    [Fact]
    public void Training_requests_are_the_reading_requests_of_the_training_sets_once_each_with_their_set()
    {
        // In the intent model's order (IntentModelTrainer.TrainingFiles, then RequestFolders); a /recommend input that
        // repeats a message, or is a slash command, is not a second request; chatter, paper lookups and Holdout2 are none.
        ReadsTheTrainingRequests();
    }

    private void ReadsTheTrainingRequests()
    {
        var requests = LevelModelTrainer.LoadRequests(_judgments);

        Assert.Equal(
            [
                ("what should I read on kafka?", (Level?)null, "Training/messages.yaml"),
                ("raft for a total beginner?", Level.Beginner, "messages.yaml"),
                ("grad student here, rigorous consensus theory please", Level.Advanced, "Training2/messages.yaml"),
                ("I already run kafka in prod, what next", Level.Intermediate, "Training/recommend.yaml"),
                ("storage engines reading", null, "Training3/recommend.yaml"),
            ],
            requests.Select(r => (r.Request.Text, r.Request.Level, r.Set)));
        Assert.DoesNotContain(requests, r => r.Request.Text.StartsWith("held out", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missed_level_costs_one_and_a_wrong_or_invented_level_two()
    {
        var metrics = LevelMetrics.Compute(
        [
            (Level.Beginner, Level.Beginner),
            (Level.Beginner, null),
            (Level.Advanced, Level.Beginner),
            (null, null),
            (null, Level.Advanced),
        ]);

        Assert.Equal(new LevelMetrics(Stated: 3, Right: 1, Missed: 1, Wrong: 1, Unstated: 2, Invented: 1), metrics);
        Assert.Equal(1.0 / 3, metrics.Accuracy, 9);
        Assert.Equal(0.5, metrics.InventedRate, 9);
        Assert.Equal((1 + 2 * (1 + 1)) / 5.0, metrics.Cost, 9);
    }

    [Theory]
    [InlineData("raft for beginners", Level.Beginner)]
    [InlineData("an intermediate book on storage", Level.Intermediate)]
    [InlineData("advnced paxos", Level.Advanced)]
    [InlineData("from beginner to advanced", Level.Advanced)]
    [InlineData("raft papers, not for beginners", null)]
    [InlineData("easy research papers on raft", null)]
    public void Level_names_are_a_level_said_by_its_name_not_negated(string text, Level? expected) =>
        Assert.Equal(expected, LevelModelTrainer.NamedLevel(text));

    [Fact]
    public void A_request_keeps_its_fold_whatever_its_case_and_punctuation()
    {
        LabelledMessage Request(string text) => new(text, MessageIntent.Recommend, null, Addressed: false, OtherLanguage: false);

        Assert.Equal(LevelModelTrainer.FoldOf(Request("Raft for beginners!")), LevelModelTrainer.FoldOf(Request("raft for beginners")));
        Assert.InRange(LevelModelTrainer.FoldOf(Request("anything on kafka")), 0, LevelModelTrainer.Folds - 1);
    }

    [Theory]
    [InlineData("  Raft for beginners! ")]
    [InlineData("anything on kafka")]
    [InlineData("@bot what should I read about gossip?")]
    public void A_judged_request_falls_in_the_fold_of_the_labelled_message_with_its_words(string input)
    {
        var message = LabelledMessage.FromJudgedRequest(input, null)!;

        Assert.Equal(LevelModelTrainer.FoldOf(message), LevelModelTrainer.FoldOf(input));
    }

    [Fact]
    public void Every_request_is_read_once_by_a_model_that_did_not_train_on_it_and_the_run_repeats()
    {
        var requests = Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            new LabelledMessage($"totally new to topic {i}, where to start", MessageIntent.Recommend, Level.Beginner, false, false),
            new LabelledMessage($"grad student preparing quals on topic {i}", MessageIntent.Recommend, Level.Advanced, false, false),
            new LabelledMessage($"what to read on topic {i}", MessageIntent.Recommend, null, false, false),
        }).ToList();
        var parser = FixtureCatalog.Engine.Parser;

        var first = LevelModelTrainer.CrossValidate(requests, parser, IntentTrainerKind.SdcaMaximumEntropy);
        var second = LevelModelTrainer.CrossValidate(requests, parser, IntentTrainerKind.SdcaMaximumEntropy);

        Assert.Equal(requests, first.Select(o => o.Message));
        Assert.Equal(first.Select(o => o.Model), second.Select(o => o.Model));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_judgments, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
