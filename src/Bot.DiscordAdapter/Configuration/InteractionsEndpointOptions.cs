namespace Bot.DiscordAdapter.Configuration;

/// <summary>
/// The HTTP listener (section <c>Discord:Http</c>): <c>POST /interactions</c> in http and both modes, and
/// <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c> in every mode. Its address comes from ASP.NET's usual
/// <c>--urls</c> / <c>ASPNETCORE_URLS</c>, else <see cref="Urls"/>.
/// </summary>
public sealed class InteractionsEndpointOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>False turns the listener off in gateway mode (it is needed in the other modes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Listening address(es), separated by semicolons, when neither --urls nor ASPNETCORE_URLS is set.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Larger request bodies are refused with 413 before anything is parsed.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>A signed timestamp further than this from our clock is refused (replays).</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromSeconds(5);
}
