using Bot.Recommendation.Conversation;

namespace Bot.Recommendation.Tests;

/// <summary>How judged examples are split into cross-validation folds (the ranker's and the intent model's).</summary>
public sealed class CrossValidationFoldsTests
{
    private static List<string> Sets(params (string Set, int Size)[] sets) =>
        sets.SelectMany(s => Enumerable.Repeat(s.Set, s.Size)).ToList();

    [Fact]
    public void By_set_each_set_goes_whole_largest_first_into_the_fold_holding_fewest_so_far()
    {
        var sets = Sets(("a", 30), ("b", 20), ("c", 20), ("d", 10), ("e", 10), ("f", 10), ("g", 5));

        var folds = CrossValidationFolds.Assign(sets, FoldGrouping.BySet, folds: 5);

        // a, b, c, d, e open the five folds; f joins d (the lower of the two tens), g then joins e.
        var foldOfSet = sets.Zip(folds).Distinct().ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(sets.Count, folds.Length);
        Assert.Equal(sets.Distinct().Count(), foldOfSet.Count);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["d"] = 3, ["e"] = 4, ["f"] = 3, ["g"] = 4 }, foldOfSet);
    }

    [Fact]
    public void By_set_the_order_the_examples_come_in_does_not_move_a_set()
    {
        var inOrder = Sets(("y", 4), ("z", 4), ("x", 6));
        var shuffled = new List<string> { "z", "x", "y", "z", "x", "y", "x", "z", "y", "x", "z", "y", "x", "x" };

        var first = CrossValidationFolds.Assign(inOrder, FoldGrouping.BySet, folds: 3);
        var second = CrossValidationFolds.Assign(shuffled, FoldGrouping.BySet, folds: 3);

        // x is the largest; y and z tie on size and are taken by name.
        Assert.All(inOrder.Zip(first).Concat(shuffled.Zip(second)), p => Assert.Equal(p.First switch { "x" => 0, "y" => 1, _ => 2 }, p.Second));
    }

    [Fact]
    public void Interleaved_folds_take_examples_in_turn_whatever_their_set()
    {
        Assert.Equal([0, 1, 2, 0, 1, 2, 0], CrossValidationFolds.Assign(Sets(("a", 5), ("b", 2)), FoldGrouping.Interleaved, folds: 3));
    }

    [Fact]
    public void The_intent_trainer_keeps_each_messages_set_in_one_fold_and_its_shipped_folds_are_positions_modulo_five()
    {
        LabelledMessage Message(string set, int number) => new($"{set} message {number}", MessageIntent.None, null, Addressed: false, OtherLanguage: false) { Set = set };
        var messages = Enumerable.Range(0, 12).Select(n => Message(n % 3 == 0 ? "Training/messages.yaml" : n % 3 == 1 ? "Training2/messages.yaml" : "Training2/recommend.yaml", n)).ToList();

        var bySet = IntentModelTrainer.FoldsOf(messages, FoldGrouping.BySet);
        var interleaved = IntentModelTrainer.FoldsOf(messages, FoldGrouping.Interleaved);

        Assert.All(messages.Zip(bySet).GroupBy(p => p.First.Set), set => Assert.Single(set.Select(p => p.Second).Distinct()));
        Assert.Equal(3, bySet.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i % 5), interleaved);
    }
}
