namespace Bot.Recommendation.Understanding;

/// <summary>Function words that carry no topic; they are never fuzzy-matched and never count as an unknown topic.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "on", "in", "into", "to", "for", "from", "with", "without", "about",
        "at", "by", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
        "i", "im", "me", "my", "we", "our", "you", "your", "us", "he", "she", "they", "them", "their", "someone", "anyone",
        "what", "which", "who", "whom", "where", "when", "why", "how", "should", "could", "would", "can", "do", "does",
        "did", "have", "has", "had", "will", "shall", "may", "might", "must", "please", "pls", "plz", "thanks", "thank",
        "any", "some", "good", "great", "best", "nice", "recommend", "recommendation", "recommendations", "recommended",
        "suggest", "suggestion", "suggestions", "read", "reading", "reads", "learn", "learning", "study", "studying",
        "understand", "understanding", "want", "wanna", "need", "looking", "look", "find", "get", "give", "show", "tell",
        "know", "like", "resource", "resources", "material", "materials", "stuff", "things", "thing", "topic", "topics",
        "more", "most", "very", "really", "just", "also", "too", "so", "than", "then", "there", "here", "some", "something",
        "up", "out", "over", "all", "new", "level", "hey", "hi", "hello", "folks", "guys", "everyone", "bot", "start",
        "started", "starting", "next", "first", "on", "if", "not", "no", "yes", "ok", "okay", "one", "two", "few",
        "other", "again", "still", "now", "today", "week", "am",
        "kind", "kinds", "type", "better", "deeper", "understand", "explain", "explains", "explained", "work", "works",
        "practical", "intro", "introduction", "introductory", "beginner", "beginners", "advanced", "intermediate",
        "whats", "thats", "theres", "hows", "whos", "wheres", "youre", "dont", "doesnt", "cant", "isnt", "arent",
        "ive", "id", "ill", "lets", "im", "its", "someones", "anybody", "somebody", "guide", "guides", "difference",
        "between", "vs", "versus", "compare", "comparison", "about", "into", "looking", "dive", "deep", "me", "recs",
    };

    // Words of the field itself: they carry no topic of their own, but they do describe what the reader wants.
    private static readonly HashSet<string> DomainWords = new(StringComparer.Ordinal)
    {
        "distributed", "systems", "system", "computing", "computer", "software", "engineering",
    };

    /// <summary>True for function words and for the field's generic words: neither is an unknown topic.</summary>
    public static bool Contains(string normalizedToken) => Words.Contains(normalizedToken) || DomainWords.Contains(normalizedToken);

    /// <summary>True for function words only; the field's generic words stay in the subject text.</summary>
    public static bool IsFunctionWord(string normalizedToken) => Words.Contains(normalizedToken);
}
