using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Discord.Testing;
using Bot.DiscordAdapter.Http;
using Npgsql;
using NSec.Cryptography;

namespace Bot.Discord.Benchmarks;

/// <summary>Settings of the <c>load</c> part.</summary>
internal sealed record LoadSettings(IReadOnlyList<int> Rates, int SecondsPerRate, int KillRate, int KillSeconds, string? PostgresAdmin);

/// <summary>One stage: a rate held for a while against one or two replicas.</summary>
internal sealed record LoadStage(
    string Name,
    int Replicas,
    int TargetRate,
    double AchievedRate,
    int Interactions,
    int AnsweredInResponse,
    int Deferred,
    int Edited,
    int Duplicates,
    int Conflicts,
    int ConnectionFailures,
    int TimedOut,
    int Refused,
    int Retried,
    int Lost,
    int AnsweredTwice,
    Percentiles ToResponse,
    Percentiles? ToEdit,
    IReadOnlyList<MemoryStatus> Memory,
    IReadOnlyList<string> Details);

/// <summary>
/// Signed HTTP interactions at rising rates against real <c>Bot.dll</c> replicas in http mode (child processes,
/// so each one's memory can be read and one can be killed), with the loopback fake Discord taking the edits of
/// deferred answers. Each replica keeps its shared state (interaction claims) in one database: PostgreSQL when a
/// server is given, else one SQLite file. Sending is open-loop: request <c>i</c> leaves at <c>i / rate</c> whatever
/// the answers, like Discord, which does not wait for one user's answer before sending the next user's interaction.
/// </summary>
internal static class LoadBenchmark
{
    private const int DuplicateEvery = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What <c>BotHttpListener</c> logs once it serves (its category stays at Information below).</summary>
    private const string ListeningLine = "HTTP listener on";
    private static readonly TimeSpan EditPatience = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<string>> RunAsync(LoadSettings load, IReadOnlyDictionary<string, string> extra, TextWriter output)
    {
        var problems = new List<string>();
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKeyHex = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        await SignatureCostAsync(key, publicKeyHex, output);

        await using var rest = await FakeRestServer.StartAsync();
        await using var gateway = await FakeGateway.StartAsync();
        await using var database = await LoadDatabase.CreateAsync(load.PostgresAdmin);
        await output.WriteLineAsync($"  shared state: {database.Description}");
        var edits = new EditClock(rest);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // Discord waits 3 s for the initial response; a later one is as good as none.
            Timeout = TimeSpan.FromSeconds(3),
        };
        var generator = new Generator(key, client, rest, edits);
        var settings = new Dictionary<string, string>(extra, StringComparer.OrdinalIgnoreCase)
        {
            ["Discord:Mode"] = "http",
            ["Discord:PublicKey"] = publicKeyHex,
            ["Discord:ApplicationId"] = rest.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["Discord:ReplicaState"] = "database",
            ["Discord:HealthFile"] = "",
            ["Storage:Provider"] = database.Provider,
            ["Storage:ConnectionString"] = database.ConnectionString,
            // Information would print a line per deferral; an operator at this load would not keep it either.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Bot.DiscordAdapter.Http.BotHttpListener"] = "Information",
        };

