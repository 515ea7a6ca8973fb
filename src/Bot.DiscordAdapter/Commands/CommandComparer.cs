using System.Text.Json;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest.Responses;

namespace Bot.DiscordAdapter.Commands;

/// <summary>
/// Compares the commands the bot wants with those Discord has, by meaning rather than bytes: ids, versions and
/// other server-assigned fields are ignored, omitted values equal their documented defaults (<c>required</c> and
/// <c>autocomplete</c> false, no options, no choices, empty description), numbers compare by value, and command
/// order is irrelevant while option and choice order (shown to users) matters.
/// </summary>
public static class CommandComparer
{
    public static bool AreEquivalent(IReadOnlyList<ApplicationCommand> desired, IReadOnlyList<RegisteredCommand> registered) =>
        Differences(desired, registered).Count == 0;

    /// <summary>Human-readable differences (command names and what differs); empty when equivalent.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<ApplicationCommand> desired, IReadOnlyList<RegisteredCommand> registered)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(registered);
        var have = new Dictionary<(ApplicationCommandType, string), RegisteredCommand>();
        foreach (var command in registered)
        {
            have[(command.Type, command.Name)] = command;
        }

        var wanted = new HashSet<(ApplicationCommandType, string)>();
        var differences = new List<string>();
        foreach (var command in desired)
        {
            var key = (command.Type, command.Name);
            wanted.Add(key);
            if (!have.TryGetValue(key, out var existing))
            {
                differences.Add($"'{command.Name}' is not registered");
                continue;
            }

            if (CommandDifference(command, existing) is { } what)
            {
                differences.Add($"'{command.Name}' differs: {what}");
            }
        }

        differences.AddRange(have.Keys.Where(k => !wanted.Contains(k)).Select(k => $"'{k.Item2}' is registered but no longer wanted"));
        return differences;
    }

    private static string? CommandDifference(ApplicationCommand wanted, RegisteredCommand existing)
    {
        if (!string.Equals(wanted.Description ?? string.Empty, existing.Description ?? string.Empty, StringComparison.Ordinal))
        {
            return "description";
        }

        // Discord fills in its own contexts and integration types when the bot sends none, so those are compared
        // only when the bot sets them.
        if (wanted.Contexts is not null && !SameSet(wanted.Contexts, existing.Contexts))
        {
            return "contexts";
        }

        if (wanted.IntegrationTypes is not null && !SameSet(wanted.IntegrationTypes, existing.IntegrationTypes))
        {
            return "integration types";
        }

        if (wanted.DefaultMemberPermissions != existing.ParsedDefaultMemberPermissions)
        {
            return "default member permissions";
        }

        return OptionsDifference(wanted.Options ?? [], existing.Options ?? []);
    }

    private static string? OptionsDifference(IReadOnlyList<ApplicationCommandOption> wanted, IReadOnlyList<RegisteredCommandOption> existing)
    {
        if (wanted.Count != existing.Count)
        {
            return $"{existing.Count} options instead of {wanted.Count}";
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            if (OptionDifference(wanted[i], existing[i]) is { } what)
            {
                return $"option '{wanted[i].Name}' {what}";
            }
        }

        return null;
    }

    private static string? OptionDifference(ApplicationCommandOption wanted, RegisteredCommandOption existing)
    {
        if (!string.Equals(wanted.Name, existing.Name, StringComparison.Ordinal))
        {
            return $"is '{existing.Name}' (name or order)";
        }

        if (wanted.Type != existing.Type)
        {
            return "type";
        }

        if (!string.Equals(wanted.Description, existing.Description ?? string.Empty, StringComparison.Ordinal))
        {
            return "description";
        }

        if ((wanted.Required ?? false) != (existing.Required ?? false))
        {
            return "required";
        }

        if ((wanted.Autocomplete ?? false) != (existing.Autocomplete ?? false))
        {
            return "autocomplete";
        }

        if (!SameChoices(wanted.Choices ?? [], existing.Choices ?? []))
        {
            return "choices";
        }

        if (wanted.MinValue != existing.MinValue || wanted.MaxValue != existing.MaxValue)
        {
            return "value range";
        }

        if (wanted.MinLength != existing.MinLength || wanted.MaxLength != existing.MaxLength)
        {
            return "length range";
        }

        // The bot never restricts channel types, so any restriction on Discord's side is a difference.
        if (existing.ChannelTypes is { Count: > 0 })
        {
            return "channel types";
        }

        return OptionsDifference(wanted.Options ?? [], existing.Options ?? []) is { } nested ? "> " + nested : null;
    }

    private static bool SameChoices(IReadOnlyList<CommandChoice> wanted, IReadOnlyList<RegisteredCommandChoice> existing) =>
        wanted.Count == existing.Count
        && wanted.Zip(existing).All(pair =>
            string.Equals(pair.First.Name, pair.Second.Name, StringComparison.Ordinal) && SameValue(pair.First.Value, pair.Second.Value));

    private static bool SameValue(object wanted, JsonElement existing) => (wanted, existing.ValueKind) switch
    {
        (string text, JsonValueKind.String) => existing.ValueEquals(text),
        (long integer, JsonValueKind.Number) => existing.TryGetInt64(out var value) ? value == integer : existing.GetDouble().Equals(integer),
        (double number, JsonValueKind.Number) => existing.GetDouble().Equals(number),
        _ => false,
    };

    private static bool SameSet<T>(IReadOnlyList<T> wanted, IReadOnlyList<T>? existing) =>
        new HashSet<T>(wanted).SetEquals(existing ?? []);
}
