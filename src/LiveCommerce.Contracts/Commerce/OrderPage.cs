namespace LiveCommerce.Contracts.Commerce;

/// <summary>A page of <c>GET /api/orders</c>: the caller's orders, newest first.</summary>
[GenerateSerializer, Immutable, Alias("lc.OrderPage")]
public sealed record OrderPage
{
    /// <summary>The orders on this page.</summary>
    [Id(0)] public required IReadOnlyList<Order> Items { get; init; }

    /// <summary>The 1-based page number.</summary>
    [Id(1)] public int Page { get; init; }

    /// <summary>Orders per page.</summary>
    [Id(2)] public int PageSize { get; init; }

    /// <summary>All of the caller's orders.</summary>
    [Id(3)] public int Total { get; init; }
}
