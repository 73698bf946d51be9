using LiveCommerce.Abstractions.Vouchers;
using LiveCommerce.Contracts.Commerce;

namespace LiveCommerce.Grains.Orders;

/// <summary>
/// One try at placing an order, stored before any unit is taken. Its stock operations are named by the order and
/// the attempt's number, so a resumed attempt repeats nothing and an abandoned one never blocks the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.OrderAttempt")]
public sealed record OrderAttempt
{
    /// <summary>1 for the first attempt, and so on.</summary>
    [Id(0)] public int Number { get; init; }

    /// <summary>The buyer.</summary>
    [Id(1)] public required string BuyerId { get; init; }

    /// <summary>The checkout's idempotency key.</summary>
    [Id(2)] public required string IdempotencyKey { get; init; }

    /// <summary>The lines it takes, as the cart had them.</summary>
    [Id(3)] public required List<CartItem> Lines { get; init; }

    /// <summary>Whether its compensation has begun: from then on it is only ever finished off, never resumed.</summary>
    [Id(4)] public bool Abandoning { get; init; }

    /// <summary>The voucher it spends, or null (contract v2).</summary>
    [Id(5)] public VoucherUse? Voucher { get; init; }
}
