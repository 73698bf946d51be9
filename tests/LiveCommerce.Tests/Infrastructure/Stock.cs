using LiveCommerce.Abstractions.Offers;
using LiveCommerce.Abstractions.Products;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>Reads where units are, straight from the engine's grains.</summary>
public static class Stock
{
    /// <summary>A product's inventory.</summary>
    public static Task<Inventory> OfAsync(EngineHost host, string productId) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProductGrain>(productId).GetInventoryAsync();

    /// <summary>An offer's units.</summary>
    public static Task<OfferUnits> OfOfferAsync(EngineHost host, string offerId) =>
        host.Services.GetRequiredService<IGrainFactory>().GetGrain<IFlashOfferGrain>(offerId).GetUnitsAsync();

    /// <summary>Waits until <paramref name="condition"/> holds, for up to <paramref name="seconds"/> seconds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, double seconds = 15, string? what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(what ?? "the condition did not become true in time");
            }

            await Task.Delay(50);
        }
    }
}
