using Bot.Featurization;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Conversation;

/// <summary>
/// What is known exactly about a message before the model reads it: the topics, paper and resources it names, the
/// level and kind words, whether the bot is addressed, and how much of it reads as English. The model takes these
/// beside the text, so that it learns how much a named topic or paper weighs against the phrasing around it.
/// </summary>
public sealed record MessageFacts(string Normalized, ParsedQuery Query, NameMentions Mentions, float[] Features)
{
    public const int FeatureCount = 11;

    public static MessageFacts Of(string text, bool addressed, QueryParser parser, PaperFinder papers)
    {
        var modelText = IntentModel.ModelText(text);
        var normalized = TextAnalyzer.Normalize(modelText);
        var query = parser.Parse(normalized);
        var mentions = papers.FindMentions(normalized);
        var tokens = normalized.Length == 0 ? 0 : normalized.Count(c => c == ' ') + 1;
        var functionWords = normalized.Length == 0 ? 0 : normalized.Split(' ').Count(TextAnalyzer.IsFunctionWord);
        var letters = 0;
        var nonLatinOrAccented = 0;
        foreach (var c in modelText)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c > '\u007f')
                {
                    nonLatinOrAccented++;
                }
            }
        }

        float Share(int part, int whole) => whole == 0 ? 0f : (float)part / whole;
        float[] features =
        [
            addressed ? 1f : 0f,
            query.Topics.Count > 0 ? 1f : 0f,
            mentions.Paper is not null ? 1f : 0f,
            mentions.ResourceIds.Count > 0 ? 1f : 0f,
            query.Kinds.Count > 0 ? 1f : 0f,
            query.Level is not null ? 1f : 0f,
            modelText.Contains('?', StringComparison.Ordinal) ? 1f : 0f,
            tokens <= 3 ? 1f : 0f,
            Share(query.UnknownWords.Count, tokens),
            Share(functionWords, tokens),
            Share(nonLatinOrAccented, letters),
        ];
        return new MessageFacts(normalized, query, mentions, features);
    }
}
