namespace LiveCommerce.Silo.Identity;

/// <summary>The <c>role</c> claim values the engine knows, and the authorization policies built on them.</summary>
public static class Roles
{
    /// <summary>Watches and buys.</summary>
    public const string Viewer = "viewer";

    /// <summary>Hosts streams.</summary>
    public const string Creator = "creator";

    /// <summary>Sells products.</summary>
    public const string Seller = "seller";

    /// <summary>Operates the platform.</summary>
    public const string Admin = "admin";

    /// <summary>Policy: may create products (seller, creator, admin).</summary>
    public const string CanListProducts = nameof(CanListProducts);

    /// <summary>Policy: may create and run streams (creator).</summary>
    public const string CanHostStreams = nameof(CanHostStreams);

    /// <summary>Policy: operates the platform (admin).</summary>
    public const string AdminOnly = nameof(AdminOnly);

    /// <summary>Policy: a signed-in user of any role.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Policy on the hub: anonymous, or a valid token; never an invalid one.</summary>
    public const string HubAccess = nameof(HubAccess);
}
