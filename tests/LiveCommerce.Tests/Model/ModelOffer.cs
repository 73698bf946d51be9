namespace LiveCommerce.Tests.Model;

/// <summary>A started offer of the model: its engine id, where it runs, what it sells at which price, and its rules.</summary>
/// <param name="Id">The engine's offer id.</param>
/// <param name="Stream">Index of the stream.</param>
/// <param name="Product">Index of the product.</param>
/// <param name="Price">Offer price in minor units.</param>
/// <param name="Units">The offer's reference model.</param>
public sealed record ModelOffer(string Id, int Stream, int Product, long Price, OfferModel Units);
