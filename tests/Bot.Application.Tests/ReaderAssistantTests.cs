using System.Text.Json;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Storage;

namespace Bot.Application.Tests;

/// <summary>The reader features on the fixture catalog, against a real SQLite file (no mocks of the store).</summary>
public sealed class ReaderAssistantTests : IAsyncLifetime
{
    private static readonly ReaderContext Ada = new(1001, 77, 5);
    private static readonly ReaderContext Bob = new(1002, null, 6);

    // The fixture catalog with a curated consensus path; raft-paper lists raft-visual as its prerequisite.
    private static readonly Lazy<ReadingAssistant> PathAssistant = new(() =>
    {
        var plain = FixtureCatalog.Create();
        var topics = plain.Topics.Select(t => t.Id == "consensus"
            ? t with { Path = [new PathStep("raft-paper", "Start here."), new PathStep("paxos-simple", "The classic."), new PathStep("part-time-parliament", "The deep end.")] }
            : t).ToList();
        return new ReadingAssistant(new RecommendationEngine(new ReadingCatalog(plain.Resources, topics, plain.Sources, plain.Confusions)));
    });

    private ReaderStoreFixture _fixture = null!;
    private ReaderAssistant _readers = null!;

    public async Task InitializeAsync()
    {
        _fixture = await ReaderStoreFixture.CreateAsync();
        _readers = _fixture.Readers(PathAssistant.Value);
    }

    public Task DisposeAsync() => _fixture.DisposeAsync().AsTask();

    private Task<Reply> Ask(ReaderContext who, string input) => _readers.HandleAsync(who, input, CancellationToken.None);

    [Fact]
    public async Task Saved_and_read_items_are_listed_by_topic_with_essentials_progress()
    {
        Assert.Equal(Intent.Save, (await Ask(Ada, "/save raft")).Intent);
        var read = await Ask(Ada, "/read paxos made simple rating:4");
        Assert.Equal(Intent.Read, read.Intent);

        var list = await Ask(Ada, "/list");
        Assert.Equal(Intent.List, list.Intent);
        Assert.True(list.IsPersonal);
        var raft = Assert.Single(list.Items, i => i.Id == "raft-paper");
        Assert.Equal(ReadingStatus.Saved, raft.Status);
        var paxos = Assert.Single(list.Items, i => i.Id == "paxos-simple");
        Assert.Equal(ReadingStatus.Read, paxos.Status);
        Assert.Equal(4, paxos.Rating);
        Assert.Contains(list.Sections, s => s.Title == "Consensus: 1 of 3 essentials read");

        // Another reader's list is their own.
        Assert.Empty((await Ask(Bob, "/list")).Items);
    }

    [Theory]
    [InlineData("/save In Serch of an Understandable Consensus Algoritm")]
    [InlineData("/save raft-paper")]
    [InlineData("/save item:raft")]
    public async Task Items_are_found_by_id_title_nickname_or_misspelling(string input)
    {
        var reply = await Ask(Ada, input);
        Assert.Equal(Intent.Save, reply.Intent);
        Assert.Equal("raft-paper", Assert.Single(reply.Items).Id);
    }

    [Theory]
    [InlineData("/read raft rating:9", "1 to 5")]
    [InlineData("/read raft rating:lots", "1 to 5")]
    [InlineData("/save", "Which item?")]
    [InlineData("/save zzqxv blorft", "No item matches")]
    [InlineData("/remove raft", "not on your list")]
    [InlineData("/path", "Which topic?")]
    [InlineData("/path quantum basketweaving", "Unknown topic")]
    [InlineData("/path consensus level:banana", "Levels: beginner, intermediate, advanced")]
    public async Task Bad_input_says_what_is_accepted_and_writes_nothing(string input, string expected)
    {
        var reply = await Ask(Ada, input);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains(expected, reply.Message, StringComparison.Ordinal);
        Assert.Empty(await _fixture.Store.GetItemsAsync(Ada.ReaderId, CancellationToken.None));
    }

    [Fact]
    public async Task Items_can_be_removed_with_remove_or_list_remove()
    {
        await Ask(Ada, "/save raft");
        await Ask(Ada, "/save paxos made simple");
        Assert.Equal(Intent.Remove, (await Ask(Ada, "/remove raft")).Intent);
        Assert.Equal(Intent.Remove, (await Ask(Ada, "/list remove:paxos made simple")).Intent);
        Assert.Empty((await Ask(Ada, "/list")).Items);
    }

