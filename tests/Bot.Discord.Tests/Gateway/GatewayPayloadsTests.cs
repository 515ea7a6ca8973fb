using System.Text.Json;
using Bot.Discord.Gateway;

namespace Bot.Discord.Tests.Gateway;

public sealed class GatewayPayloadsTests
{
    [Fact]
    public void Payload_over_4096_bytes_is_refused()
    {
        var ex = Assert.Throws<GatewayPayloadTooLargeException>(() =>
            GatewayPayloads.Write(GatewayOpcode.Identify, w => w.WriteStringValue(new string('x', 4096))));

        Assert.True(ex.Size > 4096);
        Assert.Contains("4096", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_of_exactly_4096_bytes_is_accepted()
    {
        // {"op":2,"d":"..."} has 15 bytes of envelope around the string.
        var payload = GatewayPayloads.Write(GatewayOpcode.Identify, w => w.WriteStringValue(new string('x', 4096 - 15)));
        Assert.Equal(4096, payload.Length);
        Assert.Throws<GatewayPayloadTooLargeException>(() =>
            GatewayPayloads.Write(GatewayOpcode.Identify, w => w.WriteStringValue(new string('x', 4096 - 14))));
    }

    [Fact]
    public void Identify_has_the_documented_shape()
    {
        var bytes = GatewayPayloads.Identify(
            "my_token",
            GatewayIntents.Guilds | GatewayIntents.GuildMessages,
            new GatewayIdentifyProperties { Os = "linux", Browser = "my_library", Device = "my_library" },
            shardId: 2,
            shardCount: 3);
        using var doc = JsonDocument.Parse(bytes);
        var root = doc.RootElement;

        Assert.Equal(2, root.GetProperty("op").GetInt32());
        var d = root.GetProperty("d");
        Assert.Equal("my_token", d.GetProperty("token").GetString());
        Assert.Equal(513, d.GetProperty("intents").GetInt32());
        Assert.Equal("linux", d.GetProperty("properties").GetProperty("os").GetString());
        Assert.Equal("my_library", d.GetProperty("properties").GetProperty("browser").GetString());
        Assert.Equal("my_library", d.GetProperty("properties").GetProperty("device").GetString());
        Assert.Equal([2, 3], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Resume_and_heartbeat_have_the_documented_shape()
    {
        Assert.Equal(
            """{"op":6,"d":{"token":"my_token","session_id":"session_id_i_stored","seq":1337}}""",
            System.Text.Encoding.UTF8.GetString(GatewayPayloads.Resume("my_token", "session_id_i_stored", 1337)));
        Assert.Equal("""{"op":1,"d":251}""", System.Text.Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(251)));
        Assert.Equal("""{"op":1,"d":null}""", System.Text.Encoding.UTF8.GetString(GatewayPayloads.Heartbeat(null)));
    }
}
