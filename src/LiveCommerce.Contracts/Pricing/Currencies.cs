namespace LiveCommerce.Contracts.Pricing;

/// <summary>
/// The ISO 4217 currencies the engine knows, with the number of minor-unit digits each has
/// in this contract. IDR is treated as having no minor unit, as Indonesian prices are quoted.
/// </summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["IDR"] = 0, ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0,
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["AUD"] = 2, ["CAD"] = 2, ["CHF"] = 2, ["CNY"] = 2,
        ["HKD"] = 2, ["INR"] = 2, ["MYR"] = 2, ["NZD"] = 2, ["PHP"] = 2, ["SGD"] = 2, ["THB"] = 2,
        ["TWD"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["ZAR"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2,
        ["PLN"] = 2, ["AED"] = 2, ["SAR"] = 2, ["TRY"] = 2, ["BDT"] = 2, ["PKR"] = 2, ["EGP"] = 2,
        ["NGN"] = 2, ["KES"] = 2, ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    /// <summary>All known currency codes.</summary>
    public static IReadOnlyCollection<string> Codes => Digits.Keys;

    /// <summary>Gets the minor-unit digits of a known currency.</summary>
    public static bool TryGetDigits(string? code, out int digits)
    {
        digits = 0;
        return code is not null && Digits.TryGetValue(code, out digits);
    }

    /// <summary>Whether the code is a currency the engine knows.</summary>
    public static bool IsKnown(string? code) => code is not null && Digits.ContainsKey(code);
}