        var replicas = new List<Replica>();
        try
        {
            replicas.Add(await Replica.StartAsync("A", rest, gateway, settings, client));
            await output.WriteLineAsync($"  replica A ready: VmRSS {replicas[0].Memory().VmRssMb:0.0} MB");
            await generator.WarmUpAsync(replicas, output);

            foreach (var rate in load.Rates)
            {
                var stage = await generator.RunStageAsync($"1 replica, {rate}/s", replicas, rate, load.SecondsPerRate, duplicates: false, kill: null);
                await Report(stage, output, problems);
            }

            replicas.Add(await Replica.StartAsync("B", rest, gateway, settings, client));
            await output.WriteLineAsync($"  replica B ready: VmRSS {replicas[1].Memory().VmRssMb:0.0} MB");
            await generator.WarmUpAsync(replicas[1..], output);
            foreach (var rate in load.Rates)
            {
                var stage = await generator.RunStageAsync($"2 replicas, {rate}/s", replicas, rate, load.SecondsPerRate, duplicates: true, kill: null);
                await Report(stage, output, problems);
            }

            foreach (var (how, signal) in new[] { ("SIGKILL", "KILL"), ("SIGTERM", "TERM") })
            {
                if (replicas[1].HasExited)
                {
                    replicas[1].Dispose();
                    replicas[1] = await Replica.StartAsync("B", rest, gateway, settings, client);
                    await generator.WarmUpAsync(replicas[1..], output);
                }

                var kill = new KillPlan(replicas[1], signal, TimeSpan.FromSeconds(load.KillSeconds / 2.0));
                var stage = await generator.RunStageAsync($"2 replicas, {load.KillRate}/s, B stopped by {how} at {load.KillSeconds / 2} s", replicas, load.KillRate, load.KillSeconds, duplicates: false, kill);
                await Report(stage, output, problems, expectLosses: true);
                await output.WriteLineAsync(
                    $"    B at the signal: {kill.InFlightAtStop} request(s) in flight, {kill.DeferredAtStop} deferred answer(s) not yet edited. "
                    + $"Afterwards: {kill.Cut} of those requests cut without an answer, {kill.DeferredNeverEdited} deferred answer(s) never edited, "
                    + $"{kill.FailedAfter} later request(s) failed before B was taken out, {stage.Refused} refused with 503 while draining, {stage.Retried} retried on A; exit code {kill.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                replica.Dispose();
            }
        }

        return problems;
    }

    private static async Task Report(LoadStage stage, TextWriter output, List<string> problems, bool expectLosses = false)
    {
        await output.WriteLineAsync(
            $"  {stage.Name}: {stage.Interactions} interactions, achieved {stage.AchievedRate:0.0}/s; request→response {stage.ToResponse}");
        await output.WriteLineAsync(
            $"    answered in the response {stage.AnsweredInResponse}, deferred {stage.Deferred} (edited {stage.Edited}{(stage.ToEdit is { } e ? $"; request→edit p50 {e.P50:0} ms p99 {e.P99:0} ms" : "")}); "
            + $"duplicates sent {stage.Duplicates}, refused as already handled (409) {stage.Conflicts}; no response within 3 s {stage.TimedOut}; lost {stage.Lost}, answered twice {stage.AnsweredTwice}");
        foreach (var detail in stage.Details)
        {
            await output.WriteLineAsync("    " + detail);
        }
        await output.WriteLineAsync($"    memory: {string.Join("; ", stage.Memory.Select((m, i) => $"{(char)('A' + i)} VmRSS {m.VmRssMb:0.0} MB (peak {m.VmHwmMb:0.0} MB)"))}");
        if (stage.AnsweredTwice > 0 || (!expectLosses && stage.Lost > 0))
        {
            problems.Add($"{stage.Name}: {stage.Lost} lost, {stage.AnsweredTwice} answered twice");
        }
    }

