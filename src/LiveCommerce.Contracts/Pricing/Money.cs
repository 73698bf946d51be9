namespace LiveCommerce.Contracts.Pricing;

/// <summary>
/// An amount of money: a whole number of the currency's minor units (IDR has none, USD has cents)
/// and an ISO 4217 currency code. Money is never a floating-point value.
/// </summary>
/// <param name="Amount">Whole minor units.</param>
/// <param name="Currency">ISO 4217 code, upper case.</param>
[GenerateSerializer, Immutable, Alias("lc.Money")]
public sealed record Money([property: Id(0)] long Amount, [property: Id(1)] string Currency)
{
    /// <summary>The largest price, discount or bid the engine accepts: 10^12 minor units (contract v2).</summary>
    public const long MaxAmount = 1_000_000_000_000;

    /// <summary>Multiplies the amount by a whole quantity, checking for overflow.</summary>
    public Money Times(int quantity) => this with { Amount = checked(Amount * quantity) };
}
