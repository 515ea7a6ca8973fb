using System.Text.Json.Nodes;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using static Bot.Discord.Tests.Rest.RestTestData;

namespace Bot.Discord.Tests.Rest;

/// <summary>Messages with files go as multipart/form-data (the fake parses it; the harness checks payload_json against the spec).</summary>
public sealed class FileUploadTests
{
    private static readonly TimeSpan Safety = FakeClock.SafetyTimeout;

    private static FileUpload Data => FileUpload.FromText("my-data.json", """{"items":[{"item_id":"raft-paper"}]}""", "application/json");

    private static MessagePayload Private => Hello with { Flags = MessageFlags.Ephemeral };

    [Fact]
    public async Task An_edit_with_a_file_is_multipart_and_lists_the_file_as_attachment_zero()
    {
        await using var h = await RestHarness.StartAsync();

        await h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, [Data], CancellationToken.None);

        var request = Assert.Single(h.Server.RequestsTo("PATCH", EditOriginal));
        Assert.True(request.IsMultipart);
        Assert.StartsWith("multipart/form-data; boundary=", request.Header("Content-Type"), StringComparison.Ordinal);
        var payload = JsonNode.Parse(request.Body!)!;
        Assert.Equal("Hello, World!", payload["content"]!.GetValue<string>());
        var attachment = Assert.Single(payload["attachments"]!.AsArray())!;
        Assert.Equal(("0", "my-data.json"), (attachment["id"]!.GetValue<string>(), attachment["filename"]!.GetValue<string>()));
        var file = Assert.Single(request.Files);
        Assert.Equal(("files[0]", "my-data.json", "application/json"), (file.PartName, file.FileName, file.ContentType));
        Assert.Equal("""{"items":[{"item_id":"raft-paper"}]}""", file.Text);
        var shown = h.Server.OriginalMessage(RestHarness.InteractionToken)!;
        Assert.Equal("my-data.json", Assert.Single(shown["attachments"]!.AsArray())!["filename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_callback_and_a_follow_up_carry_files_and_without_files_stay_json()
    {
        await using var h = await RestHarness.StartAsync();

        await h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, InteractionResponse.Message(Private), [Data], CancellationToken.None);
        await h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken, Private, [Data], CancellationToken.None);
        await h.Client.CreateFollowupMessageAsync(AppId, RestHarness.InteractionToken, Private, [], CancellationToken.None);

        var callback = Assert.Single(h.Server.RequestsTo("POST", Callback));
        Assert.True(callback.IsMultipart);
        var data = JsonNode.Parse(callback.Body!)!["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Equal("0", data["attachments"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("my-data.json", Assert.Single(callback.Files).FileName);
        var followUps = h.Server.RequestsTo("POST", Followup);
        Assert.Equal([true, false], followUps.Select(f => f.IsMultipart));
        Assert.Equal("application/json", followUps[1].Header("Content-Type"));
        Assert.Null(JsonNode.Parse(followUps[1].Body!)!["attachments"]);
    }

    [Fact]
    public async Task A_retry_after_a_server_error_resends_the_same_body_and_the_file_is_shown_once()
    {
        await using var h = await RestHarness.StartAsync();
        h.Server.Enqueue("PATCH", EditOriginal, FakeRestResponse.ServerErrorAfterWriting());

        var editing = h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, [Data], CancellationToken.None);
        h.Time.Advance(await h.WaitForPauseAsync());
        await editing.WaitAsync(Safety);

        var attempts = h.Server.RequestsTo("PATCH", EditOriginal);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Header("Content-Type"), attempts[1].Header("Content-Type"));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.All(attempts, a => Assert.Equal(Data.Content.ToArray(), Assert.Single(a.Files).Content.ToArray()));
        Assert.Single(h.Server.OriginalMessage(RestHarness.InteractionToken)!["attachments"]!.AsArray());
    }

    [Fact]
    public async Task A_file_over_the_limit_or_a_deferral_with_files_is_refused_before_sending()
    {
        await using var h = await RestHarness.StartAsync();
        var big = new FileUpload("big.json", new byte[DiscordLimits.AttachmentBytes + 1], "application/json");

        var tooBig = await Assert.ThrowsAsync<DiscordPayloadValidationException>(() =>
            h.Client.EditOriginalResponseAsync(AppId, RestHarness.InteractionToken, Hello, [big], CancellationToken.None));
        Assert.Contains(tooBig.Violations, v => v.Path == "files[0]");
        await Assert.ThrowsAsync<ArgumentException>(() =>
            h.Client.CreateInteractionResponseAsync(InteractionId, RestHarness.InteractionToken, InteractionResponse.DeferredMessage(ephemeral: true), [Data], CancellationToken.None));

        Assert.Empty(h.Server.Requests);
    }
}
