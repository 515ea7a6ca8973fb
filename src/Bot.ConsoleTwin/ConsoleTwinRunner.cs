using Bot.Application;
using Spectre.Console;

namespace Bot.ConsoleTwin;

/// <summary>
/// The console twin: answers exactly what a user would type in Discord, interactively, once, or
/// as JSON lines for scripts.
/// </summary>
public sealed class ConsoleTwinRunner
{
    private readonly IReadingAssistant _assistant;
    private RecommendPage? _nextPage;

    public ConsoleTwinRunner(IReadingAssistant assistant) => _assistant = assistant;

    /// <summary>
    /// One input as the bot answers it; "more" continues the last recommendation, as the "More" button does on
    /// Discord (one local reader, so one list to continue).
    /// </summary>
    private Reply Answer(string input)
    {
        var reply = input.Trim().Equals("more", StringComparison.OrdinalIgnoreCase) && _nextPage is { } next
            ? _assistant.Recommend(next.Request) with { Input = input }
            : _assistant.Handle(input);
        if (reply.Intent == Intent.Recommend)
        {
            _nextPage = reply.NextPage;
        }

        return reply;
    }

    /// <summary>Reads lines until end of input or "exit", answering each as the bot would.</summary>
    public async Task<int> RunInteractiveAsync(TextReader input, IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.MarkupLine("[bold]Distributed-systems reading bot[/] (console twin). Type [aqua]/help[/], a command such as [aqua]/recommend consensus beginner[/], or a question. [grey]exit[/] quits.");
        while (!cancellationToken.IsCancellationRequested)
        {
            console.Markup("[green]> [/]");
            var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || line.Trim() is "exit" or "quit" or "/exit" or "/quit")
            {
                break;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            ReplyCardRenderer.Render(console, Answer(line));
        }

        return 0;
    }

    /// <summary>Answers one input as cards; exit code 1 when the reply is an error.</summary>
    public int AskOnce(string input, IAnsiConsole console)
    {
        var reply = Answer(input);
        ReplyCardRenderer.Render(console, reply);
        return reply.IsError ? 1 : 0;
    }

    /// <summary>Writes exactly one JSON object per input line, in order.</summary>
    public async Task<int> AskJsonAsync(string? singleInput, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (singleInput is not null)
        {
            await output.WriteLineAsync(ReplyJsonWriter.ToJson(Answer(singleInput))).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var first = true;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // A byte-order mark some tools write before the first line is an encoding artefact, not input.
            var text = first ? line.TrimStart('\uFEFF') : line;
            first = false;
            await output.WriteLineAsync(ReplyJsonWriter.ToJson(Answer(text))).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
