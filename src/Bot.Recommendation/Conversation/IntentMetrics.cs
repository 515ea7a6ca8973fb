using System.Globalization;
using System.Text;

namespace Bot.Recommendation.Conversation;

/// <summary>How well intents were decided on a set of judged messages.</summary>
/// <param name="Confusion">Counts by [expected, decided], indexed by <see cref="MessageIntent"/>.</param>
public sealed record IntentMetrics(int Count, double Accuracy, double ChatterAnswered, double RequestsMissed, int[,] Confusion)
{
    private static readonly MessageIntent[] Intents = [MessageIntent.Recommend, MessageIntent.Paper, MessageIntent.None];

    public static IntentMetrics Compute(IEnumerable<(MessageIntent Expected, MessageIntent Decided)> outcomes)
    {
        var confusion = new int[3, 3];
        var count = 0;
        foreach (var (expected, decided) in outcomes)
        {
            confusion[(int)expected, (int)decided]++;
            count++;
        }

        var right = Intents.Sum(i => confusion[(int)i, (int)i]);
        var chatter = Row(confusion, MessageIntent.None);
        var requests = Row(confusion, MessageIntent.Recommend) + Row(confusion, MessageIntent.Paper);
        var missed = confusion[(int)MessageIntent.Recommend, (int)MessageIntent.None] + confusion[(int)MessageIntent.Paper, (int)MessageIntent.None];
        return new IntentMetrics(
            count,
            Ratio(right, count),
            Ratio(chatter - confusion[(int)MessageIntent.None, (int)MessageIntent.None], chatter),
            Ratio(missed, requests),
            confusion);
    }

    public double Precision(MessageIntent intent) => Ratio(Confusion[(int)intent, (int)intent], Intents.Sum(e => Confusion[(int)e, (int)intent]));

    public double Recall(MessageIntent intent) => Ratio(Confusion[(int)intent, (int)intent], Row(Confusion, intent));

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"  messages {Count}, accuracy {Accuracy:F3}, chatter answered {ChatterAnswered:P1}, requests missed {RequestsMissed:P1}");
        foreach (var intent in Intents)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Name(intent),-10} precision {Precision(intent):F3}  recall {Recall(intent):F3}");
        }

        text.AppendLine("  confusion (rows expected, columns decided): recommend / paper / none");
        foreach (var expected in Intents)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Name(expected),-10} {string.Join(" ", Intents.Select(d => Confusion[(int)expected, (int)d].ToString(CultureInfo.InvariantCulture).PadLeft(5)))}");
        }

        return text.ToString();
    }

    private static string Name(MessageIntent intent) => IntentLabels.Of(intent);

    private static int Row(int[,] confusion, MessageIntent expected) => Intents.Sum(d => confusion[(int)expected, (int)d]);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
