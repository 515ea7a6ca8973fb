using Bot.Catalog;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Bot.Quality.Harness;

/// <summary>
/// The second BM25 baseline: Lucene.Net over the same fields as <see cref="Fts5Baseline"/> (title, nicknames,
/// authors, topic names and aliases, summary), in memory, analysed with Lucene's EnglishAnalyzer (lower case,
/// English stop words, possessives, Porter stemming). The query is the user's analysed words, each OR-ed over
/// every field, ranked by BM25 (k1 1.2, b 0.75). A kind filter can be applied; no level logic, no typo tolerance.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] TextFields = ["title", "nicknames", "authors", "topics", "summary"];

    private readonly RAMDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private LuceneBaseline(RAMDirectory directory, Analyzer analyzer, int count)
    {
        _directory = directory;
        _analyzer = analyzer;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        Count = count;
    }

    public int Count { get; }

    /// <summary>What the index takes in memory: the bytes of its in-memory directory.</summary>
    public long IndexBytes => _directory.GetSizeInBytes();

    public static LuceneBaseline Build(IEnumerable<Resource> resources, IReadOnlyList<Topic> topics)
    {
        var topicText = topics.ToDictionary(t => t.Id, t => string.Join(" , ", new[] { t.Name }.Concat(t.Aliases)), StringComparer.Ordinal);
        var directory = new RAMDirectory();
        var analyzer = new EnglishAnalyzer(Version);
        try
        {
            var count = 0;
            var config = new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var resource in resources)
                {
                    writer.AddDocument(new Document
                    {
                        new StringField("id", resource.Id, Field.Store.YES),
                        new StringField("kind", KindName(resource.Kind), Field.Store.NO),
                        new TextField("title", resource.Title, Field.Store.NO),
                        new TextField("nicknames", string.Join(" , ", resource.Nicknames), Field.Store.NO),
                        new TextField("authors", string.Join(" , ", resource.Authors), Field.Store.NO),
                        new TextField("topics", string.Join(" , ", resource.Topics.Select(t => topicText.GetValueOrDefault(t, t))), Field.Store.NO),
                        new TextField("summary", resource.Summary, Field.Store.NO),
                    });
                    count++;
                }

                writer.Commit();
            }

            return new LuceneBaseline(directory, analyzer, count);
        }
        catch
        {
            analyzer.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Ids ranked by BM25, best first, optionally only of the given kinds.</summary>
    public IReadOnlyList<string> Search(string text, IReadOnlyCollection<ResourceKind>? kinds = null, int limit = RankingMetrics.Cutoff)
    {
        var terms = Analyze(text);
        if (terms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var field in TextFields)
        {
            foreach (var term in terms)
            {
                query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
        }

        Filter? filter = null;
        if (kinds is { Count: > 0 })
        {
            var kindQuery = new BooleanQuery();
            foreach (var kind in kinds)
            {
                kindQuery.Add(new TermQuery(new Term("kind", KindName(kind))), Occur.SHOULD);
            }

            filter = new QueryWrapperFilter(kindQuery);
        }

        var hits = _searcher.Search(query, filter, limit).ScoreDocs;
        return hits.Select(hit => _searcher.Doc(hit.Doc).Get("id")).ToList();
    }

    /// <summary>The text's distinct terms as the index analysed them (stop words gone, stems).</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("summary", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }

    private static string KindName(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
