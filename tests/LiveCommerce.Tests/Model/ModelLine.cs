namespace LiveCommerce.Tests.Model;

/// <summary>A cart or order line as the model expects it: a regular line (no offer) or one held unit of an offer.</summary>
/// <param name="Product">Index of the product.</param>
/// <param name="Offer">Index of the offer, or null for a regular line.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Minor units per unit.</param>
/// <param name="ReservationId">The hold, for an offer line.</param>
/// <param name="ExpiresAt">When the hold lapses, for an offer line.</param>
public sealed record ModelLine(int Product, int? Offer, int Quantity, long UnitPrice, string? ReservationId, DateTimeOffset? ExpiresAt);
