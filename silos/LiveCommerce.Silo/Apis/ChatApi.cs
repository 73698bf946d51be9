using System.Security.Claims;
using LiveCommerce.Abstractions.Chat;
using LiveCommerce.Abstractions.Errors;
using LiveCommerce.Abstractions.Streams;
using LiveCommerce.Contracts.Chat;
using LiveCommerce.Grains.Chat;
using LiveCommerce.Silo.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveCommerce.Silo.Apis;

/// <summary>
/// What the chat says, for the stream's creator (and admins): the latest comments with the intent each was
/// read as and the product it names, newest first (docs/chat.md).
/// </summary>
public static class ChatApi
{
    private const int MaxIdLength = 64;

    /// <summary>Maps the chat endpoints.</summary>
    public static RouteGroupBuilder MapChatApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/streams/{id}/chat").WithTags("Chat").RequireAuthorization(Roles.SignedIn)
            .AddEndpointFilter(new RouteIdFilter { What = "stream" });
        group.MapGet("/", ChatAsync);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ChatComment>>> ChatAsync(
        string id, string? intent, int? limit, ClaimsPrincipal user, IGrainFactory grains, IOptions<ChatOptions> options)
    {
        if (intent is not null && !ChatIntentNames.All.Contains(intent))
        {
            throw LiveCommerceException.Invalid("intent must be purchase, question or other.");
        }

        var max = options.Value.MaxPage;
        if (limit is { } l && (l < 1 || l > max))
        {
            throw LiveCommerceException.Invalid($"limit must be between 1 and {max}.");
        }

        var stream = id.Length <= MaxIdLength ? await grains.GetGrain<ILiveStreamGrain>(id).GetAsync() : null;
        if (stream is null)
        {
            throw LiveCommerceException.NotFound($"No stream has the id '{id}'.");
        }

        if (!string.Equals(stream.CreatorId, user.UserId(), StringComparison.Ordinal) && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden("A stream's chat view is for its creator and moderators.");
        }

        return TypedResults.Ok(await grains.GetGrain<IStreamChatGrain>(id).GetRecentAsync(intent, limit ?? max));
    }
}
