using Bot.Recommendation.Ranking;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Bot.Recommendation.Tests.Ranking;

public sealed class RankerModelTests
{
    [Fact]
    public void The_tree_walk_scores_exactly_as_MLNET_does()
    {
        var ml = new MLContext(seed: 0);
        using var stream = typeof(RankerModel).Assembly.GetManifestResourceStream(RankerModel.ResourceName)!;
        var transformer = ml.Model.Load(stream, out var schema);
        var vectors = FixtureCatalog.Engine.Recommender.Features
            .Extract(new RecommendationQuery { TopicIds = ["consensus"], Level = Catalog.Level.Beginner, SubjectText = "consensus raft" })
            .Select(c => c.Features)
            .ToList();
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Count);
        var scores = ml.Data.CreateEnumerable<Scored>(
            transformer.Transform(ml.Data.LoadFromEnumerable(vectors.Select(v => new Row { Features = v }), definition)),
            reuseRowObject: false).Select(s => s.Score).ToList();

        Assert.True(vectors.Count > 5);
        for (var i = 0; i < vectors.Count; i++)
        {
            Assert.Equal(scores[i], RankerModel.Bundled.Score(vectors[i]), 4);
        }
    }

    [Fact]
    public void Scoring_without_walking_the_trees_gives_the_walks_score_bit_for_bit()
    {
        var model = RankerModel.Bundled;
        var vectors = new[]
            {
                new RecommendationQuery { TopicIds = ["consensus"], Level = Catalog.Level.Beginner, SubjectText = "consensus raft" },
                new RecommendationQuery { TopicIds = ["storage"], Level = Catalog.Level.Advanced, SubjectText = "lsm trees compaction" },
                new RecommendationQuery { TopicIds = [], SubjectText = "clocks and time in distributed systems" },
            }
            .SelectMany(query => FixtureCatalog.Engine.Recommender.Features.Extract(query))
            .Select(c => c.Features)
            .ToList();

        // Values exactly on a threshold, just above one, beyond every one and NaN take the same branches as in a walk.
        foreach (var (feature, threshold) in model.Splits)
        {
            foreach (var value in new[] { threshold, MathF.BitIncrement(threshold) })
            {
                var vector = vectors[0].ToArray();
                vector[feature] = value;
                vectors.Add(vector);
            }
        }

        vectors.Add(Enumerable.Repeat(float.NaN, RankingFeatures.Count).ToArray());
        vectors.Add(Enumerable.Repeat(float.PositiveInfinity, RankingFeatures.Count).ToArray());
        vectors.Add(Enumerable.Repeat(float.NegativeInfinity, RankingFeatures.Count).ToArray());
        var batch = new double[vectors.Count];
        model.Score(vectors, batch);

        Assert.True(vectors.Count > 1000);
        for (var i = 0; i < vectors.Count; i++)
        {
            var walked = model.ScoreByWalkingTrees(vectors[i]);
            Assert.Equal(walked, model.Score(vectors[i]));
            Assert.Equal(walked, batch[i]);
        }
    }

    [Fact]
    public void A_corrupt_model_fails_with_a_message_that_says_how_to_rebuild_it()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);
        var error = Assert.Throws<InvalidDataException>(() => RankerModel.Load(stream, "ranker.zip"));
        Assert.Contains("Bot model train", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_fails_naming_the_file()
    {
        var error = Assert.Throws<FileNotFoundException>(() => RankerModel.Load(Path.Combine(Path.GetTempPath(), "no-such-ranker.zip")));
        Assert.Contains("no-such-ranker.zip", error.Message, StringComparison.Ordinal);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}
