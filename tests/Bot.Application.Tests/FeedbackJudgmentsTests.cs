using Bot.Application.Judgments;
using Bot.Application.Readers;
using Bot.Application.Training;
using Bot.Catalog;
using Bot.Storage;

namespace Bot.Application.Tests;

/// <summary>
/// Feedback votes, cast through the reader features into a real SQLite file, become graded judgments for the ranker
/// (<c>Bot model train --with-feedback</c>).
/// </summary>
public sealed class FeedbackJudgmentsTests : IAsyncLifetime
{
    private const ulong StudyGroup = 77;
    private const ulong PrivateServer = 88;
    private static readonly ReadingCatalog Catalog = FixtureCatalog.Create();
    private static readonly Lazy<ReadingAssistant> Assistant = new(() => new ReadingAssistant(FixtureCatalog.Engine));

    private ReaderStoreFixture _fixture = null!;
    private ReaderAssistant _readers = null!;

    public async Task InitializeAsync()
    {
        _fixture = await ReaderStoreFixture.CreateAsync();
        _readers = _fixture.Readers(Assistant.Value);
        await AllowTraining(StudyGroup, true);
        await AllowTraining(PrivateServer, false);
    }

    public Task DisposeAsync() => _fixture.DisposeAsync().AsTask();

    private Task AllowTraining(ulong server, bool allowed) =>
        _fixture.Servers.SaveConfigAsync(ServerConfig.Default(server) with { TrainingOptIn = allowed }, CancellationToken.None);

    private async Task Vote(ulong reader, ulong? server, string itemId, FeedbackChoice choice, string[] topics, Level? level, int rank = 1)
    {
        var reply = await _readers.VoteAsync(new ReaderContext(reader, server, 5), new FeedbackRequest(itemId, choice, topics, level, null, 1, rank), CancellationToken.None);
        Assert.Equal(Intent.Feedback, reply.Intent);
    }

    private Task<FeedbackConversion> Convert(FeedbackGradingOptions? options = null) =>
        FeedbackJudgments.LoadAsync(_fixture.Store, Catalog, options, CancellationToken.None);

