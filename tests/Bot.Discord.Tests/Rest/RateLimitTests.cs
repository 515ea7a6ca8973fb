using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private static readonly TimeSpan Eps = TimeSpan.FromMilliseconds(2);

    private static void AssertDelays(RestHarness h, params double[] seconds)
    {
        var delays = h.Time.Delays;
        Assert.Equal(seconds.Length, delays.Count);
        for (var i = 0; i < seconds.Length; i++)
        {
            // Task.Delay hands whole milliseconds to the TimeProvider.
            Assert.InRange(delays[i].TotalSeconds, seconds[i] - 0.0011, seconds[i]);
        }
    }

    [Fact]
    public async Task Exhausted_bucket_waits_reset_after_before_the_next_request()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.WithRateLimit("msgbucket", 5, 0, 2.5));

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        Assert.Empty(h.Time.Delays);
        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        AssertDelays(h, 2.5);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Buckets_are_per_major_parameter()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.WithRateLimit("msgbucket", 5, 0, 3));

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        await h.Client.CreateMessageAsync(ChannelId + 1, Hello, CancellationToken.None);

        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task Routes_reporting_the_same_bucket_share_its_limit()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", GlobalCommands, FakeRestResponse.WithRateLimit("cmds", 5, 3, 20), FakeRestResponse.Default());
        h.Server.Enqueue("PUT", GlobalCommands, FakeRestResponse.WithRateLimit("cmds", 5, 0, 4));

        await h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None);
        await h.Client.OverwriteGlobalCommandsAsync(AppId, [Blep], CancellationToken.None);
        Assert.Empty(h.Time.Delays);
        await h.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None);

        AssertDelays(h, 4);
    }

    [Fact]
    public async Task User_429_waits_retry_after_seconds_then_retries_exactly_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser());

        var message = await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        Assert.NotEqual(0UL, message.Id);
        Assert.Equal(2, h.Server.Requests.Count);
        AssertDelays(h, 64.57);
        Assert.Contains(h.Logs.Lines, l => l.Contains("429", StringComparison.Ordinal) && l.Contains("Scope=user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_header_is_used_when_the_body_has_none()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.Json(
            429, """{"message": "You are being rate limited.", "global": false}""",
            new Dictionary<string, string> { ["Retry-After"] = "3", ["X-RateLimit-Scope"] = "user" }));

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        AssertDelays(h, 3);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_fails_fast_and_later_calls_do_not_hit_the_exhausted_bucket()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitWait = TimeSpan.FromSeconds(60));
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser());

        var first = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(64.57), first.RetryAfter);
        Assert.Equal("user", first.Scope);
        Assert.False(first.IsGlobal);
        Assert.True(second.RetryAfter <= first.RetryAfter);
        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task Repeated_429s_stop_after_the_configured_number_of_retries()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitRetries = 1);
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedUser(), FakeRestResponse.RateLimitedUser());

        await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));

        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Global_429_pauses_other_routes_but_not_interaction_callbacks()
    {
        await using var h = await RestHarness.StartAsync(autoAdvance: false);
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedGlobal());

        var limited = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        await h.Time.WaitForPendingTimersAsync(1);
        var other = h.Client.GetCurrentUserAsync(CancellationToken.None);
        await h.Time.WaitForPendingTimersAsync(2);
        await h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(), CancellationToken.None);

        Assert.False(limited.IsCompleted);
        Assert.False(other.IsCompleted);
        Assert.Equal(["create_message", "create_interaction_response"], h.Server.Requests.Select(r => r.OperationId));

        h.Time.Advance(TimeSpan.FromSeconds(64.57));
        await Task.WhenAll(limited, other).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, h.Server.Requests.Count);
        Assert.Equal(2, h.Server.RequestsTo("POST", ChannelMessages).Count);
        Assert.Single(h.Server.RequestsTo("GET", UsersMe));
        Assert.All(h.Time.Delays, d => Assert.InRange(d, TimeSpan.FromSeconds(64.57) - Eps, TimeSpan.FromSeconds(64.57)));
    }

    [Fact]
    public async Task Shared_429_waits_on_that_resource_only()
    {
        await using var h = await RestHarness.StartAsync(autoAdvance: false);
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedShared());

        var limited = h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);
        await h.Time.WaitForPendingTimersAsync(1);
        await h.Client.CreateMessageAsync(ChannelId + 1, Hello, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await h.Client.GetCurrentUserAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(limited.IsCompleted);
        AssertDelays(h, 1336.57);

        h.Time.Advance(TimeSpan.FromSeconds(1336.57));
        await limited.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, h.Server.Requests.Count(r => r.Path == $"/channels/{ChannelId}/messages"));
        Assert.Contains(h.Logs.Lines, l => l.Contains("Scope=shared", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shared_429_beyond_the_allowed_wait_reports_the_shared_scope()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRateLimitWait = TimeSpan.FromMinutes(5));
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.RateLimitedShared());

        var error = await Assert.ThrowsAsync<DiscordRateLimitedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));

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
            await h.Client.GetCurrentUserAsync(CancellationToken.None);
        }

        Assert.Empty(h.Time.Delays);
        for (var i = 0; i < 60; i++)
        {
            await h.Client.CreateInteractionResponseAsync(
                InteractionId + (ulong)i, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(), CancellationToken.None);
        }

        await h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None);
        Assert.Empty(h.Time.Delays);

        await h.Client.GetCurrentUserAsync(CancellationToken.None);

        AssertDelays(h, 1);
        Assert.Equal(112, h.Server.Requests.Count);
    }
}
