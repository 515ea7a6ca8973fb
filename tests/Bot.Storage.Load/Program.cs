using Bot.Storage.Load;

// Storage benchmarks for issue 10 (figures in RESULTS.md):
//   load     simulated readers pressing Save / Read / Feedback through ReaderAssistant, then counted in the database
//   crash    the load in a child process, SIGKILLed in the middle; every acknowledged write must survive
//   startup  schema migration time on an empty and on a current database
// Common options: --provider sqlite|postgres, --connection <connection string> (PostgreSQL: an administrative
// connection; each run creates and drops its own database).
try
{
    return args switch
    {
        ["load", .. var rest] => await LoadCommand.RunAsync(Arguments.Parse(rest)),
        ["crash", .. var rest] => await CrashCommand.RunAsync(Arguments.Parse(rest)),
        ["startup", .. var rest] => await StartupCommand.RunAsync(Arguments.Parse(rest)),
        _ => Usage(),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Bot.Storage.Load load|crash|startup [--provider sqlite|postgres] [--connection <string>] [--readers 1000] [--seconds 60] [--think-ms 0] ...");
    return 2;
}
