namespace Bot.Catalog;

/// <summary>Reader level, ordered from easiest to hardest so levels can be compared.</summary>
public enum Level
{
    Beginner = 0,
    Intermediate = 1,
    Advanced = 2,
}
