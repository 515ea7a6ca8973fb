using System.Net;
using System.Text.Json;

namespace Bot.Discord.Rest;

/// <summary>Parses Discord's JSON error body <c>{"code", "message", "errors": {...}}</c> (REF "Error Messages").</summary>
internal static class DiscordErrorParser
{
    public static DiscordApiException Parse(HttpStatusCode status, string? body, string method, string route)
    {
        int? code = null;
        string? message = null;
        var errors = new List<DiscordFieldError>();
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci))
                    {
                        code = ci;
                    }

                    if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                    {
                        message = m.GetString();
                    }

                    if (root.TryGetProperty("errors", out var e))
                    {
                        Flatten(e, "", errors);
                    }
                }
            }
            catch (JsonException)
            {
                // Proxies and Cloudflare answer with HTML; the status code alone still tells the story.
            }
        }

        return status == HttpStatusCode.Unauthorized
            ? new DiscordUnauthorizedException(code, message, method, route, refusedLocally: false)
            : new DiscordApiException(status, code, message, errors, method, route);
    }

    private static void Flatten(JsonElement node, string path, List<DiscordFieldError> into)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    var code = error.TryGetProperty("code", out var c) ? c.ToString() : "";
                    var text = error.TryGetProperty("message", out var m) ? m.ToString() : "";
                    into.Add(new DiscordFieldError(path, code, text));
                }
            }
            else
            {
                Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
            }
        }
    }
}
