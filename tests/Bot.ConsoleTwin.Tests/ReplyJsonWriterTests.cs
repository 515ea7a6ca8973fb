using System.Text.Json;

namespace Bot.ConsoleTwin.Tests;

public sealed class ReplyJsonWriterTests
{
    private static readonly string[] TopLevelKeys = ["input", "intent", "level", "topics", "kind", "message", "items"];
    private static readonly string[] ItemKeys = ["id", "title", "kind", "level", "authors", "year", "url", "score", "reason"];

    [Theory]
    [InlineData("/recommend consensus beginner", "recommend")]
    [InlineData("/paper raft", "paper")]
    [InlineData("anyone up for lunch?", "none")]
    [InlineData("/recommend consensus banana", "error")]
    [InlineData("/help", "none")]
    public void Every_reply_has_exactly_the_contract_keys(string input, string intent)
    {
        using var document = JsonDocument.Parse(ReplyJsonWriter.ToJson(ConsoleFixture.Assistant.Handle(input)));
        var root = document.RootElement;
        Assert.Equal(TopLevelKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(input, root.GetProperty("input").GetString());
        Assert.Equal(intent, root.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("topics").ValueKind);
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(ItemKeys, item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Array, item.GetProperty("authors").ValueKind);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("score").ValueKind);
            Assert.Contains(item.GetProperty("year").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
        }
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_first_line_is_not_part_of_the_input()
    {
        var output = new StringWriter();
        await new ConsoleTwinRunner(ConsoleFixture.Assistant)
            .AskJsonAsync(null, new StringReader("\uFEFF/paper raft\r\n/paper flp\r\n"), output, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("/paper raft", first.RootElement.GetProperty("input").GetString());
        Assert.Equal("paper", first.RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public void Chatter_has_no_items_and_no_message()
    {
        using var document = JsonDocument.Parse(ReplyJsonWriter.ToJson(ConsoleFixture.Assistant.Handle("thanks!")));
        Assert.Equal(0, document.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("message").ValueKind);
    }

    [Fact]
    public void A_paper_reply_lists_the_match_first_then_alternatives()
    {
        using var document = JsonDocument.Parse(ReplyJsonWriter.ToJson(ConsoleFixture.Assistant.Handle("/paper raft")));
        var items = document.RootElement.GetProperty("items");
        Assert.Equal("raft-paper", items[0].GetProperty("id").GetString());
        Assert.Equal(2014, items[0].GetProperty("year").GetInt32());
    }

    [Fact]
    public void Output_is_one_line()
    {
        var json = ReplyJsonWriter.ToJson(ConsoleFixture.Assistant.Handle("/recommend storage advanced"));
        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public async Task Json_mode_writes_one_object_per_input_line_in_order()
    {
        var inputs = new[] { "/recommend consensus beginner", "", "thanks!", "/paper flp", "/recommend consensus banana" };
        var output = new StringWriter();
        await new ConsoleTwinRunner(ConsoleFixture.Assistant)
            .AskJsonAsync(null, new StringReader(string.Join('\n', inputs) + "\n"), output, CancellationToken.None);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs.Length, lines.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            Assert.Equal(inputs[i], document.RootElement.GetProperty("input").GetString());
        }
    }

    [Fact]
    public async Task More_continues_the_last_recommendation_as_the_more_button_does()
    {
        using var output = new StringWriter();
        await new ConsoleTwinRunner(ConsoleFixture.Assistant)
            .AskJsonAsync(null, new StringReader("more\n/recommend consensus count:10\n/recommend consensus\nmore\n"), output, CancellationToken.None);

        var replies = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        static List<string?> Ids(System.Text.Json.JsonElement reply) => [.. reply.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];

        Assert.Equal("none", replies[0].GetProperty("intent").GetString());
        Assert.Equal(Ids(replies[1]).Take(5), Ids(replies[2]));
        Assert.Equal(Ids(replies[1]).Skip(5), Ids(replies[3]));
    }
}
