using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LiveCommerce.Simulator.Setup;

/// <summary>Gets tokens: signed here with a known key, or from the engine's Development endpoint.</summary>
public sealed class TokenSource(HttpClient http, string? signingKey)
{
    /// <summary>A token for <paramref name="sub"/> with <paramref name="roles"/>.</summary>
    public async Task<string> ForAsync(string sub, params string[] roles)
    {
        if (signingKey is not null)
        {
            var claims = new List<Claim> { new("sub", sub) };
            claims.AddRange(roles.Select(r => new Claim("role", r)));
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "livecommerce",
                Audience = "livecommerce",
                Subject = new ClaimsIdentity(claims),
                Expires = DateTime.UtcNow.AddHours(2),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
            });
        }

        var answer = await http.GetFromJsonAsync<DevToken>($"/dev/token?sub={Uri.EscapeDataString(sub)}&role={string.Join(',', roles)}")
            ?? throw new InvalidOperationException("/dev/token gave no token");
        return answer.Token;
    }

    private sealed record DevToken(string Token);
}
