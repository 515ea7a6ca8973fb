using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private static readonly TimeSpan Eps = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Safety = FakeClock.SafetyTimeout;

    // Task.Delay hands whole milliseconds to the TimeProvider.
    private static void AssertSeconds(double expected, TimeSpan actual) =>
        Assert.InRange(actual.TotalSeconds, expected - 0.0011, expected);

    [Fact]
    public async Task Exhausted_bucket_waits_reset_after_before_the_next_request()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.WithRateLimit("msgbucket", 5, 0, 2.5));

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety);
        Assert.Empty(h.Pauses);
        var second = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        var pause = await h.WaitForPauseAsync();
        AssertSeconds(2.5, pause);
        Assert.Single(h.Server.Requests);
        h.Time.Advance(pause);
        await second.WaitAsync(Safety);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Buckets_are_per_major_parameter()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.WithRateLimit("msgbucket", 5, 0, 3));

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety);
        await h.Client.CreateMessageAsync(ChannelId + 1, Hello, CancellationToken.None).WaitAsync(Safety);

        Assert.Empty(h.Pauses);
    }

    [Fact]
    public async Task Routes_reporting_the_same_bucket_share_its_limit()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", GlobalCommands, FakeRestResponse.WithRateLimit("cmds", 5, 3, 20), FakeRestResponse.Default());
        h.Server.Enqueue("PUT", GlobalCommands, FakeRestResponse.WithRateLimit("cmds", 5, 0, 4));

        await h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None).WaitAsync(Safety);
        await h.Client.OverwriteGlobalCommandsAsync(AppId, [Blep], CancellationToken.None).WaitAsync(Safety);
        Assert.Empty(h.Pauses);
        var third = h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None);

        var pause = await h.WaitForPauseAsync();
        AssertSeconds(4, pause);
        Assert.Equal(2, h.Server.Requests.Count);
        h.Time.Advance(pause);
        await third.WaitAsync(Safety);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task User_429_waits_retry_after_seconds_then_retries_exactly_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser());

        var sending = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        var pause = await h.WaitForPauseAsync();
        AssertSeconds(64.57, pause);
        Assert.Single(h.Server.Requests);
        h.Time.Advance(pause);
        var message = await sending.WaitAsync(Safety);

        Assert.NotEqual(0UL, message.Id);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Single(h.Pauses);
        Assert.Contains(h.Logs.Lines, l => l.Contains("429", StringComparison.Ordinal) && l.Contains("Scope=user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_header_is_used_when_the_body_has_none()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.Json(
            429, """{"message": "You are being rate limited.", "global": false}""",
            new Dictionary<string, string> { ["Retry-After"] = "3", ["X-RateLimit-Scope"] = "user" }));

        var sending = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        var pause = await h.WaitForPauseAsync();
        AssertSeconds(3, pause);
        h.Time.Advance(pause);
        await sending.WaitAsync(Safety);

        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_fails_fast_and_later_calls_do_not_hit_the_exhausted_bucket()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitWait = TimeSpan.FromSeconds(60));
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser());

        var first = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety));
        var second = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety));

        Assert.Equal(TimeSpan.FromSeconds(64.57), first.RetryAfter);
        Assert.Equal("user", first.Scope);
        Assert.False(first.IsGlobal);
        Assert.Equal(first.RetryAfter, second.RetryAfter);
        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Pauses);
    }

    [Fact]
    public async Task Repeated_429s_stop_after_the_configured_number_of_retries()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitRetries = 1);
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser(), FakeRestResponse.RateLimitedUser());

        var sending = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        h.Time.Advance(await h.WaitForPauseAsync());
        await Assert.ThrowsAsync<DiscordRateLimitedException>(() => sending.WaitAsync(Safety));

        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Single(h.Pauses);
    }

    [Fact]
    public async Task Global_429_pauses_other_routes_but_not_interaction_callbacks()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedGlobal());

        var limited = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        await h.WaitForPauseAsync(1);
        var other = h.Client.GetCurrentUserAsync(CancellationToken.None);
        await h.WaitForPauseAsync(2);
        await h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(), CancellationToken.None)
            .WaitAsync(Safety);

        Assert.False(limited.IsCompleted);
        Assert.False(other.IsCompleted);
        Assert.Equal(["create_message", "create_interaction_response"], h.Server.Requests.Select(r => r.OperationId));

        h.Time.Advance(TimeSpan.FromSeconds(64.57));
        await Task.WhenAll(limited, other).WaitAsync(Safety);

        Assert.Equal(4, h.Server.Requests.Count);
        Assert.Equal(2, h.Server.RequestsTo("POST", ChannelMessages).Count);
        Assert.Single(h.Server.RequestsTo("GET", UsersMe));
        Assert.Equal(2, h.Pauses.Count);
        Assert.All(h.Pauses, d => Assert.InRange(d, TimeSpan.FromSeconds(64.57) - Eps, TimeSpan.FromSeconds(64.57)));
    }

    [Fact]
    public async Task Shared_429_waits_on_that_resource_only()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedShared());

        var limited = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        var pause = await h.WaitForPauseAsync();
        await h.Client.CreateMessageAsync(ChannelId + 1, Hello, CancellationToken.None).WaitAsync(Safety);
        await h.Client.GetCurrentUserAsync(CancellationToken.None).WaitAsync(Safety);

        Assert.False(limited.IsCompleted);
        AssertSeconds(1336.57, pause);
        Assert.Single(h.Pauses);

        h.Time.Advance(pause);
        await limited.WaitAsync(Safety);
        Assert.Equal(2, h.Server.Requests.Count(r => r.Path == $"/channels/{ChannelId}/messages"));
        Assert.Contains(h.Logs.Lines, l => l.Contains("Scope=shared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shared_429_beyond_the_allowed_wait_reports_the_shared_scope()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitWait = TimeSpan.FromMinutes(5));
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedShared());

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None).WaitAsync(Safety));

        Assert.Equal("shared", error.Scope);
        Assert.Equal(TimeSpan.FromSeconds(1336.57), error.RetryAfter);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task Proactive_global_limit_holds_the_51st_request_in_a_second_but_not_interaction_callbacks()
    {
        await using var h = await RestHarness.StartAsync();

        for (var i = 0; i < 50; i++)
        {
            await h.Client.GetCurrentUserAsync(CancellationToken.None).WaitAsync(Safety);
        }

        for (var i = 0; i < 60; i++)
        {
            await h.Client.CreateInteractionResponseAsync(
                InteractionId + (ulong)i, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(), CancellationToken.None).WaitAsync(Safety);
        }

        await h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None).WaitAsync(Safety);
        Assert.Empty(h.Pauses);

        var held = h.Client.GetCurrentUserAsync(CancellationToken.None);
        var pause = await h.WaitForPauseAsync();
        AssertSeconds(1, pause);
        Assert.Equal(111, h.Server.Requests.Count);
        h.Time.Advance(pause);
        await held.WaitAsync(Safety);

        Assert.Equal(112, h.Server.Requests.Count);
    }
}
