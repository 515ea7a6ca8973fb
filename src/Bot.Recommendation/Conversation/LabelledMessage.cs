using Bot.Catalog;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Recommendation.Conversation;

/// <summary>One judged channel message as the intent model learns from it.</summary>
/// <param name="Addressed">The message mentions the bot or is a direct message.</param>
/// <param name="OtherLanguage">The message is wholly in a language other than English.</param>
public sealed record LabelledMessage(string Text, MessageIntent Intent, Level? Level, bool Addressed, bool OtherLanguage)
{
    /// <summary>The class the model predicts: the three intents, plus "other language" so that it can be told apart from chatter.</summary>
    public string ModelLabel => OtherLanguage ? IntentLabels.OtherLanguage : IntentLabels.Of(Intent);
}

/// <summary>Reads the <c>messages:</c> list of a judgments file (tests/Bot.Quality.Tests/Judgments/**/messages.yaml).</summary>
public static class LabelledMessageReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static IReadOnlyList<LabelledMessage> Read(string path)
    {
        var file = Yaml.Deserialize<FileDto>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: the file is empty.");
        return file.Messages.Select(m => ToMessage(path, m)).ToList();
    }

    /// <summary>
    /// The free-text inputs of a judged <c>/recommend</c> file (the <c>queries:</c> list of a recommend.yaml): each
    /// is a reading request by construction, addressed when it starts with a mention of the bot. Slash commands are
    /// left out: they never reach the intent model.
    /// </summary>
    public static IReadOnlyList<LabelledMessage> ReadRequests(string path)
    {
        var file = Yaml.Deserialize<RequestFileDto>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: the file is empty.");
        return file.Queries
            .Where(q => !string.IsNullOrWhiteSpace(q.Input) && !q.Input.TrimStart().StartsWith('/'))
            .Select(q => ToMessage(path, new MessageDto { Text = q.Input!.Trim(), Expect = "recommend", Level = q.Level, Addressed = q.Input.TrimStart().StartsWith('@') || q.Input.TrimStart().StartsWith("<@", StringComparison.Ordinal) }))
            .ToList();
    }

    private static LabelledMessage ToMessage(string path, MessageDto dto)
    {
        var text = string.IsNullOrWhiteSpace(dto.Text) ? throw new InvalidDataException($"{path}: a message has no text.") : dto.Text;
        var intent = dto.Expect switch
        {
            "none" => MessageIntent.None,
            "recommend" => MessageIntent.Recommend,
            "paper" => MessageIntent.Paper,
            var other => throw new InvalidDataException($"{path}: '{text}': expect must be none, recommend or paper, not '{other}'."),
        };
        Level? level = dto.Level is null
            ? null
            : Enum.TryParse<Level>(dto.Level, ignoreCase: true, out var parsed) ? parsed : throw new InvalidDataException($"{path}: '{text}': unknown level '{dto.Level}'.");
        return new LabelledMessage(text, intent, level, dto.Addressed, string.Equals(dto.Language, "other", StringComparison.Ordinal));
    }

    // YamlDotNet needs settable classes.
    private sealed class FileDto
    {
        public List<MessageDto> Messages { get; set; } = [];
    }

    private sealed class RequestFileDto
    {
        public List<RequestDto> Queries { get; set; } = [];
    }

    private sealed class RequestDto
    {
        public string? Input { get; set; }
        public string? Level { get; set; }
    }

    private sealed class MessageDto
    {
        public string? Text { get; set; }
        public string? Expect { get; set; }
        public string? Level { get; set; }
        public bool Addressed { get; set; }
        public string? Language { get; set; }
    }
}
