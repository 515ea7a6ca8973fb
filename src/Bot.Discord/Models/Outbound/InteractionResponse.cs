using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Discord.Models.Outbound;

/// <summary>Interaction callback types (RR "Interaction Callback Type").</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}

/// <summary>
/// Body of <c>POST /interactions/{id}/{token}/callback</c>. Build it with the factory methods so that
/// <see cref="Data"/> always matches <see cref="Type"/>.
/// </summary>
public sealed record InteractionResponse
{
    private InteractionResponse(InteractionCallbackType type, object? data)
    {
        Type = type;
        Data = data;
    }

    public InteractionCallbackType Type { get; }

    /// <summary><see cref="MessagePayload"/>, <see cref="AutocompleteResult"/>, <see cref="ModalPayload"/> or null.</summary>
    [JsonConverter(typeof(RuntimeTypeConverter))]
    public object? Data { get; }

    public static InteractionResponse Pong() => new(InteractionCallbackType.Pong, null);

    public static InteractionResponse Message(MessagePayload message) =>
        new(InteractionCallbackType.ChannelMessageWithSource, message);

    /// <summary>"Thinking..." placeholder; finish it with Edit Original Response within 15 minutes.</summary>
    public static InteractionResponse DeferredMessage(bool ephemeral = false) =>
        new(InteractionCallbackType.DeferredChannelMessageWithSource,
            ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null);

    /// <summary>For component interactions: acknowledge now, edit the message later.</summary>
    public static InteractionResponse DeferredUpdate() => new(InteractionCallbackType.DeferredUpdateMessage, null);

    /// <summary>For component interactions: edit the message the component is attached to.</summary>
    public static InteractionResponse UpdateMessage(MessagePayload message) =>
        new(InteractionCallbackType.UpdateMessage, message);

    public static InteractionResponse Autocomplete(IReadOnlyList<CommandChoice> choices) =>
        new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new AutocompleteResult(choices));

    public static InteractionResponse Modal(ModalPayload modal) => new(InteractionCallbackType.Modal, modal);

    private sealed class RuntimeTypeConverter : JsonConverter<object>
    {
        public override object Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Interaction responses are only written.");

        public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}

/// <summary>Data of an autocomplete result (callback type 8); at most 25 choices.</summary>
public sealed record AutocompleteResult(IReadOnlyList<CommandChoice> Choices);

/// <summary>Data of a modal (callback type 9).</summary>
public sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<ModalActionRow> Components);
