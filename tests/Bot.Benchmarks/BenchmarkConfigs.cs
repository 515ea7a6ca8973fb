using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Bot.Quality.Harness;
using Bot.Testing;

namespace Bot.Benchmarks;

/// <summary>
/// ShortRun in process: no generated project to build (slow on two cores), and the expensive
/// shared fixtures (the 100,000-item catalog) are built once per process.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    /// <summary>Reports go beside this project (git-ignored), not into whatever directory the run started in.</summary>
    public static string Artifacts => Path.Combine(Repository.Root, "tests", "Bot.Benchmarks", "BenchmarkDotNet.Artifacts");

    public ShortRunConfig()
    {
        ArtifactsPath = Artifacts;
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>For operations that take seconds: one warm-up and three measured runs, each a single call.</summary>
public sealed class ColdBuildConfig : ManualConfig
{
    public ColdBuildConfig()
    {
        ArtifactsPath = ShortRunConfig.Artifacts;
        AddJob(Job.Dry
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
