namespace LiveCommerce.Grains.Offers;

/// <summary>What <see cref="HoldLedger.Claim"/> decided.</summary>
/// <param name="Status">A <c>ClaimStatus</c>.</param>
/// <param name="ReservationId">The new hold, when one was made.</param>
/// <param name="ExpiresAt">When the new hold lapses.</param>
/// <param name="SoldOut">Whether this claim took the last unit and ended the offer.</param>
public readonly record struct ClaimDecision(string Status, string? ReservationId, DateTimeOffset? ExpiresAt, bool SoldOut);
