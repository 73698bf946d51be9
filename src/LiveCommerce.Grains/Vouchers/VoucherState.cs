using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Grains.Vouchers;

/// <summary>The stored state of a <see cref="VoucherGrain"/>; its rules are in <see cref="VoucherBook"/>.</summary>
[GenerateSerializer, Alias("lc.VoucherState")]
public sealed record VoucherState
{
    /// <summary>The voucher as viewers see it, or null before it is dropped.</summary>
    [Id(0)] public Voucher? Voucher { get; set; }

    /// <summary>Why claiming closed, once it did.</summary>
    [Id(1)] public string? EndReason { get; set; }

    /// <summary>Every claim, by claim id.</summary>
    [Id(2)] public Dictionary<string, VoucherClaimRecord> Claims { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether <c>VoucherEnded</c> went out.</summary>
    [Id(3)] public bool EndAnnounced { get; set; }

    /// <summary>How long a claimed voucher stays usable after claiming closes (the hold period).</summary>
    [Id(4)] public TimeSpan UseWindow { get; set; }
}
