using System.Numerics.Tensors;
using Bot.Catalog;
using Bot.Featurization;

namespace Bot.Recommendation;

/// <summary>
/// Every resource placed by meaning (<see cref="WordVectors"/> over its title and summary), so a request worded in the
/// reader's own terms is compared with what each item is about, not only with the words it uses.
/// </summary>
public sealed class MeaningIndex
{
    /// <summary>The name the shipped vectors (data/models/word-vectors.bin at build time) have inside this assembly.</summary>
    public const string EmbeddedResourceName = "Bot.Recommendation.word-vectors.bin";

    private static readonly Lazy<WordVectors> ShippedVectors = new(LoadEmbedded);

    private readonly WordVectors _words;
    private readonly float[] _items;

    public MeaningIndex(IReadOnlyList<Resource> resources, WordVectors words)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _words = words ?? throw new ArgumentNullException(nameof(words));
        _items = new float[resources.Count * words.Dimensions];
        for (var doc = 0; doc < resources.Count; doc++)
        {
            words.TryEmbed(resources[doc].Title + " " + resources[doc].Summary, Row(doc));
        }
    }

    /// <summary>The vectors shipped inside this assembly, loaded once per process.</summary>
    public static WordVectors Shipped => ShippedVectors.Value;

    /// <summary>The request's vector; all zeros when none of its words has one (then every similarity is 0).</summary>
    public float[] Place(string text) => _words.Embed(text);

    /// <summary>Cosine of a placed request with one resource.</summary>
    public float Similarity(float[] request, int doc) => TensorPrimitives.Dot(request, Row(doc));

    /// <summary>The <paramref name="count"/> resources nearest the request, best first; none when it has no vector.</summary>
    public IReadOnlyList<int> Nearest(float[] request, int count)
    {
        if (count <= 0 || TensorPrimitives.MaxMagnitude(request) == 0)
        {
            return [];
        }

        var documents = _items.Length / _words.Dimensions;
        var best = new PriorityQueue<int, float>(count + 1);
        for (var doc = 0; doc < documents; doc++)
        {
            best.Enqueue(doc, Similarity(request, doc));
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }

        var nearest = new int[best.Count];
        for (var i = nearest.Length - 1; i >= 0; i--)
        {
            nearest[i] = best.Dequeue();
        }

        return nearest;
    }

    private Span<float> Row(int doc) => _items.AsSpan(doc * _words.Dimensions, _words.Dimensions);

    private static WordVectors LoadEmbedded()
    {
        using var stream = typeof(MeaningIndex).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"The word vectors are missing from this build ({EmbeddedResourceName}); build with data/models/word-vectors.bin present.");
        return WordVectors.Load(stream);
    }
}
