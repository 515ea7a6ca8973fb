using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Application;
using Bot.Application.Servers;
using Bot.Discord.Models.Outbound;
using Bot.Discord.Rest;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Clubs;
using Bot.DiscordAdapter.Interactions;
using Bot.DiscordAdapter.Tests.Support;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.DiscordAdapter.Tests.Unit;

/// <summary>
/// The paper-of-the-week service against a real SQLite file and the loopback fake Discord. Each "process" is its own
/// service provider (its own store, lease holder and REST client) sharing the file; time is a FakeTimeProvider.
/// </summary>
public sealed class PaperOfTheWeekTests : IAsyncLifetime
{
    private const ulong Server = 290926798626357999;
    private const ulong Channel = 645027906669510667;

    // Monday 7 December 2026, 08:59 UTC: ISO week 2026-W50, a minute before the schedule below.
    private static readonly DateTimeOffset BeforeTheHour = new(2026, 12, 7, 8, 59, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(BeforeTheHour);
    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("bot-club-").FullName, "bot.db");
    private readonly List<ServiceProvider> _processes = [];
    private FakeRestServer _rest = null!;

    public async Task InitializeAsync()
    {
        _rest = await FakeRestServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _rest.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_processes_sharing_one_database_post_exactly_once_at_the_scheduled_hour()
    {
        var first = await StartProcessAsync();
        var second = await StartProcessAsync();
        await Store(first).SetClubScheduleAsync(new ClubSchedule(Server, Channel, DayOfWeek.Monday, 9, Enabled: true), CancellationToken.None);

        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(Scheduler(first).RunOnceAsync(CancellationToken.None), Scheduler(second).RunOnceAsync(CancellationToken.None)));
        Assert.Empty(_rest.ChannelMessages);

        _time.Advance(TimeSpan.FromMinutes(1));
        var posted = await Task.WhenAll(Scheduler(first).RunOnceAsync(CancellationToken.None), Scheduler(second).RunOnceAsync(CancellationToken.None));
        Assert.Equal(1, posted.Sum());
        var message = Assert.Single(_rest.ChannelMessages);

        // Later ticks in the same week, in either process, post nothing more.
        _time.Advance(TimeSpan.FromHours(30));
        Assert.Equal(new[] { 0, 0 }, await Task.WhenAll(Scheduler(first).RunOnceAsync(CancellationToken.None), Scheduler(second).RunOnceAsync(CancellationToken.None)));
        Assert.Single(_rest.ChannelMessages);

        var pick = await Store(second).GetClubPickAsync(Server, "2026-W50", CancellationToken.None);
        Assert.NotNull(pick);
        Assert.Equal(ulong.Parse(message["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), pick.MessageId);
        Assert.Equal(Channel.ToString(CultureInfo.InvariantCulture), message["channel_id"]!.GetValue<string>());

        // The post: the paper, a "Read it" button for the picked item, and the week's nonce.
        var button = message["components"]![0]!["components"]![0]!;
        Assert.Equal(ServerText.ReadItLabel, button["label"]!.GetValue<string>());
        Assert.True(ClubCustomId.TryDecode(button["custom_id"]!.GetValue<string>(), out var itemId));
        Assert.Equal(pick.ItemId, itemId);
        Assert.Equal(PaperOfTheWeekService.Nonce(Server, "2026-W50"), message["nonce"]!.GetValue<string>());
        var catalog = RealAssistant.Instance.Catalog;
        var paper = catalog.FindResource(pick.ItemId)!;
        Assert.NotEmpty(catalog.TopicsWhereEssential(paper.Id));
        Assert.Contains(paper.Title, message["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var contract = await OpenApiContract.ValidateAsync(_rest.Requests);
        Assert.True(contract.IsValid, contract.ToString());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pick_recorded_by_a_process_that_died_before_posting_is_posted_once_after_the_lease_expires()
    {
        var dead = await StartProcessAsync();
        await Store(dead).SetClubScheduleAsync(new ClubSchedule(Server, Channel, DayOfWeek.Monday, 9, Enabled: true), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        // What the dead process got done at the scheduled minute: the lease taken and the pick recorded, nothing posted.
        Assert.True(await Store(dead).TryAcquireLeaseAsync("club:290926798626357999:2026-W50", "dead-process", PaperOfTheWeekService.LeaseDuration, CancellationToken.None));
        var recorded = await Store(dead).RecordClubPickAsync(Server, "2026-W50", "raft-paper", Channel, CancellationToken.None);
        await dead.DisposeAsync();
        _processes.Remove(dead);

        var restarted = await StartProcessAsync();
        Assert.Equal(0, await Scheduler(restarted).RunOnceAsync(CancellationToken.None));
        Assert.Empty(_rest.ChannelMessages);

        _time.Advance(PaperOfTheWeekService.LeaseDuration);
        Assert.Equal(1, await Scheduler(restarted).RunOnceAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Scheduler(restarted).RunOnceAsync(CancellationToken.None));

        var message = Assert.Single(_rest.ChannelMessages);
        Assert.True(ClubCustomId.TryDecode(message["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>(), out var itemId));
        Assert.Equal(recorded.ItemId, itemId);
        Assert.NotNull((await Store(restarted).GetClubPickAsync(Server, "2026-W50", CancellationToken.None))!.MessageId);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_post_Discord_acknowledged_but_the_process_never_recorded_is_not_repeated()
    {
        var dead = await StartProcessAsync();
        await Store(dead).SetClubScheduleAsync(new ClubSchedule(Server, Channel, DayOfWeek.Monday, 9, Enabled: true), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var pick = await Store(dead).RecordClubPickAsync(Server, "2026-W50", "raft-paper", Channel, CancellationToken.None);
        // The dead process's post reached Discord; it died before marking the pick posted.
        var payload = await Scheduler(dead).PayloadAsync(Server, pick, CancellationToken.None);
        var acknowledged = await dead.GetRequiredService<IDiscordRestClient>().CreateMessageAsync(Channel, payload, CancellationToken.None);
        await dead.DisposeAsync();
        _processes.Remove(dead);

        var restarted = await StartProcessAsync();
        Assert.Equal(1, await Scheduler(restarted).RunOnceAsync(CancellationToken.None));

        Assert.Single(_rest.ChannelMessages);
        Assert.Equal(2, _rest.RequestsTo("POST", "/channels/{channel_id}/messages").Count);
        Assert.Equal(acknowledged.Id, (await Store(restarted).GetClubPickAsync(Server, "2026-W50", CancellationToken.None))!.MessageId);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_pick_is_at_the_groups_level_and_avoids_what_most_members_have_read()
    {
        var process = await StartProcessAsync();
        var store = Store(process);
        await store.SaveConfigAsync(new ServerConfig(Server, [], 10, 3, "beginner", false), CancellationToken.None);
        var servers = process.GetRequiredService<ServerAssistant>();
        var first = await servers.ChooseClubPaperAsync(Server, "2026-W50", CancellationToken.None);
        Assert.NotNull(first);
        Assert.True(first.Level <= Bot.Catalog.Level.Beginner && Bot.Catalog.Level.Beginner <= first.MaxLevel, first.Id);

        // Two of the three members who keep lists have read it: it is no longer the group's pick.
        var readers = process.GetRequiredService<IReaderStore>();
        foreach (var member in new ulong[] { 11, 12, 13 })
        {
            await readers.NoteServerMemberAsync(Server, member, CancellationToken.None);
            await readers.SaveItemAsync(member, "raft-paper", CancellationToken.None);
        }

        await readers.MarkReadAsync(11, first.Id, null, CancellationToken.None);
        await readers.MarkReadAsync(12, first.Id, null, CancellationToken.None);
        var second = await servers.ChooseClubPaperAsync(Server, "2026-W50", CancellationToken.None);
        Assert.NotNull(second);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void The_nonce_fits_discords_limit_and_differs_per_server_and_week()
    {
        var longest = PaperOfTheWeekService.Nonce(ulong.MaxValue, "2026-W53");
        Assert.True(longest.Length <= DiscordLimits.MessageNonce, longest);
        Assert.NotEqual(PaperOfTheWeekService.Nonce(1, "2026-W50"), PaperOfTheWeekService.Nonce(1, "2026-W51"));
        Assert.NotEqual(PaperOfTheWeekService.Nonce(1, "2026-W50"), PaperOfTheWeekService.Nonce(2, "2026-W50"));
        Assert.Equal("2026-W53", ClubWeek.KeyOf(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 18, 0, 0, TimeSpan.Zero), ClubWeek.ScheduledIn(BeforeTheHour, DayOfWeek.Wednesday, 18));
        Assert.Equal(new DateTimeOffset(2026, 12, 13, 0, 0, 0, TimeSpan.Zero), ClubWeek.ScheduledIn(BeforeTheHour, DayOfWeek.Sunday, 0));
    }

    private async Task<ServiceProvider> StartProcessAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={_database}" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(RealAssistant.Instance);
        services.AddSingleton<IReadingAssistant>(RealAssistant.Instance);
        services.AddBotStorage(configuration);
        services.AddReaderAssistant();
        services.AddDiscordRest(o =>
        {
            o.Token = "MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
            o.BaseUrl = _rest.BaseUrl;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        services.AddSingleton<PaperOfTheWeekService>();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
        _processes.Add(provider);
        return provider;
    }

    private static IServerStore Store(IServiceProvider process) => process.GetRequiredService<IServerStore>();

    private static PaperOfTheWeekService Scheduler(IServiceProvider process) => process.GetRequiredService<PaperOfTheWeekService>();
}
