using System.Text;

namespace Bot.DiscordAdapter.Rendering;

/// <summary>Length-safe text helpers: lengths are UTF-16 code units, as Discord's limits are checked.</summary>
public static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>Trims and, when longer than <paramref name="max"/>, cuts (preferably at a space) and appends "…".</summary>
    public static string Clip(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var cut = max - Ellipsis.Length;
        if (cut <= 0)
        {
            return Ellipsis;
        }

        if (char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--;
        }

        var space = trimmed.LastIndexOf(' ', cut - 1, Math.Min(cut, 24));
        if (space > cut / 2)
        {
            cut = space;
        }

        return trimmed[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>Joins whole lines while they fit in <paramref name="max"/>; a final "…and N more" line marks dropped ones.</summary>
    public static string JoinLines(IReadOnlyList<string> lines, int max)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var separator = builder.Length == 0 ? 0 : 1;
            var rest = lines.Count - i - 1;
            var reserve = rest == 0 ? 0 : MoreLine(rest).Length + 1;
            if (builder.Length + separator + line.Length + reserve <= max)
            {
                if (separator == 1)
                {
                    builder.Append('\n');
                }

                builder.Append(line);
                continue;
            }

            if (builder.Length == 0)
            {
                return Clip(line, max);
            }

            var more = MoreLine(lines.Count - i);
            if (builder.Length + 1 + more.Length <= max)
            {
                builder.Append('\n').Append(more);
            }

            break;
        }

        return builder.ToString();
    }

    /// <summary>Escapes the characters that would change Discord markdown inside link text or emphasis.</summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '>' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>An absolute http(s) URL within <paramref name="max"/> characters, made safe for a markdown link; else null.</summary>
    public static string? SafeUrl(string? url, int max)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var text = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return text.Length <= max ? text : null;
    }

    private static string MoreLine(int count) => $"…and {count} more";
}
