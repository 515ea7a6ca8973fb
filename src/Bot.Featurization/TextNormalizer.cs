using System.Buffers;

namespace Bot.Featurization;

/// <summary>
/// The normalisation step of <see cref="TextFeaturizer"/>, reproducing ML.NET's <c>TextNormalizingEstimator</c>:
/// each UTF-16 unit is examined once, in this order — punctuation and numbers are dropped if not kept;
/// then, unless diacritics are kept, combining diacritics are dropped and precomposed letters are folded
/// to their base letter; then the case mode is applied with invariant-culture rules.
/// Nothing is ever replaced by a space, so "a,b" becomes "ab" when punctuation is dropped.
/// </summary>
public static class TextNormalizer
{
    private static readonly TextFeaturizerOptions _defaults = new();

    /// <summary>Normalises <paramref name="text"/> with the normalisation settings of <paramref name="options"/> (defaults when null).</summary>
    /// <returns>The normalised text; the same instance when nothing changed; empty for null.</returns>
    public static string Normalize(string? text, TextFeaturizerOptions? options = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        options ??= _defaults;
        var changedAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!TryMap(text[i], options, out var mapped) || mapped != text[i])
            {
                changedAt = i;
                break;
            }
        }

        if (changedAt < 0)
        {
            return text;
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.AsSpan(0, changedAt).CopyTo(buffer);
            var length = changedAt;
            for (var i = changedAt; i < text.Length; i++)
            {
                if (TryMap(text[i], options, out var mapped))
                {
                    buffer[length++] = mapped;
                }
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <returns>False when the character is dropped.</returns>
    private static bool TryMap(char c, TextFeaturizerOptions options, out char mapped)
    {
        mapped = c;
        if ((!options.KeepPunctuations && char.IsPunctuation(c)) || (!options.KeepNumbers && char.IsNumber(c)))
        {
            return false;
        }

        if (!options.KeepDiacritics)
        {
            if (DiacriticFolding.IsCombiningDiacritic(c))
            {
                return false;
            }

            mapped = DiacriticFolding.Fold(c);
        }

        mapped = options.CaseMode switch
        {
            CaseMode.Lower => char.ToLowerInvariant(mapped),
            CaseMode.Upper => char.ToUpperInvariant(mapped),
            _ => mapped,
        };
        return true;
    }
}
