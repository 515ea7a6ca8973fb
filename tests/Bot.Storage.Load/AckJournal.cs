using System.Globalization;
using Bot.Storage;

namespace Bot.Storage.Load;

/// <summary>
/// Every write the load generator saw acknowledged: items saved or read per reader, and the last acknowledged choice
/// per vote key. With a file, each acknowledgement is written through to the OS before the next press of that reader,
/// so it outlives a SIGKILL of the process.
/// </summary>
internal sealed class AckJournal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter? _file;

    public AckJournal(string? path)
    {
        if (path is not null)
        {
            _file = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        }
    }

    /// <summary>(reader, item) → true once a read was acknowledged, false for a save only.</summary>
    public Dictionary<(ulong Reader, string Item), bool> Items { get; } = [];

    /// <summary>(reader, item, request) → the last acknowledged choice, as the database spells it.</summary>
    public Dictionary<(ulong Reader, string Item, string Request), string> Votes { get; } = [];

    public int Acknowledged { get; private set; }

    public void Saved(ulong reader, string item) => Add('S', reader, item, null, null);

    public void Read(ulong reader, string item) => Add('R', reader, item, null, null);

    public void Voted(ulong reader, string item, string request, FeedbackChoice choice) => Add('V', reader, item, request, Spell(choice));

    public static string Spell(FeedbackChoice choice) => choice switch
    {
        FeedbackChoice.Useful => "useful",
        FeedbackChoice.TooEasy => "too_easy",
        FeedbackChoice.TooHard => "too_hard",
        _ => "not_for_me",
    };

    /// <summary>Reads a journal another process wrote; a torn last line (the kill came mid-write) is ignored.</summary>
    public static AckJournal Load(string path)
    {
        var journal = new AckJournal(null);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var lines = text.Split('\n');
        foreach (var line in lines.Take(lines.Length - 1))
        {
            var parts = line.Split('\t');
            var id = ulong.Parse(parts[1], CultureInfo.InvariantCulture);
            journal.Apply(parts[0][0], id, parts[2], parts.Length > 3 ? parts[3] : null, parts.Length > 4 ? parts[4] : null);
        }

        return journal;
    }

    private void Add(char kind, ulong reader, string item, string? request, string? choice)
    {
        lock (_gate)
        {
            Apply(kind, reader, item, request, choice);
            _file?.WriteLine(string.Join('\t', new[] { kind.ToString(), reader.ToString(CultureInfo.InvariantCulture), item, request, choice }.Where(p => p is not null)));
        }
    }

    private void Apply(char kind, ulong reader, string item, string? request, string? choice)
    {
        Acknowledged++;
        switch (kind)
        {
            case 'S':
                Items.TryAdd((reader, item), false);
                break;
            case 'R':
                Items[(reader, item)] = true;
                break;
            default:
                Votes[(reader, item, request!)] = choice!;
                break;
        }
    }

    public void Dispose() => _file?.Dispose();
}
