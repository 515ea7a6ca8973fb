using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Bot.DiscordAdapter.Tests.Deploy;

/// <summary>Every manifest under deploy/kubernetes parses and has what running the bot safely on Kubernetes needs.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<(string File, Dictionary<object, object> Doc)> Documents = Load();

    [Fact]
    public void Every_manifest_parses_and_has_a_kind_and_a_name()
    {
        Assert.NotEmpty(Documents);
        Assert.All(Documents, d =>
        {
            Assert.False(string.IsNullOrEmpty(Str(d.Doc, "kind")), d.File);
            Assert.False(string.IsNullOrEmpty(Str(d.Doc, "metadata", "name")), d.File);
        });
    }

    [Fact]
    public void Http_mode_has_a_deployment_a_service_and_an_autoscaler_on_it()
    {
        var deployment = Single("Deployment", "ds-reading-bot-http");
        Assert.Equal("http", Env(Containers(deployment).Single(), "Discord__Mode"));

        var service = Single("Service", "ds-reading-bot-http");
        var podLabels = Map(deployment, "spec", "template", "metadata", "labels");
        Assert.All(Map(service, "spec", "selector"), kv => Assert.Equal(kv.Value, podLabels[kv.Key]));

        var hpa = Single("HorizontalPodAutoscaler", "ds-reading-bot-http");
        Assert.Equal("Deployment", Str(hpa, "spec", "scaleTargetRef", "kind"));
        Assert.Equal("ds-reading-bot-http", Str(hpa, "spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(Str(hpa, "spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void Gateway_shards_run_in_a_stateful_set_whose_pods_cover_every_shard_once()
    {
        var statefulSet = Single("StatefulSet", "ds-reading-bot-gateway");
        var container = Containers(statefulSet).Single();
        Assert.Equal("gateway", Env(container, "Discord__Mode"));
        var shardCount = int.Parse(Env(container, "Discord__ShardCount")!, System.Globalization.CultureInfo.InvariantCulture);
        var perPod = int.Parse(Env(container, "Discord__ShardsPerPod")!, System.Globalization.CultureInfo.InvariantCulture);
        var replicas = int.Parse(Str(statefulSet, "spec", "replicas")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Bot.Discord.Gateway.ShardSelection.PodsNeeded(perPod, shardCount), replicas);
        var covered = Enumerable.Range(0, replicas)
            .SelectMany(ordinal => Bot.Discord.Gateway.ShardSelection.TryForPod(ordinal, perPod, shardCount, out var ids, out _) ? ids : [])
            .ToList();
        Assert.Equal(Enumerable.Range(0, shardCount), covered);
        Assert.DoesNotContain("Discord__ShardId", List(container, "env").Cast<Dictionary<object, object>>().Select(e => Str(e, "name")));

        var ordinal = EnvEntry(container, "Discord__PodOrdinal");
        Assert.Contains("apps.kubernetes.io/pod-index", Str(ordinal, "valueFrom", "fieldRef", "fieldPath"), StringComparison.Ordinal);
        Assert.Equal("metadata.name", Str(EnvEntry(container, "Discord__PodName"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Contains(Documents, d => Str(d.Doc, "kind") == "Service" && Str(d.Doc, "metadata", "name") == Str(statefulSet, "spec", "serviceName"));
    }

    public static TheoryData<string, string> Workloads => new() { { "Deployment", "ds-reading-bot-http" }, { "StatefulSet", "ds-reading-bot-gateway" } };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Workloads_run_non_root_read_only_limited_and_probed(string kind, string name)
    {
        var workload = Single(kind, name);
        Assert.Equal("true", Str(workload, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        foreach (var container in Containers(workload))
        {
            Assert.Equal("true", Str(container, "securityContext", "runAsNonRoot"));
            Assert.Equal("true", Str(container, "securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", Str(container, "securityContext", "allowPrivilegeEscalation"));
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.False(string.IsNullOrEmpty(Str(container, "resources", bound, "cpu")), $"{name}: {bound}.cpu");
                Assert.False(string.IsNullOrEmpty(Str(container, "resources", bound, "memory")), $"{name}: {bound}.memory");
            }

            Assert.Equal("/healthz", Str(container, "livenessProbe", "httpGet", "path"));
            Assert.Equal("/readyz", Str(container, "readinessProbe", "httpGet", "path"));
        }
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Secrets_come_from_secret_objects_and_settings_from_the_config_map(string kind, string name)
    {
        var container = Containers(Single(kind, name)).Single();
        foreach (var variable in new[] { "Discord__Token", "Discord__PublicKey", "Storage__ConnectionString" })
        {
            var entry = EnvEntry(container, variable);
            Assert.Null(Str(entry, "value"));
            var secret = Str(entry, "valueFrom", "secretKeyRef", "name");
            var key = Str(entry, "valueFrom", "secretKeyRef", "key");
            var found = Single("Secret", secret!);
            Assert.True(Map(found, "stringData").ContainsKey(key!), $"{secret} has no key {key}");
        }

        var configMaps = List(container, "envFrom").Select(e => Str((Dictionary<object, object>)e, "configMapRef", "name")).ToList();
        Assert.All(configMaps, c => Single("ConfigMap", c!));
        Assert.Equal("postgres", Str(Single("ConfigMap", configMaps.Single()!), "data", "Storage__Provider"));
    }

    private static (string File, Dictionary<object, object> Doc)[] LoadFrom(string file)
    {
        using var reader = new StreamReader(file);
        var parser = new Parser(reader);
        var deserializer = new DeserializerBuilder().Build();
        parser.Consume<StreamStart>();
        var documents = new List<(string, Dictionary<object, object>)>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object>?>(parser) is { } document)
            {
                documents.Add((Path.GetFileName(file), document));
            }
        }

        return [.. documents];
    }

    private static List<(string, Dictionary<object, object>)> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var manifests = Directory.GetFiles(Path.Combine(directory.FullName, "deploy", "kubernetes"), "*.yaml");
        return [.. manifests.SelectMany(LoadFrom)];
    }

    private static Dictionary<object, object> Single(string kind, string name) =>
        Assert.Single(Documents, d => Str(d.Doc, "kind") == kind && Str(d.Doc, "metadata", "name") == name).Doc;

    private static IEnumerable<Dictionary<object, object>> Containers(Dictionary<object, object> workload) =>
        List(workload, "spec", "template", "spec", "containers").Cast<Dictionary<object, object>>();

    private static Dictionary<object, object> EnvEntry(Dictionary<object, object> container, string name) =>
        Assert.Single(List(container, "env").Cast<Dictionary<object, object>>(), e => Str(e, "name") == name);

    private static string? Env(Dictionary<object, object> container, string name) => Str(EnvEntry(container, name), "value");

    private static object? At(Dictionary<object, object> node, params string[] path)
    {
        object? current = node;
        foreach (var key in path)
        {
            current = current is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }

        return current;
    }

    private static string? Str(Dictionary<object, object> node, params string[] path) => At(node, path) as string;

    private static Dictionary<object, object> Map(Dictionary<object, object> node, params string[] path) =>
        Assert.IsType<Dictionary<object, object>>(At(node, path));

    private static List<object> List(Dictionary<object, object> node, params string[] path) => Assert.IsType<List<object>>(At(node, path));
}
