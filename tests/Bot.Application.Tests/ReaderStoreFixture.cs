using Bot.Application.Readers;
using Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Application.Tests;

/// <summary>A real SQLite store in a temporary file, migrated, behind the same registration the host uses.</summary>
public sealed class ReaderStoreFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;

    private ReaderStoreFixture(ServiceProvider services, string directory)
    {
        _services = services;
        _directory = directory;
    }

    public IReaderStore Store => _services.GetRequiredService<IReaderStore>();

    public IServerStore Servers => _services.GetRequiredService<IServerStore>();

    public static async Task<ReaderStoreFixture> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bot-readers-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "bot.db")}" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
        return new ReaderStoreFixture(services, directory);
    }

    public ReaderAssistant Readers(ReadingAssistant assistant) => new(assistant, Store);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
