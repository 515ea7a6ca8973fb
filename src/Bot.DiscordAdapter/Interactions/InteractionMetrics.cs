using Bot.Discord.Diagnostics;
using Bot.Discord.Models.Inbound;

namespace Bot.DiscordAdapter.Interactions;

/// <summary>Records a handled interaction on <see cref="BotMetrics"/>, the same way for the gateway and HTTP paths.</summary>
public static class InteractionMetrics
{
    public static void InteractionHandled(this BotMetrics metrics, Interaction interaction, InteractionSession session)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(session);
        var command = CommandLabel(interaction);
        if (session.WasDeferred)
        {
            metrics.InteractionDeferred(command);
        }

        metrics.InteractionHandled(command, session.State.ToString().ToLowerInvariant(), session.InitialResponseAfter ?? session.Elapsed);
    }

    /// <summary>The command's name (a bounded set: the registered commands), else the interaction type.</summary>
    public static string CommandLabel(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand => interaction.Data?.Name is { Length: > 0 and <= 32 } name ? name : "unknown",
            InteractionType.ApplicationCommandAutocomplete => "autocomplete",
            InteractionType.MessageComponent => "component",
            InteractionType.ModalSubmit => "modal",
            _ => "other",
        };
    }
}
