using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveCommerce.Silo.Identity;

/// <summary>
/// Signs tokens with the engine's own key. The platform's identity service does this in production; the
/// engine uses it only for the Development token endpoint and the demo.
/// </summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>Issues a token for <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(string subject, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var auth = options.Value;
        var now = time.GetUtcNow();
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeyOf(auth), SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), now + lifetime);
    }

    /// <summary>The symmetric key configured in <paramref name="auth"/>.</summary>
    public static SymmetricSecurityKey SigningKeyOf(AuthOptions auth) =>
        new(Encoding.UTF8.GetBytes(auth.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not set.")));
}
