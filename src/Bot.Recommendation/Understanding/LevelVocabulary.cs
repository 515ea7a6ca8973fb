using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>
/// The level words of a request: the exact names of the levels, which decide the level wherever they are said, and
/// the phrases in which readers describe themselves or the reading they want ("new to", "no math", "deep dive",
/// "PhD"). Which level such a phrase implies is the level model's call (<see cref="LevelModel"/>): the phrases only
/// say that the words are about the reader, not the subject, so that they stay out of the subject words.
/// </summary>
public static class LevelVocabulary
{
    private static readonly string[] Phrases =
    [
        "beginner", "beginners", "begginer", "new to", "new here", "im new", "i am new", "newbie", "noob", "novice",
        "newcomer", "intro", "introduction", "introductory", "eli5", "explain like im five", "basics", "basic",
        "getting started", "get started", "where to start", "where do i start", "where should i start",
        "starting out", "just started", "first steps", "gentle", "easy", "simple", "primer", "from scratch",
        "no background", "entry level", "junior", "total noob", "not too mathy", "not too academic",
        "not too theoretical", "not too dense", "no math", "light on math", "approachable", "accessible",
        "high level overview", "layman", "101", "for dummies", "beginner friendly", "noobs", "newbies", "novices",
        "for noobs", "like im five", "like i am five", "explained simply", "explain simply", "in simple terms",
        "in plain english", "not too technical", "non technical", "not a math person", "crash course", "from zero",
        "zero experience", "no experience", "never touched", "never learned", "never took", "where to begin",
        "where do i begin", "place to start", "start with", "first book", "first paper", "whr do i strt", "dont get",
        "total beginner", "intermediate", "intermediates", "intermediate ish", "medium", "medium difficulty",
        "not a beginner", "not a beginner anymore", "no longer a beginner", "not new to", "past the basics",
        "past the beginner stage", "beyond the intro", "beyond the intro level", "after the intro",
        "comfortable with the basics", "done the basics", "got the basics", "get the basics", "understand the basics",
        "understand basic", "basics already", "already know", "knows the basics", "already comfortable",
        "already runs", "already run", "already use", "some experience", "practitioner", "mid level", "next step",
        "already know the basics", "know the basics", "beyond the basics", "advanced", "advance", "deep dive",
        "deep dives", "in depth", "indepth", "phd", "expert", "experts", "research", "researcher", "research level",
        "years of experience", "seasoned", "senior", "hardcore", "pretty well", "quite well", "very well",
        "well versed", "inside out", "hard stuff", "heavy stuff", "formal treatment", "rigorous", "original papers",
        "the originals", "seminal", "theory heavy", "go deeper", "deeper", "deep reading", "deep end", "deep stuff",
        "hardest", "state of the art", "grad level", "the math behind", "hard theory", "graduate", "grad school",
        "masters",
    ];

    /// <summary>Phrases about the reader or the depth wanted rather than the subject.</summary>
    public static IReadOnlyList<string> ReaderPhrases => Phrases;

    /// <summary>
    /// A level said by its name in free text: "beginner(s)", "intermediate", "advanced", or a misspelling of one
    /// within the fuzzy matcher's typo allowance ("begginer", "advnced"). Synonyms ("easy", "research") are not
    /// names: in a sentence they are as often about the subject.
    /// </summary>
    public static Level? NamedLevel(string normalizedToken)
    {
        if (normalizedToken.Length <= 4)
        {
            return null;
        }

        foreach (var level in Enum.GetValues<Level>())
        {
            var name = Name(level);
            if (normalizedToken == name || normalizedToken == name + "s")
            {
                return level;
            }

            var typos = FuzzyMatcher.AllowedTypos(name.Length);
            if (Math.Abs(normalizedToken.Length - name.Length) <= typos && FuzzyMatcher.EditDistance(normalizedToken, name, typos + 1) <= typos)
            {
                return level;
            }
        }

        return null;
    }


    /// <summary>The explicit level names a command argument may use (also "1"/"2"/"3" style shortcuts are not accepted).</summary>
    public static Level? ParseExact(string word) => TextAnalyzer.Normalize(word) switch
    {
        "beginner" or "beginners" or "begginer" or "beginer" or "novice" or "intro" or "easy" or "basic" => Level.Beginner,
        "intermediate" or "intermediat" or "medium" or "mid" => Level.Intermediate,
        "advanced" or "advance" or "expert" or "hard" or "research" => Level.Advanced,
        _ => null,
    };

    /// <summary>
    /// A level word as a command argument: an exact name or synonym, or a misspelling of a level's name within the
    /// fuzzy matcher's typo allowance ("beginer", "advnced").
    /// </summary>
    public static Level? ParseWord(string word)
    {
        if (ParseExact(word) is { } exact)
        {
            return exact;
        }

        var normalized = TextAnalyzer.Normalize(word);
        foreach (var level in Enum.GetValues<Level>())
        {
            var name = Name(level);
            if (normalized.Length > 3 && FuzzyMatcher.EditDistance(normalized, name, FuzzyMatcher.AllowedTypos(name.Length) + 1) <= FuzzyMatcher.AllowedTypos(name.Length))
            {
                return level;
            }
        }

        return null;
    }

    public static string Name(Level level) => level switch
    {
        Level.Beginner => "beginner",
        Level.Intermediate => "intermediate",
        _ => "advanced",
    };

    public const string AcceptedNames = "beginner, intermediate, advanced";
}
