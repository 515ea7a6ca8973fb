using Bot.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Discord.Tests.Gateway;

public sealed class DispatchDeduplicatorTests
{
    [Fact]
    public void Same_id_is_first_seen_once_per_kind()
    {
        var dedupe = new DispatchDeduplicator(100, TimeSpan.FromMinutes(15), new FakeTimeProvider());

        Assert.True(dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 42));
        Assert.False(dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 42));
        Assert.True(dedupe.TryMarkFirstSeen(DispatchKind.Message, 42));
        Assert.False(dedupe.TryMarkFirstSeen(DispatchKind.Message, 42));
    }

    [Fact]
    public void Capacity_evicts_the_least_recently_seen()
    {
        var dedupe = new DispatchDeduplicator(3, TimeSpan.FromMinutes(15), new FakeTimeProvider());
        dedupe.TryMarkFirstSeen(DispatchKind.Message, 1);
        dedupe.TryMarkFirstSeen(DispatchKind.Message, 2);
        dedupe.TryMarkFirstSeen(DispatchKind.Message, 3);
        Assert.False(dedupe.TryMarkFirstSeen(DispatchKind.Message, 1)); // touches 1: 2 is now the oldest

        dedupe.TryMarkFirstSeen(DispatchKind.Message, 4);

        Assert.Equal(3, dedupe.Count);
        Assert.False(dedupe.TryMarkFirstSeen(DispatchKind.Message, 1));
        Assert.True(dedupe.TryMarkFirstSeen(DispatchKind.Message, 2));
    }

    [Fact]
    public void Ids_are_forgotten_after_the_window()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new DispatchDeduplicator(100, TimeSpan.FromMinutes(15), clock);
        dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 7);
        dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 8);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.False(dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 7));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 7));
        Assert.True(dedupe.TryMarkFirstSeen(DispatchKind.Interaction, 8));
    }

    [Fact]
    public async Task Concurrent_marks_of_one_id_admit_exactly_one()
    {
        var dedupe = new DispatchDeduplicator(10_000, TimeSpan.FromMinutes(15));
        var admitted = 0;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            for (ulong id = 0; id < 500; id++)
            {
                if (dedupe.TryMarkFirstSeen(DispatchKind.Interaction, id))
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        })));

        Assert.Equal(500, admitted);
    }
}
