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
