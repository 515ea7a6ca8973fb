using System.Globalization;
using System.Net.Http.Headers;

namespace Bot.Discord.Rest.RateLimiting;

/// <summary>The <c>X-RateLimit-*</c> headers of one response (RL "Header Format"); absent headers are null.</summary>
public sealed record RateLimitHeaders(
    int? Limit,
    int? Remaining,
    double? ResetEpochSeconds,
    double? ResetAfterSeconds,
    string? Bucket,
    bool Global,
    string? Scope,
    double? RetryAfterHeaderSeconds)
{
    public static RateLimitHeaders Parse(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitHeaders(
            Int(headers, "X-RateLimit-Limit"),
            Int(headers, "X-RateLimit-Remaining"),
            Double(headers, "X-RateLimit-Reset"),
            Double(headers, "X-RateLimit-Reset-After"),
            Value(headers, "X-RateLimit-Bucket"),
            string.Equals(Value(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Value(headers, "X-RateLimit-Scope"),
            Double(headers, "Retry-After"));
    }

    private static string? Value(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? Int(HttpResponseHeaders headers, string name) =>
        int.TryParse(Value(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? Double(HttpResponseHeaders headers, string name) =>
        double.TryParse(Value(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
        && double.IsFinite(v) && v >= 0 ? v : null;
}