    [Fact]
    public async Task Path_puts_prerequisites_first_marks_read_items_done_and_the_first_unread_next_up()
    {
        var path = await Ask(Ada, "/path consensus beginner");
        Assert.Equal(Intent.Path, path.Intent);
        Assert.Equal(["raft-visual", "raft-paper", "paxos-simple", "part-time-parliament"], path.Items.Select(i => i.Id));
        Assert.True(path.Items[0].NextUp);

        await Ask(Ada, "/read secret lives of data");
        path = await Ask(Ada, "/path topic:consensus level:beginner");
        Assert.Equal(ReadingStatus.Read, path.Items[0].Status);
        Assert.False(path.Items[0].NextUp);
        Assert.True(path.Items[1].NextUp);
        Assert.Single(path.Items, i => i.NextUp);
        Assert.Contains("1 of 4 read", path.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommendations_leave_out_read_items_and_say_so()
    {
        var before = await Ask(Ada, "/recommend consensus beginner");
        var first = before.Items[0].Id;
        await _readers.MarkReadAsync(Ada, first, null, CancellationToken.None);

        var after = await Ask(Ada, "/recommend consensus beginner");
        Assert.DoesNotContain(after.Items, i => i.Id == first);
        Assert.Contains("1 item you have read is not shown.", after.Message, StringComparison.Ordinal);
        // Someone else still gets it.
        Assert.Contains((await Ask(Bob, "/recommend consensus beginner")).Items, i => i.Id == first);
    }

    [Fact]
    public async Task Not_for_me_votes_hide_the_item_like_a_dismissal()
    {
        var before = await Ask(Ada, "/recommend consensus beginner");
        var item = before.Items[1];
        await _readers.VoteAsync(Ada, new FeedbackRequest(item.Id, FeedbackChoice.NotForMe, before.Topics, before.Level, null, 1, 2), CancellationToken.None);
        var after = await Ask(Ada, "/recommend consensus beginner");
        Assert.DoesNotContain(after.Items, i => i.Id == item.Id);
        Assert.Contains("1 item you dismissed is not shown.", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_vote_per_reader_item_and_request_and_a_new_choice_replaces_the_old()
    {
        var vote = new FeedbackRequest("raft-paper", FeedbackChoice.Useful, ["consensus"], Level.Beginner, null, 1, 3);
        var first = await _readers.VoteAsync(Ada, vote, CancellationToken.None);
        var again = await _readers.VoteAsync(Ada, vote, CancellationToken.None);
        var changed = await _readers.VoteAsync(Ada, vote with { Choice = FeedbackChoice.TooHard }, CancellationToken.None);
        Assert.Equal(Intent.Feedback, first.Intent);
        Assert.Contains("already", again.Message, StringComparison.Ordinal);
        Assert.Contains("Changed", changed.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await _fixture.Store.GetVotesAsync(Ada.ReaderId, CancellationToken.None));
        Assert.Equal(FeedbackChoice.TooHard, stored.Choice);
        Assert.Equal("/recommend consensus beginner", stored.RequestText);
        Assert.Equal((1, 3, (ulong?)77), (stored.Page, stored.Rank, stored.ServerId));
    }

    [Fact]
    public async Task A_vote_on_an_item_no_longer_in_the_catalog_is_refused()
    {
        var reply = await _readers.VoteAsync(Ada, new FeedbackRequest("gone-item", FeedbackChoice.Useful, ["consensus"], null, null, 1, 1), CancellationToken.None);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Empty(await _fixture.Store.GetVotesAsync(Ada.ReaderId, CancellationToken.None));
    }

    [Fact]
    public async Task Marking_items_too_easy_on_a_topic_raises_the_level_there_only()
    {
        foreach (var id in new[] { "raft-visual", "consensus-talk" })
        {
            await _readers.VoteAsync(Ada, new FeedbackRequest(id, FeedbackChoice.TooEasy, ["consensus"], Level.Beginner, null, 1, 1), CancellationToken.None);
        }

        var consensus = await Ask(Ada, "/recommend consensus beginner");
        Assert.Equal(Level.Intermediate, consensus.Level);
        Assert.Contains("too easy", consensus.Message, StringComparison.Ordinal);
        Assert.Equal(Level.Beginner, (await Ask(Ada, "/recommend storage beginner")).Level);
        Assert.Equal(Level.Beginner, (await Ask(Bob, "/recommend consensus beginner")).Level);
    }

    [Fact]
    public async Task My_data_returns_everything_as_json_and_forget_me_deletes_it()
    {
        await Ask(Ada, "/save raft");
        await _readers.VoteAsync(Ada, new FeedbackRequest("paxos-simple", FeedbackChoice.Useful, ["consensus"], null, null, 1, 1), CancellationToken.None);
        await Ask(Bob, "/save raft");

        var data = await Ask(Ada, "/my-data");
        Assert.Equal(Intent.MyData, data.Intent);
        Assert.Equal(("my-data.json", "application/json"), (data.Attachment!.FileName, data.Attachment.ContentType));
        using (var json = JsonDocument.Parse(data.Attachment!.Content))
        {
            Assert.Equal("raft-paper", json.RootElement.GetProperty("items")[0].GetProperty("item_id").GetString());
            Assert.Equal("paxos-simple", json.RootElement.GetProperty("votes")[0].GetProperty("item_id").GetString());
            Assert.Equal(77UL, json.RootElement.GetProperty("server_ids")[0].GetUInt64());
        }

        Assert.Equal(Intent.Forget, (await Ask(Ada, "/forget-me")).Intent);
        var export = await _fixture.Store.ExportReaderAsync(Ada.ReaderId, CancellationToken.None);
        Assert.Empty(export.Items);
        Assert.Empty(export.Votes);
        Assert.Empty(export.ServerIds);
        Assert.Single((await Ask(Bob, "/list")).Items);
    }
}
