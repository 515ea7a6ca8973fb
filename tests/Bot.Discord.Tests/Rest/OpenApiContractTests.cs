using Bot.Discord.Testing;

namespace Bot.Discord.Tests.Rest;

public sealed class OpenApiContractTests
{
    private const string Blep =
        """{"name": "blep", "type": 1, "description": "Send a random adorable animal photo", "options": [{"name": "animal", "description": "The type of animal", "type": 3, "required": true, "choices": [{"name": "Dog", "value": "animal_dog"}, {"name": "Cat", "value": "animal_cat"}, {"name": "Penguin", "value": "animal_penguin"}]}, {"name": "only_smol", "description": "Whether to show only baby animals", "type": 5, "required": false}]}""";

    [Fact]
    public async Task Docs_fixtures_pass()
    {
        var result = await OpenApiContract.ValidateAsync(
        [
            OpenApiBody.ForRequest("PUT", "/api/v10/applications/1/commands", $$"""[{{Blep}}, {"name": "High Five", "type": 2}]"""),
            OpenApiBody.ForRequest("PUT", "/api/v10/applications/1/guilds/2/commands", $"[{Blep}]"),
            OpenApiBody.ForRequest("POST", "/api/v10/interactions/1/tok/callback", """{"type": 4, "data": {"content": "Congrats on sending your command!"}}"""),
            OpenApiBody.ForRequest("POST", "/api/v10/interactions/1/tok/callback", """{"type": 1}"""),
            OpenApiBody.ForRequest("POST", "/api/v10/interactions/1/tok/callback", """{"type": 8, "data": {"choices": [{"name": "Dog", "value": "animal_dog"}]}}"""),
            OpenApiBody.ForRequest("POST", "/api/v10/interactions/1/tok/callback", """{"type": 7, "data": {"content": "x", "components": []}}"""),
            OpenApiBody.ForOperation("create_message", """{"content": "Hello, World!", "tts": false, "embeds": [{"title": "Hello, Embed!", "description": "This is an embedded message."}]}"""),
            OpenApiBody.ForRequest("PATCH", "/api/v10/webhooks/1/tok/messages/@original", """{"content": "x", "allowed_mentions": {"parse": []}}"""),
            OpenApiBody.ForRequest("POST", "/api/v10/webhooks/1/tok", """{"content": "x", "flags": 64}"""),
        ]);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(9, result.Checked);
    }

    /// <summary>The checker is not toothless: each kind of break is rejected, at the JSON path of the offending value.</summary>
    [Theory]
    [InlineData("create_message", """{"content": 5}""", "/content", "Value is \"integer\" but should be \"string, null\"")]
    [InlineData("create_interaction_response", """{"type": "4", "data": {"content": "x"}}""", "/type", "should be \"integer\"")]
    [InlineData("create_interaction_response", """{"type": 3}""", "/type", "should match one of the values specified by the enum")]
    [InlineData("create_message", """{"content": "Hello", "bogus": 1}""", "/bogus", "'bogus' is not a property")]
    [InlineData("create_message", """{"content": "x", "embeds": [{"title": "t", "colour": 1}]}""", "/embeds/0/colour", "'colour' is not a property")]
    [InlineData("create_interaction_response", """{"type": 4, "data": {"content": "x", "message_reference": {"message_id": "1"}}}""", "/data/message_reference", "is not a property")]
    [InlineData("create_interaction_response", """{"type": 8, "data": {"content": "x"}}""", "/data/content", "is not a property")]
    [InlineData("execute_webhook", """{"content": "x", "message_reference": {"message_id": "1"}}""", "/message_reference", "is not a property")]
    [InlineData("bulk_set_application_commands", """[{"name": "ok", "description": "d", "options": [{"type": 3, "name": "o", "description": "d", "min_value": 1}]}]""", "/0/options/0/min_value", "is not a property")]
    [InlineData("bulk_set_application_commands", """[{"description": "d"}]""", "/0", "Required properties [\"name\"] are not present")]
    [InlineData("create_message", """{"embeds": [{"fields": [{"name": "n"}]}]}""", "/embeds/0/fields/0", "Required properties [\"value\"] are not present")]
    [InlineData("bulk_set_application_commands", """[{"name": "Bad Name", "description": "d"}]""", "/0/name", "must match")]
    [InlineData("bulk_set_application_commands", """[{"name": "ok", "description": "d", "options": [{"type": 3, "name": "o", "description": "d", "choices": [{"name": "n", "value": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789x"}]}]}]""", "/0/options/0/choices/0/value", "at most 100 characters")]
    [InlineData("bulk_set_application_commands", """[{"name": "ok", "description": "d", "options": [{"type": 3, "name": "o", "description": "d", "autocomplete": true, "choices": [{"name": "n", "value": "v"}]}]}]""", "/0/options/0/autocomplete", "autocomplete cannot be combined")]
    [InlineData("create_message", """{"content": "x", "allowed_mentions": {"parse": ["users"], "users": ["1234"]}}""", "/allowed_mentions", "mutually exclusive")]
    public async Task Violations_are_reported_with_their_location(string operation, string body, string pointer, string message)
    {
        var result = await OpenApiContract.ValidateAsync([OpenApiBody.ForOperation(operation, body)]);

        Assert.False(result.IsValid);
        Assert.Contains(result.Violations, v => v.Pointer == pointer && v.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("title", 257, "at most 256 characters")]
    [InlineData("description", 4097, "at most 4096 characters")]
    public async Task Over_long_embed_text_fails_at_its_path(string member, int length, string message)
    {
        var body = $$"""{"embeds": [{"{{member}}": "{{new string('x', length)}}"}]}""";
        var result = await OpenApiContract.ValidateAsync([OpenApiBody.ForOperation("create_message", body)]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal($"/embeds/0/{member}", violation.Pointer);
        Assert.Contains(message, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_25_embed_fields_fail()
    {
        var fields = string.Join(", ", Enumerable.Range(0, 26).Select(i => $$"""{"name": "n{{i}}", "value": "v"}"""));
        var result = await OpenApiContract.ValidateAsync([OpenApiBody.ForOperation("create_message", $$"""{"embeds": [{"fields": [{{fields}}]}]}""")]);

        Assert.Contains(result.Violations, v => v.Pointer == "/embeds/0/fields");
    }

    [Fact]
    public async Task Content_over_2000_fails_although_the_spec_allows_4000()
    {
        var content = new string('x', 2001);
        var result = await OpenApiContract.ValidateAsync(
        [
            OpenApiBody.ForOperation("create_message", $$"""{"content": "{{content}}"}"""),
            OpenApiBody.ForOperation("create_message", $$"""{"content": "{{content[1..]}}"}"""),
        ]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(0, violation.Index);
        Assert.Equal("/content", violation.Pointer);
    }

    [Fact]
    public async Task Embed_total_over_6000_fails()
    {
        var d = new string('d', 3001);
        var result = await OpenApiContract.ValidateAsync(
            [OpenApiBody.ForOperation("create_message", $$"""{"embeds": [{"description": "{{d}}"}, {"description": "{{d}}"}]}""")]);

        Assert.Equal("/embeds", Assert.Single(result.Violations).Pointer);
    }

    [Fact]
    public async Task Unknown_routes_are_violations_not_silent_passes()
    {
        var result = await OpenApiContract.ValidateAsync([OpenApiBody.ForRequest("POST", "/api/v10/nowhere", "{}")]);

        Assert.Contains("no operation", Assert.Single(result.Violations).Message, StringComparison.Ordinal);
    }
}
