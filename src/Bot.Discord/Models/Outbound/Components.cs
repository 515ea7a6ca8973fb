namespace Bot.Discord.Models.Outbound;

/// <summary>Action row (component type 1) holding 1-5 buttons.</summary>
public sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

/// <summary>Button (component type 2). Link buttons carry <see cref="Url"/>, the others <see cref="CustomId"/>.</summary>
public sealed record Button(ButtonStyle Style)
{
    public int Type => 2;

    public string? Label { get; init; }

    public string? CustomId { get; init; }

    public string? Url { get; init; }

    public bool? Disabled { get; init; }

    public ComponentEmoji? Emoji { get; init; }

    public static Button WithCustomId(ButtonStyle style, string customId, string label) =>
        new(style) { CustomId = customId, Label = label };

    public static Button Link(string url, string label) => new(ButtonStyle.Link) { Url = url, Label = label };
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>Unicode emoji (<see cref="Id"/> null) or custom emoji.</summary>
public sealed record ComponentEmoji(string Name)
{
    public ulong? Id { get; init; }
}

/// <summary>Action row of a modal (component type 1) holding text inputs.</summary>
public sealed record ModalActionRow(IReadOnlyList<TextInput> Components)
{
    public int Type => 1;
}

/// <summary>Text input (component type 4), only inside a modal.</summary>
public sealed record TextInput(string CustomId, TextInputStyle Style)
{
    public int Type => 4;

    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }
}

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
