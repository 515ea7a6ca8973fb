using Microsoft.Extensions.Configuration;

namespace Bot.DiscordAdapter.Configuration;

/// <summary>Where the token came from, or why it could not be read. Never carries the token in its text.</summary>
public sealed record TokenResolution(string? Token, string Source, string? Problem)
{
    public override string ToString() => $"TokenResolution {{ Source = {Source}, Token = {(Token is null ? "<none>" : "<redacted>")}, Problem = {Problem} }}";
}

/// <summary>
/// Finds the bot token, first match wins: the <c>DISCORD_TOKEN</c> environment variable, <c>Discord:Token</c>
/// (<c>Discord__Token</c> or user secrets), then the file named by <c>Discord:TokenFile</c>.
/// </summary>
public static class DiscordTokenSource
{
    private const string TokenKey = DiscordBotOptions.SectionName + ":" + nameof(DiscordBotOptions.Token);
    private const string TokenFileKey = DiscordBotOptions.SectionName + ":" + nameof(DiscordBotOptions.TokenFile);

    /// <summary>True when any token source is set, so the Discord bot (not the console) should run.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[DiscordBotOptions.TokenEnvironmentVariable])
            || !string.IsNullOrWhiteSpace(configuration[TokenKey])
            || !string.IsNullOrWhiteSpace(configuration[TokenFileKey]);
    }

    public static TokenResolution Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[DiscordBotOptions.TokenEnvironmentVariable] is { } fromVariable && !string.IsNullOrWhiteSpace(fromVariable))
        {
            return new TokenResolution(fromVariable.Trim(), DiscordBotOptions.TokenEnvironmentVariable, null);
        }

        if (configuration[TokenKey] is { } fromConfiguration && !string.IsNullOrWhiteSpace(fromConfiguration))
        {
            return new TokenResolution(fromConfiguration.Trim(), "Discord:Token", null);
        }

        if (configuration[TokenFileKey] is { } path && !string.IsNullOrWhiteSpace(path))
        {
            return ReadFile(path.Trim());
        }

        return new TokenResolution(null, "none", null);
    }

    private static TokenResolution ReadFile(string path)
    {
        const string source = "Discord:TokenFile";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The exception message names only the path; the file content is never read into a message.
            return new TokenResolution(null, source, $"Discord:TokenFile '{path}' could not be read ({ex.GetType().Name}).");
        }

        var token = text.Trim();
        return token.Length == 0
            ? new TokenResolution(null, source, $"Discord:TokenFile '{path}' is empty.")
            : new TokenResolution(token, source, null);
    }
}
