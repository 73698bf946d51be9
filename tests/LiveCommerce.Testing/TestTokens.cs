using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveCommerce.Testing;

/// <summary>Tokens as the platform's identity service would issue them, signed with the test key.</summary>
public static class TestTokens
{
    /// <summary>The signing key every test host is configured with.</summary>
    public const string SigningKey = "test-signing-key-for-livecommerce-end-to-end-tests-0123456789";

    /// <summary>A valid token for <paramref name="sub"/> with <paramref name="roles"/>.</summary>
    public static string For(string sub, params string[] roles) => Create(sub, roles, TimeSpan.FromHours(1), SigningKey);

    /// <summary>A token that expired ten minutes ago.</summary>
    public static string Expired(string sub, params string[] roles) => Create(sub, roles, TimeSpan.FromMinutes(-10), SigningKey);

    /// <summary>A token signed with another key.</summary>
    public static string WronglySigned(string sub, params string[] roles) =>
        Create(sub, roles, TimeSpan.FromHours(1), "some-other-signing-key-that-the-engine-does-not-trust-42");

    private static string Create(string sub, string[] roles, TimeSpan lifetime, string key)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", sub) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "livecommerce",
            Audience = "livecommerce",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.AddHours(-2),
            NotBefore = now.AddHours(-2),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
