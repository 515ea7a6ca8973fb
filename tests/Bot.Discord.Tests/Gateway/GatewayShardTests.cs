using System.Text.Json.Nodes;
using Bot.Discord.Gateway;
using Bot.Discord.Testing;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayShardTests
{
    private static readonly TimeSpan Wait = Eventually.Timeout;

    private static FakeGatewayPayload FirstNonHeartbeat(FakeGatewayConnection connection) =>
        connection.Received.First(p => p.Op != 1);

    /// <summary>The shard saw the ACK of the heartbeat it sent at the clock's current time (so the next beat is no zombie).</summary>
    private static Task AckRecordedAsync(GatewayTestHarness harness, FakeClock clock) =>
        Eventually.TrueAsync(() => harness.Shard.LastHeartbeatAck == clock.GetUtcNow(), $"ACK at {clock.GetUtcNow():O} recorded");

    [Fact(Timeout = 20_000)]
    public async Task Hello_identify_ready()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);

        var connection = await harness.WaitReadyAsync();

        Assert.Equal("/", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
        var identify = FirstNonHeartbeat(connection);
        Assert.Equal(2, identify.Op);
        var d = identify.Data!;
        Assert.Equal(GatewayTestHarness.Token, d["token"]!.GetValue<string>());
        Assert.Equal(4609, d["intents"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(d["properties"]!["os"]!.GetValue<string>()));
        Assert.Equal("Bot.Discord", d["properties"]!["browser"]!.GetValue<string>());
        Assert.Equal("Bot.Discord", d["properties"]!["device"]!.GetValue<string>());
        Assert.Equal("[0,1]", d["shard"]!.ToJsonString());
        Assert.Single(connection.ReceivedOp(2));

        var session = harness.Shard.Session!;
        Assert.Equal("evenmorerandomstring", session.SessionId);
        Assert.Equal(fake.ResumeUrl, session.ResumeGatewayUrl);
        Assert.Equal(FakeGatewayFixtures.ApplicationId, session.ApplicationId);
        Assert.Equal(FakeGatewayFixtures.BotUserId, session.BotUserId);
        Assert.Equal(1, harness.Shard.LastSequence);
        await Eventually.TrueAsync(() => harness.Handler.Readies.Count == 1, "ready handler");
        Assert.Equal("evenmorerandomstring", harness.Handler.Readies.Single().SessionId);
        Assert.All(connection.Received, p => Assert.True(p.ByteLength <= 4096));
    }

    [Fact(Timeout = 20_000)]
    public async Task First_heartbeat_is_jittered_then_periodic()
    {
        var clock = new FakeClock();
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 1000;
        await using var harness = GatewayTestHarness.Start(
            fake, new HarnessSettings { HeartbeatJitter = () => 0.25, TimeProvider = clock });
        var connection = await harness.WaitReadyAsync();
        await clock.WaitForArmedAsync(TimeSpan.FromMilliseconds(250));

        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.Empty(connection.ReceivedOp(1));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var first = await connection.WaitForOpAsync(1, Wait);
        Assert.Equal(1, first.Data!.GetValue<long>());
        await clock.WaitForArmedAsync(TimeSpan.FromSeconds(1));
        await AckRecordedAsync(harness, clock);

        for (var beat = 1; beat <= 3; beat++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(999));
            Assert.Equal(beat, connection.ReceivedOp(1).Count);
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await connection.WaitForOpAsync(1, Wait, occurrence: beat);
            await AckRecordedAsync(harness, clock);
        }

        Assert.Equal(4, connection.ReceivedOp(1).Count);
        Assert.Single(fake.Connections);
    }

    [Fact(Timeout = 20_000)]
    public async Task Zero_jitter_heartbeats_at_once_and_jitter_is_drawn_per_hello()
    {
        // The clock never moves in this test, so any heartbeat that arrives was sent without waiting.
        var clock = new FakeClock();
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 20_000;
        var draws = 0;
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings
        {
            HeartbeatJitter = () =>
            {
                Interlocked.Increment(ref draws);
                return 0.0;
            },
            TimeProvider = clock,
        });

        var connection = await fake.WaitForConnectionAsync(0, Wait);
        await connection.WaitForOpAsync(1, Wait);
        Assert.Equal(1, Volatile.Read(ref draws));

        // A second HELLO resets heartbeating: a new jitter draw and an immediate beat.
        await connection.SendOpAsync(10, new JsonObject { ["heartbeat_interval"] = 20_000 });
        await connection.WaitForOpAsync(1, Wait, occurrence: 1);
        Assert.Equal(2, Volatile.Read(ref draws));
    }

    [Fact(Timeout = 20_000)]
    public async Task Heartbeat_carries_null_before_any_sequence_then_the_last_non_null_one()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 10_000;
        var identified = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.OnIdentify = (_, identify) =>
        {
            identified.TrySetResult(identify);
            return Task.CompletedTask;
        };
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { HeartbeatJitter = () => 0.0 });

        var connection = await fake.WaitForConnectionAsync(0, Wait);
        var first = await connection.WaitForOpAsync(1, Wait);
        Assert.Null(first.Data);
        Assert.Equal("""{"op":1,"d":null}""", first.Json.ToJsonString());

        await fake.StartSessionAsync(connection, await identified.Task.WaitAsync(Wait));
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(11));
        var lastSequence = await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(12));
        await connection.SendAsync("""{"op":0,"s":null,"t":"SOMETHING_WITHOUT_SEQUENCE","d":{}}""");
        await connection.SendAsync(FakeGatewayFixtures.HeartbeatAck);
        await connection.SendOpAsync(1, null);

        var requested = await connection.WaitForOpAsync(1, Wait, occurrence: 1);
        Assert.Equal(3, lastSequence);
        Assert.Equal(3, requested.Data!.GetValue<long>());
        Assert.Equal(3, harness.Shard.LastSequence);
    }

    [Fact(Timeout = 20_000)]
    public async Task Server_heartbeat_request_is_answered_immediately()
    {
        // The clock never moves, so the periodic beat (due after 18 s) cannot be the answer.
        var clock = new FakeClock();
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 20_000;
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { HeartbeatJitter = () => 0.9, TimeProvider = clock });
        var connection = await harness.WaitReadyAsync();
        Assert.Empty(connection.ReceivedOp(1));

        await connection.SendOpAsync(1, null);
        var answer = await connection.WaitForOpAsync(1, Wait);

        Assert.Equal(1, answer.Data!.GetValue<long>());
        await Eventually.TrueAsync(() => harness.Shard.LastHeartbeatAck is not null, "ACK recorded");
    }

    [Fact(Timeout = 20_000)]
    public async Task Missing_heartbeat_ack_closes_with_4000_and_resumes_with_the_right_sequence()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 500;
        var withhold = false;
        fake.AckHeartbeats = c => !(c.Index == 0 && Volatile.Read(ref withhold));
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { HeartbeatJitter = () => 0.0 });
        var first = await harness.WaitReadyAsync();
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(21));
        await Eventually.TrueAsync(() => harness.Shard.LastSequence == 2, "sequence 2");

        Volatile.Write(ref withhold, true);

        var second = await fake.WaitForConnectionAsync(1, Wait);
        await first.WaitForCompletionAsync(Wait);
        Assert.Equal(4000, first.ClientCloseCode);
        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        var resume = await second.WaitForOpAsync(6, Wait);
        Assert.Equal(GatewayTestHarness.Token, resume.Data!["token"]!.GetValue<string>());
        Assert.Equal("evenmorerandomstring", resume.Data["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume.Data["seq"]!.GetValue<long>());
        Assert.Empty(second.ReceivedOp(2));
        await harness.WaitReadyAsync(1);
        Assert.Equal(1, harness.Handler.InteractionCount(21));
    }

    [Fact(Timeout = 20_000)]
    public async Task Dropped_connection_resumes_on_resume_url_and_replays_missed_events_once()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(31));
        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(32, "before the drop"));
        await Eventually.TrueAsync(
            () => harness.Handler.InteractionCount(31) == 1 && harness.Handler.MessageCount(32) == 1, "first events handled");

        // Events that happen while the client is not connected.
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(33), deliver: false);
        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(34, "during the drop"), deliver: false);
        first.Drop();

        var second = await fake.WaitForConnectionAsync(1, Wait);
        Assert.True(first.EndedWithoutClientCloseFrame);
        Assert.Equal("/resume", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        var resume = await second.WaitForOpAsync(6, Wait);
        Assert.Equal(3, resume.Data!["seq"]!.GetValue<long>());
        await harness.WaitReadyAsync(1);
        await Eventually.TrueAsync(
            () => harness.Handler.InteractionCount(33) == 1 && harness.Handler.MessageCount(34) == 1, "missed events handled");

        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(35, "after the resume"));
        await Eventually.TrueAsync(() => harness.Handler.MessageCount(35) == 1, "new event handled");
        Assert.Equal(1, harness.Handler.InteractionCount(31));
        Assert.Equal(1, harness.Handler.MessageCount(32));
        Assert.Equal(1, harness.Handler.InteractionCount(33));
        Assert.Equal(1, harness.Handler.MessageCount(34));
        Assert.Equal(2, harness.Handler.Interactions.Count);
        Assert.Equal(3, harness.Handler.Messages.Count);
        Assert.Single(harness.Handler.Readies);
        Assert.Equal(fake.Sequence, harness.Shard.LastSequence);
    }

    [Fact(Timeout = 20_000)]
    public async Task Duplicate_interaction_after_resume_is_handled_once()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(41));
        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(42));
        await Eventually.TrueAsync(() => harness.Handler.InteractionCount(41) == 1, "interaction handled");
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(43), deliver: false);

        // The gateway replays from s=2 although the client has seen up to s=3.
        fake.ReplayAfterSequenceOverride = 1;
        first.Drop();
        await harness.WaitReadyAsync(1);
        await Eventually.TrueAsync(() => harness.Handler.InteractionCount(43) == 1, "missed interaction handled");

        // The same id delivered twice on a live connection is also handled once.
        var second = fake.Connections[1];
        await second.SendDispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(44), fake.Sequence + 1);
        await second.SendDispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(44), fake.Sequence + 2);
        await Eventually.TrueAsync(() => harness.Handler.InteractionCount(44) == 1, "interaction 44 handled");
        await Eventually.TrueAsync(
            () => harness.Logs.AllText.Contains("duplicate INTERACTION_CREATE 44 dropped", StringComparison.Ordinal), "second copy of 44 dropped");

        Assert.Equal(1, harness.Handler.InteractionCount(41));
        Assert.Equal(1, harness.Handler.MessageCount(42));
        Assert.Equal(1, harness.Handler.InteractionCount(43));
        Assert.Equal(1, harness.Handler.InteractionCount(44));
        Assert.Contains("duplicate INTERACTION_CREATE 41 dropped", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Reconnect_request_closes_with_a_non_1000_code_and_resumes()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();
        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message(51));
        await Eventually.TrueAsync(() => harness.Shard.LastSequence == 2, "sequence 2");

        await first.SendAsync(FakeGatewayFixtures.Reconnect);

        var second = await fake.WaitForConnectionAsync(1, Wait);
        await first.WaitForCompletionAsync(Wait);
        Assert.NotNull(first.ClientCloseCode);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
        Assert.Equal("/resume", second.Path);
        var resume = await second.WaitForOpAsync(6, Wait);
        Assert.Equal(2, resume.Data!["seq"]!.GetValue<long>());
        await harness.WaitReadyAsync(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Invalid_session_false_waits_then_identifies_a_new_session_on_the_gateway_url()
    {
        var clock = new FakeClock();
        var delay = TimeSpan.FromMilliseconds(400);
        await using var fake = await FakeGateway.StartAsync();
        var waits = 0;
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings
        {
            InvalidSessionDelay = () =>
            {
                Interlocked.Increment(ref waits);
                return delay;
            },
            TimeProvider = clock,
        });
        var first = await harness.WaitReadyAsync();

        await first.SendAsync(FakeGatewayFixtures.InvalidSession);
        await clock.WaitForArmedAsync(delay);
        clock.Advance(delay - TimeSpan.FromMilliseconds(1));
        Assert.Single(fake.Connections);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await fake.WaitForConnectionAsync(1, Wait);

        Assert.Equal(1, Volatile.Read(ref waits));
        Assert.Equal("/", second.Path);
        Assert.Equal("?v=10&encoding=json", second.Query);
        await second.WaitForOpAsync(2, Wait);
        Assert.Empty(second.ReceivedOp(6));
        await harness.WaitReadyAsync(1);
        Assert.Equal("evenmorerandomstring-2", harness.Shard.Session!.SessionId);
        await Eventually.TrueAsync(() => harness.Handler.Readies.Count == 2, "second READY handled");
    }

    [Fact(Timeout = 20_000)]
    public async Task Invalid_session_true_resumes()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();

        await first.SendOpAsync(9, JsonValue.Create(true));

        var second = await fake.WaitForConnectionAsync(1, Wait);
        Assert.Equal("/resume", second.Path);
        var resume = await second.WaitForOpAsync(6, Wait);
        Assert.Equal(1, resume.Data!["seq"]!.GetValue<long>());
        Assert.NotEqual(1000, first.ClientCloseCode);
        await harness.WaitReadyAsync(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Failed_resume_falls_back_to_identify()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();

        fake.InvalidateSession();
        first.Drop();

        var second = await fake.WaitForConnectionAsync(1, Wait);
        Assert.Equal("/resume", second.Path);
        await second.WaitForOpAsync(6, Wait);
        var third = await fake.WaitForConnectionAsync(2, Wait);
        Assert.Equal("/", third.Path);
        await third.WaitForOpAsync(2, Wait);
        await harness.WaitReadyAsync(2);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_codes_identify_a_new_session(int code)
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();

        await first.CloseAsync(code);

        var second = await fake.WaitForConnectionAsync(1, Wait);
        Assert.Equal("/", second.Path);
        await second.WaitForOpAsync(2, Wait);
        Assert.Empty(second.ReceivedOp(6));
        await harness.WaitReadyAsync(1);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Resumable_close_codes_resume(int code)
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();

        await first.CloseAsync(code);

        var second = await fake.WaitForConnectionAsync(1, Wait);
        Assert.Equal("/resume", second.Path);
        await second.WaitForOpAsync(6, Wait);
        await harness.WaitReadyAsync(1);
    }

    [Fact(Timeout = 20_000)]
    public async Task Authentication_failed_stops_with_a_clear_error_and_no_retry()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.OnIdentify = (connection, _) => connection.CloseAsync(4004, "Authentication failed.");
        await using var harness = GatewayTestHarness.Start(fake);

        var ex = await Assert.ThrowsAsync<GatewayClosedException>(() => harness.Run.WaitAsync(Wait));

        Assert.Equal(4004, ex.CloseCode);
        Assert.Contains("4004", ex.Message, StringComparison.Ordinal);
        Assert.Contains("token was rejected", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayTestHarness.Token, ex.Message, StringComparison.Ordinal);
        Assert.Single(fake.Connections);
        Assert.False(harness.Shard.IsReady);
    }

    [Fact(Timeout = 20_000)]
    public async Task Disallowed_intents_error_names_the_intent()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.OnIdentify = (connection, _) => connection.CloseAsync(4014, "Disallowed intent(s).");
        await using var harness = GatewayTestHarness.Start(
            fake, new HarnessSettings { Intents = GatewayIntentSets.ForBot(freeTextEnabled: true) });

        var ex = await Assert.ThrowsAsync<GatewayClosedException>(() => harness.Run.WaitAsync(Wait));

        Assert.Equal(4014, ex.CloseCode);
        Assert.Contains(
            "MESSAGE_CONTENT is privileged: enable it in the Developer Portal or turn off free text",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Single(fake.Connections);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    public async Task Other_configuration_close_codes_stop(int code)
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake);
        var first = await harness.WaitReadyAsync();

        await first.CloseAsync(code);

        var ex = await Assert.ThrowsAsync<GatewayClosedException>(() => harness.Run.WaitAsync(Wait));
        Assert.Equal(code, ex.CloseCode);
        Assert.Single(fake.Connections);
    }

    [Fact(Timeout = 20_000)]
    public async Task Heartbeats_and_other_events_keep_flowing_while_a_handler_blocks_its_thread()
    {
        var clock = new FakeClock();
        var interval = TimeSpan.FromMilliseconds(250);
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = (int)interval.TotalMilliseconds;
        using var release = new ManualResetEventSlim(false);
        var blockStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { HeartbeatJitter = () => 0.0, TimeProvider = clock });
        harness.Handler.OnInteraction = (e, _) =>
        {
            if (e.Interaction.Id == 61)
            {
                blockStarted.TrySetResult();
                release.Wait(); // deliberately blocks the handler's thread
            }

            return Task.CompletedTask;
        };
        try
        {
            var connection = await harness.WaitReadyAsync();
            await connection.WaitForOpAsync(1, Wait);
            await clock.WaitForArmedAsync(interval);
            await AckRecordedAsync(harness, clock);

            await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(61));
            await blockStarted.Task.WaitAsync(Wait);
            await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction(62));
            await Eventually.TrueAsync(() => harness.Handler.InteractionCount(62) == 1, "other interaction handled meanwhile");

            // Twenty intervals (5 s) pass while the handler is blocked: every beat goes out and is acknowledged.
            for (var beat = 1; beat <= 20; beat++)
            {
                clock.Advance(interval);
                await connection.WaitForOpAsync(1, Wait, occurrence: beat);
                await AckRecordedAsync(harness, clock);
            }

            Assert.Single(fake.Connections);
        }
        finally
        {
            release.Set();
        }

        await Eventually.TrueAsync(() => harness.Handler.InteractionCount(61) == 1, "blocking handler finished");
    }

    [Fact(Timeout = 20_000)]
    public async Task Interactions_carry_their_receipt()
    {
        var clock = new FakeClock();
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { TimeProvider = clock });
        await harness.WaitReadyAsync();

        var receivedAt = clock.GetTimestamp();
        var sequence = await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction());
        await Eventually.TrueAsync(() => harness.Handler.Interactions.Count == 1, "interaction handled");
        var received = harness.Handler.Interactions.Single();

        Assert.Equal(FakeGatewayFixtures.InteractionId, received.Interaction.Id);
        Assert.Equal("The Gitrog Monster", received.Interaction.Data!.Options![0].GetString());
        Assert.Equal(0, received.Receipt.ShardId);
        Assert.Equal(sequence, received.Receipt.Sequence);
        Assert.Equal(receivedAt, received.Receipt.ReceivedTimestamp);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), received.Receipt.GetElapsed(clock));
    }

    [Fact(Timeout = 20_000)]
    public async Task Handshake_timeout_reconnects()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.SendHelloOnConnect = false;
        await using var harness = GatewayTestHarness.Start(
            fake, new HarnessSettings { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });

        var first = await fake.WaitForConnectionAsync(0, Wait);
        fake.SendHelloOnConnect = true;
        await first.WaitForCompletionAsync(Wait);
        Assert.Empty(first.Received);

        await harness.WaitReadyAsync(1);
        Assert.Contains("no HELLO within", harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task Reconnect_before_hello_reconnects_and_identifies()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.SendHelloOnConnect = false;
        await using var harness = GatewayTestHarness.Start(fake);

        var first = await fake.WaitForConnectionAsync(0, Wait);
        fake.SendHelloOnConnect = true;
        await first.SendAsync(FakeGatewayFixtures.Reconnect);

        await first.WaitForCompletionAsync(Wait);
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.Empty(first.Received);
        var second = await harness.WaitReadyAsync(1);
        Assert.Equal("/", second.Path);
        Assert.Single(second.ReceivedOp(2));
    }

    [Fact(Timeout = 20_000)]
    public async Task Oversized_identify_is_refused_and_never_sent()
    {
        await using var fake = await FakeGateway.StartAsync();
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings
        {
            Configure = o => o.IdentifyProperties.Os = new string('x', 5000),
        });

        await Assert.ThrowsAsync<GatewayPayloadTooLargeException>(() => harness.Run.WaitAsync(Wait));

        Assert.All(fake.Connections, c => Assert.Empty(c.ReceivedOp(2)));
    }

    [Fact(Timeout = 20_000)]
    public async Task Stopping_closes_with_1000_and_returns()
    {
        await using var fake = await FakeGateway.StartAsync();
        var harness = GatewayTestHarness.Start(fake);
        var connection = await harness.WaitReadyAsync();

        await harness.DisposeAsync();

        Assert.True(harness.Run.IsCompletedSuccessfully);
        await connection.WaitForCompletionAsync(Wait);
        Assert.Equal(1000, connection.ClientCloseCode);
        Assert.False(harness.Shard.IsReady);
    }

    [Fact(Timeout = 20_000)]
    public async Task Token_never_appears_in_logs()
    {
        await using var fake = await FakeGateway.StartAsync();
        fake.HeartbeatIntervalMilliseconds = 1000;
        var identifies = 0;
        fake.OnIdentify = (connection, identify) =>
            Interlocked.Increment(ref identifies) == 1
                ? fake.StartSessionAsync(connection, identify)
                : connection.CloseAsync(4004, "Authentication failed.");
        await using var harness = GatewayTestHarness.Start(fake, new HarnessSettings { HeartbeatJitter = () => 0.0 });
        var first = await harness.WaitReadyAsync();
        await fake.DispatchAsync("INTERACTION_CREATE", FakeGatewayFixtures.Interaction());
        await fake.DispatchAsync("MESSAGE_CREATE", FakeGatewayFixtures.Message());
        await first.WaitForOpAsync(1, Wait, occurrence: 1);
        await first.SendAsync(FakeGatewayFixtures.Reconnect);
        await harness.WaitReadyAsync(1);
        await fake.Connections[1].CloseAsync(4007);

        await Assert.ThrowsAsync<GatewayClosedException>(() => harness.Run.WaitAsync(Wait));

        var logs = harness.Logs.AllText;
        Assert.Contains("identifying", logs, StringComparison.Ordinal);
        Assert.Contains("resuming", logs, StringComparison.Ordinal);
        Assert.Contains("4004", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayTestHarness.Token, logs, StringComparison.Ordinal);
        foreach (var part in GatewayTestHarness.Token.Split('.'))
        {
            Assert.DoesNotContain(part, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("A_UNIQUE_TOKEN", logs, StringComparison.Ordinal);
    }
}