    /// <summary>What checking one request's signature costs: NSec's Ed25519 verify over timestamp + a typical body.</summary>
    private static async Task SignatureCostAsync(Key key, string publicKeyHex, TextWriter output)
    {
        const int Iterations = 20_000;
        if (!Ed25519PublicKey.TryParse(publicKeyHex, out var publicKey))
        {
            throw new InvalidOperationException("The generated public key did not parse.");
        }

        // A wide window: on a busy machine the timed loop may outlast the bot's 5 s, and only the signature is measured.
        var verifier = new InteractionSignatureVerifier(publicKey, TimeProvider.System, TimeSpan.FromHours(1));
        var body = Encoding.UTF8.GetBytes(SlashCommands.Recommend(1, SlashCommands.Options(1)).ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));
        for (var i = 0; i < 1000; i++)
        {
            verifier.Verify(signature, timestamp, body);
        }

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Iterations; i++)
        {
            if (verifier.Verify(signature, timestamp, body) != SignatureCheck.Valid)
            {
                throw new InvalidOperationException("A valid signature was refused.");
            }
        }

        var perVerify = Stopwatch.GetElapsedTime(started).TotalMicroseconds / Iterations;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        verifier.Verify(signature, timestamp, body);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        await output.WriteLineAsync(
            $"  signature check (InteractionSignatureVerifier.Verify, {body.Length} B body): {perVerify:0.0} µs per request on one core, {allocated} B allocated");
    }

    private sealed record KillPlan(Replica Target, string Signal, TimeSpan After)
    {
        public int InFlightAtStop { get; set; }

        public int DeferredAtStop { get; set; }

        public int DeferredNeverEdited { get; set; }

        public int? ExitCode { get; set; }

        public long StoppedAt { get; set; }

        /// <summary>Requests to the stopped replica sent before the signal that never got an answer (cut).</summary>
        public int Cut { get; set; }

        /// <summary>Requests sent to it after the signal, before the "balancer" took it out.</summary>
        public int FailedAfter { get; set; }
    }

    private sealed record Sent(ulong Id, int Replica, bool Duplicate, long Started)
    {
        public long Finished { get; set; }

        public HttpStatusCode? Status { get; set; }

        public int? CallbackType { get; set; }

        public bool ConnectionFailed { get; set; }

        public bool TimedOut { get; set; }

        public bool Retried => RetriedAfter is not null;

        /// <summary>Why the first attempt was retried on another replica: <c>503</c> or <c>refused</c>.</summary>
        public string? RetriedAfter { get; set; }
    }

    private sealed class Generator(Key key, HttpClient client, FakeRestServer rest, EditClock edits)
    {
        private ulong _nextId = 1_200_000_000_000_000_000;

        public async Task WarmUpAsync(IReadOnlyList<Replica> replicas, TextWriter output)
        {
            // JIT, connection pools, the first claims in the database: 300 requests at 50/s, not measured.
            var warm = await RunStageAsync("warm-up", replicas, 50, 6, duplicates: false, kill: null);
            await output.WriteLineAsync($"  warm-up ({string.Join(", ", replicas.Select(r => r.Name))}): {warm.Interactions} interactions, request→response {warm.ToResponse}");
        }

        public async Task<LoadStage> RunStageAsync(string name, IReadOnlyList<Replica> replicas, int rate, int seconds, bool duplicates, KillPlan? kill)
        {
            var count = rate * seconds;
            var sent = new ConcurrentBag<Sent>();
            var tasks = new List<Task>(count + (count / DuplicateEvery) + 1);
            var down = new bool[replicas.Count];
            var start = Stopwatch.GetTimestamp();
            var interval = Stopwatch.Frequency / (double)rate;
            Task? stopping = null;
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * interval);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                if (kill is not null && stopping is null && Stopwatch.GetElapsedTime(start) >= kill.After)
                {
                    stopping = StopAsync(kill, replicas, sent);
                }

                var id = Interlocked.Increment(ref _nextId);
                var body = SlashCommands.Recommend(id, SlashCommands.Options((int)(id % 10_000))).ToJsonString();

                // Round robin over the replicas the "load balancer" still sees; one stops getting traffic at its
                // first refused connection, as a health-checked balancer would soon after.
                var target = NextUp(down, ref next);
                tasks.Add(SendAsync(replicas, target, id, body, duplicate: false, sent, down));
                if (duplicates && replicas.Count > 1 && i % DuplicateEvery == 0)
                {
                    tasks.Add(SendAsync(replicas, (target + 1) % replicas.Count, id, body, duplicate: true, sent, down));
                }
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            await Task.WhenAll(tasks);
            if (stopping is not null)
            {
                await stopping;
            }

            var all = sent.ToList();
            var deferredIds = all.Where(s => s.CallbackType == 5).Select(s => s.Id).ToHashSet();
            var deadline = Stopwatch.GetTimestamp() + (long)(EditPatience.TotalSeconds * Stopwatch.Frequency);
            while (deferredIds.Any(id => edits.Count(id) == 0)
                && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) is { Ticks: > 0 } left
                && await edits.WaitForNextAsync(left))
            {
            }

            if (kill is not null)
            {
                var target = replicas.ToList().IndexOf(kill.Target);
                kill.DeferredNeverEdited = all.Count(s => s.Replica == target && s.CallbackType == 5 && edits.Count(s.Id) == 0);
                kill.Cut = all.Count(s => s.Replica == target && s.Status is null && s.Started <= kill.StoppedAt);
                kill.FailedAfter = all.Count(s => s.Replica == target && s.Status is null && s.Started > kill.StoppedAt);
            }

            var byId = all.GroupBy(s => s.Id).ToList();
            var callbacks = rest.RequestsTo("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
                .GroupBy(r => r.Path.Split('/')[2])
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            int Answers(IGrouping<ulong, Sent> group) =>
                group.Count(s => s.Status == HttpStatusCode.OK)
                + callbacks.GetValueOrDefault(group.Key.ToString(CultureInfo.InvariantCulture));
            var lost = byId.Count(g => Answers(g) == 0 || g.Any(s => s.CallbackType == 5 && edits.Count(g.Key) == 0));
            var twice = byId.Count(g => Answers(g) > 1 || edits.Count(g.Key) > 1);
            var ok = all.Where(s => s.Status == HttpStatusCode.OK).ToList();
            var editLatencies = ok.Where(s => s.CallbackType == 5 && edits.First(s.Id) is not null)
                .Select(s => (edits.First(s.Id)!.Value - s.Started) * 1000.0 / Stopwatch.Frequency)
                .ToList();
            return new LoadStage(
                name,
                replicas.Count,
                rate,
                ok.Count / elapsed.TotalSeconds,
                byId.Count,
                ok.Count(s => s.CallbackType is 4),
                ok.Count(s => s.CallbackType is 5),
                byId.Count(g => g.Any(s => s.CallbackType == 5) && edits.Count(g.Key) > 0),
                all.Count(s => s.Duplicate),
                all.Count(s => s.Status == HttpStatusCode.Conflict),
                all.Count(s => s.ConnectionFailed),
                all.Count(s => s.TimedOut),
                all.Count(s => s.Status == HttpStatusCode.ServiceUnavailable || s.RetriedAfter == "503"),
                all.Count(s => s.Retried),
                lost,
                twice,
                Percentiles.Of(ok.Count > 0 ? ok.Select(s => (s.Finished - s.Started) * 1000.0 / Stopwatch.Frequency) : [0]),
                editLatencies.Count > 0 ? Percentiles.Of(editLatencies) : null,
                [.. replicas.Select(r => r.HasExited ? new MemoryStatus(0, 0, 0, 0) : r.Memory())],
                [.. byId.Where(g => Answers(g) > 1 || edits.Count(g.Key) > 1).Take(5).Select(g =>
                    $"answered twice? {g.Key}: {string.Join(", ", g.Select(s => $"replica {s.Replica} {(s.Status is { } st ? ((int)st).ToString(CultureInfo.InvariantCulture) : s.TimedOut ? "timeout" : "failed")}{(s.CallbackType is { } t ? $" type {t}" : "")}"))}; "
                    + $"callbacks {callbacks.GetValueOrDefault(g.Key.ToString(CultureInfo.InvariantCulture))}, late deliveries {edits.Count(g.Key)}"),
                 .. replicas.Select(r => (r.Name, Claims: r.CountLines("shared claim could not be written"))).Where(c => c.Claims > 0)
                    .Select(c => $"replica {c.Name}: {c.Claims} interaction(s) handled without a shared claim (database unreachable in time)")]);
        }

        private static int NextUp(bool[] down, ref int next)
        {
            for (var tries = 0; tries < down.Length; tries++)
            {
                var candidate = next++ % down.Length;
                if (!Volatile.Read(ref down[candidate]))
                {
                    return candidate;
                }
            }

            return 0;
        }

        private async Task StopAsync(KillPlan kill, IReadOnlyList<Replica> replicas, ConcurrentBag<Sent> sent)
        {
            var index = replicas.ToList().IndexOf(kill.Target);
            var before = sent.Where(s => s.Replica == index).ToList();
            kill.InFlightAtStop = before.Count(s => s.Finished == 0);
            kill.DeferredAtStop = before.Count(s => s.CallbackType == 5 && edits.Count(s.Id) == 0);
            kill.StoppedAt = Stopwatch.GetTimestamp();
            kill.ExitCode = await kill.Target.StopAsync(kill.Signal);
        }

        private async Task SendAsync(IReadOnlyList<Replica> replicas, int index, ulong id, string body, bool duplicate, ConcurrentBag<Sent> sent, bool[] down)
        {
            var record = new Sent(id, index, duplicate, Stopwatch.GetTimestamp());
            sent.Add(record);
            try
            {
                // Like a balancer configured to retry what a replica provably did not take (nginx
                // proxy_next_upstream error http_503 non_idempotent): a refused connection or a 503 "shutting down"
                // goes once to the next replica. A request cut mid-way is not retried: it may have been handled.
                for (var attempt = 0; ; attempt++)
                {
                    var outcome = await SendOnceAsync(replicas[index], body, record);
                    if (outcome != Outcome.Retryable || attempt > 0)
                    {
                        return;
                    }

                    Volatile.Write(ref down[index], true);
                    var next = (index + 1) % replicas.Count;
                    if (next == index || Volatile.Read(ref down[next]))
                    {
                        return;
                    }

                    record.RetriedAfter = record.Status == HttpStatusCode.ServiceUnavailable ? "503" : "refused";
                    record.Status = null;
                    index = next;
                }
            }
            finally
            {
                record.Finished = Stopwatch.GetTimestamp();
                if (record.ConnectionFailed)
                {
                    Volatile.Write(ref down[index], true);
                }
            }
        }

        private async Task<Outcome> SendOnceAsync(Replica replica, string body, Sent record)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body)));
            using var request = new HttpRequestMessage(HttpMethod.Post, replica.Interactions)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Signature-Ed25519", signature);
            request.Headers.Add("X-Signature-Timestamp", timestamp);
            record.ConnectionFailed = false;
            try
            {
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                record.Status = response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    record.CallbackType = JsonNode.Parse(text)?["type"]?.GetValue<int>();
                }

                return response.StatusCode == HttpStatusCode.ServiceUnavailable ? Outcome.Retryable : Outcome.Done;
            }
            catch (TaskCanceledException)
            {
                record.TimedOut = true;
                return Outcome.Done;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                record.ConnectionFailed = true;
                return ex is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }
                    ? Outcome.Retryable
                    : Outcome.Done;
            }
        }

        private enum Outcome
        {
            Done,
            Retryable,
        }
    }

    /// <summary>
    /// Stopwatch time at which the late answer of each deferred interaction reached the fake, taken as the fake
    /// records it: the edit of the original response, or for an error the private follow-up the bot sends instead.
    /// </summary>
    private sealed class EditClock
    {
        private const string EditRoute = "/webhooks/{webhook_id}/{webhook_token}/messages/@original";
        private const string FollowUpRoute = "/webhooks/{webhook_id}/{webhook_token}";
        private readonly ConcurrentDictionary<ulong, (int Count, long First)> _edits = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public EditClock(FakeRestServer rest) => rest.RequestRecorded += Record;

        public int Count(ulong id) => _edits.TryGetValue(id, out var entry) ? entry.Count : 0;

        public long? First(ulong id) => _edits.TryGetValue(id, out var entry) ? entry.First : null;

        /// <summary>Completes when the next late answer arrives (true) or <paramref name="timeout"/> passes (false).</summary>
        public Task<bool> WaitForNextAsync(TimeSpan timeout) => _arrived.WaitAsync(timeout);

        private void Record(FakeRestRequest request)
        {
            var now = Stopwatch.GetTimestamp();
            if (!(request.Method == "PATCH" && request.RouteTemplate == EditRoute) && !(request.Method == "POST" && request.RouteTemplate == FollowUpRoute))
            {
                return;
            }

            // /webhooks/{application}/A_UNIQUE_TOKEN_{id}[/messages/@original]
            var token = request.Path.Split('/')[3];
            if (ulong.TryParse(token[(token.LastIndexOf('_') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                _edits.AddOrUpdate(id, (1, now), (_, e) => (e.Count + 1, e.First));
                _arrived.Release();
            }
        }
    }

    private sealed class Replica : IDisposable
    {
        private readonly BotProcess _process;

        private Replica(string name, BotProcess process, Uri baseUri)
        {
            Name = name;
            _process = process;
            Interactions = new Uri(baseUri, "/interactions");
        }

        public string Name { get; }

        public Uri Interactions { get; }

        public bool HasExited => _process.Process.HasExited;

        public static async Task<Replica> StartAsync(
            string name, FakeRestServer rest, FakeGateway gateway, IReadOnlyDictionary<string, string> settings, HttpClient client)
        {
            var port = FreePort();
            var baseUri = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            var process = BotProcess.Start(rest, gateway, new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = baseUri.ToString() });
            try
            {
                // The listener logs its line once it serves; in http mode that and a database that answers is ready.
                await process.WaitForLineAsync(ListeningLine, Patience);
                using var ready = await client.GetAsync(new Uri(baseUri, "/readyz"));
                if (!ready.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(
                        $"Replica {name} listens but /readyz says {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}{Environment.NewLine}{process.Output}");
                }

                return new Replica(name, process, baseUri);
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }

        public MemoryStatus Memory() => _process.ReadMemory();

        public int CountLines(string text) =>
            _process.Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

        /// <summary>Stops the process with the signal (KILL: at once; TERM: draining first) and returns its exit code.</summary>
        public async Task<int> StopAsync(string signal)
        {
            if (signal == "KILL")
            {
                // Process.Kill is SIGKILL from this process at once; a kill(1) child would give the replica a few more ms.
                _process.Process.Kill();
            }
            else
            {
                using var kill = Process.Start("kill", [$"-{signal}", _process.Process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.Process.WaitForExitAsync(wait.Token);
            return _process.Process.ExitCode;
        }

        public void Dispose() => _process.Dispose();

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>The database the replicas share: a throwaway PostgreSQL database, or one SQLite file.</summary>
    private sealed class LoadDatabase : IAsyncDisposable
    {
        private readonly string? _admin;
        private readonly string? _name;
        private readonly string? _directory;

        private LoadDatabase(string provider, string connectionString, string description, string? admin, string? name, string? directory)
        {
            Provider = provider;
            ConnectionString = connectionString;
            Description = description;
            _admin = admin;
            _name = name;
            _directory = directory;
        }

        public string Provider { get; }

        public string ConnectionString { get; }

        public string Description { get; }

        public static async Task<LoadDatabase> CreateAsync(string? admin)
        {
            if (string.IsNullOrWhiteSpace(admin))
            {
                var directory = Directory.CreateTempSubdirectory("bot-load-").FullName;
                var path = Path.Combine(directory, "bot.db");
                return new LoadDatabase("sqlite", $"Data Source={path}", $"one SQLite file ({path}); give --postgres or BOT_TEST_POSTGRES for PostgreSQL", null, null, directory);
            }

            var name = $"bot_load_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            return new LoadDatabase("postgres", builder.ToString(), $"PostgreSQL database {name} on {builder.Host}:{builder.Port} (dropped afterwards)", admin, name, null);
        }

        public async ValueTask DisposeAsync()
        {
            if (_name is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_admin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }

            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
