namespace Bot.Featurization;

/// <summary>Receives each n-gram occurrence found in a text.</summary>
internal interface INgramSink
{
    /// <param name="gram">The n-gram's text: its units joined by the separator (if any). Only valid during the call.</param>
    /// <param name="length">How many units the n-gram has.</param>
    void Accept(ReadOnlySpan<char> gram, int length);
}

/// <summary>The units (characters or tokens) n-grams are made of, as half-open ranges over one text buffer.</summary>
internal interface IUnitSequence
{
    int Count { get; }

    int Start(int unit);

    int End(int unit);
}

/// <summary>Every UTF-16 unit of the buffer is a unit; n-grams are joined without a separator.</summary>
internal readonly struct CharUnits(int count) : IUnitSequence
{
    public int Count => count;

    public int Start(int unit) => unit;

    public int End(int unit) => unit + 1;
}

/// <summary>Tokens laid out in the buffer separated by exactly one separator character.</summary>
internal readonly struct TokenUnits(int[] starts, int[] ends, int count) : IUnitSequence
{
    public int Count => count;

    public int Start(int unit) => starts[unit];

    public int End(int unit) => ends[unit];
}

/// <summary>
/// Enumerates n-grams and skip-grams the way ML.NET's n-gram extractor does: from every start position,
/// depth first, each n-gram of length L+1 extends one of length L; the total number of skipped units
/// inside an n-gram is at most the skip length. This order fixes the order in which a vocabulary grows.
/// </summary>
internal readonly ref struct NgramWalker<TUnits, TSink>
    where TUnits : struct, IUnitSequence
    where TSink : INgramSink
{
    private readonly ReadOnlySpan<char> _text;
    private readonly TUnits _units;
    private readonly char? _separator;
    private readonly int _ngramLength;
    private readonly int _skipLength;
    private readonly bool _useAllLengths;
    private readonly Span<char> _scratch;
    private readonly TSink _sink;
    private readonly Span<int> _positions;

    /// <param name="text">The buffer the units index into.</param>
    /// <param name="units">The units; consecutive ones must be separated by exactly one <paramref name="separator"/> (or nothing).</param>
    /// <param name="separator">Placed between units of a skip-gram; null for character n-grams.</param>
    /// <param name="options">Length and skip settings.</param>
    /// <param name="scratch">At least as long as <paramref name="text"/>; holds skip-grams while they are reported.</param>
    /// <param name="positions">At least <see cref="NgramExtractorOptions.NgramLength"/> long.</param>
    /// <param name="sink">Receives every n-gram occurrence.</param>
    public NgramWalker(
        ReadOnlySpan<char> text, TUnits units, char? separator, NgramExtractorOptions options, Span<char> scratch, Span<int> positions, TSink sink)
    {
        _text = text;
        _units = units;
        _separator = separator;
        _ngramLength = options.NgramLength;
        _skipLength = options.SkipLength;
        _useAllLengths = options.UseAllLengths;
        _scratch = scratch;
        _positions = positions;
        _sink = sink;
    }

    public void Walk()
    {
        for (var start = 0; start < _units.Count; start++)
        {
            _positions[0] = start;
            Visit(1, 0);
        }
    }

    private void Visit(int length, int skips)
    {
        if (_useAllLengths || length == _ngramLength)
        {
            Emit(length);
        }

        if (length == _ngramLength)
        {
            return;
        }

        var start = _positions[0];
        for (var k = skips; k <= _skipLength; k++)
        {
            var next = start + length + k;
            if (next >= _units.Count)
            {
                return;
            }

            _positions[length] = next;
            Visit(length + 1, k);
        }
    }

    private void Emit(int length)
    {
        var first = _positions[0];
        var last = _positions[length - 1];
        if (last - first == length - 1)
        {
            _sink.Accept(_text[_units.Start(first).._units.End(last)], length);
            return;
        }

        var written = 0;
        for (var j = 0; j < length; j++)
        {
            if (j > 0 && _separator is { } separator)
            {
                _scratch[written++] = separator;
            }

            var unit = _positions[j];
            var piece = _text[_units.Start(unit).._units.End(unit)];
            piece.CopyTo(_scratch[written..]);
            written += piece.Length;
        }

        _sink.Accept(_scratch[..written], length);
    }
}
