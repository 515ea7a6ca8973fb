using Spectre.Console;

namespace Bot.ConsoleTwin;

/// <summary>The console the twin writes to: plain text when piped or when NO_COLOR is set, colour in a terminal.</summary>
public static class TwinConsole
{
    public static IAnsiConsole Create(TextWriter output, bool redirected)
    {
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(output),
        });
    }

    public static IAnsiConsole ForStandardOutput() => Create(Console.Out, Console.IsOutputRedirected);
}
