namespace Bot.Discord.Rest;

/// <summary>
/// One request target. <see cref="Template"/> is what logs and exceptions show (it never contains a token);
/// <see cref="MajorKey"/> separates rate limits per top-level resource and is never logged.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string MajorKey, bool IsInteraction)
{
    public string RouteKey => $"{Method.Method} {Template}";

    public bool IsWebhook => Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    public static string Segment(ulong id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }
}
