using Bot.Application;
using Bot.Application.Readers;
using Spectre.Console;

namespace Bot.ConsoleTwin;

/// <summary>
/// The console twin: answers exactly what a user would type in Discord, interactively, once, or
/// as JSON lines for scripts.
/// </summary>
public sealed class ConsoleTwinRunner
{
    private readonly IReadingAssistant _assistant;
    private readonly ReaderAssistant? _reader;
    private RecommendPage? _nextPage;

    /// <param name="assistant">The application layer.</param>
    /// <param name="reader">The reader features; with them the console is one local reader
    /// (<see cref="ReaderContext.Local"/>) whose list persists in the store. Without them reader commands are unknown.</param>
    public ConsoleTwinRunner(IReadingAssistant assistant, ReaderAssistant? reader = null)
    {
        _assistant = assistant;
        _reader = reader;
    }

    /// <summary>
    /// One input as the bot answers it; "more" continues the last recommendation, as the "More" button does on
    /// Discord (one local reader, so one list to continue).
    /// </summary>
    private async Task<Reply> AnswerAsync(string input, CancellationToken cancellationToken)
    {
        var more = input.Trim().Equals("more", StringComparison.OrdinalIgnoreCase) && _nextPage is not null;
        var reply = (more, _reader) switch
        {
            (true, null) => _assistant.Recommend(_nextPage!.Request) with { Input = input },
            (true, { } reader) => await reader.RecommendAsync(ReaderContext.Local, _nextPage!.Request, cancellationToken).ConfigureAwait(false) with { Input = input },
            (false, null) => _assistant.Handle(input),
            (false, { } reader) => await reader.HandleAsync(ReaderContext.Local, input, cancellationToken).ConfigureAwait(false),
        };
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

            ReplyCardRenderer.Render(console, await AnswerAsync(line, cancellationToken).ConfigureAwait(false));
        }

        return 0;
    }

    /// <summary>Answers one input as cards; exit code 1 when the reply is an error.</summary>
    public async Task<int> AskOnceAsync(string input, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var reply = await AnswerAsync(input, cancellationToken).ConfigureAwait(false);
        ReplyCardRenderer.Render(console, reply);
        return reply.IsError ? 1 : 0;
    }

    /// <summary>Writes exactly one JSON object per input line, in order.</summary>
    public async Task<int> AskJsonAsync(string? singleInput, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (singleInput is not null)
        {
            await output.WriteLineAsync(ReplyJsonWriter.ToJson(await AnswerAsync(singleInput, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var first = true;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // A byte-order mark some tools write before the first line is an encoding artefact, not input.
            var text = first ? line.TrimStart('\uFEFF') : line;
            first = false;
            await output.WriteLineAsync(ReplyJsonWriter.ToJson(await AnswerAsync(text, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
