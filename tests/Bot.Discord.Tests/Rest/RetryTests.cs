using System.Net;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class RetryTests
{
    private static readonly TimeSpan Safety = FakeClock.SafetyTimeout;

    [Fact]
    public async Task Server_error_is_retried_with_backoff_then_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.ServerError());

        var sending = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        var backoff = await h.WaitForPauseAsync();
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(99), TimeSpan.FromMilliseconds(200));
        Assert.Single(h.Server.Requests);
        h.Time.Advance(backoff);
        await sending.WaitAsync(Safety);

        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task A_message_created_before_a_server_error_is_not_posted_twice_on_retry()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.ServerErrorAfterWriting());

        var sending = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        h.Time.Advance(await h.WaitForPauseAsync());
        var message = await sending.WaitAsync(Safety);

        var attempts = h.Server.RequestsTo("POST", ChannelMessages);
        Assert.Equal(2, attempts.Count);
        var bodies = attempts.Select(a => System.Text.Json.Nodes.JsonNode.Parse(a.Body!)!).ToList();
        Assert.All(bodies, b => Assert.True(b["enforce_nonce"]!.GetValue<bool>()));
        var nonce = bodies[0]["nonce"]!.GetValue<string>();
        Assert.InRange(nonce.Length, 1, DiscordLimits.MessageNonce);
        Assert.Equal(nonce, bodies[1]["nonce"]!.GetValue<string>());
        var created = Assert.Single(h.Server.ChannelMessages);
        Assert.Equal(created["id"]!.GetValue<string>(), message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Each_message_create_gets_its_own_nonce()
    {
        await using var h = await RestHarness.StartAsync();

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        Assert.Equal(2, h.Server.ChannelMessages.Count);
        Assert.NotEqual(h.Server.ChannelMessages[0]["nonce"]!.ToJsonString(), h.Server.ChannelMessages[1]["nonce"]!.ToJsonString());
    }

    [Fact]
    public async Task Bad_gateway_with_an_html_body_is_retried()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", "/gateway/bot", FakeRestResponse.BadGateway(), FakeRestResponse.BadGateway());

        var fetching = h.Client.GetGatewayBotAsync(CancellationToken.None);
        h.Time.Advance(await h.WaitForPauseAsync(1));
        var second = await h.WaitForPauseAsync(2);
        Assert.True(second >= TimeSpan.FromMilliseconds(199), "second backoff doubles");
        h.Time.Advance(second);
        var info = await fetching.WaitAsync(Safety);

        Assert.Equal(9, info.Shards);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_stop_after_max_retries()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRetries = 2);
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.ServerError(), FakeRestResponse.ServerError(503), FakeRestResponse.ServerError());

        var fetching = h.Client.GetCurrentUserAsync(CancellationToken.None);
        h.Time.Advance(await h.WaitForPauseAsync(1));
        h.Time.Advance(await h.WaitForPauseAsync(2));
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => fetching.WaitAsync(Safety));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, h.Server.Requests.Count);
        Assert.Equal(2, h.Pauses.Count);
    }

    [Theory]
    [InlineData(400, 50035)]
    [InlineData(403, 50013)]
    [InlineData(404, 10003)]
    public async Task Other_client_errors_are_not_retried(int status, int code)
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.Error(status, code, "nope"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal("nope", error.ApiMessage);
        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Pauses);
    }

    [Fact]
    public async Task Timeouts_are_retried()
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var h = await RestHarness.StartAsync(configure: o => o.RequestTimeout = timeout);
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(30) });

        var fetching = h.Client.GetCurrentUserAsync(CancellationToken.None);
        await h.Server.WaitForRequestsAsync(1);
        await h.WaitForAttemptTimeoutAsync(1);
        h.Time.Advance(timeout);
        h.Time.Advance(await h.WaitForPauseAsync());
        var me = await fetching.WaitAsync(Safety);

        Assert.Equal(h.Server.BotUserId, me.Id);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Single(h.Pauses);
    }

    [Fact]
    public async Task Persistent_timeouts_end_in_a_transport_exception()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var h = await RestHarness.StartAsync(configure: o =>
        {
            o.RequestTimeout = timeout;
            o.MaxRetries = 1;
        });
        var slow = FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(30) };
        h.Server.Enqueue("GET", UsersMe, slow, slow);

        var fetching = h.Client.GetCurrentUserAsync(CancellationToken.None);
        await h.Server.WaitForRequestsAsync(1);
        await h.WaitForAttemptTimeoutAsync(1);
        h.Time.Advance(timeout);
        h.Time.Advance(await h.WaitForPauseAsync());
        await h.Server.WaitForRequestsAsync(2);
        await h.WaitForAttemptTimeoutAsync(2);
        h.Time.Advance(timeout);
        var error = await Assert.ThrowsAsync<DiscordTransportException>(() => fetching.WaitAsync(Safety));

        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(30) });
        using var cts = new CancellationTokenSource();

        var fetching = h.Client.GetCurrentUserAsync(cts.Token);
        await h.Server.WaitForRequestsAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetching.WaitAsync(Safety));
        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Pauses);
    }
}
