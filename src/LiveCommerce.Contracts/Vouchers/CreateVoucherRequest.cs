using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Vouchers;

/// <summary>The body of <c>POST /api/streams/{id}/vouchers</c>.</summary>
[GenerateSerializer, Immutable, Alias("lc.CreateVoucherRequest")]
public sealed record CreateVoucherRequest
{
    /// <summary>Exactly one of a percent (1 to 90) and an amount.</summary>
    [Id(0)] public VoucherDiscount? Discount { get; init; }

    /// <summary>The least sum of the stream's lines it applies to (0 or more, in the discount's currency).</summary>
    [Id(1)] public Money? MinSpend { get; init; }

    /// <summary>How many can be claimed in all (1 to 1,000,000).</summary>
    [Id(2)] public int? Quantity { get; init; }

    /// <summary>How many one viewer may claim; 1 when absent.</summary>
    [Id(3)] public int? PerViewerLimit { get; init; }

    /// <summary>How long claiming stays open: 10 to 86,400 seconds.</summary>
    [Id(4)] public int? DurationSeconds { get; init; }
}
