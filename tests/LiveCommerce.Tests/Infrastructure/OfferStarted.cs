using LiveCommerce.Contracts.Offers;

namespace LiveCommerce.Tests.Infrastructure;

/// <summary>An <c>OfferStarted</c> event as a test inbox holds it.</summary>
public sealed record OfferStarted(Offer Offer);
