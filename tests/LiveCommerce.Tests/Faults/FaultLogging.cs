using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveCommerce.Tests.Faults;

/// <summary>Logging of an engine host under faults: the engine logs every injected failure and refusal; the run's own summary says what matters.</summary>
public static class FaultLogging
{
    /// <summary>Turns the engine's, SignalR's and Orleans' logs down to critical (a hook for <c>EngineHost</c>).</summary>
    public static void Quiet(IServiceCollection services) => services.AddLogging(logging => logging
        .AddFilter("LiveCommerce", LogLevel.Critical)
        .AddFilter("Microsoft.AspNetCore.SignalR", LogLevel.Critical)
        .AddFilter("Orleans", LogLevel.Critical)
        .AddFilter("Microsoft.Orleans", LogLevel.Critical));
}
