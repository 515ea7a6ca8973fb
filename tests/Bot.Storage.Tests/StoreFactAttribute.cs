using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bot.Storage.Tests;

/// <summary>
/// A fact of the shared storage suite. xunit 2 has no runtime skip, so the discoverer decides per concrete class:
/// the PostgreSQL copy is reported skipped when no server is given outside CI (see <see cref="PostgresFixture.SkipRequested"/>);
/// otherwise it runs (and, without BOT_TEST_POSTGRES, fails saying how to set it).
/// </summary>
[XunitTestCaseDiscoverer("Bot.Storage.Tests.StoreFactDiscoverer", "Bot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        [new StoreTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.Name == typeof(PostgresStoreTests).FullName && PostgresFixture.SkipRequested
            ? $"PostgreSQL tests skipped: {PostgresFixture.ConnectionVariable} is not set (e.g. Host=127.0.0.1;Username=bot;Password=bot;Database=postgres; see the README)."
            : base.GetSkipReason(factAttribute);
}
