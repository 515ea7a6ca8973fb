using Bot.Application;
using Bot.Catalog;

namespace Bot.DiscordAdapter.Tests.Support;

/// <summary>An assistant with scripted answers; <see cref="Gate"/> can hold <see cref="Recommend"/> to make it slow.</summary>
internal sealed class StubAssistant : IReadingAssistant
{
    public Func<RecommendRequest, Reply> OnRecommend { get; set; } = request => Replies.Recommendation(5, request);

    public Func<string, Reply> OnMessage { get; set; } = text => new Reply { Input = text, Intent = Intent.None };

    public IReadOnlyList<Suggestion> Suggestions { get; set; } = [];

    /// <summary>When set, Recommend blocks until it is released.</summary>
    public ManualResetEventSlim? Gate { get; set; }

    public List<RecommendRequest> Requests { get; } = [];

    public Reply Handle(string input) => HandleMessage(input);

    public List<string> MessagesSeen { get; } = [];

    /// <summary>For each message seen, whether the adapter said it was addressed to the bot.</summary>
    public List<bool> AddressedSeen { get; } = [];

    public Reply HandleMessage(string text, bool addressedToBot = false)
    {
        lock (MessagesSeen)
        {
            MessagesSeen.Add(text);
            AddressedSeen.Add(addressedToBot);
        }

        return OnMessage(text);
    }

    public Reply Recommend(RecommendRequest request)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        Gate?.Wait(TimeSpan.FromSeconds(30));
        return OnRecommend(request);
    }

    public Reply FindPaper(string query) => Replies.Error("No paper matches '" + query + "'.");

    public Reply ListTopics(string? topic) => ListTopics();

    public Reply ListTopics() => new() { Input = "/topics", Intent = Intent.Topics, Message = "Topics", Sections = [new ReplySection("Consensus (consensus)", "Agreement.")] };

    public Reply Help() => new() { Input = "/help", Intent = Intent.Help, Message = "Help", Sections = [new ReplySection("/recommend", "Recommend.")] };

    public IReadOnlyList<Suggestion> SuggestTopics(string partial, int max = 25) => Suggestions;

    public IReadOnlyList<Suggestion> SuggestPapers(string partial, int max = 25) => Suggestions;
}

internal static class Replies
{
    public static ReplyItem Item(int i, string? title = null, string? summary = null, int authors = 2) => new()
    {
        Id = $"item-{i}",
        Title = title ?? $"Paper number {i}",
        Kind = ResourceKind.Paper,
        Level = Level.Beginner,
        Authors = [.. Enumerable.Range(1, authors).Select(a => $"Author {a}")],
        Year = 2000 + i,
        Url = $"https://example.org/paper/{i}",
        Score = 1.0 / (i + 1),
        Reason = $"beginner paper on consensus #{i}",
        Summary = summary ?? $"A short summary of paper {i}.",
        Venue = "SOSP",
    };

    public static Reply Recommendation(int count, RecommendRequest? request = null, bool more = true) => new()
    {
        Input = "/recommend consensus",
        Intent = Intent.Recommend,
        Message = "Reading on consensus.",
        Items = [.. Enumerable.Range((request?.Offset ?? 0) + 1, count).Select(i => Item(i))],
        NextPage = more ? new RecommendPage((request ?? new RecommendRequest { Topic = "consensus", Level = "beginner" }) with { Offset = (request?.Offset ?? 0) + count, Count = count }) : null,
    };

    public static Reply Error(string message) => new() { Input = "x", Intent = Intent.Error, Message = message };
}
