using System.Text;
using Bot.Application;
using Bot.Catalog;
using Bot.Recommendation;
using Bot.Testing;

namespace Bot.Quality.Harness;

/// <summary>One judged request and what the bot understood of it: topic, level and kind, each right or not (null when not judged).</summary>
public sealed record UnderstandingOutcome(
    string Set,
    string Input,
    IReadOnlyList<string> JudgedTopics,
    IReadOnlyList<string> UnderstoodTopics,
    Level? JudgedLevel,
    Level? UnderstoodLevel,
    ResourceKind? JudgedKind,
    IReadOnlyList<ResourceKind> UnderstoodKinds)
{
    /// <summary>Where the parser found no topic: the topic the best text matches point to, if any.</summary>
    public IReadOnlyList<string> Inferred { get; init; } = [];

    public bool TopicRight => UnderstoodTopics.Intersect(JudgedTopics).Any();

    public bool? LevelRight => JudgedLevel is null ? null : UnderstoodLevel == JudgedLevel;

    /// <summary>Right when the kind named first is the judged one, as the reply reports it.</summary>
    public bool? KindRight => JudgedKind is null ? null : UnderstoodKinds.FirstOrDefault() == JudgedKind && UnderstoodKinds.Count > 0;
}

/// <summary>
/// How well requests are understood, apart from ranking: /recommend commands go through the application layer as a
/// user types them; free text (messages, and free-text /recommend judgments) goes straight to the query parser and the
/// bot's level reading (phrases, else the level model), so the intent classifier does not count.
/// </summary>
public static class UnderstandingEvaluator
{
    /// <summary>The judgment folders tuned and trained on; no held-out set is among them.</summary>
    public static IReadOnlyList<(string Name, string Directory)> TrainingSets =>
        JudgmentLoader.TrainingFolders.Select(f => (f.Length == 0 ? "tuned" : f.ToLowerInvariant(), JudgmentFolders.Named(f))).ToList();

    public static IReadOnlyList<UnderstandingOutcome> RunOnRepository()
    {
        var catalog = CatalogLoader.LoadOrThrow(Repository.DataDirectory);
        var engine = new RecommendationEngine(catalog);
        var assistant = new ReadingAssistant(engine);
        var outcomes = new List<UnderstandingOutcome>();
        foreach (var (name, directory) in TrainingSets)
        {
            var judgments = JudgmentLoader.Load(directory);
            foreach (var judgment in judgments.Recommend)
            {
                if (!judgment.Input.TrimStart().StartsWith('/'))
                {
                    outcomes.Add(FromParser(engine, name + "/recommend", judgment.Input, judgment.Topics, judgment.Level, judgment.Kind));
                    continue;
                }

                var reply = assistant.Handle(judgment.Input);
                IReadOnlyList<ResourceKind> kinds = reply.Kind is { } kind ? [kind] : [];
                outcomes.Add(new UnderstandingOutcome(name + "/recommend", judgment.Input, judgment.Topics, reply.Topics, judgment.Level, reply.Level, judgment.Kind, kinds));
            }

            foreach (var judgment in judgments.Messages.Where(m => m.Expect == ExpectedIntent.Recommend))
            {
                outcomes.Add(FromParser(engine, name + "/messages", judgment.Text, judgment.Topics, judgment.Level, judgment.Kind));
            }
        }

        return outcomes;
    }

    /// <summary>Free text as the parser reads it, whether or not the intent classifier would take it as a request.</summary>
    private static UnderstandingOutcome FromParser(RecommendationEngine engine, string set, string text, IReadOnlyList<string> topics, Level? level, ResourceKind? kind)
    {
        var parsed = engine.Parser.Parse(text);
        return new UnderstandingOutcome(set, text, topics, parsed.ResolvedTopicIds, level, engine.Classifier.ReadLevel(parsed, Bot.Recommendation.Conversation.IntentModel.ModelText(text)), kind, parsed.Kinds)
        {
            Inferred = parsed.ResolvedTopicIds.Count == 0 && engine.InferTopic(parsed.SubjectText) is { } inferred ? [inferred.Label] : [],
        };
    }

    public static string Format(IReadOnlyList<UnderstandingOutcome> outcomes, bool listMisses)
    {
        var text = new StringBuilder();
        text.AppendLine("| set | requests | topic understood | level right | kind right | level read where none judged |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in outcomes.GroupBy(o => o.Set).Append(outcomes.GroupBy(_ => "all").Single()))
        {
            text.AppendLine($"| {group.Key} | {group.Count()} | {Rate(group.Select(o => (bool?)o.TopicRight))} | {Rate(group.Select(o => o.LevelRight))} | {Rate(group.Select(o => o.KindRight))} | {group.Count(o => o.JudgedLevel is null && o.UnderstoodLevel is not null)} |");
        }

        if (!listMisses)
        {
            return text.ToString();
        }

        text.AppendLine().AppendLine("Topic misses (judged -> understood):");
        foreach (var miss in outcomes.Where(o => o.JudgedTopics.Count > 0 && !o.TopicRight))
        {
            text.AppendLine($"  [{miss.Set}] {miss.Input}  | {string.Join(',', miss.JudgedTopics)} -> {string.Join(',', miss.UnderstoodTopics)}");
        }

        var unnamed = outcomes.Where(o => o.JudgedTopics.Count > 0 && o.UnderstoodTopics.Count == 0).ToList();
        text.AppendLine().AppendLine($"Free text naming no topic: {unnamed.Count}; a topic inferred by the topic model for {unnamed.Count(o => o.Inferred.Count > 0)}, right {unnamed.Count(o => o.Inferred.Intersect(o.JudgedTopics).Any())}:");
        foreach (var miss in unnamed)
        {
            text.AppendLine($"  [{miss.Set}] {miss.Input}  | {string.Join(',', miss.JudgedTopics)} -> inferred {string.Join(',', miss.Inferred)}");
        }

        text.AppendLine().AppendLine("Level misses (judged -> understood):");
        foreach (var miss in outcomes.Where(o => o.LevelRight == false))
        {
            text.AppendLine($"  [{miss.Set}] {miss.Input}  | {miss.JudgedLevel} -> {miss.UnderstoodLevel?.ToString() ?? "none"}");
        }

        text.AppendLine().AppendLine("Level read where none was judged:");
        foreach (var extra in outcomes.Where(o => o.JudgedLevel is null && o.UnderstoodLevel is not null))
        {
            text.AppendLine($"  [{extra.Set}] {extra.Input}  | -> {extra.UnderstoodLevel}");
        }

        text.AppendLine().AppendLine("Kind misses (judged -> understood):");
        foreach (var miss in outcomes.Where(o => o.KindRight == false))
        {
            text.AppendLine($"  [{miss.Set}] {miss.Input}  | {miss.JudgedKind} -> {string.Join(',', miss.UnderstoodKinds)}");
        }

        return text.ToString();
    }

    private static string Rate(IEnumerable<bool?> judged)
    {
        var values = judged.OfType<bool>().ToList();
        return values.Count == 0 ? "-" : $"{values.Count(v => v)}/{values.Count} ({(double)values.Count(v => v) / values.Count:P1})";
    }
}
