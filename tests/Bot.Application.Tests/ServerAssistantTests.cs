using Bot.Application.Readers;
using Bot.Application.Servers;
using Bot.Recommendation;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Application.Tests;

/// <summary>The study-group features on the fixture catalog, against a real SQLite file, with time from a FakeTimeProvider.</summary>
public sealed class ServerAssistantTests : IAsyncLifetime
{
    private const ulong Server = 77;
    private static readonly ReaderContext InServer = new(1001, Server, 5);
    private static readonly ReaderContext InDm = new(1001, null, 6);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("bot-servers-").FullName;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(_directory, "bot.db")}" })
            .Build();
        var assistant = new ReadingAssistant(new RecommendationEngine(FixtureCatalog.Create()));
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(assistant)
            .AddSingleton<IReadingAssistant>(assistant)
            .AddBotStorage(configuration)
            .AddReaderAssistant()
            .BuildServiceProvider();
        await _services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private ServerAssistant Servers => _services.GetRequiredService<ServerAssistant>();

    private ReaderAssistant Readers => _services.GetRequiredService<ReaderAssistant>();

    private IServerStore Store => _services.GetRequiredService<IServerStore>();

    [Theory]
    [InlineData("/club")]
    [InlineData("/config level:advanced")]
    public async Task Typed_club_and_config_say_they_belong_to_discord_servers(string input)
    {
        var reply = await Readers.HandleAsync(ReaderContext.Local, input, CancellationToken.None);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.Contains("is for Discord servers", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_value_is_named_with_what_is_accepted_and_nothing_is_written()
    {
        var reply = await Servers.ConfigAsync(InServer, mayManageServer: true, new ConfigChange
        {
            ChannelCooldown = "-3",
            Level = "expert",
            Training = "maybe",
            ClubDay = "someday",
        }, CancellationToken.None);
        Assert.Equal(Intent.Error, reply.Intent);
        Assert.True(reply.IsPersonal);
        Assert.StartsWith("Nothing was changed.", reply.Message, StringComparison.Ordinal);
        Assert.Contains(ServerText.CooldownAccepted, reply.Message, StringComparison.Ordinal);
        Assert.Contains(ServerText.LevelAccepted, reply.Message, StringComparison.Ordinal);
        Assert.Contains(ServerText.TrainingAccepted, reply.Message, StringComparison.Ordinal);
        Assert.Contains(ServerText.DayAccepted, reply.Message, StringComparison.Ordinal);
        Assert.Null(await Store.FindConfigAsync(Server, CancellationToken.None));
        Assert.Null(await Store.GetClubScheduleAsync(Server, CancellationToken.None));

        var noChannel = await Servers.ConfigAsync(InServer, mayManageServer: true, new ConfigChange { ClubDay = "friday" }, CancellationToken.None);
        Assert.Equal(ServerText.BadValues([ServerText.ClubNeedsChannel]), noChannel.Message);
        Assert.Equal(ServerText.ServerOnly(ServerAssistant.Config), (await Servers.ConfigAsync(InDm, true, new ConfigChange(), CancellationToken.None)).Message);
        Assert.Equal(ServerText.NeedsManageServer, (await Servers.ConfigAsync(InServer, false, new ConfigChange(), CancellationToken.None)).Message);
    }

    [Fact]
    public async Task The_servers_default_level_applies_to_requests_without_one_in_that_server_only()
    {
        var saved = await Servers.ConfigAsync(InServer, mayManageServer: true, new ConfigChange { Level = "advanced", Training = "yes" }, CancellationToken.None);
        Assert.Equal(Intent.Config, saved.Intent);
        Assert.Contains(saved.Sections, s => s.Title == ServerText.LevelTitle && s.Body.StartsWith("advanced", StringComparison.Ordinal));

        var request = new RecommendRequest { Topic = "consensus" };
        Assert.Equal(Catalog.Level.Advanced, (await Readers.RecommendAsync(InServer, request, CancellationToken.None)).Level);
        Assert.Null((await Readers.RecommendAsync(InDm, request, CancellationToken.None)).Level);
        // A level the reader names wins over the server's.
        Assert.Equal(Catalog.Level.Beginner, (await Readers.RecommendAsync(InServer, request with { Level = "beginner" }, CancellationToken.None)).Level);
    }

    [Fact]
    public async Task A_change_made_by_another_process_is_seen_once_the_cache_entry_expires()
    {
        var cache = _services.GetRequiredService<ServerSettingsCache>();
        Assert.Null(await cache.FindAsync(Server, CancellationToken.None));

        // Another process writes straight to the shared database.
        await Store.SaveConfigAsync(new ServerConfig(Server, [42], 5, 1, "beginner", false), CancellationToken.None);
        _time.Advance(ServerSettingsCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Null(await cache.FindAsync(Server, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("beginner", (await cache.FindAsync(Server, CancellationToken.None))?.DefaultLevel);

        // A change through /config in this process is seen at once.
        await Servers.ConfigAsync(InServer, mayManageServer: true, new ConfigChange { Level = "intermediate" }, CancellationToken.None);
        Assert.Equal("intermediate", (await cache.FindAsync(Server, CancellationToken.None))?.DefaultLevel);
        Assert.Equal([42UL], (await cache.FindAsync(Server, CancellationToken.None))!.FreeTextChannelIds);
    }
}
