namespace Bot.Catalog.Tests;

public sealed class CatalogLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bot-catalog-locator-tests", Guid.NewGuid().ToString("N"));

    public CatalogLocatorTests()
    {
        Directory.CreateDirectory(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Configured_directory_wins_even_when_it_does_not_exist()
    {
        var configured = Path.Combine(_root, "elsewhere");
        var app = CreateDataDirectory("app");

        var found = CatalogLocator.FindDataDirectory(configured, Path.GetDirectoryName(app)!, _root);

        Assert.Equal(configured, found);
    }

    [Fact]
    public void Data_directory_beside_the_app_is_used_when_nothing_is_configured()
    {
        var app = CreateDataDirectory("app");
        var repository = CreateDataDirectory("repo");

        var found = CatalogLocator.FindDataDirectory(null, Path.GetDirectoryName(app)!, Path.GetDirectoryName(repository)!);

        Assert.Equal(app, found);
    }

    [Fact]
    public void Walks_up_from_the_current_directory_to_a_data_folder_with_topics()
    {
        var repository = CreateDataDirectory("repo");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "repo", "src", "Bot", "bin")).FullName;
        var appWithoutData = Directory.CreateDirectory(Path.Combine(_root, "app")).FullName;

        var found = CatalogLocator.FindDataDirectory("  ", appWithoutData, nested);

        Assert.Equal(repository, found);
    }

    [Fact]
    public void Data_folder_without_topics_yaml_is_skipped()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "app", "data")).FullName;
        var repository = CreateDataDirectory("repo");

        var found = CatalogLocator.FindDataDirectory(null, Path.GetDirectoryName(app)!, Path.GetDirectoryName(repository)!);

        Assert.Equal(repository, found);
    }

    [Fact]
    public void Returns_null_when_no_data_directory_is_found()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        Assert.Null(CatalogLocator.FindDataDirectory(null, empty, empty));
    }

    private string CreateDataDirectory(string parent)
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, parent, "data")).FullName;
        File.WriteAllText(Path.Combine(data, "topics.yaml"), "topics: []\n");
        return data;
    }
}
