using Bot.Application;
using Bot.Discord.Models.Inbound;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Configuration;
using Bot.DiscordAdapter.Hosting;
using Bot.DiscordAdapter.Messages;
using Bot.DiscordAdapter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.DiscordAdapter.Tests.Unit;

public sealed class FreeTextTests
{
    private const ulong FreeChannel = 290926798999357250;
    private const ulong OtherChannel = 290926798999357251;
    private static readonly IReadOnlySet<ulong> Channels = new HashSet<ulong> { FreeChannel };

    private readonly FakeClock _time = new();
    private readonly RecordingRestClient _rest = new();
    private readonly StubAssistant _assistant = new();
    private readonly FreeTextHandler _handler;

    public FreeTextTests()
    {
        var options = Options.Create(new DiscordBotOptions
        {
            FreeTextChannelIds = [FreeChannel.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            UserCooldown = TimeSpan.FromSeconds(10),
            ChannelCooldown = TimeSpan.FromSeconds(3),
        });
        var identity = new BotIdentity(options);
        identity.OnReady(Inbound.Parse<ReadyEvent>($$"""
            {"v": 10, "user": {"id": "{{Inbound.BotId}}", "username": "Nelly", "bot": true}, "guilds": [], "session_id": "s",
             "resume_gateway_url": "wss://gateway.discord.gg", "application": {"id": "{{Inbound.AppId}}", "flags": 0} }
            """));
        _assistant.OnMessage = text => text.Contains("read", StringComparison.Ordinal)
            ? Replies.Recommendation(3)
            : new Reply { Input = text, Intent = Intent.None };
        _handler = new FreeTextHandler(_assistant, _rest, identity, new CooldownGate(options, _time), options, NullLogger<FreeTextHandler>.Instance);
    }

    [Theory]
    [InlineData("what should I read about consensus?", FreeChannel, 290926798626357999ul, false, false, FreeTextDecision.Answer)]
    [InlineData("what should I read about consensus?", OtherChannel, 290926798626357999ul, false, false, FreeTextDecision.NotAddressed)]
    [InlineData("what should I read about consensus?", OtherChannel, null, false, false, FreeTextDecision.Answer)]
    [InlineData("what should I read about consensus?", FreeChannel, 290926798626357999ul, true, false, FreeTextDecision.FromBot)]
    [InlineData("what should I read about consensus?", FreeChannel, 290926798626357999ul, false, true, FreeTextDecision.FromWebhook)]
    [InlineData("   ", FreeChannel, 290926798626357999ul, false, false, FreeTextDecision.Empty)]
    public void The_filter_answers_configured_channels_and_dms_and_ignores_bots_and_webhooks(
        string content, ulong channel, ulong? guild, bool bot, bool webhook, FreeTextDecision expected)
    {
        var message = Inbound.Message(content, channel, guild, bot: bot, webhook: webhook ? 9999ul : null);

        Assert.Equal(expected, FreeTextFilter.Decide(message, Inbound.BotId, Channels).Decision);
    }

    [Fact]
    public void The_bots_own_messages_and_system_messages_are_ignored()
    {
        Assert.Equal(FreeTextDecision.FromSelf, FreeTextFilter.Decide(Inbound.Message("read this", FreeChannel, author: Inbound.BotId), Inbound.BotId, Channels).Decision);
        Assert.Equal(FreeTextDecision.NotAUserMessage, FreeTextFilter.Decide(Inbound.Message("read this", FreeChannel, type: 7), Inbound.BotId, Channels).Decision);
    }

    [Theory]
    [InlineData("<@80351110224678912> what should I read about raft?")]
    [InlineData("hey <@!80351110224678912>, what should I read about raft?")]
    public void A_mention_anywhere_is_answered_with_the_mention_stripped(string content)
    {
        var verdict = FreeTextFilter.Decide(
            Inbound.Message(content, OtherChannel, mentionsJson: $$"""[{"id": "{{Inbound.BotId}}", "username": "Nelly", "bot": true}]"""), Inbound.BotId, Channels);

        Assert.Equal(FreeTextDecision.Answer, verdict.Decision);
        Assert.True(verdict.MentionsBot);
        Assert.DoesNotContain("<@", verdict.Text, StringComparison.Ordinal);
        Assert.EndsWith("what should I read about raft?", verdict.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_question_is_answered_as_a_reply_that_pings_nobody()
    {
        var message = Inbound.Message("<@80351110224678912> what should I read about consensus?", FreeChannel);

        await _handler.HandleAsync(message, CancellationToken.None);

        var call = Assert.Single(_rest.Calls);
        Assert.Equal("message", call.Operation);
        Assert.Equal(FreeChannel, call.InteractionId);
        var payload = Assert.IsType<MessagePayload>(call.Body);
        Assert.Equal(message.Id, payload.MessageReference!.MessageId);
        Assert.False(payload.MessageReference.FailIfNotExists);
        Assert.Empty(payload.AllowedMentions!.Parse!);
        Assert.False(payload.AllowedMentions.RepliedUser);
        Assert.Empty(MessageValidator.Validate(payload, MessageTarget.ChannelMessage));
        Assert.Equal(["what should I read about consensus?"], _assistant.MessagesSeen);
        Assert.Equal([true], _assistant.AddressedSeen);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_message_in_a_watched_channel_that_does_not_mention_the_bot_is_not_addressed_to_it()
    {
        await _handler.HandleAsync(Inbound.Message("what should I read about consensus?", FreeChannel), CancellationToken.None);

        Assert.Equal([false], _assistant.AddressedSeen);
    }

    [Fact(Timeout = 10_000)]
    public async Task Chatter_gets_silence()
    {
        await _handler.HandleAsync(Inbound.Message("nice weather today", FreeChannel), CancellationToken.None);

        Assert.Empty(_rest.Calls);
    }

    [Fact(Timeout = 10_000)]
    public async Task Cooldowns_keep_a_busy_channel_from_making_the_bot_spam()
    {
        const ulong alice = 1, bob = 2;
        await _handler.HandleAsync(Inbound.Message("what to read on raft", FreeChannel, author: alice, id: 10), CancellationToken.None);
        await _handler.HandleAsync(Inbound.Message("what to read on paxos", FreeChannel, author: bob, id: 11), CancellationToken.None);
        Assert.Single(_rest.Calls);

        _time.Advance(TimeSpan.FromSeconds(3));
        await _handler.HandleAsync(Inbound.Message("what to read on paxos", FreeChannel, author: bob, id: 12), CancellationToken.None);
        await _handler.HandleAsync(Inbound.Message("what to read on clocks", OtherChannel, guild: null, author: alice, id: 13), CancellationToken.None);
        Assert.Equal(2, _rest.Calls.Count);

        _time.Advance(TimeSpan.FromSeconds(7));
        await _handler.HandleAsync(Inbound.Message("what to read on clocks", OtherChannel, guild: null, author: alice, id: 14), CancellationToken.None);
        Assert.Equal(3, _rest.Calls.Count);
    }

    [Fact(Timeout = 10_000)]
    public async Task Chatter_does_not_start_a_cooldown()
    {
        await _handler.HandleAsync(Inbound.Message("lol", FreeChannel, id: 20), CancellationToken.None);
        await _handler.HandleAsync(Inbound.Message("what should I read on raft", FreeChannel, id: 21), CancellationToken.None);

        Assert.Single(_rest.Calls);
    }

    [Fact]
    public void The_gate_checks_user_and_channel_cooldowns_independently()
    {
        var gate = new CooldownGate(Options.Create(new DiscordBotOptions { UserCooldown = TimeSpan.FromSeconds(10), ChannelCooldown = TimeSpan.FromSeconds(3) }), _time);

        Assert.False(gate.IsCoolingDown(1, 100));
        Assert.True(gate.TryAcquire(1, 100));
        Assert.True(gate.IsCoolingDown(1, 200));
        Assert.True(gate.IsCoolingDown(2, 100));
        Assert.False(gate.TryAcquire(2, 100));
        Assert.True(gate.TryAcquire(2, 200));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(gate.TryAcquire(1, 100));
    }

    [Fact]
    public void Zero_cooldowns_never_block()
    {
        var gate = new CooldownGate(Options.Create(new DiscordBotOptions { UserCooldown = TimeSpan.Zero, ChannelCooldown = TimeSpan.Zero }), _time);

        Assert.True(gate.TryAcquire(1, 100));
        Assert.True(gate.TryAcquire(1, 100));
    }
}
