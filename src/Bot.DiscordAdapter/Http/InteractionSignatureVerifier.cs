using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Bot.DiscordAdapter.Http;

/// <summary>What the signature check of one request found.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>A header is missing or is not hex / a whole number.</summary>
    Malformed,

    /// <summary>The signed timestamp is outside the window: a replay, or a clock far off.</summary>
    Stale,

    /// <summary>The signature does not match the timestamp and body under our public key.</summary>
    Wrong,
}

/// <summary>
/// Checks Discord's signature of an interaction request: <c>X-Signature-Ed25519</c> (hex) over the bytes of
/// <c>X-Signature-Timestamp</c> followed by the raw body, with the application's public key.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureBytes = 64;

    private readonly PublicKey _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;

    public InteractionSignatureVerifier(PublicKey key, TimeProvider time, TimeSpan window)
    {
        _key = key;
        _time = time;
        _window = window;
    }

    public SignatureCheck Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: SignatureBytes * 2 } || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done || written != SignatureBytes)
        {
            return SignatureCheck.Malformed;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if ((_time.GetUtcNow() - signedAt).Duration() > _window)
        {
            return SignatureCheck.Stale;
        }

        var message = new byte[timestamp.Length + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(prefix));
        return SignatureAlgorithm.Ed25519.Verify(_key, message, signature) ? SignatureCheck.Valid : SignatureCheck.Wrong;
    }
}
