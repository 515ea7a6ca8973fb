namespace Bot.Featurization;

/// <summary>The light stemmers behind <see cref="StemmerKind"/>; written from the published rule descriptions.</summary>
internal static class Stemmer
{
    /// <summary>Stems <paramref name="token"/> into <paramref name="destination"/>, which must be at least as long.</summary>
    /// <returns>The stem's length; never longer than the token.</returns>
    public static int Stem(ReadOnlySpan<char> token, Span<char> destination, StemmerKind kind)
    {
        token.CopyTo(destination);
        if (kind == StemmerKind.None || !IsLowerAsciiWord(token))
        {
            return token.Length;
        }

        return kind switch
        {
            StemmerKind.SStripping => StripS(destination[..token.Length]),
            StemmerKind.PorterStep1 => PorterStep1(destination[..token.Length]),
            _ => token.Length,
        };
    }

    public static string Stem(string token, StemmerKind kind)
    {
        var buffer = new char[token.Length];
        var length = Stem(token, buffer, kind);
        return new string(buffer, 0, length);
    }

    private static bool IsLowerAsciiWord(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static int StripS(Span<char> w)
    {
        var n = w.Length;
        if (n < 4)
        {
            return n;
        }

        if (w.EndsWith("ies") && w[n - 4] is not ('e' or 'a'))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (w.EndsWith("es") && w[n - 3] is not ('a' or 'e' or 'o'))
        {
            return n - 1;
        }

        if (w[n - 1] == 's' && w[n - 2] is not ('u' or 's'))
        {
            return n - 1;
        }

        return n;
    }

    private static int PorterStep1(Span<char> w)
    {
        var n = w.Length;
        if (n < 3)
        {
            return n;
        }

        // Step 1a: plurals.
        if (EndsWith(w, n, "sses") || EndsWith(w, n, "ies"))
        {
            n -= 2;
        }
        else if (!EndsWith(w, n, "ss") && w[n - 1] == 's')
        {
            n -= 1;
        }

        // Step 1b: past tense and progressive.
        var removedSuffix = false;
        if (EndsWith(w, n, "eed"))
        {
            if (Measure(w, n - 3) > 0)
            {
                n -= 1;
            }
        }
        else if (EndsWith(w, n, "ed") && ContainsVowel(w, n - 2))
        {
            n -= 2;
            removedSuffix = true;
        }
        else if (EndsWith(w, n, "ing") && ContainsVowel(w, n - 3))
        {
            n -= 3;
            removedSuffix = true;
        }

        if (removedSuffix)
        {
            if (EndsWith(w, n, "at") || EndsWith(w, n, "bl") || EndsWith(w, n, "iz"))
            {
                w[n++] = 'e';
            }
            else if (EndsWithDoubleConsonant(w, n) && w[n - 1] is not ('l' or 's' or 'z'))
            {
                n -= 1;
            }
            else if (Measure(w, n) == 1 && EndsConsonantVowelConsonant(w, n))
            {
                w[n++] = 'e';
            }
        }

        // Step 1c: a final y after a stem with a vowel.
        if (n > 0 && w[n - 1] == 'y' && ContainsVowel(w, n - 1))
        {
            w[n - 1] = 'i';
        }

        return n;
    }

    private static bool EndsWith(Span<char> w, int length, string suffix) =>
        length >= suffix.Length && w[..length].EndsWith(suffix);

    // 'y' is a consonant at the start of a word or after a vowel, and a vowel after a consonant.
    private static bool IsConsonant(Span<char> w, int i) =>
        w[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(w, i - 1),
            _ => true,
        };

    // m in Porter's [C](VC)^m[V]: the number of vowel-run/consonant-run pairs.
    private static int Measure(Span<char> w, int length)
    {
        var m = 0;
        var i = 0;
        while (i < length && IsConsonant(w, i))
        {
            i++;
        }

        while (i < length)
        {
            while (i < length && !IsConsonant(w, i))
            {
                i++;
            }

            if (i >= length)
            {
                break;
            }

            while (i < length && IsConsonant(w, i))
            {
                i++;
            }

            m++;
        }

        return m;
    }

    private static bool ContainsVowel(Span<char> w, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!IsConsonant(w, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWithDoubleConsonant(Span<char> w, int length) =>
        length >= 2 && w[length - 1] == w[length - 2] && IsConsonant(w, length - 1);

    private static bool EndsConsonantVowelConsonant(Span<char> w, int length) =>
        length >= 3
        && IsConsonant(w, length - 3)
        && !IsConsonant(w, length - 2)
        && IsConsonant(w, length - 1)
        && w[length - 1] is not ('w' or 'x' or 'y');
}
