using System.Text;
using LiveCommerce.Silo.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace LiveCommerce.Silo.Identity;

/// <summary>Registers JWT validation and the engine's authorization policies.</summary>
public static class IdentityExtensions
{
    /// <summary>
    /// Validates the platform's HS256 tokens with JwtBearer. Outside Development a signing key is required;
    /// in Development the public development key is used when none is set, with a warning at start.
    /// </summary>
    public static WebApplicationBuilder AddLiveIdentity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey is not set. Outside the Development environment the engine needs the HS256 key " +
                    "of the platform's identity service: set the Auth__SigningKey environment variable (at least 32 bytes).");
            }

            auth.SigningKey = AuthOptions.DevelopmentSigningKey;
            builder.Services.AddHostedService<DevelopmentKeyWarning>();
        }

        if (Encoding.UTF8.GetByteCount(auth.SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long for HS256.");
        }

        builder.Services.Configure<AuthOptions>(options =>
        {
            options.SigningKey = auth.SigningKey;
            options.Issuer = auth.Issuer;
            options.Audience = auth.Audience;
        });
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = TokenIssuer.SigningKeyOf(auth),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var token = context.Request.Query["access_token"];
                        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        // A signed token whose subject can't be an id (blank, too long, control characters) names no one.
                        if (!Apis.RequestValidation.IsId(context.Principal?.FindFirst("sub")?.Value))
                        {
                            context.Fail("The token's subject is not a valid user id.");
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        var detail = context.AuthenticateFailure is null
                            ? "This request needs a bearer token."
                            : "The bearer token is invalid or expired.";
                        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
                    },
                    OnForbidden = context =>
                        Problems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this request."),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.SignedIn, policy => policy.RequireAuthenticatedUser().RequireClaim("sub"))
            .AddPolicy(Roles.CanListProducts, policy => policy.RequireClaim("sub").RequireRole(Roles.Seller, Roles.Creator, Roles.Admin))
            .AddPolicy(Roles.CanHostStreams, policy => policy.RequireClaim("sub").RequireRole(Roles.Creator))
            .AddPolicy(Roles.AdminOnly, policy => policy.RequireClaim("sub").RequireRole(Roles.Admin))
            .AddPolicy(Roles.HubAccess, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAssertion(context =>
                    context.User.Identity?.IsAuthenticated == true ||
                    (context.Resource is HttpContext http && !PresentsToken(http.Request))));
        return builder;
    }

    private static bool PresentsToken(HttpRequest request) =>
        request.Query.ContainsKey("access_token") || request.Headers.Authorization.Count > 0;
}
