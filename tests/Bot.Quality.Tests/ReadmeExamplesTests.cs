using System.Text.RegularExpressions;
using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Quality.Tests;

/// <summary>The README shows real output: each `ask` example's first card must be what the bot answers today.</summary>
public sealed partial class ReadmeExamplesTests
{
    private static readonly ReadingAssistant Assistant =
        new(new RecommendationEngine(CatalogLoader.LoadOrThrow(Repository.DataDirectory)));

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (input, title) in ReadExamples(File.ReadAllLines(Path.Combine(Repository.Root, "README.md"))))
        {
            data.Add(input, title);
        }

        return data;
    }

    [Fact]
    public void The_readme_shows_examples_with_their_first_result() => Assert.True(Examples().Count >= 2);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_first_result_shown_in_the_readme_is_what_the_bot_answers(string input, string shownTitle)
    {
        var reply = Assistant.Handle(input);
        Assert.NotEmpty(reply.Items);
        Assert.StartsWith(shownTitle, reply.Items[0].Title, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Input, string Title)> ReadExamples(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var command = AskCommand().Match(lines[i]);
            if (!command.Success)
            {
                continue;
            }

            var card = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith('$') && l != "```").Select(l => FirstCard().Match(l)).FirstOrDefault(m => m.Success);
            if (card is not null)
            {
                yield return (command.Groups["input"].Value, card.Groups["title"].Value.TrimEnd('…'));
            }
        }
    }

    [GeneratedRegex("""^\$ dotnet run --project src/Bot -- ask "(?<input>[^"]+)"$""")]
    private static partial Regex AskCommand();

    [GeneratedRegex("^╭─1\\. (?<title>.+?)─*╮$")]
    private static partial Regex FirstCard();
}
