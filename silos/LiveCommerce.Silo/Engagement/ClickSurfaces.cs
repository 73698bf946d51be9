using LiveCommerce.Engagement;

namespace LiveCommerce.Silo.Engagement;

/// <summary>The wire names of where a product card was opened from (<c>ViewProduct</c>'s <c>surface</c>).</summary>
public static class ClickSurfaces
{
    /// <summary>The ranked product list (the default).</summary>
    public const string List = "list";

    /// <summary>The pinned product's card.</summary>
    public const string Pinned = "pinned";

    /// <summary>A flash offer's card.</summary>
    public const string Offer = "offer";

    /// <summary>A product named in the chat.</summary>
    public const string Chat = "chat";

    /// <summary>Reads a surface name; null or empty means <see cref="List"/>. Names are case-sensitive, as everywhere in the contract.</summary>
    /// <param name="name">The name sent.</param>
    /// <param name="surface">The surface.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out EngagementSurface surface)
    {
        (var known, surface) = name switch
        {
            null or "" or List => (true, EngagementSurface.List),
            Pinned => (true, EngagementSurface.PinnedCard),
            Offer => (true, EngagementSurface.Offer),
            Chat => (true, EngagementSurface.Chat),
            _ => (false, EngagementSurface.List),
        };
        return known;
    }
}
