using System.Globalization;

namespace Bot.Storage.Load;

/// <summary>"--name value" options; an unknown or malformed one is an error rather than a silent default.</summary>
internal sealed class Arguments
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--provider", "--connection", "--readers", "--seconds", "--think-ms", "--journal", "--kill-after", "--runs", "--seed", "--database",
    };

    private readonly Dictionary<string, string> _values;

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!Known.Contains(args[i]) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]} (known: {string.Join(", ", Known)})");
            }

            values[args[i]] = args[i + 1];
        }

        return new Arguments(values);
    }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    public string Provider => Text("--provider") switch
    {
        null or "sqlite" => "sqlite",
        "postgres" => "postgres",
        var other => throw new ArgumentException($"--provider is sqlite or postgres, not '{other}'"),
    };

    /// <summary>The 1/5/15-minute load averages, so a figure taken on a busy machine says so.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}
