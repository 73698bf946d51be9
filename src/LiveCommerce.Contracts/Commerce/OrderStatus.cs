namespace LiveCommerce.Contracts.Commerce;

/// <summary>The status of an order.</summary>
public static class OrderStatus
{
    /// <summary>Paid for and committed: every unit is the buyer's.</summary>
    public const string Confirmed = "confirmed";
}
