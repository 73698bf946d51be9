using LiveCommerce.Contracts.Pricing;

namespace LiveCommerce.Contracts.Vouchers;

/// <summary>
/// A voucher dropped in a stream: viewers claim it until <see cref="EndsAt"/> or until <see cref="Quantity"/> are
/// claimed; a claimed one takes <see cref="Discount"/> off that stream's lines at checkout once they reach
/// <see cref="MinSpend"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("lc.Voucher")]
public sealed record Voucher
{
    /// <summary>The voucher's id.</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>The stream it was dropped in, whose lines it applies to.</summary>
    [Id(1)] public required string StreamId { get; init; }

    /// <summary>A percent off, or an amount off.</summary>
    [Id(2)] public required VoucherDiscount Discount { get; init; }

    /// <summary>The least sum of the stream's lines it applies to.</summary>
    [Id(3)] public required Money MinSpend { get; init; }

    /// <summary>How many can be claimed in all.</summary>
    [Id(4)] public int Quantity { get; init; }

    /// <summary>How many are left to claim.</summary>
    [Id(5)] public int Remaining { get; init; }

    /// <summary>When claiming closes.</summary>
    [Id(6)] public DateTimeOffset EndsAt { get; init; }

    /// <summary><c>active</c> or <c>ended</c>.</summary>
    [Id(7)] public required string Status { get; init; }

    /// <summary>How many one viewer may claim (an addition to the contract).</summary>
    [Id(8)] public int PerViewerLimit { get; init; }
}
