using System.Globalization;

namespace Bot.Application.Servers;

/// <summary>ISO weeks, the unit of the paper of the week: one pick per server and week, keyed "2025-W07".</summary>
public static class ClubWeek
{
    public static string KeyOf(DateTimeOffset instant)
    {
        var date = instant.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    /// <summary>When the week containing <paramref name="instant"/> has its post: that ISO week's weekday at the hour, UTC.</summary>
    public static DateTimeOffset ScheduledIn(DateTimeOffset instant, DayOfWeek weekday, int hourUtc)
    {
        var date = instant.UtcDateTime;
        var monday = ISOWeek.ToDateTime(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), DayOfWeek.Monday);
        var offset = ((int)weekday + 6) % 7; // Monday 0 … Sunday 6
        return new DateTimeOffset(monday.AddDays(offset).AddHours(hourUtc), TimeSpan.Zero);
    }
}
