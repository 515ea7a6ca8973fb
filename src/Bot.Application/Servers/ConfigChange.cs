namespace Bot.Application.Servers;

/// <summary>
/// What a /config asks to change, as given (Discord's options or typed text); null leaves a setting as it is. Every
/// value is checked before anything is written.
/// </summary>
public sealed record ConfigChange
{
    public string? FreeTextChannels { get; init; }
    public string? UserCooldown { get; init; }
    public string? ChannelCooldown { get; init; }
    public string? Level { get; init; }
    public string? Training { get; init; }
    public string? ClubChannel { get; init; }
    public string? ClubDay { get; init; }
    public string? ClubHour { get; init; }

    public bool IsEmpty =>
        FreeTextChannels is null && UserCooldown is null && ChannelCooldown is null && Level is null && Training is null
        && ClubChannel is null && ClubDay is null && ClubHour is null;
}
