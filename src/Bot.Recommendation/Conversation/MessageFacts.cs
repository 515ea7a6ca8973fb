using System.Collections.Frozen;
using Bot.Featurization;
using Bot.Recommendation.Papers;
using Bot.Recommendation.Understanding;

namespace Bot.Recommendation.Conversation;

/// <summary>
/// What is known exactly about a message before the model reads it: the topics, paper and resources it names, the
/// authors and years it names (and whether they name one paper), the level and kind words, the cues of asking (a question, a request verb, "anyone", reading and learning words,
/// who speaks to whom), whether the bot is addressed, its length, and how much of it reads as English. The model
/// takes these beside the text, so that it learns how much a named topic or paper weighs against the phrasing
/// around it.
/// </summary>
/// <param name="ModelText">The text as the model reads it (<see cref="IntentModel.ModelText"/>).</param>
/// <param name="Meaning">The message placed by meaning (<see cref="WordVectors"/>), so that a request worded in words no
/// labelled message used still reads like the requests it means the same as; all zeros without vectors.</param>
public sealed record MessageFacts(string ModelText, string Normalized, ParsedQuery Query, NameMentions Mentions, float[] Features, float[] Meaning)
{
    /// <summary>The length of <see cref="Meaning"/>: the shipped word vectors' (all-MiniLM-L6-v2's sentence length).</summary>
    public const int MeaningDimensions = 384;

    /// <summary>The first eleven are the facts of the first model; the variants in `Bot model train-intent` compare against them.</summary>
    public const int FirstModelFeatureCount = 11;

    public const int FeatureCount = 25;

    /// <summary>Most of the message's letters are of another script than the Latin alphabet: certainly not English.</summary>
    public bool OtherScript { get; init; }

    // Each word list is one feature: the model weighs the cue, the list only says where it is found.
    private static readonly Cue RequestVerbs = new("recommend", "recommendation", "recommendations", "recs", "rec", "suggest", "suggestion",
        "suggestions", "share", "point", "need", "want", "looking", "lookin", "send", "link", "find", "give", "show", "pls", "please", "plz",
        "gimme", "lmk");

    private static readonly Cue Anyone = new("anyone", "anybody", "someone", "somebody", "folks", "yall", "everyone", "people", "guys");

    private static readonly Cue Reading = new("read", "reading", "reads", "reread", "skim", "readings");

    private static readonly Cue Learning = new("learn", "learning", "understand", "understanding", "study", "studying", "intro",
        "introduction", "start", "starting", "started", "beginner", "primer", "grok", "get", "into", "deep", "dive");

    private static readonly Cue Resources = new("resource", "resources", "material", "materials", "reference", "references", "links",
        "list", "source", "sources", "writeup", "explainer", "explanation", "tutorial", "guide", "pointers", "pointer");

    private static readonly Cue FirstPerson = new("i", "im", "ive", "id", "ill", "me", "my", "mine", "we", "our", "us", "were");

    private static readonly Cue SecondPerson = new("you", "your", "youre", "u", "ya", "yours");

    private static readonly Cue QuestionOpeners = new("what", "whats", "which", "where", "how", "any", "anything", "is", "are", "can",
        "could", "would", "does", "do", "who", "should", "anyone", "anybody", "got", "know", "whos", "hows");

    // Common words of the languages the channel also sees, none of them an English word in ordinary use.
    private static readonly Cue ForeignWords = new(
        "el", "los", "las", "que", "una", "para", "por", "con", "sobre", "como", "alguien", "puede", "libro", "aprender", "del", "mi", "muy", "gracias", "hola", "recomendar", "recomiendan", "sistemas", "distribuidos", "leer", "algun", "alguna", "quiero", "necesito",
        "les", "des", "est", "pour", "avec", "je", "vous", "sur", "pas", "qui", "du", "et", "cette", "livre", "quelquun", "merci", "bonjour", "conseiller", "lire", "systemes", "distribues", "apprendre",
        "der", "und", "ist", "ich", "nicht", "ein", "eine", "mit", "fur", "wie", "kann", "jemand", "auf", "uber", "gibt", "buch", "lesen", "verteilte", "systeme", "danke", "empfehlen",
        "nao", "com", "um", "uma", "voce", "alguem", "livro", "obrigado", "sistemas", "ler",
        "il", "che", "di", "sono", "qualcuno", "della", "gli", "consigliare", "leggere", "grazie",
        "het", "een", "van", "ik", "niet", "wat", "zijn", "voor", "boek");

