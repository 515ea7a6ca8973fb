using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class InteractionSessionTests
{
    private readonly FakeClock _time = new();
    private readonly RecordingRestClient _rest = new();
    private readonly CapturingLoggerProvider _logs = new();

    private InteractionSession NewSession() =>
        new(1001, "tok-1001", Inbound.AppId, _time.GetTimestamp(), _rest, _time, _logs.CreateLogger("session"));

    private static InteractionResponse Answer() => InteractionResponse.Message(MessagePayload.FromContent("hi"));

    [Fact(Timeout = 10_000)]
    public async Task A_second_initial_response_is_refused_without_a_request()
    {
        var session = NewSession();

        Assert.True(await session.RespondAsync(Answer(), CancellationToken.None));
        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));
        Assert.False(await session.RespondAsync(InteractionResponse.DeferredMessage(), CancellationToken.None));

        Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionState.Answered, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task Concurrent_answers_send_exactly_one_callback()
    {
        var session = NewSession();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => session.RespondAsync(Answer(), CancellationToken.None))));

        Assert.Single(results, r => r);
        Assert.Single(_rest.Callbacks);
    }

    [Fact(Timeout = 10_000)]
    public async Task Defer_then_edit_then_follow_up_walks_the_states()
    {
        var session = NewSession();

        Assert.False(await session.EditOriginalAsync(MessagePayload.FromContent("too early"), CancellationToken.None));
        Assert.True(await session.RespondAsync(InteractionResponse.DeferredMessage(), CancellationToken.None));
        Assert.Equal(InteractionState.Deferred, session.State);
        Assert.True(await session.EditOriginalAsync(MessagePayload.FromContent("done"), CancellationToken.None));
        Assert.Equal(InteractionState.Edited, session.State);
        Assert.True(await session.FollowUpAsync(MessagePayload.FromContent("more"), CancellationToken.None));
        Assert.Equal(InteractionState.FollowedUp, session.State);

        Assert.Equal(["callback", "edit", "followup"], _rest.Calls.Select(c => c.Operation));
    }

    [Theory(Timeout = 10_000)]
    [InlineData(DiscordErrorCodes.InteractionAlreadyAcknowledged, 3105)]
    [InlineData(DiscordErrorCodes.UnknownInteraction, 3106)]
    public async Task Already_acknowledged_and_unknown_interaction_are_logged_once_and_never_retried(int code, int eventId)
    {
        var session = NewSession();
        _rest.FailNext(RecordingRestClient.ApiError(code));

        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));
        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));
        Assert.False(await session.EditOriginalAsync(MessagePayload.FromContent("x"), CancellationToken.None));
        Assert.False(await session.FollowUpAsync(MessagePayload.FromContent("x"), CancellationToken.None));

        Assert.Single(_rest.Calls);
        Assert.Equal(InteractionState.Gone, session.State);
        Assert.Single(_logs.Entries, e => e.EventId.Id == eventId && e.Level == LogLevel.Warning);
    }

    [Fact(Timeout = 10_000)]
    public async Task No_initial_response_is_sent_three_seconds_after_receipt()
    {
        var session = NewSession();
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));

        Assert.Empty(_rest.Calls);
        Assert.Equal(InteractionState.Expired, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task Nothing_is_sent_after_the_15_minute_token_life()
    {
        var session = NewSession();
        Assert.True(await session.RespondAsync(InteractionResponse.DeferredMessage(), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59));
        Assert.True(await session.EditOriginalAsync(MessagePayload.FromContent("in time"), CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await session.EditOriginalAsync(MessagePayload.FromContent("late"), CancellationToken.None));
        Assert.False(await session.FollowUpAsync(MessagePayload.FromContent("late"), CancellationToken.None));

        Assert.Equal(["callback", "edit"], _rest.Calls.Select(c => c.Operation));
        Assert.Equal(InteractionState.Expired, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task Another_failure_ends_the_session_without_retrying()
    {
        var session = NewSession();
        _rest.FailNext(new DiscordTransportException("POST", "/interactions/{interaction_id}/{interaction_token}/callback", 4, new HttpRequestException("down")));

        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));
        Assert.False(await session.RespondAsync(Answer(), CancellationToken.None));

        Assert.Single(_rest.Calls);
        Assert.Equal(InteractionState.Failed, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_interaction_token_never_reaches_the_logs()
    {
        var session = NewSession();
        _rest.FailNext(RecordingRestClient.ApiError(DiscordErrorCodes.UnknownInteraction));
        await session.RespondAsync(Answer(), CancellationToken.None);

        Assert.DoesNotContain("tok-1001", _logs.AllText, StringComparison.Ordinal);
    }
}
