using System.Text.RegularExpressions;
using Bot.Featurization;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Conversation;

/// <summary>What a channel message asks for, with the parsed query behind it.</summary>
/// <param name="AlreadyRead">Resources the writer says they have read or know ("after DDIA"), to leave out.</param>
public sealed record MessageClassification(MessageIntent Intent, ParsedQuery Query, string? PaperQuery)
{
    public IReadOnlySet<string> AlreadyRead { get; init; } = new HashSet<string>();
}

/// <summary>
/// Decides whether a channel message asks for reading material. The bot answers only when a
/// message both asks (a request or question pattern) and names something to read about (a topic,
/// a kind of material, or a known paper); everything else is chatter and gets silence, because
/// a bot that answers ordinary conversation gets muted.
/// </summary>
public sealed partial class MessageClassifier
{
    public const int MaxMessageLength = 500;

    private readonly QueryParser _parser;
    private readonly PaperFinder _papers;

    public MessageClassifier(QueryParser parser, PaperFinder papers)
    {
        _parser = parser;
        _papers = papers;
    }

    /// <param name="addressedToBot">
    /// The message mentions the bot or is a direct message: it needs no request phrasing, naming a topic, a kind
    /// of material or a paper is enough. Text that starts by calling the bot ("hey bot, ...") counts too.
    /// </param>
    public MessageClassification Classify(string? message, bool addressedToBot = false)
    {
        var text = message ?? string.Empty;
        var normalized = TextAnalyzer.Normalize(text.Length > MaxMessageLength ? string.Empty : text);
        var query = _parser.Parse(normalized);
        if (normalized.Length == 0)
        {
            return new MessageClassification(MessageIntent.None, query, null);
        }

        var asks = addressedToBot || CallsTheBotPattern().IsMatch(normalized)
            || RequestPattern().IsMatch(normalized) || ExplainPattern().IsMatch(normalized);
        var isQuestion = text.Contains('?', StringComparison.Ordinal);
        // A kind of material ("books", "a talk") is a subject of its own; generic words ("reads", "resources")
        // only count together with a topic, or "any reads on the PR?" would be answered.
        var namesMaterial = query.Kinds.Count > 0 || MaterialPattern().IsMatch(normalized);
        var namesSubject = query.Topics.Count > 0 || SubjectPattern().IsMatch(normalized);

        var mentions = _papers.FindMentions(normalized);
        var paper = mentions.Paper;
        var saysPaper = PaperWordPattern().IsMatch(normalized);
        var remarksOnMaterial = ChatterAboutMaterialPattern().IsMatch(normalized);
        // "Share good resources on CAP" asks for a list even though "cap" also names a paper.
        var asksForGeneralMaterial = asks && GeneralMaterialPattern().IsMatch(normalized);
        if (paper is not null && PaperLookupPattern().IsMatch(normalized) && !remarksOnMaterial && !asksForGeneralMaterial)
        {
            return new MessageClassification(MessageIntent.Paper, query, paper);
        }

        // "Any good papers on CRDTs?" asks for a list even though "crdts" also names one paper.
        var mentioned = mentions.ResourceIds;
        if (asks && (namesSubject || namesMaterial || mentioned.Count > 0))
        {
            var alreadyRead = AlreadyReadPattern().IsMatch(normalized) ? mentioned : new HashSet<string>();
            return new MessageClassification(MessageIntent.Recommend, query, null) { AlreadyRead = alreadyRead };
        }

        if (paper is not null && saysPaper && !remarksOnMaterial && (isQuestion || PaperQuestionPattern().IsMatch(normalized)))
        {
            return new MessageClassification(MessageIntent.Paper, query, paper);
        }

        if (isQuestion && namesMaterial && (namesSubject || paper is not null) && !remarksOnMaterial)
        {
            return new MessageClassification(MessageIntent.Recommend, query, null);
        }

        return new MessageClassification(MessageIntent.None, query, null);
    }

