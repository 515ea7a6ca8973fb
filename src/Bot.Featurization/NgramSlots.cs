using System.Buffers;
using System.Numerics;

namespace Bot.Featurization;

/// <summary>
/// The n-gram slots of a fitted counting featurizer (plain counts, one block), read back from ML.NET's slot names, so
/// that a text's counts are one dictionary look-up per n-gram instead of a pass through ML.NET's pipeline.
/// </summary>
/// <remarks>
/// <para>What ML.NET does for a prepared text (words one space apart), and what <see cref="Count"/> repeats: the
/// character block reads the text between a start marker (U+0002) and an end marker (U+0003) and counts every run of
/// exactly n characters; the word block splits at spaces and counts every run of 1 to n words. A slot's name is its
/// n-gram's characters or words joined by '|', a character at or below U+0020 written as its control picture
/// ("&lt;␠&gt;" for the space). An n-gram no slot holds is dropped, as ML.NET drops it.</para>
/// <para><see cref="TryRead"/> gives null when a name does not read back as exactly one n-gram (a '|' or an unusual
/// character in the fitted text, or n-grams longer than the keys hold); the caller then keeps ML.NET's pipeline.</para>
/// </remarks>
internal sealed class NgramSlots
{
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';
    private const int WordIdBits = 21;
    private const int MaxCharLength = 4;
    private const int MaxWordLength = 3;

    private readonly bool _characters;
    private readonly int _length;
    private readonly SlotTable _slotOf;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordIds;

    private NgramSlots(bool characters, int length, SlotTable slotOf, Dictionary<string, int> wordIds)
    {
        _characters = characters;
        _length = length;
        _slotOf = slotOf;
        _wordIds = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The slots of character n-grams of exactly <paramref name="length"/> characters, or null when the names do not read back.</summary>
    public static NgramSlots? TryReadCharacters(IReadOnlyList<string> names, int length) =>
        length is < 1 or > MaxCharLength ? null : TryRead(names, characters: true, length);

    /// <summary>The slots of word n-grams of 1 to <paramref name="length"/> words, or null when the names do not read back.</summary>
    public static NgramSlots? TryReadWords(IReadOnlyList<string> names, int length) =>
        length is < 1 or > MaxWordLength ? null : TryRead(names, characters: false, length);

    private static NgramSlots? TryRead(IReadOnlyList<string> names, bool characters, int length)
    {
        var keys = new ulong[names.Count];
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        Span<ulong> parts = stackalloc ulong[length];
        for (var slot = 0; slot < names.Count; slot++)
        {
            var name = names[slot].AsSpan();
            var count = 0;
            foreach (var range in name.Split('|'))
            {
                if (count == length)
                {
                    return null;
                }

                var part = name[range];
                ulong value;
                if (characters)
                {
                    if (!TryReadCharacter(part, out var c))
                    {
                        return null;
                    }

                    value = c;
                }
                else
                {
                    if (part.IsEmpty || part.Contains(' '))
                    {
                        return null;
                    }

                    var words = wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
                    if (!words.TryGetValue(part, out var id))
                    {
                        id = wordIds.Count + 1;
                        if (id >= 1 << WordIdBits)
                        {
                            return null;
                        }

                        words[part] = id;
                    }

                    value = (ulong)id;
                }

                parts[count++] = value;
            }

            if (characters ? count != length : count == 0)
            {
                return null;
            }

            keys[slot] = Key(characters, parts[..count]);
        }

        var slotOf = SlotTable.TryCreate(keys);
        return slotOf is null ? null : new NgramSlots(characters, length, slotOf, wordIds);
    }

    // ML.NET writes a character as itself, except control characters, surrogates and a few others, which it spells out;
    // only the control pictures of U+0000..U+0020 are read back here, anything else spelt out gives up.
    private static bool TryReadCharacter(ReadOnlySpan<char> part, out char c)
    {
        c = default;
        if (part.Length == 1)
        {
            c = part[0];
            return c > '\u0020' && c != '<' && !char.IsSurrogate(c) && c is not (>= '\u007f' and <= '\u009f') and not '\u2028' and not '\u2029';
        }

        if (part.Length == 3 && part[0] == '<' && part[2] == '>' && part[1] is >= '\u2400' and <= '\u2420')
        {
            c = (char)(part[1] - '\u2400');
            return true;
        }

        return false;
    }

    private static ulong Key(bool characters, ReadOnlySpan<ulong> parts)
    {
        var shift = characters ? 16 : WordIdBits;
        ulong key = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            key |= parts[i] << (shift * i);
        }

        return key;
    }

