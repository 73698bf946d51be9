namespace LiveCommerce.Silo.Identity;

/// <summary>How the engine validates the platform's JWTs (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>
    /// The development signing key, used only in the Development environment when no key is configured.
    /// It is public: never use it anywhere else.
    /// </summary>
    public const string DevelopmentSigningKey = "livecommerce-development-signing-key-not-for-production-use";

    /// <summary>The HS256 key (at least 32 bytes of UTF-8). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The expected <c>iss</c>. Default <c>livecommerce</c>.</summary>
    public string Issuer { get; set; } = "livecommerce";

    /// <summary>The expected <c>aud</c>. Default <c>livecommerce</c>.</summary>
    public string Audience { get; set; } = "livecommerce";
}