    [GeneratedRegex(@"\b(recommend\w*|suggest\w*|recs?|reading list|must reads?|good reads?|(any|some) reads?|what (should|do|would|could|can) (i|we|one|you) (read|study|start with|look at|watch)|what to (read|study|watch)|where (do|should|can|would) (i|we|one) (start|begin|learn|read)|where to (start|begin)|(any|good|best|great|favou?rite|solid|decent) (books?|papers?|courses?|talks?|videos?|lectures?|resources?|intros?|introductions?|reading|readings|blogs?|blog posts?|articles?|tutorials?|guides?|materials?|references?|primers?|overviews?|sources?)|(looking|searching|hunting) for|point(ers| me)|(want|need|trying|like|keen|hoping|plan|planning) to (learn|understand|study|read up|get into|dig into|wrap my head)|learn(ing)? (about|more about)|read (up )?(on|about)|get(ting)? into|ramp(ing)? up|brush(ing)? up|(is|are) there (a|an|any|some) (good |great |decent )?(books?|papers?|courses?|talks?|videos?|resources?|intros?|introductions?|tutorials?|guides?|blog)|resources? (on|for|about)|what (are|is) (the|a|some) (best|good|classic|canonical|essential|seminal|key) |study group|teach me|what(s| is)? next|read next|next (read|reads|step|steps)|(id|i would|would) (love|like|appreciate) (a|an|some|any|to read)|need (some |a |an |good |more )?(good )?(reading|readings|books?|papers?|resources?|material|materials|intro|introduction|primer|overview|references?|pointers|recommendations?)|(whats|what is|whats a|what is a|what are) (a |the |some )?(good|great|best|solid|decent|recommended)|(good|great|best|solid) (deep dives?|intros?|primers?|overviews?|reads?|starting points?|place to start)|(good|best|way) (for|to) (learning|learn|understand|understanding|get into|getting into)|for learning|to learn about|help me (learn|understand)|(get|getting) better at|level up (on|in|at)|prepar(e|ing) for|where (should|do|would|can|could) .{0,25}\b(start|begin)|what do (people|folks|you guys|yall|you all|others|experts) (read|recommend|suggest)|how (do|can|should|would) (i|we|one|you|people|someone|a beginner|a newbie|newbies) (learn|study|get into)|how (do|can|should|would) (i|one|a beginner|a newbie|newbies) (get started|start))\b")]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"\b((can|could|would) (someone|anyone|you|somebody) (explain|help me understand)|explain (to me )?(how|what|why)|differences? between|how (does|do) (\w+ ){1,3}(work|differ|compare)|eli5|like (im|i am) (five|5))\b")]
    private static partial Regex ExplainPattern();

    [GeneratedRegex(@"\b(books?|papers?|courses?|talks?|videos?|lectures?|blogs?|articles?|tutorials?|textbooks?)\b")]
    private static partial Regex MaterialPattern();

    [GeneratedRegex(@"\b(distributed (systems?|computing|algorithms?|databases?)|systems? design)\b")]
    private static partial Regex SubjectPattern();

    // Verbs that ask for one specific document whatever words surround them.
    [GeneratedRegex(@"\b(find|link|links|url|pdf|where (is|can i (find|get|read))|who wrote|author of|look up|lookup|got (a|the) (link|copy|pdf)|(share|send)( me)? (the|a|that) (\w+ ){0,4}(link|pdf|paper|copy)|(need|want|get|grab) (the|a copy of the)|(do you|does anyone|anyone|someone) have (the|a link)|(looking|searching|hunting) for the|original paper)\b")]
    private static partial Regex PaperLookupPattern();

    [GeneratedRegex(@"\b(after|beyond|besides|other than|apart from|already (read|know|finished|did)|finished|done with|experience with|familiar with|know \w+ (well|pretty well))\b")]
    private static partial Regex AlreadyReadPattern();

    [GeneratedRegex(@"^(hey |hi |hello |ok |okay |yo )?bot\b")]
    private static partial Regex CallsTheBotPattern();

    [GeneratedRegex(@"\b(resources?|materials?|reading|readings|reads|stuff|something|anything|books|courses|talks|videos|papers|recs|recommendations?|pointers|suggestions?)\b")]
    private static partial Regex GeneralMaterialPattern();

    // Softer asks that count as a paper lookup only when the message says "paper".
    [GeneratedRegex(@"\b(what is the|whats the|what was the|tell me about|show me|details|summary of|paper (on|about|called|titled|by|named)|pls|plz|please|thx)\b")]
    private static partial Regex PaperQuestionPattern();

    [GeneratedRegex(@"\bpapers?\b")]
    private static partial Regex PaperWordPattern();

    // "I read a great paper about raft yesterday?" style remarks are opinions, not requests.
    [GeneratedRegex(@"\b(i (just )?(read|finished|wrote|published|reviewed)|we (read|discussed)|did you (read|see)|have you (read|seen)|my (paper|book|talk|blog))\b")]
    private static partial Regex ChatterAboutMaterialPattern();
}
