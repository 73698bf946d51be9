using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace LiveCommerce.Testing.Faults;

/// <summary>Installs <see cref="FaultyGrainStorage"/> in front of a registered grain-storage provider.</summary>
public static class FaultyGrainStorageExtensions
{
    /// <summary>
    /// Replaces the keyed <see cref="IGrainStorage"/> registered as <paramref name="name"/> (Orleans' default
    /// provider unless told otherwise, memory or Redis) with a <see cref="FaultyGrainStorage"/> around the same
    /// provider. Call it after the engine registered Orleans (a test-services hook does).
    /// </summary>
    public static IServiceCollection AddFaultyGrainStorage(this IServiceCollection services, GrainStorageFaults faults, string name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"No grain storage named '{name}' is registered to wrap.");
        services.Remove(original);
        services.AddSingleton(faults);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new FaultyGrainStorage(CreateInner(original, provider, key), faults, name));
        return services;
    }

    private static IGrainStorage CreateInner(ServiceDescriptor original, IServiceProvider provider, object? key)
    {
        if (original.KeyedImplementationFactory is { } factory)
        {
            return (IGrainStorage)factory(provider, key);
        }

        if (original.KeyedImplementationInstance is IGrainStorage instance)
        {
            return instance;
        }

        return (IGrainStorage)ActivatorUtilities.CreateInstance(provider, original.KeyedImplementationType!);
    }
}
