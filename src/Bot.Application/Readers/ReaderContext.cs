namespace Bot.Application.Readers;

/// <summary>Who is asking: a reader (a Discord user id), the server they asked in (null in DMs and the console), and the channel.</summary>
public sealed record ReaderContext(ulong ReaderId, ulong? ServerId, ulong ChannelId)
{
    /// <summary>The console twin's one local reader.</summary>
    public const ulong LocalReaderId = 1;

    public static ReaderContext Local { get; } = new(LocalReaderId, null, 0);
}
