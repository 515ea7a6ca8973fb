using Bot.Application;
using Bot.Discord.Gateway;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Commands;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Messages;
using Bot.DiscordAdapter.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class InteractionHandlerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeClock _time = new();
    private readonly RecordingRestClient _rest = new();
    private readonly StubAssistant _assistant = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly InteractionHandler _handler;

    public InteractionHandlerTests()
    {
        var options = Options.Create(new DiscordBotOptions { ApplicationId = Inbound.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _handler = new InteractionHandler(_assistant, _rest, new BotIdentity(options), options, _time, _logs.CreateLogger<InteractionHandler>());
    }

    [Fact(Timeout = 10_000)]
    public async Task A_quick_reply_is_sent_at_once_as_a_channel_message()
    {
        var session = await _handler.HandleAsync(Inbound.Recommend(), _time.GetTimestamp(), CancellationToken.None);

        var callback = Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        var data = Assert.IsType<MessagePayload>(callback.Data);
        Assert.Equal(5, data.Embeds!.Count);
        Assert.Null(data.Flags);
        Assert.Empty(data.AllowedMentions!.Parse!);
        Assert.Empty(_rest.Edits);
        Assert.Equal(InteractionState.Answered, session.State);
        var request = Assert.Single(_assistant.Requests);
        Assert.Equal(new RecommendRequest { Topic = "consensus", Level = "beginner", Count = 5 }, request);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_slow_reply_is_deferred_then_delivered_by_editing_the_original()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;

        var handling = Task.Run(() => _handler.HandleAsync(Inbound.Recommend(), _time.GetTimestamp(), CancellationToken.None));
        await DeferTimersArmedAsync(1);
        await Until(() => _assistant.Requests.Count == 1);
        Assert.Empty(_rest.Calls);

        _time.Advance(TimeSpan.FromMilliseconds(1500));
        await Until(() => _rest.Callbacks.Count == 1);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, _rest.Callbacks[0].Type);
        Assert.Empty(_rest.Edits);

        gate.Set();
        var session = await handling.WaitAsync(Wait);

        var edit = Assert.Single(_rest.Edits);
        Assert.Equal(5, edit.Embeds!.Count);
        Assert.Empty(edit.AllowedMentions!.Parse!);
        Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionState.Edited, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task When_every_reply_slot_is_busy_a_new_interaction_is_deferred_at_once_and_edited_in_turn()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;
        var slots = Environment.ProcessorCount;
        var busy = Enumerable.Range(0, slots)
            .Select(i => Task.Run(() => _handler.HandleAsync(Inbound.Recommend(id: 2000 + (ulong)i), _time.GetTimestamp(), CancellationToken.None)))
            .ToList();
        await DeferTimersArmedAsync(slots);
        await Until(() => _assistant.Requests.Count == slots);

        var queued = Task.Run(() => _handler.HandleAsync(Inbound.Recommend(id: 3000), _time.GetTimestamp(), CancellationToken.None));
        await Until(() => _rest.Calls.Count == 1);
        var deferral = Assert.Single(_rest.Calls);
        Assert.Equal(3000UL, deferral.InteractionId);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.IsType<InteractionResponse>(deferral.Body).Type);
        Assert.Equal(slots, _assistant.Requests.Count);

        gate.Set();
        var sessions = await Task.WhenAll(busy.Append(queued)).WaitAsync(Wait);

        Assert.All(sessions[..slots], s => Assert.Equal(InteractionState.Answered, s.State));
        Assert.Equal(InteractionState.Edited, sessions[slots].State);
        Assert.Equal(slots + 1, _assistant.Requests.Count);
        Assert.Equal(5, Assert.Single(_rest.Edits).Embeds!.Count);
        Assert.Equal(slots, _rest.Callbacks.Count(c => c.Type == InteractionCallbackType.ChannelMessageWithSource));
    }

    [Fact(Timeout = 10_000)]
    public async Task The_dispatch_worker_is_given_back_once_acknowledged_while_the_edit_still_counts_as_work_in_flight()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;
        using var tracker = new WorkTracker();
        var gateway = GatewayHandler(tracker);
        var receipt = new GatewayReceipt(0, 7, _time.GetTimestamp());

        var dispatch = Task.Run(() => gateway.OnInteractionCreateAsync(new InteractionCreateEvent(Inbound.Recommend(), receipt), CancellationToken.None));
        await DeferTimersArmedAsync(1);
        await Until(() => _assistant.Requests.Count == 1);
        Assert.False(dispatch.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        await dispatch.WaitAsync(Wait);

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, Assert.Single(_rest.Callbacks).Type);
        Assert.Empty(_rest.Edits);
        Assert.Equal(1, tracker.InFlight);
        var stopping = tracker.StopAsync(TimeSpan.FromSeconds(10), _time, CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        gate.Set();
        Assert.True(await stopping.WaitAsync(Wait));
        Assert.Single(_rest.Edits);
        Assert.Equal(0, tracker.InFlight);
    }

    [Fact(Timeout = 10_000)]
    public async Task Errors_are_ephemeral()
    {
        _assistant.OnRecommend = _ => Replies.Error("Unknown level 'banana'. Levels: beginner, intermediate, advanced.");

        await _handler.HandleAsync(Inbound.Recommend(level: "banana"), _time.GetTimestamp(), CancellationToken.None);

        var data = Assert.IsType<MessagePayload>(Assert.Single(_rest.Callbacks).Data);
        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
        Assert.Contains("banana", data.Embeds![0].Description, StringComparison.Ordinal);
        Assert.Null(data.Components);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_owner_pages_with_more_through_an_update_of_the_message()
    {
        var customId = PagingCustomId.Encode(Inbound.UserId, new RecommendRequest { Topic = "consensus", Level = "beginner", Offset = 5, Count = 5 })!;
        var message = Inbound.SnowflakeAt(_time.GetUtcNow() - TimeSpan.FromMinutes(2));

        var session = await _handler.HandleAsync(Inbound.Button(customId, Inbound.UserId, message), _time.GetTimestamp(), CancellationToken.None);

        var callback = Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionCallbackType.UpdateMessage, callback.Type);
        var data = Assert.IsType<MessagePayload>(callback.Data);
        Assert.Equal("6. Paper number 6", data.Embeds![0].Title);
        Assert.True(PagingCustomId.TryDecode(data.Components![0].Components[0].CustomId, out var next));
        Assert.Equal(10, next.Request.Offset);
        Assert.Equal(5, Assert.Single(_assistant.Requests).Offset);
        Assert.Equal(InteractionState.Answered, session.State);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_last_page_removes_the_button()
    {
        _assistant.OnRecommend = request => Replies.Recommendation(2, request, more: false);
        var customId = PagingCustomId.Encode(Inbound.UserId, new RecommendRequest { Topic = "consensus", Offset = 5, Count = 5 })!;

        await _handler.HandleAsync(Inbound.Button(customId, Inbound.UserId, Inbound.SnowflakeAt(_time.GetUtcNow())), _time.GetTimestamp(), CancellationToken.None);

        var data = Assert.IsType<MessagePayload>(Assert.Single(_rest.Callbacks).Data);
        Assert.NotNull(data.Components);
        Assert.Empty(data.Components);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_button_pressed_by_someone_else_gets_an_ephemeral_explanation()
    {
        var customId = PagingCustomId.Encode(Inbound.UserId, new RecommendRequest { Topic = "consensus", Offset = 5, Count = 5 })!;

        await _handler.HandleAsync(Inbound.Button(customId, Inbound.OtherUserId, Inbound.SnowflakeAt(_time.GetUtcNow())), _time.GetTimestamp(), CancellationToken.None);

        var callback = Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        var data = Assert.IsType<MessagePayload>(callback.Data);
        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
        Assert.Contains("Only the person who asked", data.Content, StringComparison.Ordinal);
        Assert.Empty(_assistant.Requests);
    }

    [Theory(Timeout = 10_000)]
    [InlineData("more1:53908232506183680:5:5:beginner::consensus", 120, "expired")]
    [InlineData("old-button-v0", 1, "no longer works")]
    public async Task A_button_on_an_expired_or_unknown_message_gets_an_ephemeral_explanation(string customId, int ageMinutes, string expected)
    {
        var message = Inbound.SnowflakeAt(_time.GetUtcNow() - TimeSpan.FromMinutes(ageMinutes));

        await _handler.HandleAsync(Inbound.Button(customId, Inbound.UserId, message), _time.GetTimestamp(), CancellationToken.None);

        var data = Assert.IsType<MessagePayload>(Assert.Single(_rest.Callbacks).Data);
        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
        Assert.Contains(expected, data.Content, StringComparison.Ordinal);
        Assert.Empty(_assistant.Requests);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_slow_page_is_acknowledged_with_a_deferred_update_then_edited()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;
        var customId = PagingCustomId.Encode(Inbound.UserId, new RecommendRequest { Topic = "consensus", Offset = 5, Count = 5 })!;

        var handling = Task.Run(() => _handler.HandleAsync(Inbound.Button(customId, Inbound.UserId, Inbound.SnowflakeAt(_time.GetUtcNow())), _time.GetTimestamp(), CancellationToken.None));
        await DeferTimersArmedAsync(1);
        await Until(() => _assistant.Requests.Count == 1);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Until(() => _rest.Callbacks.Count == 1);
        gate.Set();
        await handling.WaitAsync(Wait);

        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, Assert.Single(_rest.Callbacks).Type);
        Assert.Equal("6. Paper number 6", Assert.Single(_rest.Edits).Embeds![0].Title);
    }

    [Fact(Timeout = 10_000)]
    public async Task Autocomplete_answers_at_most_25_choices_within_100_characters()
    {
        _assistant.Suggestions =
        [
            new Suggestion("too long value", new string('v', 101)),
            .. Enumerable.Range(1, 40).Select(i => new Suggestion(new string('n', 150) + i, "value-" + i)),
        ];

        await _handler.HandleAsync(Inbound.Autocomplete("recommend", "topic", "cons"), _time.GetTimestamp(), CancellationToken.None);

        var callback = Assert.Single(_rest.Callbacks);
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, callback.Type);
        var choices = Assert.IsType<AutocompleteResult>(callback.Data).Choices;
        Assert.Equal(25, choices.Count);
        Assert.All(choices, c =>
        {
            Assert.InRange(c.Name.Length, 1, 100);
            Assert.InRange(((string)c.Value).Length, 1, 100);
        });
        Assert.Equal("value-1", choices[0].Value);
    }

    [Fact(Timeout = 10_000)]
    public async Task Real_autocomplete_for_topics_and_papers_stays_within_limits()
    {
        var options = Options.Create(new DiscordBotOptions());
        var handler = new InteractionHandler(RealAssistant.Instance, _rest, new BotIdentity(options), options, TimeProvider.System, _logs.CreateLogger<InteractionHandler>());

        await handler.HandleAsync(Inbound.Autocomplete("recommend", "topic", "", id: 1), TimeProvider.System.GetTimestamp(), CancellationToken.None);
        await handler.HandleAsync(Inbound.Autocomplete("paper", "query", "ra", id: 2), TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(2, _rest.Callbacks.Count);
        Assert.All(_rest.Callbacks, c => Assert.Empty(MessageValidator.Validate(c)));
        var topics = Assert.IsType<AutocompleteResult>(_rest.Callbacks[0].Data).Choices;
        Assert.InRange(topics.Count, 1, 25);
        Assert.Contains(Assert.IsType<AutocompleteResult>(_rest.Callbacks[1].Data).Choices, c => ((string)c.Value).Contains("raft", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = 10_000)]
    public async Task An_unknown_command_gets_an_ephemeral_explanation()
    {
        await _handler.HandleAsync(Inbound.Command("cardsearch"), _time.GetTimestamp(), CancellationToken.None);

        var data = Assert.IsType<MessagePayload>(Assert.Single(_rest.Callbacks).Data);
        Assert.Equal(MessageFlags.Ephemeral, data.Flags);
    }

    [Fact(Timeout = 10_000)]
    public async Task An_interaction_already_too_old_is_not_answered()
    {
        var received = _time.GetTimestamp();
        _time.Advance(TimeSpan.FromSeconds(4));

        var session = await _handler.HandleAsync(Inbound.Recommend(), received, CancellationToken.None);

        Assert.Empty(_rest.Calls);
        Assert.Equal(InteractionState.Expired, session.State);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 3102 && e.Level == LogLevel.Warning);
    }

    private DiscordGatewayHandler GatewayHandler(WorkTracker tracker)
    {
        var options = Options.Create(new DiscordBotOptions { ApplicationId = Inbound.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var identity = new BotIdentity(options);
        var runState = new BotRunState();
        return new DiscordGatewayHandler(
            _handler,
            new FreeTextHandler(_assistant, _rest, identity, new CooldownGate(options, _time), options, _logs.CreateLogger<FreeTextHandler>()),
            identity,
            new CommandRegistrationCoordinator(new CommandRegistrar(_rest, _logs.CreateLogger<CommandRegistrar>()), options, runState, _logs.CreateLogger<CommandRegistrationCoordinator>()),
            tracker,
            runState,
            _logs.CreateLogger<DiscordGatewayHandler>());
    }

    [Fact(Timeout = 10_000)]
    public async Task In_a_burst_that_mixes_valid_and_invalid_commands_every_error_stays_private()
    {
        using var gate = new ManualResetEventSlim(false);
        _assistant.Gate = gate;
        _assistant.OnRecommend = request => request.Topic == "bogus"
            ? Replies.Error("Unknown topic 'bogus'.")
            : Replies.Recommendation(5, request);
        var slots = Environment.ProcessorCount;
        var busy = Enumerable.Range(0, slots)
            .Select(i => Task.Run(() => _handler.HandleAsync(Inbound.Recommend(id: 2000 + (ulong)i), _time.GetTimestamp(), CancellationToken.None)))
            .ToList();
        await DeferTimersArmedAsync(slots);
        await Until(() => _assistant.Requests.Count == slots);

        // With every slot busy, these are deferred publicly at once, before anyone knows which will fail.
        var queued = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => _handler.HandleAsync(
                Inbound.Recommend(topic: i % 2 == 0 ? "bogus" : "consensus", id: 3000 + (ulong)i), _time.GetTimestamp(), CancellationToken.None)))
            .ToList();
        await Until(() => _rest.Callbacks.Count == 6);
        Assert.All(_rest.Callbacks, c => Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, c.Type));

        gate.Set();
        await Task.WhenAll(busy.Concat(queued)).WaitAsync(Wait);

        Assert.Equal(3, _rest.Edits.Count);
        Assert.All(_rest.Edits, edit => Assert.DoesNotContain("Unknown topic", edit.Content ?? string.Empty, StringComparison.Ordinal));
        Assert.All(_rest.Edits, edit => Assert.Equal(5, edit.Embeds!.Count));
        var followUps = _rest.Calls.Where(c => c.Operation == "followup").Select(c => (MessagePayload)c.Body!).ToList();
        Assert.Equal(3, followUps.Count);
        Assert.All(followUps, f => Assert.Equal(MessageFlags.Ephemeral, f.Flags));
        Assert.All(followUps, f => Assert.Contains("Unknown topic", RenderedText(f), StringComparison.Ordinal));
        Assert.Equal(3, _rest.Calls.Count(c => c.Operation == "delete-original"));
    }

    private static string RenderedText(MessagePayload payload) =>
        string.Join("\n", new[] { payload.Content }.Concat(payload.Embeds?.SelectMany(e => new[] { e.Title, e.Description }) ?? []).OfType<string>());

    /// <summary>The handler is waiting to defer <paramref name="count"/> interactions (each arms one DeferAfter timer).</summary>
    private Task DeferTimersArmedAsync(int count) => _time.WaitForArmedAsync(new DiscordBotOptions().DeferAfter, count);

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
