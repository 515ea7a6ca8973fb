using System.Text;
using Bot.Catalog;
using Microsoft.Data.Sqlite;

namespace Bot.Quality.Harness;

/// <summary>
/// The baseline the ranker has to beat: BM25 over the catalog with SQLite FTS5, in memory.
/// Indexes title, nicknames, authors, topics (names and aliases) and summary with the porter
/// tokenizer; the query is the user's words OR-ed, ranked by FTS5's bm25() with equal column
/// weights. A kind filter can be applied; there is no level logic and no typo tolerance.
/// </summary>
public sealed class Fts5Baseline : IDisposable
{
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private static readonly HashSet<string> OptionKeys = new(StringComparer.OrdinalIgnoreCase) { "topic", "level", "kind", "query" };

    private readonly SqliteConnection _connection;

    private Fts5Baseline(SqliteConnection connection, int count)
    {
        _connection = connection;
        Count = count;
    }

    public int Count { get; }

    public static Fts5Baseline Build(IEnumerable<Resource> resources, IReadOnlyList<Topic> topics)
    {
        _ = NativeLibrary.Value;
        var topicText = topics.ToDictionary(t => t.Id, t => string.Join(" , ", new[] { t.Name }.Concat(t.Aliases)), StringComparer.Ordinal);
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        try
        {
            using (var create = connection.CreateCommand())
            {
                create.CommandText = """
                    CREATE VIRTUAL TABLE docs USING fts5(
                        id UNINDEXED, kind UNINDEXED, title, nicknames, authors, topics, summary,
                        tokenize = 'porter unicode61 remove_diacritics 2');
                    """;
                create.ExecuteNonQuery();
            }

            var count = 0;
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO docs (id, kind, title, nicknames, authors, topics, summary) VALUES ($id, $kind, $title, $nicknames, $authors, $topics, $summary)";
            var parameters = new[] { "$id", "$kind", "$title", "$nicknames", "$authors", "$topics", "$summary" }
                .Select(name => insert.Parameters.Add(name, SqliteType.Text))
                .ToArray();
            insert.Prepare();
            foreach (var resource in resources)
            {
                parameters[0].Value = resource.Id;
                parameters[1].Value = KindName(resource.Kind);
                parameters[2].Value = resource.Title;
                parameters[3].Value = string.Join(" , ", resource.Nicknames);
                parameters[4].Value = string.Join(" , ", resource.Authors);
                parameters[5].Value = string.Join(" , ", resource.Topics.Select(t => topicText.GetValueOrDefault(t, t)));
                parameters[6].Value = resource.Summary;
                insert.ExecuteNonQuery();
                count++;
            }

            transaction.Commit();
            return new Fts5Baseline(connection, count);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The user's words from a slash command: the command name and option keys dropped, values kept.</summary>
    public static string UserWords(string input)
    {
        var words = input.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].StartsWith('/'))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words.Select(word =>
        {
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && OptionKeys.Contains(word[..colon]) ? word[(colon + 1)..] : word;
        }));
    }

    /// <summary>An FTS5 MATCH expression OR-ing the text's tokens, each quoted so no word is read as syntax.</summary>
    public static string MatchExpression(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        return string.Join(" OR ", tokens.Distinct(StringComparer.Ordinal).Select(t => "\"" + t + "\""));
    }

    /// <summary>Ids ranked by bm25(), best first, optionally only of the given kinds.</summary>
    public IReadOnlyList<string> Search(string text, IReadOnlyCollection<ResourceKind>? kinds = null, int limit = RankingMetrics.Cutoff)
    {
        var match = MatchExpression(text);
        if (match.Length == 0)
        {
            return [];
        }

        using var command = _connection.CreateCommand();
        var kindFilter = kinds is { Count: > 0 }
            ? " AND kind IN (" + string.Join(", ", kinds.Select(k => "'" + KindName(k) + "'")) + ")"
            : string.Empty;
        command.CommandText = $"SELECT id FROM docs WHERE docs MATCH $match{kindFilter} ORDER BY bm25(docs) LIMIT $limit";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Bytes SQLite holds in native memory across all connections of the process.</summary>
    public static long NativeMemoryUsed()
    {
        _ = NativeLibrary.Value;
        return SQLitePCL.raw.sqlite3_memory_used();
    }

    // Enum names only, so they are safe to inline in SQL.
    private static string KindName(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    public void Dispose() => _connection.Dispose();
}
