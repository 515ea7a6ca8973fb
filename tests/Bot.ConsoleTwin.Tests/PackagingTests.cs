using System.Text.RegularExpressions;
using Bot.Testing;

namespace Bot.ConsoleTwin.Tests;

/// <summary>No Docker engine runs here, so the Dockerfile's assumptions about the tree are checked instead.</summary>
public sealed partial class PackagingTests
{
    private static readonly string Root = Repository.Root;

    [Fact]
    public void The_restore_stage_copies_every_project_of_the_solution()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var solution = File.ReadAllText(Path.Combine(Root, "Bot.sln"));
        var projects = ProjectPath().Matches(solution).Select(m => m.Groups[1].Value.Replace('\\', '/')).ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, project => Assert.Contains($"COPY {project} ", dockerfile, StringComparison.Ordinal));
    }

    [Fact]
    public void The_restore_stage_copies_the_shared_build_files()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", "Bot.sln", "tests/Directory.Build.props" })
        {
            Assert.True(File.Exists(Path.Combine(Root, file)), file);
            Assert.Contains(file, dockerfile, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_runtime_image_runs_as_a_non_root_user_with_a_health_check()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Bot.dll\"]", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_ships_next_to_the_binary()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "data", "topics.yaml")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "data", "sources.yaml")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "resources"), "*.yaml"));
    }

    [GeneratedRegex(@"""((?:src|tests)[\\/][^""]+\.csproj)""")]
    private static partial Regex ProjectPath();
}
