using Bot.Application;
using Bot.Recommendation.Understanding;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Bot.ConsoleTwin;

/// <summary>Renders a reply as console cards, mirroring the embeds the Discord adapter sends.</summary>
public static class ReplyCardRenderer
{
    public static void Render(IAnsiConsole console, Reply reply)
    {
        if (!reply.ShouldAnswer)
        {
            console.MarkupLine("[grey](no answer: that reads as chatter, so the bot stays silent)[/]");
            return;
        }

        if (reply.Message is { Length: > 0 } message)
        {
            var colour = reply.IsError ? "red" : "bold";
            console.MarkupLine($"[{colour}]{Markup.Escape(message)}[/]");
        }

        if (reply.Intent is Intent.List or Intent.Path or Intent.Save or Intent.Read or Intent.Remove or Intent.Feedback or Intent.Forget or Intent.MyData)
        {
            RenderPersonal(console, reply);
            return;
        }

        var rank = 1;
        foreach (var item in reply.Items)
        {
            var isAlternative = reply.Paper is not null && rank > 1;
            if (isAlternative && rank == 2)
            {
                console.MarkupLine("[bold]Other matches[/]");
            }

            console.Write(ItemCard(item, isAlternative ? null : rank, reply.Paper is not null && rank == 1));
            rank++;
        }

        if (reply.Paper is { } paper)
        {
            WriteList(console, "Read first", paper.ReadFirst);
            WriteList(console, "Read next", paper.ReadNext);
        }

        foreach (var section in reply.Sections)
        {
            console.Write(new Panel(new Markup(Markup.Escape(section.Body))) { Header = new PanelHeader(Markup.Escape(section.Title)), Border = BoxBorder.Rounded, Expand = true });
        }

        if (reply.NextPage is { } next)
        {
            console.MarkupLine($"[grey]{Markup.Escape(next.Hint)}[/]");
        }
    }

    /// <summary>A reader's own data: compact lines rather than cards (a path's steps, the list's topic groups).</summary>
    private static void RenderPersonal(IAnsiConsole console, Reply reply)
    {
        if (reply.Intent == Intent.Path)
        {
            var lines = reply.Items.Select((item, i) =>
                $"{i + 1}. {(item.Status == ReadingStatus.Read ? "[green]✓ done[/] " : item.NextUp ? "[yellow]→ next up[/] " : string.Empty)}{Markup.Escape(item.Title)} "
                + $"[grey]({LevelVocabulary.Name(item.Level)} {KindVocabulary.Name(item.Kind)}) — {Markup.Escape(item.Reason)}[/]");
            console.Write(new Panel(new Markup(string.Join('\n', lines))) { Header = new PanelHeader("Path"), Border = BoxBorder.Rounded, Expand = true });
        }

        foreach (var section in reply.Sections)
        {
            console.Write(new Panel(new Markup(Markup.Escape(section.Body))) { Header = new PanelHeader(Markup.Escape(section.Title)), Border = BoxBorder.Rounded, Expand = true });
        }

        if (reply.Attachment is { } attachment)
        {
            console.MarkupLine($"[grey]{Markup.Escape(attachment.FileName)}:[/]");
            console.WriteLine(attachment.Content);
        }
    }

    private static Panel ItemCard(ReplyItem item, int? rank, bool showSummary)
    {
        var facts = string.Join(" · ", new[]
        {
            item.Authors.Count > 0 ? string.Join(", ", item.Authors) : null,
            item.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            item.Venue,
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var rows = new List<IRenderable>
        {
            new Markup($"[grey]{Markup.Escape(facts)}[/]"),
            new Markup($"[aqua]{LevelVocabulary.Name(item.Level)}[/] · [aqua]{KindVocabulary.Name(item.Kind)}[/]"),
            new Markup($"[italic]{Markup.Escape(item.Reason)}[/]"),
        };
        if (showSummary)
        {
            rows.Add(new Markup(Markup.Escape(item.Summary)));
        }

        rows.Add(new Markup($"[blue]{Markup.Escape(item.Url)}[/]"));
        var title = rank is { } r ? $"{r}. {item.Title}" : item.Title;
        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader(Markup.Escape(title)),
            Border = BoxBorder.Rounded,
            Expand = true,
        };
    }

    private static void WriteList(IAnsiConsole console, string title, IReadOnlyList<ReplyItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        var lines = items.Select(i => $"• {Markup.Escape(i.Title)} [grey]({LevelVocabulary.Name(i.Level)} {KindVocabulary.Name(i.Kind)}{(i.Year is { } y ? ", " + y : string.Empty)})[/]");
        console.Write(new Panel(new Markup(string.Join('\n', lines))) { Header = new PanelHeader(title), Border = BoxBorder.Rounded, Expand = true });
    }
}
