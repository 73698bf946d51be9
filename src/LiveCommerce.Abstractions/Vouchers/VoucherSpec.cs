using LiveCommerce.Contracts.Pricing;
using LiveCommerce.Contracts.Vouchers;

namespace LiveCommerce.Abstractions.Vouchers;

/// <summary>A validated voucher, as a stream asks its voucher grain to drop it.</summary>
[GenerateSerializer, Immutable, Alias("lc.VoucherSpec")]
public sealed record VoucherSpec
{
    /// <summary>The stream.</summary>
    [Id(0)] public required string StreamId { get; init; }

    /// <summary>The discount.</summary>
    [Id(1)] public required VoucherDiscount Discount { get; init; }

    /// <summary>The least sum of the stream's lines it applies to.</summary>
    [Id(2)] public required Money MinSpend { get; init; }

    /// <summary>How many can be claimed in all.</summary>
    [Id(3)] public int Quantity { get; init; }

    /// <summary>How many one viewer may claim.</summary>
    [Id(4)] public int PerViewerLimit { get; init; }

    /// <summary>How long claiming stays open.</summary>
    [Id(5)] public TimeSpan Duration { get; init; }
}