    /// <summary>The counts of a prepared text's n-grams, by slot in increasing order: what ML.NET's featurizer gives for it.</summary>
    public SparseVector Count(string prepared)
    {
        if (prepared.Length == 0)
        {
            return SparseVector.Empty;
        }

        // Every n-gram found adds its slot; sorted, each run of one slot is its count.
        var found = ArrayPool<int>.Shared.Rent((prepared.Length + 2) * _length);
        try
        {
            var count = _characters ? FindCharacters(prepared, found) : FindWords(prepared, found);
            if (count == 0)
            {
                return SparseVector.Empty;
            }

            var slots = found.AsSpan(0, count);
            slots.Sort();
            var distinct = 1;
            for (var i = 1; i < slots.Length; i++)
            {
                if (slots[i] != slots[i - 1])
                {
                    distinct++;
                }
            }

            var indices = new int[distinct];
            var values = new float[distinct];
            var k = -1;
            for (var i = 0; i < slots.Length; i++)
            {
                if (i == 0 || slots[i] != slots[i - 1])
                {
                    indices[++k] = slots[i];
                }

                values[k]++;
            }

            return SparseVector.FromTrusted(indices, values);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(found);
        }
    }

    private int FindCharacters(string prepared, int[] found)
    {
        var count = 0;
        // The text between its markers, as ML.NET's character tokenizer gives it.
        var total = prepared.Length + 2;
        ulong key = 0;
        var mask = _length == 4 ? ulong.MaxValue : (1UL << (16 * _length)) - 1;
        for (var i = 0; i < total; i++)
        {
            var c = i == 0 ? StartMarker : i == total - 1 ? EndMarker : prepared[i - 1];

            // The newest character sits in the top 16 bits of the n-gram's key, the oldest in the lowest.
            key = ((key >> 16) | ((ulong)c << (16 * (_length - 1)))) & mask;
            if (i >= _length - 1 && _slotOf.TryFind(key, out var slot))
            {
                found[count++] = slot;
            }
        }

        return count;
    }

    private int FindWords(string prepared, int[] found)
    {
        var count = 0;
        Span<ulong> window = stackalloc ulong[_length];
        var filled = 0;
        var text = prepared.AsSpan();
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            // A word the fit never saw ends every n-gram through it: none of them has a slot.
            var id = _wordIds.TryGetValue(word, out var known) ? (ulong)known : 0;
            if (filled == _length)
            {
                window[1..].CopyTo(window);
                filled--;
            }

            window[filled++] = id;

            // Every n-gram that ends at this word, from the longest to the word alone.
            for (var start = 0; start < filled; start++)
            {
                var ngram = window[start..filled];
                if (ngram.Contains(0UL))
                {
                    continue;
                }

                if (_slotOf.TryFind(Key(characters: false, ngram), out var slot))
                {
                    found[count++] = slot;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The slot of each n-gram key, kept for the process's life in about 13 bytes a key where a dictionary takes about
    /// 28: the keys, each multiplied by an odd constant (a one-to-one mix that spreads them evenly over the top bits),
    /// sorted with their slots alongside, and the start of each run of mixed keys sharing their top bits.
    /// </summary>
    private sealed class SlotTable
    {
        private const ulong Mix = 0x9E3779B97F4A7C15;

        private readonly ulong[] _mixed;
        private readonly int[] _slots;
        private readonly int[] _bucketStart;
        private readonly int _shift;

        private SlotTable(ulong[] mixed, int[] slots, int[] bucketStart, int shift)
        {
            _mixed = mixed;
            _slots = slots;
            _bucketStart = bucketStart;
            _shift = shift;
        }

        /// <summary>The table of <paramref name="keys"/> (slot i holds keys[i], overwritten), or null when two slots share a key.</summary>
        public static SlotTable? TryCreate(ulong[] keys)
        {
            var slots = new int[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] *= Mix;
                slots[i] = i;
            }

            Array.Sort(keys, slots);
            for (var i = 1; i < keys.Length; i++)
            {
                if (keys[i] == keys[i - 1])
                {
                    return null;
                }
            }

            // About 4 to 8 keys a bucket, and at least 2 buckets so that the shift stays below 64.
            var bits = Math.Max(1, BitOperations.Log2((uint)Math.Max(1, keys.Length / 4)));
            var shift = 64 - bits;
            var bucketStart = new int[(1 << bits) + 1];
            foreach (var key in keys)
            {
                bucketStart[(int)(key >> shift) + 1]++;
            }

            for (var b = 1; b < bucketStart.Length; b++)
            {
                bucketStart[b] += bucketStart[b - 1];
            }

            return new SlotTable(keys, slots, bucketStart, shift);
        }

        public bool TryFind(ulong key, out int slot)
        {
            var mixed = key * Mix;
            var bucket = (int)(mixed >> _shift);
            var start = _bucketStart[bucket];
            var at = _mixed.AsSpan(start, _bucketStart[bucket + 1] - start).IndexOf(mixed);
            slot = at < 0 ? 0 : _slots[start + at];
            return at >= 0;
        }
    }
}
