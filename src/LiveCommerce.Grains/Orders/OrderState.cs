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

    /// <summary>How many attempts were begun; names the next one.</summary>
    [Id(2)] public int Attempts { get; set; }

    /// <summary>The attempt under way, or one a failure left unsettled (resumed or abandoned, never forgotten).</summary>
    [Id(3)] public OrderAttempt? Pending { get; set; }
}
