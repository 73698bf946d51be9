using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>One engine host in cluster mode against the test Redis, shared by a test class.</summary>
public sealed class RedisEngineFixture : IAsyncLifetime
{
    /// <summary>The host.</summary>
    public EngineHost Host { get; private set; } = null!;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Host = new EngineHost(RedisServer.ConnectionString);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
