using System.Net;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

public sealed class ErrorResponseTests
{
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
            o.RequestTimeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 1;
            o.MaxRateLimitWait = TimeSpan.FromSeconds(10);
        });
        var slow = FakeRestResponse.Default() with { Delay = TimeSpan.FromSeconds(30) };
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

        // Both attempts of the edit time out: the clock moves only here, so no other call can time out.
        var editing = Capture(() => h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, CancellationToken.None));
        await h.Server.WaitForRequestsAsync(3);
        await h.WaitForAttemptTimeoutAsync(3);
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        h.Time.Advance(await h.WaitForPauseAsync());
        await h.Server.WaitForRequestsAsync(4);
        await h.WaitForAttemptTimeoutAsync(4);
        h.Time.Advance(TimeSpan.FromMilliseconds(500));
        await editing.WaitAsync(FakeClock.SafetyTimeout);

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
