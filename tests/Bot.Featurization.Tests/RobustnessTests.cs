using System.Text;

namespace Bot.Featurization.Tests;

/// <summary>Property-style checks: arbitrary UTF-16 input never throws and always yields a well-formed vector.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] _optionSetNames = ["defaults", "retrieval", "skipgrams-idf-l1", "everything-dropped-infinity"];

    private const string Letters = "Ééàçñøß한국Ελλάδαשָׁלוֹם٣²Ⅻ";

    private static readonly string[] _words = ["paxos", "raft", "consensus", "replicas", "the", "of", "2PC", "clocks"];

    public static TheoryData<string> OptionSets() => [.. _optionSetNames];

    private static TextFeaturizerOptions Options(string name) =>
        name switch
        {
            "defaults" => new TextFeaturizerOptions(),
            "retrieval" => TextFeaturizerOptions.Retrieval,
            "skipgrams-idf-l1" => new TextFeaturizerOptions
            {
                WordFeatureExtractor = new NgramExtractorOptions { NgramLength = 3, SkipLength = 2, Weighting = WeightingCriteria.Idf },
                CharFeatureExtractor = new NgramExtractorOptions { NgramLength = 4, SkipLength = 1, Weighting = WeightingCriteria.TfIdf },
                Norm = NormFunction.L1,
                Stemmer = StemmerKind.SStripping,
                StopWordsRemover = StopWordsRemoverOptions.Custom(["a", "\u0301"]),
            },
            "everything-dropped-infinity" => new TextFeaturizerOptions
            {
                CaseMode = CaseMode.Upper,
                KeepPunctuations = false,
                KeepNumbers = false,
                Norm = NormFunction.Infinity,
                Stemmer = StemmerKind.PorterStep1,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Random_unicode_never_throws_and_yields_well_formed_vectors(string optionSet)
    {
        var options = Options(optionSet);
        var random = new Random(optionSet.Length * 7919);
        var corpus = Enumerable.Range(0, 60).Select(string? (_) => RandomText(random, random.Next(0, 200))).ToList();
        corpus.Add(null);
        corpus.Add("the paxos algorithm, explained: 2PC vs 3PC");

        var featurizer = TextFeaturizer.Fit(corpus, options);

        var inputs = Enumerable.Range(0, 300).Select(string? (_) => RandomText(random, random.Next(0, 300))).ToList();
        inputs.AddRange(corpus);
        inputs.AddRange(EdgeCases(random));
        foreach (var text in inputs)
        {
            AssertWellFormed(featurizer, featurizer.Transform(text), options.Norm, text);
        }
    }

    [Fact]
    public void Normalizer_never_throws_and_never_grows_text()
    {
        var random = new Random(5);
        foreach (var text in Enumerable.Range(0, 500).Select(_ => RandomText(random, random.Next(0, 400))).Concat(EdgeCases(random)))
        {
            foreach (var name in _optionSetNames)
            {
                var normalized = TextNormalizer.Normalize(text, Options(name));
                Assert.True(normalized.Length <= (text?.Length ?? 0));
            }
        }
    }

    [Fact]
    public void Fitting_on_huge_and_hostile_documents_works()
    {
        var random = new Random(13);
        var featurizer = TextFeaturizer.Fit(EdgeCases(random), TextFeaturizerOptions.Retrieval);

        Assert.True(featurizer.Dimension > 0);
        AssertWellFormed(featurizer, featurizer.Transform(RandomText(random, 100_000)), NormFunction.L2, "huge");
    }

    private static IEnumerable<string?> EdgeCases(Random random) =>
    [
        null,
        "",
        " ",
        "\t\r\n\u00A0\u2028\u3000",
        "\0",
        "\u0002\u0003\u001F",
        "\uD800",
        "\uDC00\uD800",
        "a\uD83D",
        "\uD83D\uDE00 emoji \uD83E\uDD16",
        "\u0301\u0301\u0301",
        "\uFFFF\uFFFE",
        new string('a', 100_000),
        new string(' ', 100_000),
        string.Concat(Enumerable.Repeat("ab ", 33_334)),
        RandomText(random, 100_000),
    ];

    private static void AssertWellFormed(TextFeaturizer featurizer, SparseVector vector, NormFunction norm, string? text)
    {
        var indices = vector.Indices.ToArray();
        var values = vector.Values.ToArray();
        for (var i = 0; i < vector.Count; i++)
        {
            Assert.InRange(indices[i], 0, featurizer.Dimension - 1);
            Assert.True(i == 0 || indices[i] > indices[i - 1], "indices must be strictly increasing");
            Assert.True(float.IsFinite(values[i]) && values[i] > 0f, $"bad value {values[i]} for {Describe(text)}");
        }

        foreach (var inBlock in new Func<int, bool>[] { i => i < featurizer.CharFeatureCount, i => i >= featurizer.CharFeatureCount })
        {
            var block = Enumerable.Range(0, vector.Count).Where(i => inBlock(indices[i])).Select(i => (double)values[i]).ToArray();
            if (block.Length == 0)
            {
                continue;
            }

            var measured = norm switch
            {
                NormFunction.L1 => block.Sum(),
                NormFunction.Infinity => block.Max(),
                NormFunction.L2 => Math.Sqrt(block.Sum(v => v * v)),
                _ => double.NaN,
            };
            Assert.True(Math.Abs(measured - 1) < 1e-4, $"block norm {measured} for {Describe(text)}");
        }
    }

    private static string Describe(string? text) => text is null ? "null" : $"text of length {text.Length}";

    /// <summary>A mix of ordinary text, white space, controls, combining marks, lone and paired surrogates, and any BMP unit.</summary>
    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            switch (random.Next(9))
            {
                case 0:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 1:
                    builder.Append(" \t\n\r\u00A0\u2028\u3000"[random.Next(7)]);
                    break;
                case 2:
                    builder.Append((char)random.Next(0, 0x20));
                    break;
                case 3:
                    builder.Append((char)random.Next(0x300, 0x370));
                    break;
                case 4:
                    builder.Append((char)random.Next(0xD800, 0xE000));
                    break;
                case 5:
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000) is var cp && cp is >= 0xD800 and < 0xE000 ? 0x1F600 : cp));
                    break;
                case 6:
                    builder.Append((char)random.Next(0, 0x10000));
                    break;
                case 7:
                    builder.Append(Letters[random.Next(Letters.Length)]);
                    break;
                default:
                    builder.Append(_words[random.Next(_words.Length)]).Append(' ');
                    break;
            }
        }

        return builder.ToString();
    }
}
