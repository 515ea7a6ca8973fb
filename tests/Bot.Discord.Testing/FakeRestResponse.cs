using System.Globalization;

namespace Bot.Discord.Testing;

/// <summary>
/// A scripted answer of <see cref="FakeRestServer"/>. <see cref="Status"/> null means "the route's default
/// answer", with <see cref="Headers"/> added (e.g. rate-limit headers on a normal success).
/// </summary>
public sealed record FakeRestResponse
{
    public int? Status { get; init; }

    public string? Body { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Do what the route does by default (e.g. create the message) and then answer with <see cref="Status"/>: a
    /// server that fails after the write, so the client cannot know whether it happened.
    /// </summary>
    public bool FailAfterWriting { get; init; }

    /// <summary>Real-time delay before answering (for timeout tests).</summary>
    public TimeSpan Delay { get; init; }

    public static FakeRestResponse Default(IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Headers = headers ?? new Dictionary<string, string>() };

    public static FakeRestResponse Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Status = status, Body = body, Headers = headers ?? new Dictionary<string, string>() };

    public static FakeRestResponse NoContent() => new() { Status = 204 };

    /// <summary>Creates what the request asked for, then answers 500 as if the write had failed.</summary>
    public static FakeRestResponse ServerErrorAfterWriting() =>
        Json(500, """{"message": "500: Internal Server Error", "code": 0}""") with { FailAfterWriting = true };

    /// <summary>Default answer carrying <c>X-RateLimit-*</c> headers (RL "Header Format").</summary>
    public static FakeRestResponse WithRateLimit(string bucket, int limit, int remaining, double resetAfterSeconds) =>
        Default(new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = "1470173023.123",
            ["X-RateLimit-Reset-After"] = resetAfterSeconds.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Bucket"] = bucket,
        });

    /// <summary>The docs' "Example Exceeded User Rate Limit Response".</summary>
    public static FakeRestResponse RateLimitedUser() => Json(
        429,
        """{"message": "You are being rate limited.", "retry_after": 64.57, "global": false}""",
        new Dictionary<string, string>
        {
            ["Retry-After"] = "65",
            ["X-RateLimit-Limit"] = "10",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = "1470173023.123",
            ["X-RateLimit-Reset-After"] = "64.57",
            ["X-RateLimit-Bucket"] = "abcd1234",
            ["X-RateLimit-Scope"] = "user",
        });

    /// <summary>The docs' "Example Exceeded Resource Rate Limit Response" (scope shared).</summary>
    public static FakeRestResponse RateLimitedShared() => Json(
        429,
        """{"message": "The resource is being rate limited.", "retry_after": 1336.57, "global": false}""",
        new Dictionary<string, string>
        {
            ["Retry-After"] = "1337",
            ["X-RateLimit-Limit"] = "10",
            ["X-RateLimit-Remaining"] = "9",
            ["X-RateLimit-Reset"] = "1470173023.123",
            ["X-RateLimit-Reset-After"] = "64.57",
            ["X-RateLimit-Bucket"] = "abcd1234",
            ["X-RateLimit-Scope"] = "shared",
        });

    /// <summary>The docs' "Example Exceeded Global Rate Limit Response" (no bucket headers).</summary>
    public static FakeRestResponse RateLimitedGlobal() => Json(
        429,
        """{"message": "You are being rate limited.", "retry_after": 64.57, "global": true}""",
        new Dictionary<string, string>
        {
            ["Retry-After"] = "65",
            ["X-RateLimit-Global"] = "true",
            ["X-RateLimit-Scope"] = "global",
        });

    public static FakeRestResponse ServerError(int status = 500) =>
        Json(status, """{"message": "500: Internal Server Error", "code": 0}""");

    /// <summary>502 "no gateway available"; real proxies answer with HTML, which the client must tolerate.</summary>
    public static FakeRestResponse BadGateway() =>
        new() { Status = 502, Body = "<html><body>502 Bad Gateway</body></html>" };

    public static FakeRestResponse Unauthorized() => Json(401, """{"message": "401: Unauthorized", "code": 0}""");

    public static FakeRestResponse Error(int status, int code, string message) =>
        Json(status, $$"""{"message": {{System.Text.Json.JsonSerializer.Serialize(message)}}, "code": {{code}}}""");

    /// <summary>The docs' 50035 example error body.</summary>
    public static FakeRestResponse InvalidFormBody() => Json(
        400,
        """{"code": 50035, "errors": {"access_token": {"_errors": [{"code": "BASE_TYPE_REQUIRED", "message": "This field is required"}]}}, "message": "Invalid Form Body"}""");

    /// <summary>A 50035 body with the given nested <c>errors</c> object.</summary>
    public static FakeRestResponse InvalidFormBody(string errorsJson) =>
        Json(400, $$"""{"code": 50035, "errors": {{errorsJson}}, "message": "Invalid Form Body"}""");
}
