using System.Text;

namespace Bot.Discord.Models.Outbound;

/// <summary>
/// A file sent with a message as the <c>files[n]</c> part of a <c>multipart/form-data</c> body. The client adds the
/// matching entry to the message's <c>attachments</c> array (its id is the file's index <c>n</c>).
/// </summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content, string ContentType)
{
    /// <summary>Alt text Discord shows for the file (at most <see cref="DiscordLimits.AttachmentDescription"/> characters).</summary>
    public string? Description { get; init; }

    /// <summary>A text file, UTF-8 encoded.</summary>
    public static FileUpload FromText(string fileName, string text, string contentType) =>
        new(fileName, Encoding.UTF8.GetBytes(text), contentType);
}

/// <summary>
/// An entry of a message's <c>attachments</c> array (MSG "Attachment Object", request fields). For a new upload the
/// id is the index <c>n</c> of its <c>files[n]</c> part.
/// </summary>
public sealed record MessageAttachment(ulong Id, string Filename)
{
    public string? Description { get; init; }
}
