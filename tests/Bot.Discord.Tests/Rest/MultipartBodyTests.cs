using System.Text;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Bot.Discord.Tests.Rest;

public sealed class MultipartBodyTests
{
    private static readonly byte[] Payload = """{"content":"hi","attachments":[{"id":"0","filename":"my-data.json"}]}"""u8.ToArray();

    [Fact]
    public async Task Payload_json_comes_first_then_each_file_under_its_index_with_name_and_type()
    {
        var json = FileUpload.FromText("my-data.json", """{"items":["raft-paper"]}""", "application/json");
        var notes = new FileUpload("notes.txt", new byte[] { 0, 1, 2, 255 }, "application/octet-stream");

        var body = MultipartBody.Create(Payload, [json, notes], boundary: "test-boundary-1");

        Assert.Equal("multipart/form-data; boundary=test-boundary-1", body.ContentType);
        var parts = await ReadAsync(body);
        Assert.Equal(["payload_json", "files[0]", "files[1]"], parts.Select(p => p.Name));
        Assert.Equal((null, "application/json"), (parts[0].FileName, parts[0].ContentType));
        Assert.Equal(Payload, parts[0].Content);
        Assert.Equal(("my-data.json", "application/json"), (parts[1].FileName, parts[1].ContentType));
        Assert.Equal("""{"items":["raft-paper"]}""", Encoding.UTF8.GetString(parts[1].Content));
        Assert.Equal(("notes.txt", "application/octet-stream"), (parts[2].FileName, parts[2].ContentType));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, parts[2].Content);
        Assert.EndsWith("--test-boundary-1--\r\n", Encoding.ASCII.GetString(body.Bytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_random_boundary_never_occurs_in_the_content_and_the_body_reads_back()
    {
        var file = FileUpload.FromText("a.json", "{}", "application/json");

        var first = MultipartBody.Create(Payload, [file]);
        var second = MultipartBody.Create(Payload, [file]);

        Assert.NotEqual(first.Boundary, second.Boundary);
        Assert.Equal(2, (await ReadAsync(first)).Count);
    }

    [Fact]
    public void A_boundary_found_in_the_content_is_refused()
    {
        var file = FileUpload.FromText("a.txt", "before\r\n--clash\r\nafter", "text/plain");

        Assert.Throws<ArgumentException>(() => MultipartBody.Create(Payload, [file], boundary: "clash"));
    }

    [Theory]
    [InlineData("evil\".json")]
    [InlineData("two\r\nlines.json")]
    [InlineData("back\\slash.json")]
    [InlineData("")]
    public void A_file_name_that_cannot_go_in_a_part_header_is_refused(string fileName)
    {
        var file = FileUpload.FromText(fileName, "{}", "application/json");

        Assert.Throws<ArgumentException>(() => MultipartBody.Create(Payload, [file]));
    }

    [Fact]
    public void The_validator_wants_each_file_referenced_once_within_the_size_limit()
    {
        var big = new FileUpload("big.bin", new byte[DiscordLimits.AttachmentBytes + 1], "application/octet-stream");
        var message = new MessagePayload { Content = "x", Attachments = [new MessageAttachment(1, "other.bin")] };

        var violations = MessageValidator.ValidateFiles(message, [big]);

        Assert.Contains(violations, v => v.Path == "files[0]" && v.Message.Contains("bytes", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Path == "files[0]" && v.Message.Contains("referenced by 0", StringComparison.Ordinal));
        var fine = MessageValidator.ValidateFiles(
            message with { Attachments = [new MessageAttachment(0, "ok.json")] }, [FileUpload.FromText("ok.json", "{}", "application/json")]);
        Assert.Empty(fine);
    }

    private sealed record Part(string Name, string? FileName, string? ContentType, byte[] Content);

    private static async Task<List<Part>> ReadAsync(MultipartBody body)
    {
        var reader = new MultipartReader(body.Boundary, new MemoryStream(body.Bytes.ToArray()));
        var parts = new List<Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            parts.Add(new Part(
                HeaderUtilities.RemoveQuotes(disposition.Name).Value!, string.IsNullOrEmpty(fileName) ? null : fileName, section.ContentType, content.ToArray()));
        }

        return parts;
    }
}
