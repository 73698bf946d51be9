using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Grains.Orders;

/// <summary>The stored state of an <see cref="OrderGrain"/>.</summary>
[GenerateSerializer, Alias("lc.OrderState")]
public sealed record OrderState
{
    /// <summary>The confirmed order, or null before it is placed.</summary>
    [Id(0)] public Order? Order { get; set; }

    /// <summary>Whether the order feed has it.</summary>
    [Id(1)] public bool Published { get; set; }
}
