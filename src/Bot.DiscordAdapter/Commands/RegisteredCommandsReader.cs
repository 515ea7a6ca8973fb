using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Bot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Commands;

/// <summary>Reads the commands Discord has registered, as raw JSON with every field (options, choices...).</summary>
public interface IRegisteredCommandsReader
{
    Task<JsonElement> GetAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken);
}

/// <summary>
/// GET <c>/applications/{id}(/guilds/{id})/commands</c> returning the whole JSON. The REST client's typed
/// <c>RegisteredCommand</c> keeps only names and descriptions, which is too little to compare options and
/// choices, so this one request goes through the same named <see cref="HttpClient"/>, token, base URL and
/// User-Agent, and raises the client's exception types. It runs once per start, far below any rate limit.
/// </summary>
public sealed class RegisteredCommandsReader : IRegisteredCommandsReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<DiscordRestOptions> _options;

    public RegisteredCommandsReader(IHttpClientFactory httpClientFactory, IOptions<DiscordRestOptions> options)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
    }

    public async Task<JsonElement> GetAsync(ulong applicationId, ulong? guildId, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        var (template, path) = guildId is { } guild
            ? ("/applications/{application_id}/guilds/{guild_id}/commands", $"/applications/{app}/guilds/{guild.ToString(CultureInfo.InvariantCulture)}/commands")
            : ("/applications/{application_id}/commands", $"/applications/{app}/commands");
        using var request = new HttpRequestMessage(HttpMethod.Get, options.BaseUrl.AbsoluteUri.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({options.UserAgentUrl}, {options.UserAgentVersion})");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var client = _httpClientFactory.CreateClient(DiscordRestClient.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DiscordTransportException("GET", template, 1, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.Clone();
            }

            var (code, message) = ParseError(body);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new DiscordUnauthorizedException(code, message, "GET", template, refusedLocally: false);
            }

            throw new DiscordApiException(response.StatusCode, code, message, [], "GET", template);
        }
    }

    private static (int? Code, string? Message) ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
