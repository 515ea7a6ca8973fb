using Bot.Catalog;

namespace Bot.Quality.Harness;

/// <summary>Both BM25 baselines over one catalog: the ranker is compared with the stronger of the two.</summary>
public sealed class Bm25Baselines(Fts5Baseline fts5, LuceneBaseline lucene) : IDisposable
{
    public Fts5Baseline Fts5 => fts5;

    public LuceneBaseline Lucene => lucene;

    public static Bm25Baselines Build(ReadingCatalog catalog)
    {
        var fts5 = Fts5Baseline.Build(catalog.Resources, catalog.Topics);
        try
        {
            return new Bm25Baselines(fts5, LuceneBaseline.Build(catalog.Resources, catalog.Topics));
        }
        catch
        {
            fts5.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        fts5.Dispose();
        lucene.Dispose();
    }
}
