using System.Globalization;
using System.Text;
using Bot.Application;
using Bot.Recommendation.Ranking;

namespace Bot.Host;

/// <summary>The text of <c>ask --explain</c>: per item, its reason, score, and every feature with its value and contribution.</summary>
internal static class RankingExplanation
{
    public static string Format((Reply Reply, IReadOnlyList<ExplainedItem> Items) explained)
    {
        var (reply, items) = explained;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{reply.Message}");
        if (items.Count == 0)
        {
            text.AppendLine("(no ranked items: this input is not a recommendation request)");
            return text.ToString();
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var score = item.Baseline + item.Contributions.Sum();
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {item.Item.Resource.Title} [{item.Item.Resource.Id}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"   reason: {item.Item.Reason}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   model score {score:F4} = baseline {item.Baseline:F4} + contributions:");
            foreach (var feature in RankingFeatures.All.OrderByDescending(f => Math.Abs(item.Contributions[f.Index])).ThenBy(f => f.Index))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   {item.Contributions[feature.Index],9:+0.0000;-0.0000; 0.0000}  {feature.Name,-27} = {item.Features[feature.Index],8:0.####}  ({feature.Family})");
            }
        }

        return text.ToString();
    }
}
