using Bot.Catalog;
using Bot.Recommendation.Conversation;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Application.Judgments;

/// <summary>Reads recommend.yaml, papers.yaml and messages.yaml; an unknown key or bad value stops the run.</summary>
public static class JudgmentLoader
{
    public const string RecommendFile = "recommend.yaml";
    public const string PapersFile = "papers.yaml";
    public const string MessagesFile = "messages.yaml";

    /// <summary>Where the judgments live inside the repository, relative to its root.</summary>
    public static readonly string RepositoryPath = Path.Combine("tests", "Bot.Quality.Tests", "Judgments");

    /// <summary>The folders whose /recommend judgments train the ranker; no held-out set (Holdout2, Holdout3) is among them.</summary>
    public static readonly IReadOnlyList<string> TrainingFolders = [string.Empty, "Holdout", "Training", "Training2", "Training3", "Training4", "Training5", "Training6", "Training7", "Training8", "Training8b", "Training9", "Training9b", "Training10", "Training11", "Training11b", "Training12", "Training13", "Training14", "Training15"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The judged requests' free text the intent model learns from, folder by folder as it learned them, each with its file as its set.</summary>
    public static IReadOnlyList<LabelledMessage> LoadRequestMessages(string judgmentsDirectory) =>
        IntentModelTrainer.RequestFolders
            .SelectMany(folder => LoadRecommend(Path.Combine(judgmentsDirectory, folder))
                .Select(j => LabelledMessage.FromJudgedRequest(j.Input, j.Level) is { } message ? message with { Set = RecommendSetName(folder) } : null))
            .OfType<LabelledMessage>()
            .ToList();

    /// <summary>The set name of a folder's /recommend judgments, relative to the judgments folder: "Training2/recommend.yaml", or "recommend.yaml" for the top folder.</summary>
    public static string RecommendSetName(string folder) => string.IsNullOrEmpty(folder) ? RecommendFile : folder + "/" + RecommendFile;

    /// <summary>Loads a folder's judgments; a folder may leave out any of its three files (none of that kind).</summary>
    public static JudgmentSet Load(string directory) => new(
        ReadOptional<RecommendFileDto>(Path.Combine(directory, RecommendFile))?.Queries.Select(ToJudgment).ToList() ?? [],
        ReadOptional<PapersFileDto>(Path.Combine(directory, PapersFile))?.Lookups.Select(ToJudgment).ToList() ?? [],
        ReadOptional<MessagesFileDto>(Path.Combine(directory, MessagesFile))?.Messages.Select(ToJudgment).ToList() ?? []);

    /// <summary>Only the /recommend judgments of a folder.</summary>
    public static IReadOnlyList<RecommendJudgment> LoadRecommend(string directory)
    {
        var set = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        return Read<RecommendFileDto>(Path.Combine(directory, RecommendFile)).Queries.Select(dto => ToJudgment(dto) with { Set = set }).ToList();
    }

    private static T? ReadOptional<T>(string path)
        where T : class => File.Exists(path) ? Read<T>(path) : null;

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
        dto.Accept,
        dto.Addressed);

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

        /// <summary>What an expert would hand out but the catalog lacks: read and ignored.</summary>
        public List<string> Missing { get; set; } = [];
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

        /// <summary>"other" marks a message in another language: read and ignored.</summary>
        public string? Language { get; set; }

        /// <summary>True when the message mentions or replies to the bot.</summary>
        public bool Addressed { get; set; }
    }
}
