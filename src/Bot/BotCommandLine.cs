using System.CommandLine;
using Bot.Application;
using Bot.Application.Readers;
using Bot.Catalog;
using Bot.ConsoleTwin;
using Bot.DiscordAdapter.Configuration;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Bot.Host;

/// <summary>
/// The command line: with no command, the Discord bot when a token is configured, else the
/// interactive console twin; <c>ask</c> answers one input (or JSON lines); <c>catalog</c> prints
/// or checks the catalog.
/// </summary>
public static class BotCommandLine
{
    /// <summary>
    /// SIGTERM/Ctrl+C cancel the running command; the process is only forced down after this long, which leaves
    /// the Discord bot its bounded drain of in-flight interactions and the gateway close.
    /// </summary>
    public static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(20);

    public static Task<int> RunAsync(string[] args) =>
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TerminationTimeout });

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Distributed-systems reading bot. With a Discord token configured (DISCORD_TOKEN, Discord__Token, user secrets or " +
            "Discord__TokenFile) it runs the Discord bot; without one it opens the console twin, which accepts exactly what a " +
            "user types in Discord: /recommend consensus beginner, /recommend topic:storage level:advanced kind:paper, " +
            "/paper raft, /topics, /help, or a free-text question.");
        root.SetAction((parseResult, cancellationToken) => RunDefaultAsync(cancellationToken));
        root.Subcommands.Add(CreateAskCommand());
        root.Subcommands.Add(CreateCatalogCommand());
        root.Subcommands.Add(ModelCommand.Create(WithCatalogAsync));
        return root;
    }

    private static Command CreateAskCommand()
    {
        var input = new Argument<string?>("input")
        {
            Description = "What a user would type, e.g. \"/recommend consensus beginner\". With --json and no input, one input per line is read from stdin.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per input: {input, intent, level, topics, kind, message, items[]}." };
        var explain = new Option<bool>("--explain") { Description = "Print, per recommended item, its ranking features and what each added to its score." };
        var ask = new Command("ask", "Answer one input as the bot would, then exit.") { input, json, explain };
        ask.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(input);
            var asJson = parseResult.GetValue(json);
            return await WithAssistantAsync(async (assistant, reader) =>
            {
                var runner = new ConsoleTwinRunner(assistant, reader);
                if (asJson)
                {
                    return await runner.AskJsonAsync(text, Console.In, Console.Out, cancellationToken).ConfigureAwait(false);
                }

                if (parseResult.GetValue(explain) && text is not null && assistant is ReadingAssistant reading)
                {
                    Console.Write(RankingExplanation.Format(reading.Explain(text)));
                    return 0;
                }

                if (text is null)
                {
                    await Console.Error.WriteLineAsync("ask needs an input, e.g. Bot ask \"/recommend consensus beginner\" (or --json to read lines from stdin).").ConfigureAwait(false);
                    return 2;
                }

                return await runner.AskOnceAsync(text, TwinConsole.ForStandardOutput(), cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        });
        return ask;
    }

    private static Command CreateCatalogCommand()
    {
        var json = new Option<bool>("--json") { Description = "Write the whole catalog as one JSON array with every field." };
        var catalog = new Command("catalog", "Print the catalog (--json), check it (lint) or summarise it per topic (report).") { json };
        catalog.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!parseResult.GetValue(json))
            {
                await Console.Error.WriteLineAsync("Use `Bot catalog --json` to print the catalog, `Bot catalog lint` to check it or `Bot catalog report` to summarise it.").ConfigureAwait(false);
                return 2;
            }

            return await WithCatalogAsync(async loaded =>
            {
                await using var stdout = Console.OpenStandardOutput();
                CatalogJson.Write(stdout, loaded);
                await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        });

        var lint = new Command("lint", "Check every catalog file and print all problems as file:line:column: message; exits 1 when any exist.");
        lint.SetAction(async (parseResult, cancellationToken) =>
        {
            string directory;
            try
            {
                // The same configuration the other commands read (environment, appsettings, user secrets).
                using var host = BuildConsoleHost();
                directory = ServiceCollectionExtensions.ResolveDataDirectory(host.Services.GetRequiredService<IOptions<CatalogOptions>>().Value);
            }
            catch (DirectoryNotFoundException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }

            var problems = CatalogLinter.Lint(directory, CatalogLoadOptions.Default);
            if (problems.Count == 0)
            {
                await Console.Out.WriteLineAsync($"Catalog OK: {directory}").ConfigureAwait(false);
                return 0;
            }

            await Console.Out.WriteLineAsync(CatalogLinter.Format(problems)).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"{problems.Count} problem(s) in {directory}").ConfigureAwait(false);
            return 1;
        });
        var report = new Command("report", "Print per topic: size, levels, kinds, path, essentials and the share of open-access items.");
        report.SetAction(async (parseResult, cancellationToken) =>
            await WithCatalogAsync(async loaded =>
            {
                await Console.Out.WriteAsync(CatalogReport.Format(loaded)).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false));

        catalog.Subcommands.Add(lint);
        catalog.Subcommands.Add(report);
        return catalog;
    }

    private static async Task<int> RunDefaultAsync(CancellationToken cancellationToken)
    {
        var discord = DiscordBotHost.CreateBuilder();
        if (DiscordTokenSource.IsConfigured(discord.Configuration))
        {
            return await DiscordBotHost.RunAsync(discord, Console.Error, cancellationToken).ConfigureAwait(false);
        }

        return await WithAssistantAsync(
            (assistant, reader) =>
            {
                // Most of what is typed interactively is free text: its models load while the prompt waits.
                (assistant as ReadingAssistant)?.Engine.WarmUpFreeText();
                return new ConsoleTwinRunner(assistant, reader).RunInteractiveAsync(Console.In, TwinConsole.ForStandardOutput(), cancellationToken);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> with the assistant and the console's local reader, the store migrated first.</summary>
    private static async Task<int> WithAssistantAsync(Func<IReadingAssistant, ReaderAssistant, Task<int>> action, CancellationToken cancellationToken)
    {
        using var host = BuildConsoleHost();
        IReadingAssistant assistant;
        ReaderAssistant reader;
        // The store is migrated on another core while the assistant is built (catalog read, indexed, ranker loaded).
        var migration = Task.Run(() => host.Services.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken));
        try
        {
            try
            {
                assistant = host.Services.GetRequiredService<IReadingAssistant>();
                reader = host.Services.GetRequiredService<ReaderAssistant>();
            }
            finally
            {
                // The migration ends before the host is disposed; when both fail, the assistant's problem is reported.
                await Task.WhenAny(migration).ConfigureAwait(false);
            }

            await migration.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CatalogValidationException or DirectoryNotFoundException or SchemaTooNewException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }

        return await action(assistant, reader).ConfigureAwait(false);
    }

    private static async Task<int> WithCatalogAsync(Func<ReadingCatalog, Task<int>> action)
    {
        using var host = BuildConsoleHost();
        try
        {
            return await action(host.Services.GetRequiredService<ReadingCatalog>()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CatalogValidationException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static IHost BuildConsoleHost()
    {
        // The console commands read their configuration once: no file watcher on appsettings.json (it costs start-up).
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Configuration = configuration });
        builder.Logging.ClearProviders();
        builder.Services.AddReadingAssistant(builder.Configuration);
        builder.Services.AddBotStorage(builder.Configuration);
        builder.Services.AddReaderAssistant();
        return builder.Build();
    }
}