    /// <param name="meaning">The word vectors that place the message (of <see cref="MeaningDimensions"/>); null for none.</param>
    public static MessageFacts Of(string text, bool addressed, QueryParser parser, PaperFinder papers, WordVectors? meaning = null)
    {
        var modelText = IntentModel.ModelText(text);
        var normalized = TextAnalyzer.Normalize(modelText);
        var query = parser.Parse(normalized);
        var mentions = papers.FindMentions(normalized);

        int tokens = 0, functionWords = 0, requestVerbs = 0, anyone = 0, reading = 0, learning = 0, resources = 0;
        int firstPerson = 0, secondPerson = 0, foreign = 0;
        var questionOpener = false;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            var word = normalized.AsSpan(range);
            if (word.IsEmpty)
            {
                continue;
            }

            questionOpener |= tokens == 0 && QuestionOpeners.Has(word);
            tokens++;
            functionWords += TextAnalyzer.IsFunctionWord(word) ? 1 : 0;
            requestVerbs += RequestVerbs.Has(word) ? 1 : 0;
            anyone += Anyone.Has(word) ? 1 : 0;
            reading += Reading.Has(word) ? 1 : 0;
            learning += Learning.Has(word) ? 1 : 0;
            resources += Resources.Has(word) ? 1 : 0;
            firstPerson += FirstPerson.Has(word) ? 1 : 0;
            secondPerson += SecondPerson.Has(word) ? 1 : 0;
            foreign += ForeignWords.Has(word) ? 1 : 0;
        }

        var letters = 0;
        var nonLatinOrAccented = 0;
        var otherScript = 0;
        foreach (var c in modelText)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c > '\u007f')
                {
                    nonLatinOrAccented++;
                }

                // Past Latin Extended-B: Greek, Cyrillic, CJK, Arabic and the rest, none of them English's alphabet.
                if (c > '\u024f')
                {
                    otherScript++;
                }
            }
        }

        float Share(int part, int whole) => whole == 0 ? 0f : (float)part / whole;
        static float Flag(bool value) => value ? 1f : 0f;
        float[] features =
        [
            Flag(addressed),
            Flag(query.Topics.Count > 0),
            Flag(mentions.Paper is not null),
            Flag(mentions.ResourceIds.Count > 0),
            Flag(query.Kinds.Count > 0),
            Flag(query.Level is not null),
            Flag(modelText.Contains('?', StringComparison.Ordinal)),
            Flag(tokens <= 3),
            Share(query.UnknownWords.Count, tokens),
            Share(functionWords, tokens),
            Share(nonLatinOrAccented, letters),

            Math.Min(query.Topics.Count, 3),
            Flag(requestVerbs > 0),
            Flag(anyone > 0),
            Flag(reading > 0),
            Flag(learning > 0),
            Flag(resources > 0),
            Flag(firstPerson > 0),
            Flag(secondPerson > 0),
            Flag(questionOpener),
            MathF.Log(1 + tokens),
            Share(foreign, tokens),

            // "nancy lynch 1989, the impossibility proofs survey": asked by author and year rather than by name.
            Flag(mentions.NamesAuthor),
            Flag(mentions.NamesYear),
            Flag(mentions.AuthorYearPaper is not null),
        ];
        return new MessageFacts(modelText, normalized, query, mentions, features, Place(modelText, meaning)) { OtherScript = otherScript * 2 > letters };
    }

    /// <summary>The text (already <see cref="IntentModel.ModelText"/>) by meaning; all zeros without vectors or known words.</summary>
    public static float[] Place(string modelText, WordVectors? meaning) => meaning?.Embed(modelText) ?? new float[MeaningDimensions];

    private sealed class Cue(params string[] words)
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words =
            words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Has(ReadOnlySpan<char> word) => _words.Contains(word);
    }
}
