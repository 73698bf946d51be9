using LiveCommerce.Testing;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>One engine host in the embedded default (no Redis), shared by a test class.</summary>
public sealed class EmbeddedEngineFixture : IAsyncLifetime
{
    /// <summary>The host.</summary>
    public EngineHost Host { get; private set; } = null!;

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        Host = new EngineHost();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await Host.DisposeAsync();
}
