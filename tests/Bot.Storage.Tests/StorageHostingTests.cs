using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Tests;

/// <summary>AddBotStorage in a real host, on SQLite: configuration, the default state file, and start-up migration.</summary>
public sealed class StorageHostingTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("bot-storage-host-").FullName;

    [Fact]
    public async Task With_no_configuration_the_host_migrates_a_sqlite_file_under_state_in_the_content_root()
    {
        using var host = BuildHost([]);

        await host.StartAsync();
        var reader = host.Services.GetRequiredService<IReaderStore>();
        await reader.SaveItemAsync(7, "raft", CancellationToken.None);
        await host.StopAsync();

        var file = Path.Combine(_contentRoot, "state", StorageOptions.DefaultFileName);
        Assert.True(File.Exists(file));
        Assert.Equal("wal", await ScalarAsync(file, "PRAGMA journal_mode"));
        Assert.Same(reader, host.Services.GetRequiredService<IServerStore>());
    }

    [Fact]
    public async Task Storage_directory_moves_the_sqlite_file()
    {
        using var host = BuildHost(new() { ["Storage:Directory"] = "elsewhere" });

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "elsewhere", StorageOptions.DefaultFileName)));
    }

    [Theory]
    [InlineData("mysql", null, "use 'sqlite' or 'postgres'")]
    [InlineData("postgres", null, "Storage:ConnectionString is empty")]
    public async Task Bad_storage_configuration_stops_start_up_with_the_reason(string provider, string? connectionString, string reason)
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_stops_start_up()
    {
        using (var first = BuildHost([]))
        {
            await first.StartAsync();
            await first.StopAsync();
        }

        var file = Path.Combine(_contentRoot, "state", StorageOptions.DefaultFileName);
        await ScalarAsync(file, "INSERT INTO schema_version (version, description, applied_at) VALUES (1000, 'future', 0)");
        using var host = BuildHost([]);

        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => host.StartAsync());

        Assert.Equal(1000, refused.DatabaseVersion);
        Assert.Contains("only knows versions up to", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _contentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotStorage(builder.Configuration);
        return builder.Build();
    }

    private static async Task<string?> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
