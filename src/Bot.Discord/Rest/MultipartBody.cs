using System.Globalization;
using System.Text;
using Bot.Discord.Models.Outbound;

namespace Bot.Discord.Rest;

/// <summary>
/// A <c>multipart/form-data</c> request body (RFC 7578) as Discord takes a message with files: a <c>payload_json</c>
/// part holding the JSON body, then one <c>files[n]</c> part per file. It is built once into bytes, so every retry of
/// a request sends exactly the same body.
/// </summary>
public sealed class MultipartBody
{
    public const string PayloadPartName = "payload_json";

    private static readonly byte[] NewLine = "\r\n"u8.ToArray();

    private readonly byte[] _bytes;

    private MultipartBody(string boundary, byte[] bytes)
    {
        Boundary = boundary;
        _bytes = bytes;
    }

    /// <summary>The delimiter between parts (letters, digits and hyphens, so it needs no quoting).</summary>
    public string Boundary { get; }

    /// <summary>The request's <c>Content-Type</c> header value.</summary>
    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    /// <summary>The whole body, the closing delimiter included.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The name of the part that carries file <paramref name="index"/>.</summary>
    public static string FilePartName(int index) => string.Create(CultureInfo.InvariantCulture, $"files[{index}]");

    /// <summary>Builds the body. <paramref name="boundary"/> is for tests; by default a random one is chosen.</summary>
    /// <exception cref="ArgumentException">A file name or content type cannot be written into a part header, or the
    /// given boundary occurs in the content.</exception>
    public static MultipartBody Create(ReadOnlyMemory<byte> payloadJson, IReadOnlyList<FileUpload> files, string? boundary = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            if (!MessageValidator.IsValidFileName(file.FileName))
            {
                throw new ArgumentException($"File name '{file.FileName}' cannot be sent in a Content-Disposition header.", nameof(files));
            }

            if (string.IsNullOrWhiteSpace(file.ContentType) || file.ContentType.Any(char.IsControl))
            {
                throw new ArgumentException($"File '{file.FileName}' needs a content type without control characters.", nameof(files));
            }
        }

        if (boundary is not null)
        {
            if (boundary.Length is 0 or > 70 || !boundary.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new ArgumentException("A boundary is 1 to 70 letters, digits or hyphens.", nameof(boundary));
            }

            if (Occurs(boundary, payloadJson, files))
            {
                throw new ArgumentException("The boundary occurs in the content.", nameof(boundary));
            }

            return new MultipartBody(boundary, Write(boundary, payloadJson, files));
        }

        // A random 128-bit boundary practically never occurs in the content, but checking costs one scan.
        do
        {
            boundary = "discord-bot-" + Guid.NewGuid().ToString("N");
        }
        while (Occurs(boundary, payloadJson, files));

        return new MultipartBody(boundary, Write(boundary, payloadJson, files));
    }

    private static bool Occurs(string boundary, ReadOnlyMemory<byte> payloadJson, IReadOnlyList<FileUpload> files)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        return payloadJson.Span.IndexOf(delimiter) >= 0 || files.Any(f => f.Content.Span.IndexOf(delimiter) >= 0);
    }

    private static byte[] Write(string boundary, ReadOnlyMemory<byte> payloadJson, IReadOnlyList<FileUpload> files)
    {
        using var body = new MemoryStream(payloadJson.Length + files.Sum(f => f.Content.Length) + 256 * (files.Count + 1));
        WritePart(body, boundary, $"form-data; name=\"{PayloadPartName}\"", "application/json", payloadJson.Span);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            WritePart(body, boundary, $"form-data; name=\"{FilePartName(i)}\"; filename=\"{file.FileName}\"", file.ContentType, file.Content.Span);
        }

        body.Write(Encoding.ASCII.GetBytes("--" + boundary + "--"));
        body.Write(NewLine);
        return body.ToArray();
    }

    private static void WritePart(MemoryStream body, string boundary, string disposition, string contentType, ReadOnlySpan<byte> content)
    {
        var header = $"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {contentType}\r\n\r\n";
        body.Write(Encoding.UTF8.GetBytes(header));
        body.Write(content);
        body.Write(NewLine);
    }
}
