namespace LiveCommerce.Grains.Vouchers;

/// <summary>One claimed voucher: whose it is, until when it can be used, and the checkout attempt that spent it.</summary>
[GenerateSerializer, Alias("lc.VoucherClaimRecord")]
public sealed record VoucherClaimRecord
{
    /// <summary>The viewer who claimed it.</summary>
    [Id(0)] public required string ViewerId { get; init; }

    /// <summary>When it can no longer be used.</summary>
    [Id(1)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The checkout attempt that spent it, or null while unspent.</summary>
    [Id(2)] public string? SpentBy { get; set; }

    /// <summary>Checkout attempts taken back: a late copy of one is refused.</summary>
    [Id(3)] public HashSet<string>? Cancelled { get; set; }
}
