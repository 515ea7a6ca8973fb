using Bot.Discord.Models.Outbound;

namespace Bot.DiscordAdapter.Rendering;

/// <summary>One text of an embed before fitting: plain text, or whole lines that are dropped rather than cut.</summary>
internal sealed class TextSlot
{
    private readonly string _text;
    private readonly IReadOnlyList<string>? _lines;

    private TextSlot(string text, IReadOnlyList<string>? lines, int limit)
    {
        _text = text;
        _lines = lines;
        Limit = limit;
        Value = Render(limit);
    }

    public int Limit { get; }

    public string Value { get; private set; }

    public int FullLength => Render(Limit).Length;

    public static TextSlot Text(string text, int limit) => new(text, null, limit);

    public static TextSlot Lines(IReadOnlyList<string> lines, int limit) => new(string.Empty, lines, limit);

    /// <summary>Fits the text into <paramref name="cap"/> characters (never above its own limit).</summary>
    public void Apply(int cap) => Value = Render(Math.Min(cap, Limit));

    private string Render(int cap) => _lines is null ? TextFit.Clip(_text, cap) : TextFit.JoinLines(_lines, cap);
}

internal sealed class FieldDraft(string name, TextSlot value, bool inline = false)
{
    public TextSlot Name { get; } = TextSlot.Text(name, DiscordLimits.EmbedFieldName);

    public TextSlot Value { get; } = value;

    public bool Inline { get; } = inline;
}

internal sealed class EmbedDraft
{
    public TextSlot? Title { get; set; }

    public string? Url { get; set; }

    public TextSlot? Description { get; set; }

    public TextSlot? Author { get; set; }

    public TextSlot? Footer { get; set; }

    public int? Color { get; set; }

    public List<FieldDraft> Fields { get; } = [];

    public void SetTitle(string text) => Title = TextSlot.Text(text, DiscordLimits.EmbedTitle);

    public void SetDescription(string text) => Description = TextSlot.Text(text, DiscordLimits.EmbedDescription);

    public void SetDescriptionLines(IReadOnlyList<string> lines) => Description = TextSlot.Lines(lines, DiscordLimits.EmbedDescription);

    public void SetAuthor(string text) => Author = TextSlot.Text(text, DiscordLimits.EmbedAuthorName);

    public void SetFooter(string text) => Footer = TextSlot.Text(text, DiscordLimits.EmbedFooterText);

    public void AddField(string name, string value, bool inline = false) =>
        Fields.Add(new FieldDraft(name, TextSlot.Text(value, DiscordLimits.EmbedFieldValue), inline));

    public void AddListField(string name, IReadOnlyList<string> lines) =>
        Fields.Add(new FieldDraft(name, TextSlot.Lines(lines, DiscordLimits.EmbedFieldValue)));

    public IEnumerable<TextSlot> Slots()
    {
        foreach (var slot in new[] { Title, Description, Author, Footer })
        {
            if (slot is not null)
            {
                yield return slot;
            }
        }

        foreach (var field in Fields)
        {
            yield return field.Name;
            yield return field.Value;
        }
    }

    public Embed ToEmbed()
    {
        var fields = Fields
            .Select(f => new EmbedField(NonEmpty(f.Name.Value), NonEmpty(f.Value.Value)) { Inline = f.Inline ? true : null })
            .ToList();
        return new Embed
        {
            Title = Empty(Title?.Value),
            Url = Title is null ? null : Url,
            Description = Empty(Description?.Value),
            Color = Color,
            Author = Empty(Author?.Value) is { } author ? new EmbedAuthor(author) : null,
            Footer = Empty(Footer?.Value) is { } footer ? new EmbedFooter(footer) : null,
            Fields = fields.Count == 0 ? null : fields,
        };
    }

    // Discord rejects empty field names and values.
    private static string NonEmpty(string text) => text.Length == 0 ? "—" : text;

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
