using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Bot.DiscordAdapter.Http;

/// <summary>The application's Ed25519 public key, read from the 64 hex digits the Developer Portal shows.</summary>
public static class Ed25519PublicKey
{
    public static bool TryParse(string? hex, [NotNullWhen(true)] out PublicKey? key)
    {
        key = null;
        var text = hex?.Trim();
        if (text is not { Length: 64 })
        {
            return false;
        }

        byte[] raw;
        try
        {
            raw = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out key);
    }
}
