using System.Buffers;

namespace Bot.Featurization;

/// <summary>
/// Turns one text into the two unit streams the n-gram extractors read, following ML.NET's
/// <c>TextFeaturizingEstimator</c>: normalise; split into word tokens; remove stop words; (extension) stem;
/// and build the character stream with ML.NET's marker characters.
/// </summary>
internal sealed class TextAnalyzer(TextFeaturizerOptions options)
{
    /// <summary>ML.NET's start-of-text marker (STX), prepended to the character stream.</summary>
    public const char TextStartMarker = '\u0002';

    /// <summary>ML.NET's end-of-text marker (ETX), appended to the character stream.</summary>
    public const char TextEndMarker = '\u0003';

    /// <summary>ML.NET's unit separator (US), placed between tokens when the character stream is built from tokens.</summary>
    public const char UnitSeparator = '\u001F';

    /// <summary>Separates tokens in the word buffer, so a contiguous word n-gram is a slice of it.</summary>
    public const char TokenSeparator = ' ';

    public TextFeaturizerOptions Options => options;

    public void Analyze(string? text, AnalysisBuffers buffers)
    {
        var normalized = TextNormalizer.Normalize(text, options);
        buffers.Reset(normalized.Length);

        var words = options.WordFeatureExtractor is not null;
        var chars = options.CharFeatureExtractor is not null;
        var stopWords = options.StopWordsRemover;

        // Without stop-word removal ML.NET tokenises the whole normalised text into characters, spaces included;
        // with it, the character stream is the surviving tokens joined by US, wrapped in markers even when empty.
        var charsFromText = chars && stopWords is null;
        var charsFromTokens = chars && stopWords is not null;

        if (charsFromText && normalized.Length > 0)
        {
            buffers.CharText[0] = TextStartMarker;
            normalized.CopyTo(buffers.CharText.AsSpan(1));
            buffers.CharText[normalized.Length + 1] = TextEndMarker;
            buffers.CharLength = normalized.Length + 2;
        }

        if (!words && !charsFromTokens)
        {
            return;
        }

        if (charsFromTokens)
        {
            buffers.CharText[buffers.CharLength++] = TextStartMarker;
        }

        var charTokens = 0;
        var span = normalized.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var token = span[start..i];
            if (stopWords is not null && stopWords.Contains(token))
            {
                continue;
            }

            if (charsFromTokens)
            {
                if (charTokens++ > 0)
                {
                    buffers.CharText[buffers.CharLength++] = UnitSeparator;
                }

                token.CopyTo(buffers.CharText.AsSpan(buffers.CharLength));
                buffers.CharLength += token.Length;
            }

            if (words)
            {
                buffers.AddToken(token, options.Stemmer);
            }
        }

        if (charsFromTokens)
        {
            buffers.CharText[buffers.CharLength++] = TextEndMarker;
        }
    }
}

/// <summary>Pooled per-call working memory for <see cref="TextAnalyzer"/>; one instance per thread of work.</summary>
internal sealed class AnalysisBuffers : IDisposable
{
    public char[] WordText { get; private set; } = [];

    public int WordLength { get; private set; }

    public int[] TokenStarts { get; private set; } = [];

    public int[] TokenEnds { get; private set; } = [];

    public int TokenCount { get; private set; }

    public char[] CharText { get; private set; } = [];

    public int CharLength { get; set; }

    /// <summary>Room for one skip-gram of either stream.</summary>
    public char[] Scratch { get; private set; } = [];

    public int[] Positions { get; } = new int[NgramExtractorOptions.MaxNgramPlusSkipLength];

    public TokenUnits Tokens => new(TokenStarts, TokenEnds, TokenCount);

    /// <summary>Empties the buffers and makes room for a normalised text of <paramref name="textLength"/> characters.</summary>
    public void Reset(int textLength)
    {
        WordLength = 0;
        TokenCount = 0;
        CharLength = 0;

        // Tokens plus single separators never exceed the text; the character stream adds at most two markers.
        var chars = textLength + 2;
        var tokens = (textLength / 2) + 1;
        if (CharText.Length < chars)
        {
            ReturnAll();
            WordText = ArrayPool<char>.Shared.Rent(chars);
            CharText = ArrayPool<char>.Shared.Rent(chars);
            Scratch = ArrayPool<char>.Shared.Rent(chars);
        }

        if (TokenStarts.Length < tokens)
        {
            ReturnTokens();
            TokenStarts = ArrayPool<int>.Shared.Rent(tokens);
            TokenEnds = ArrayPool<int>.Shared.Rent(tokens);
        }
    }

    public void AddToken(ReadOnlySpan<char> token, StemmerKind stemmer)
    {
        if (TokenCount > 0)
        {
            WordText[WordLength++] = TextAnalyzer.TokenSeparator;
        }

        var start = WordLength;
        WordLength += Stemmer.Stem(token, WordText.AsSpan(start), stemmer);
        TokenStarts[TokenCount] = start;
        TokenEnds[TokenCount] = WordLength;
        TokenCount++;
    }

    public void Dispose()
    {
        ReturnAll();
        ReturnTokens();
    }

    private void ReturnAll()
    {
        if (CharText.Length > 0)
        {
            ArrayPool<char>.Shared.Return(WordText);
            ArrayPool<char>.Shared.Return(CharText);
            ArrayPool<char>.Shared.Return(Scratch);
            WordText = CharText = Scratch = [];
        }
    }

    private void ReturnTokens()
    {
        if (TokenStarts.Length > 0)
        {
            ArrayPool<int>.Shared.Return(TokenStarts);
            ArrayPool<int>.Shared.Return(TokenEnds);
            TokenStarts = TokenEnds = [];
        }
    }
}
