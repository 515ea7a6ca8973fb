namespace Bot.Catalog.Tests.Support;

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock InYear(int year) => new(new DateTimeOffset(year, 6, 15, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
