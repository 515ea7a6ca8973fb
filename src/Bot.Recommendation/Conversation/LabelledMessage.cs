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

    /// <summary>
    /// The judged set (one judge's file, as "Training2/messages.yaml" or "Training2/recommend.yaml") it came from, so
    /// cross-validation can keep one judge's messages together; empty when built by hand or read alone.
    /// </summary>
    public string Set { get; init; } = string.Empty;

    /// <summary>
    /// A judged <c>/recommend</c> input as a message to learn from: free text is a reading request by construction,
    /// addressed when it starts with a mention of the bot; a slash command never reaches the intent model (null).
    /// </summary>
    public static LabelledMessage? FromJudgedRequest(string input, Level? level)
    {
        var text = input.Trim();
        return text.Length == 0 || text.StartsWith('/')
            ? null
            : new LabelledMessage(text, MessageIntent.Recommend, level, Addressed: text.StartsWith('@') || text.StartsWith("<@", StringComparison.Ordinal), OtherLanguage: false);
    }
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

    private sealed class MessageDto
    {
        public string? Text { get; set; }
        public string? Expect { get; set; }
        public string? Level { get; set; }
        public bool Addressed { get; set; }
        public string? Language { get; set; }
    }
}