    [Fact]
    public async Task Votes_on_a_request_become_grades_by_choice_agreement_and_the_requests_level()
    {
        string[] consensus = ["consensus"];
        foreach (var reader in new ulong[] { 1, 2, 3 })
        {
            await Vote(reader, StudyGroup, "raft-visual", FeedbackChoice.Useful, consensus, Level.Beginner);
        }

        await Vote(1, StudyGroup, "consensus-book", FeedbackChoice.Useful, consensus, Level.Beginner, rank: 2);
        await Vote(2, StudyGroup, "part-time-parliament", FeedbackChoice.TooHard, consensus, Level.Beginner, rank: 3); // advanced: misses the level asked
        await Vote(3, StudyGroup, "consensus-talk", FeedbackChoice.TooEasy, consensus, Level.Beginner, rank: 4);        // beginner: the reader knows more
        await Vote(1, StudyGroup, "paxos-simple", FeedbackChoice.NotForMe, consensus, Level.Beginner, rank: 5);
        await Vote(1, StudyGroup, "paxos-live", FeedbackChoice.Useful, consensus, Level.Beginner, rank: 6);              // one useful against two dismissals
        await Vote(2, StudyGroup, "paxos-live", FeedbackChoice.NotForMe, consensus, Level.Beginner, rank: 6);
        await Vote(3, StudyGroup, "paxos-live", FeedbackChoice.NotForMe, consensus, Level.Beginner, rank: 6);
        await Vote(4, StudyGroup, "raft-paper", FeedbackChoice.TooHard, consensus, null);                                 // no level asked: still on topic

        // A request with two votes is below the default minimum of three.
        await Vote(1, StudyGroup, "chain-replication", FeedbackChoice.Useful, ["replication"], null);
        await Vote(2, StudyGroup, "chain-replication", FeedbackChoice.Useful, ["replication"], null);

        var conversion = await Convert();

        var judgment = Assert.Single(conversion.Judgments, j => j.Input == "/recommend consensus beginner");
        Assert.Equal(["consensus"], judgment.Topics);
        Assert.Equal(Level.Beginner, judgment.Level);
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["raft-visual"] = Grades.Ideal,
                ["consensus-book"] = Grades.Good,
                ["part-time-parliament"] = 0,
                ["consensus-talk"] = Grades.Acceptable,
                ["paxos-simple"] = 0,
                ["paxos-live"] = 0,
            },
            judgment.Grades.ById);
        Assert.Equal(2, conversion.RequestsBelowMinimum); // "/recommend consensus" has one vote, "/recommend replication" two
        Assert.DoesNotContain(conversion.Judgments, j => j.Input == "/recommend replication");
        Assert.Equal(3, conversion.GradedItems);

        // With a minimum of one, the single "too hard" on a level-less request is acceptable.
        var lenient = await Convert(new FeedbackGradingOptions { MinimumVotes = 1 });
        Assert.Equal(Grades.Acceptable, Assert.Single(lenient.Judgments, j => j.Input == "/recommend consensus").Grades.Of("raft-paper"));
        Assert.Equal(Grades.Ideal, Assert.Single(lenient.Judgments, j => j.Input == "/recommend replication").Grades.Of("chain-replication"));
    }

    [Fact]
    public async Task A_server_that_disallows_training_and_direct_messages_contribute_nothing()
    {
        foreach (var reader in new ulong[] { 1, 2, 3, 4 })
        {
            await Vote(reader, PrivateServer, "lsm", FeedbackChoice.Useful, ["storage"], null);
            await Vote(reader, null, "storage-book", FeedbackChoice.Useful, ["storage"], null);
        }

        var none = await Convert(new FeedbackGradingOptions { MinimumVotes = 1 });
        Assert.Equal(0, none.Votes);
        Assert.Empty(none.Judgments);

        // Other readers' votes in the study group count; when it withdraws its consent they stop counting.
        foreach (var reader in new ulong[] { 11, 12, 13 })
        {
            await Vote(reader, StudyGroup, "lsm", FeedbackChoice.Useful, ["storage"], null);
        }

        var allowed = await Convert();
        Assert.Equal(3, allowed.Votes);
        Assert.Equal(Grades.Ideal, Assert.Single(allowed.Judgments).Grades.Of("lsm"));

        await AllowTraining(StudyGroup, false);
        Assert.Empty((await Convert(new FeedbackGradingOptions { MinimumVotes = 1 })).Judgments);
    }

    [Fact]
    public void Votes_on_items_that_left_the_catalog_are_dropped_and_do_not_count_towards_the_minimum()
    {
        var at = DateTimeOffset.UnixEpoch;
        FeedbackVote Cast(ulong reader, string item) => new(reader, item, "/recommend storage", FeedbackChoice.Useful, "/recommend storage", 1, 1, StudyGroup, at);

        var conversion = FeedbackJudgments.Convert([Cast(1, "lsm"), Cast(2, "lsm"), Cast(3, "gone-item")], Catalog);

        Assert.Empty(conversion.Judgments);
        Assert.Equal(1, conversion.VotesOnUnknownItems);
        Assert.Equal(1, conversion.RequestsBelowMinimum);
    }

    [Fact]
    public void File_judgments_win_on_conflict_and_feedback_adds_what_they_leave_out()
    {
        var file = new RecommendJudgment("raft for a beginner please", ["consensus"], Level.Beginner, null,
            new Grades(new Dictionary<string, int> { ["raft-visual"] = 3, ["consensus-talk"] = 2 }));
        var sameRequest = new RecommendJudgment("/recommend consensus beginner", ["consensus"], Level.Beginner, null,
            new Grades(new Dictionary<string, int> { ["consensus-talk"] = 1, ["consensus-book"] = 2, ["paxos-simple"] = 0 }));
        var newRequest = new RecommendJudgment("/recommend storage", ["storage"], null, null,
            new Grades(new Dictionary<string, int> { ["lsm"] = 3 }));

        var merged = FeedbackJudgments.Merge([file], [sameRequest, newRequest]);

        Assert.Equal(2, merged.Judgments.Count);
        Assert.Equal("raft for a beginner please", merged.Judgments[0].Input);
        Assert.Equal(new Dictionary<string, int> { ["raft-visual"] = 3, ["consensus-talk"] = 2, ["consensus-book"] = 2 }, merged.Judgments[0].Grades.ById);
        Assert.Same(newRequest, merged.Judgments[1]);
        Assert.Equal((1, 1, 2, 1), (merged.FeedbackRequestsAdded, merged.FeedbackRequestsMerged, merged.FeedbackGradesAdded, merged.FeedbackGradesOverruled));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(3, 1)]
    [InlineData(10_001, 2)]
    public void Grading_settings_outside_their_range_are_refused(int minimumVotes, int idealAgreement)
    {
        var options = new FeedbackGradingOptions { MinimumVotes = minimumVotes, IdealAgreement = idealAgreement };

        Assert.NotEmpty(options.Problems());
        Assert.Throws<ArgumentException>(() => FeedbackJudgments.Convert([], Catalog, options));
    }
}
