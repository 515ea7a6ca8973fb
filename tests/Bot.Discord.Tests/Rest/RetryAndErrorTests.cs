using System.Net;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class RetryAndErrorTests
{
    [Fact]
    public async Task Server_error_is_retried_with_backoff_then_succeeds()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.ServerError());

        await h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None);

        Assert.Equal(2, h.Server.Requests.Count);
        var delay = Assert.Single(h.Time.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(99), TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Bad_gateway_with_an_html_body_is_retried()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", "/gateway/bot", FakeRestResponse.BadGateway(), FakeRestResponse.BadGateway());

        var info = await h.Client.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal(9, info.Shards);
        Assert.Equal(3, h.Server.Requests.Count);
        Assert.Equal(2, h.Time.Delays.Count);
        Assert.True(h.Time.Delays[1] >= TimeSpan.FromMilliseconds(199), "second backoff doubles");
    }

    [Fact]
    public async Task Server_errors_stop_after_max_retries()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.MaxRetries = 2);
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.ServerError(), FakeRestResponse.ServerError(503), FakeRestResponse.ServerError());

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.GetCurrentUserAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Theory]
    [InlineData(400, 50035)]
    [InlineData(403, 50013)]
    [InlineData(404, 10003)]
    public async Task Other_client_errors_are_not_retried(int status, int code)
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", ChannelMessages, FakeRestResponse.Error(status, code, "nope"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal("nope", error.ApiMessage);
        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task Timeouts_are_retried()
    {
        await using var h = await RestHarness.StartAsync(configure: o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(5) });

        var me = await h.Client.GetCurrentUserAsync(CancellationToken.None);

        Assert.Equal(h.Server.BotUserId, me.Id);
        Assert.Equal(2, h.Server.Requests.Count);
        Assert.Single(h.Time.Delays);
    }

    [Fact]
    public async Task Persistent_timeouts_end_in_a_transport_exception()
    {
        await using var h = await RestHarness.StartAsync(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 1;
        });
        var slow = FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(5) };
        h.Server.Enqueue("GET", UsersMe, slow, slow);

        var error = await Assert.ThrowsAsync<DiscordTransportException>(() => h.Client.GetCurrentUserAsync(CancellationToken.None));

        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(5) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.GetCurrentUserAsync(cts.Token));

        Assert.Single(h.Server.Requests);
        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task Unauthorized_disables_the_client_without_further_requests()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Unauthorized());

        var first = await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => h.Client.GetCurrentUserAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => h.Client.CreateMessageAsync(ChannelId, Hello, CancellationToken.None));

        Assert.False(first.RefusedLocally);
        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.True(second.RefusedLocally);
        Assert.True(h.Client.IsDisabled);
        Assert.Single(h.Server.Requests);
        Assert.Contains(h.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_form_body_is_flattened_into_field_paths()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", Callback, FakeRestResponse.InvalidFormBody(
            """{"data": {"embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 256 or fewer in length."}]}}}, "content": {"_errors": [{"code": "A", "message": "first"}, {"code": "B", "message": "second"}]}}}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateInteractionResponseAsync(
            InteractionId, RestHarness.InteractionToken, InteractionResponse.Message(Hello), CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.InvalidFormBody, error.Code);
        Assert.Equal("Invalid Form Body", error.ApiMessage);
        Assert.Equal(
            ["data.embeds.0.title: Must be 256 or fewer in length.", "data.content: first", "data.content: second"],
            error.Errors.Select(e => e.ToString()));
        Assert.Equal("BASE_TYPE_MAX_LENGTH", error.Errors[0].Code);
        Assert.Contains("data.embeds.0.title: Must be 256 or fewer in length.", error.Message, StringComparison.Ordinal);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task Docs_error_fixture_is_parsed()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("PUT", GlobalCommands, FakeRestResponse.InvalidFormBody());

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.OverwriteGlobalCommandsAsync(AppId, [Blep], CancellationToken.None));

        Assert.Equal(new DiscordFieldError("access_token", "BASE_TYPE_REQUIRED", "This field is required"), Assert.Single(error.Errors));
    }

    [Theory]
    [InlineData(400, DiscordErrorCodes.InteractionAlreadyAcknowledged, true, false)]
    [InlineData(404, DiscordErrorCodes.UnknownInteraction, false, true)]
    public async Task Interaction_error_codes_are_exposed(int status, int code, bool acknowledged, bool unknown)
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", Callback, FakeRestResponse.Error(status, code, "interaction problem"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Client.CreateInteractionResponseAsync(
            InteractionId, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(), CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Equal(acknowledged, error.IsInteractionAlreadyAcknowledged);
        Assert.Equal(unknown, error.IsUnknownInteraction);
        Assert.Equal("/interactions/{interaction_id}/{interaction_token}/callback", error.Route);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task A_webhook_that_returned_404_is_not_used_again()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("POST", Followup, FakeRestResponse.Error(404, DiscordErrorCodes.UnknownWebhook, "Unknown Webhook"));

        await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordWebhookUnavailableException>(() =>
            h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken + "-other", Hello, CancellationToken.None);

        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Secrets_never_appear_in_logs_exception_messages_or_options()
    {
        await using var h = await RestHarness.StartAsync(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 1;
            o.MaxRateLimitWait = TimeSpan.FromSeconds(10);
        });
        var slow = FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(5) };
        h.Server.Enqueue("POST", Callback, FakeRestResponse.InvalidFormBody(), FakeRestResponse.RateLimitedUser());
        h.Server.Enqueue("PATCH", EditOriginal, slow, slow);
        h.Server.Enqueue("POST", Followup, FakeRestResponse.Error(404, DiscordErrorCodes.UnknownWebhook, "Unknown Webhook"));
        h.Server.Enqueue("GET", UsersMe, FakeRestResponse.Unauthorized());

        var errors = new List<Exception>();
        async Task Capture(Func<Task> call)
        {
            errors.Add(await Assert.ThrowsAnyAsync<Exception>(call));
        }

        var response = InteractionResponse.Message(Hello);
        await Capture(() => h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, response, CancellationToken.None));
        await Capture(() => h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, response, CancellationToken.None));
        await Capture(() => h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await Capture(() => h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await Capture(() => h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await Capture(() => h.Client.CreateMessageAsync(ChannelId, MessagePayload.FromContent(RestHarness.Token + new string('x', 2000)), CancellationToken.None));
        await Capture(() => h.Client.GetCurrentUserAsync(CancellationToken.None));
        await Capture(() => h.Client.GetCurrentUserAsync(CancellationToken.None));

        Assert.Equal(
            [typeof(DiscordApiException), typeof(DiscordRateLimitedException), typeof(DiscordTransportException), typeof(DiscordApiException),
             typeof(DiscordWebhookUnavailableException), typeof(DiscordPayloadValidationException), typeof(DiscordUnauthorizedException), typeof(DiscordUnauthorizedException)],
            errors.Select(e => e.GetType()));
        foreach (var error in errors)
        {
            Assert.DoesNotContain(RestHarness.Token, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(RestHarness.InteractionToken, error.ToString(), StringComparison.Ordinal);
        }

        Assert.NotEmpty(h.Logs.Lines);
        var options = new DiscordRestOptions { Token = RestHarness.Token };
        Assert.DoesNotContain(RestHarness.Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("<redacted>", options.ToString(), StringComparison.Ordinal);
    }
}
