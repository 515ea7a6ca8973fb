using Bot.Catalog;
using Bot.Recommendation.Ranking;

namespace Bot.Recommendation.Tests;

public sealed class TextSimilarityIndexTests
{
    private static readonly string[] Texts =
    [
        "raft consensus leader election log replication",
        "paxos consensus made simple",
        "chain replication for high throughput",
        "log structured merge tree storage engine",
        "consistent hashing for distributed caches",
        "leader election with leases in chubby",
        "byzantine fault tolerance practical",
        "raft visualisation of leader election",
    ];

    private static readonly TextSimilarityIndex Unbounded = TextSimilarityIndex.Build(Texts, withSignatures: true);

    // Every query here visits more than three postings, so every search is a bounded one.
    private static readonly TextSimilarityIndex Bounded = TextSimilarityIndex.Build(Texts, budget: new TextSearchBudget(3, 2), withSignatures: true);

    [Fact]
    public void A_bounded_search_returns_exact_similarities_best_first()
    {
        var query = "raft leader election";
        var exact = Unbounded.Search(query, Texts.Length).ToDictionary(h => h.Doc, h => h.Score);

        var hits = Bounded.Search(query, 3);

        Assert.True(Bounded.PostingCountOf(Bounded.Vectorize(query)) > 3);
        Assert.NotEmpty(hits);
        Assert.True(hits.Count <= 3);
        Assert.All(hits, hit => Assert.Equal(exact[hit.Doc], hit.Score));
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.Contains(hits, hit => hit.Doc is 0 or 7);
    }

    [Fact]
    public void Within_the_budget_only_documents_among_the_best_keep_their_similarity()
    {
        var query = Unbounded.Vectorize("leader election");
        var best = Unbounded.Search(query, 2).ToDictionary(h => h.Doc, h => h.Score);
        var documents = Enumerable.Range(0, Texts.Length).ToList();

        var similarities = Unbounded.SimilaritiesAmongBest(query, documents, limit: 2);

        Assert.Equal(documents.Select(d => best.GetValueOrDefault(d)), similarities);
    }

    [Fact]
    public void Past_the_budget_the_given_documents_are_ranked_among_themselves()
    {
        var query = Bounded.Vectorize("leader election");
        var exact = Unbounded.Search("leader election", Texts.Length).ToDictionary(h => h.Doc, h => h.Score);
        int[] documents = [3, 5, 0, 7];

        var all = Bounded.SimilaritiesAmongBest(query, documents, limit: 10);
        var bestTwo = Bounded.SimilaritiesAmongBest(query, documents, limit: 2);

        Assert.Equal(documents.Select(d => exact.GetValueOrDefault(d)), all);
        var kept = documents.OrderByDescending(d => exact.GetValueOrDefault(d)).ThenBy(d => d).Take(2).ToHashSet();
        Assert.Equal(documents.Select(d => kept.Contains(d) ? exact[d] : 0f), bestTwo);
    }

    [Fact]
    public void Indexes_built_together_search_as_each_built_alone()
    {
        string[] titles = ["Raft", "Paxos made simple", "Chain replication", "The log-structured merge-tree", "Consistent hashing", "Chubby", "PBFT", "Raft visualised"];
        var together = TextSimilarityIndex.BuildShared([new TextCollection(Texts, WithSignatures: true), new TextCollection(titles)]);
        var alone = new[] { Unbounded, TextSimilarityIndex.Build(titles) };
        string[] queries = ["raft leader election", "merge tree", "paxos simple", "hashing caches", "nothing known zzq"];

        for (var i = 0; i < alone.Length; i++)
        {
            foreach (var query in queries)
            {
                var expected = alone[i].Search(query, Texts.Length);
                var actual = together[i].Search(together[i].Vectorize(together[0].Count(query)), Texts.Length);
                Assert.Equal(expected.Select(h => h.Doc), actual.Select(h => h.Doc));
                Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 1e-6f);
            }
        }

        Assert.Equal(Unbounded.Similarity(0, 7), together[0].Similarity(0, 7), 6);
        Assert.Equal(Unbounded.Neighbours(0, 3).Select(n => n.Doc), together[0].Neighbours(0, 3).Select(n => n.Doc));
    }

    [Fact]
    public void Query_counts_serve_only_the_indexes_built_with_them()
    {
        var other = TextSimilarityIndex.Build(["raft"]);

        Assert.Throws<ArgumentException>(() => Unbounded.Vectorize(other.Count("raft")));
        Assert.Equal(0, Unbounded.Count("   ").Counts.Count);
    }

    [Fact]
    public void Similarity_and_neighbours_need_signatures()
    {
        var fieldOnly = TextSimilarityIndex.Build(Texts);

        Assert.Throws<InvalidOperationException>(() => fieldOnly.Similarity(0, 7));
        Assert.Throws<InvalidOperationException>(() => fieldOnly.Neighbours(0).ToList());
        Assert.True(Unbounded.Similarity(0, 7) > Unbounded.Similarity(0, 3));
        Assert.Equal(1f, Unbounded.Similarity(2, 2), 5);
        Assert.DoesNotContain(Unbounded.Neighbours(0), n => n.Doc == 0);
        Assert.Equal(7, Unbounded.Neighbours(0, 1).Single().Doc);
        Assert.DoesNotContain(Bounded.Neighbours(0, 3), n => n.Doc == 0);
    }

    [Fact]
    public void A_recommender_with_a_tiny_search_budget_still_finds_the_topic()
    {
        var engine = new RecommendationEngine(
            FixtureCatalog.Create(),
            options: new RankingOptions { SearchPostings = 5, RescoredPerResult = 1 },
            topicModel: Bot.Recommendation.Understanding.TopicModel.None);

        var items = engine.Recommender.Recommend(new RecommendationQuery { TopicIds = ["consensus"], SubjectText = "consensus", Count = 3 }).Items;

        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Contains("consensus", item.Resource.Topics));
    }

    [Fact]
    public void Search_budget_options_are_validated()
    {
        Assert.ThrowsAny<Exception>(() => new RankingOptions { SearchPostings = 0 }.Validated());
        Assert.ThrowsAny<Exception>(() => new RankingOptions { RescoredPerResult = 0 }.Validated());
        Assert.Equal(new TextSearchBudget(20_000, 2), RankingOptions.Default.SearchBudget);
    }
}
