using Bot.Catalog;
using Bot.Testing;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Quality.Harness;

/// <summary>Reads recommend.yaml, papers.yaml and messages.yaml; an unknown key or bad value stops the run.</summary>
public static class JudgmentLoader
{
    public const string RecommendFile = "recommend.yaml";
    public const string PapersFile = "papers.yaml";
    public const string MessagesFile = "messages.yaml";

    public static string DefaultDirectory => Path.Combine(Repository.Root, "tests", "Bot.Quality.Tests", "Judgments");

    /// <summary>Judgments written after tuning and never tuned against: they report how the bot generalises.</summary>
    public static string HoldoutDirectory => Path.Combine(DefaultDirectory, "Holdout");

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static JudgmentSet Load(string directory) => new(
        Read<RecommendFileDto>(Path.Combine(directory, RecommendFile)).Queries.Select(ToJudgment).ToList(),
        Read<PapersFileDto>(Path.Combine(directory, PapersFile)).Lookups.Select(ToJudgment).ToList(),
        Read<MessagesFileDto>(Path.Combine(directory, MessagesFile)).Messages.Select(ToJudgment).ToList());

    private static T Read<T>(string path)
    {
        try
        {
            return Yaml.Deserialize<T>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: the file is empty.");
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
    }

    private static RecommendJudgment ToJudgment(RecommendDto dto) => new(
        Required(dto.Input, "input"),
        dto.Topics,
        ParseLevel(dto.Level),
        ParseKind(dto.Kind),
        ToGrades(dto.Input, dto.Ideal, dto.Good, dto.Acceptable));

    private static PaperJudgment ToJudgment(PaperDto dto)
    {
        var expect = Required(dto.Expect, "expect");
        return new PaperJudgment(Required(dto.Query, "query"), expect == "none" ? null : expect, dto.Accept, dto.How ?? "unspecified");
    }

    private static MessageJudgment ToJudgment(MessageDto dto) => new(
        Required(dto.Text, "text"),
        Required(dto.Expect, "expect") switch
        {
            "none" => ExpectedIntent.None,
            "recommend" => ExpectedIntent.Recommend,
            "paper" => ExpectedIntent.Paper,
            var other => throw new InvalidDataException($"message '{dto.Text}': expect must be none, recommend or paper, not '{other}'."),
        },
        ParseLevel(dto.Level),
        ParseKind(dto.Kind),
        dto.Topics,
        ToGrades(dto.Text, dto.Ideal, dto.Good, dto.Acceptable),
        dto.Paper,
        dto.Accept);

    private static Grades ToGrades(string? owner, List<string> ideal, List<string> good, List<string> acceptable)
    {
        var grades = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (ids, grade) in new[] { (ideal, Grades.Ideal), (good, Grades.Good), (acceptable, Grades.Acceptable) })
        {
            foreach (var id in ids)
            {
                if (!grades.TryAdd(id, grade))
                {
                    throw new InvalidDataException($"'{owner}': '{id}' is graded twice.");
                }
            }
        }

        return new Grades(grades);
    }

    private static Level? ParseLevel(string? text) => text is null
        ? null
        : Enum.TryParse<Level>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new InvalidDataException($"Unknown level '{text}'.");

    private static ResourceKind? ParseKind(string? text) => text is null
        ? null
        : Enum.TryParse<ResourceKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidDataException($"Unknown kind '{text}'.");

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"A judgment is missing '{field}'.") : value;

    // YamlDotNet needs settable classes; they are mapped to the records above straight away.
    private sealed class RecommendFileDto
    {
        public List<RecommendDto> Queries { get; set; } = [];
    }

    private sealed class PapersFileDto
    {
        public List<PaperDto> Lookups { get; set; } = [];
    }

    private sealed class MessagesFileDto
    {
        public List<MessageDto> Messages { get; set; } = [];
    }

    private sealed class RecommendDto
    {
        public string? Input { get; set; }
        public List<string> Topics { get; set; } = [];
        public string? Level { get; set; }
        public string? Kind { get; set; }
        public List<string> Ideal { get; set; } = [];
        public List<string> Good { get; set; } = [];
        public List<string> Acceptable { get; set; } = [];
    }

    private sealed class PaperDto
    {
        public string? Query { get; set; }
        public string? Expect { get; set; }
        public List<string> Accept { get; set; } = [];
        public string? How { get; set; }
    }

    private sealed class MessageDto
    {
        public string? Text { get; set; }
        public string? Expect { get; set; }
        public string? Level { get; set; }
        public string? Kind { get; set; }
        public List<string> Topics { get; set; } = [];
        public List<string> Ideal { get; set; } = [];
        public List<string> Good { get; set; } = [];
        public List<string> Acceptable { get; set; } = [];
        public string? Paper { get; set; }
        public List<string> Accept { get; set; } = [];
    }
}
