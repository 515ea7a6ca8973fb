using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation.Understanding;

/// <summary>Words and phrases that tell the reader's level ("new to" means beginner, "PhD" advanced).</summary>
public static class LevelVocabulary
{
    private static readonly (string Phrase, Level Level)[] Phrases =
    [
        ("beginner", Level.Beginner), ("beginners", Level.Beginner), ("begginer", Level.Beginner),
        ("new to", Level.Beginner), ("new here", Level.Beginner), ("im new", Level.Beginner), ("i am new", Level.Beginner),
        ("newbie", Level.Beginner), ("noob", Level.Beginner), ("novice", Level.Beginner), ("newcomer", Level.Beginner),
        ("intro", Level.Beginner), ("introduction", Level.Beginner), ("introductory", Level.Beginner),
        ("eli5", Level.Beginner), ("explain like im five", Level.Beginner), ("basics", Level.Beginner),
        ("basic", Level.Beginner), ("getting started", Level.Beginner), ("get started", Level.Beginner),
        ("where to start", Level.Beginner), ("where do i start", Level.Beginner), ("where should i start", Level.Beginner),
        ("starting out", Level.Beginner), ("just started", Level.Beginner), ("first steps", Level.Beginner),
        ("gentle", Level.Beginner), ("easy", Level.Beginner), ("simple", Level.Beginner), ("primer", Level.Beginner),
        ("from scratch", Level.Beginner), ("no background", Level.Beginner), ("entry level", Level.Beginner),
        ("junior", Level.Beginner), ("total noob", Level.Beginner), ("not too mathy", Level.Beginner),
        ("not too academic", Level.Beginner), ("not too theoretical", Level.Beginner), ("not too dense", Level.Beginner),
        ("no math", Level.Beginner), ("light on math", Level.Beginner), ("approachable", Level.Beginner),
        ("accessible", Level.Beginner), ("high level overview", Level.Beginner), ("layman", Level.Beginner), ("101", Level.Beginner), ("for dummies", Level.Beginner), ("beginner friendly", Level.Beginner),
        ("noobs", Level.Beginner), ("newbies", Level.Beginner), ("novices", Level.Beginner), ("for noobs", Level.Beginner),
        ("like im five", Level.Beginner), ("like i am five", Level.Beginner), ("explained simply", Level.Beginner),
        ("explain simply", Level.Beginner), ("in simple terms", Level.Beginner), ("in plain english", Level.Beginner),
        ("not too technical", Level.Beginner), ("non technical", Level.Beginner), ("not a math person", Level.Beginner),
        ("crash course", Level.Beginner), ("from zero", Level.Beginner), ("zero experience", Level.Beginner),
        ("no experience", Level.Beginner), ("never touched", Level.Beginner), ("never learned", Level.Beginner),
        ("never took", Level.Beginner), ("where to begin", Level.Beginner), ("where do i begin", Level.Beginner),
        ("place to start", Level.Beginner), ("start with", Level.Beginner),
        ("first book", Level.Beginner), ("first paper", Level.Beginner), ("whr do i strt", Level.Beginner),
        ("dont get", Level.Beginner), ("total beginner", Level.Beginner),
        ("like im 5", Level.Beginner), ("like im 10", Level.Beginner), ("like im 12", Level.Beginner),
        ("undergrad level", Level.Beginner), ("fresh grad", Level.Beginner), ("nothing too heavy", Level.Beginner),
        ("intermediate", Level.Intermediate), ("intermediates", Level.Intermediate), ("intermediate ish", Level.Intermediate),
        ("medium", Level.Intermediate), ("medium difficulty", Level.Intermediate),
        ("not a beginner", Level.Intermediate), ("not a beginner anymore", Level.Intermediate), ("no longer a beginner", Level.Intermediate),
        ("not new to", Level.Intermediate), ("past the basics", Level.Intermediate), ("past the beginner stage", Level.Intermediate),
        ("beyond the intro", Level.Intermediate), ("beyond the intro level", Level.Intermediate), ("after the intro", Level.Intermediate),
        ("comfortable with the basics", Level.Intermediate), ("done the basics", Level.Intermediate), ("got the basics", Level.Intermediate),
        ("get the basics", Level.Intermediate), ("understand the basics", Level.Intermediate), ("understand basic", Level.Intermediate),
        ("basics already", Level.Intermediate), ("already know", Level.Intermediate), ("knows the basics", Level.Intermediate), ("already comfortable", Level.Intermediate),
        ("already runs", Level.Intermediate), ("already run", Level.Intermediate), ("already use", Level.Intermediate), ("some experience", Level.Intermediate), ("practitioner", Level.Intermediate),
        ("mid level", Level.Intermediate), ("next step", Level.Intermediate), ("already know the basics", Level.Intermediate),
        ("know the basics", Level.Intermediate), ("beyond the basics", Level.Intermediate),
        ("advanced", Level.Advanced), ("advance", Level.Advanced), ("deep dive", Level.Advanced), ("deep dives", Level.Advanced),
        ("in depth", Level.Advanced), ("indepth", Level.Advanced), ("phd", Level.Advanced), ("expert", Level.Advanced),
        ("experts", Level.Advanced), ("research", Level.Advanced), ("researcher", Level.Advanced), ("research level", Level.Advanced),
        ("years of experience", Level.Advanced), ("seasoned", Level.Advanced), ("senior", Level.Advanced),
        ("hardcore", Level.Advanced), ("pretty well", Level.Advanced), ("quite well", Level.Advanced),
        ("very well", Level.Advanced), ("well versed", Level.Advanced), ("inside out", Level.Advanced),
        ("hard stuff", Level.Advanced), ("heavy stuff", Level.Advanced),
        ("formal treatment", Level.Advanced), ("rigorous", Level.Advanced), ("original papers", Level.Advanced),
        ("the originals", Level.Advanced), ("seminal", Level.Advanced), ("theory heavy", Level.Advanced),
        ("go deep", Level.Advanced), ("go deeper", Level.Advanced), ("deeper", Level.Advanced), ("deep reading", Level.Advanced), ("deep end", Level.Advanced),
        ("deep stuff", Level.Advanced), ("hardest", Level.Advanced), ("state of the art", Level.Advanced),
        ("grad level", Level.Advanced), ("the math behind", Level.Advanced), ("hard theory", Level.Advanced),
        ("graduate", Level.Advanced), ("grad school", Level.Advanced), ("masters", Level.Advanced),
    ];

    // A level word beside one of these names no level: "basic paxos" is single-decree Paxos, a "medium post" is on
    // Medium, a "simple question" is about the asking.
    private static readonly OtherSenses Senses = new(
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["basic"] = ["paxos"],
            ["medium"] = ["post", "posts", "article", "articles", "blog", "blogs", "writeup", "writeups"],
            ["simple"] = ["question", "questions"],
        },
        new Dictionary<string, string[]>(StringComparer.Ordinal) { ["medium"] = ["on"] });

    public static IReadOnlyList<(string Phrase, Level Level)> All => Phrases;

    /// <summary>Whether the level phrase of <paramref name="length"/> tokens at <paramref name="index"/> names no level here ("basic paxos", "a medium post").</summary>
    public static bool IsOtherSense(IReadOnlyList<string> tokens, int index, int length) => Senses.Apply(tokens, index, length);

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
