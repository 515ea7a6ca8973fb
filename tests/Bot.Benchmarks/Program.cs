using BenchmarkDotNet.Running;
using Bot.Benchmarks;

// Subcommands that print figures directly come before BenchmarkDotNet's switcher:
//   eval     the quality table (same harness as Bot.Quality.Tests), exit 1 below the floors
//   perf     p50/p99 latency, build time and memory on the real and a synthetic catalog, vs FTS5
//   startup  process start to first answer of the Release Bot.dll
//   agreement  how far a second blind judge agrees with the first, beside the bot and BM25
return args switch
{
    ["eval", .. var rest] => EvalCommand.Run(rest),
    ["perf", .. var rest] => PerfCommand.Run(rest),
    ["startup", .. var rest] => StartupCommand.Run(rest),
    ["agreement", .. var rest] => AgreementCommand.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
