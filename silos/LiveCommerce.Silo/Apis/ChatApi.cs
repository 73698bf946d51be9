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
/// read as and the product it names, newest first; and the chat's rules, set by the creator (docs/chat.md).
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
        group.MapGet("/settings", SettingsAsync);
        group.MapPut("/settings", SetSettingsAsync);
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

        await RequireCreatorOrAdminAsync(id, user, grains, "A stream's chat view is for its creator and moderators.");
        return TypedResults.Ok(await grains.GetGrain<IStreamChatGrain>(id).GetRecentAsync(intent, limit ?? max));
    }

    private static async Task<Ok<ChatSettings>> SettingsAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await RequireCreatorOrAdminAsync(id, user, grains, "A stream's chat settings are for its creator.");
        return TypedResults.Ok(await grains.GetGrain<IStreamChatGrain>(id).GetSettingsAsync());
    }

    private static async Task<Results<Ok<ChatSettings>, ValidationProblem>> SetSettingsAsync(
        string id, ChatSettings? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = Check(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var stream = await StreamAsync(id, grains);
        if (!string.Equals(stream.CreatorId, user.UserId(), StringComparison.Ordinal))
        {
            throw LiveCommerceException.Forbidden("Only the stream's creator sets its chat rules.");
        }

        var settings = request! with
        {
            BlockedWords = [.. request.BlockedWords.Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
        return TypedResults.Ok(await grains.GetGrain<IStreamChatGrain>(id).SetSettingsAsync(settings));
    }

    private static Dictionary<string, string[]> Check(ChatSettings? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON body is required."];
            return errors;
        }

        if (request.SlowModeSeconds is < 0 or > ChatSettings.MaxSlowModeSeconds)
        {
            errors["slowModeSeconds"] = [$"slowModeSeconds must be between 0 (off) and {ChatSettings.MaxSlowModeSeconds}."];
        }

        if (request.BlockedWords is null)
        {
            errors["blockedWords"] = ["blockedWords must be a list of words (it may be empty)."];
        }
        else if (request.BlockedWords.Count > ChatSettings.MaxBlockedWords)
        {
            errors["blockedWords"] = [$"A chat can block at most {ChatSettings.MaxBlockedWords} words."];
        }
        else if (request.BlockedWords.Any(w => string.IsNullOrWhiteSpace(w) || w.Trim().Length > ChatSettings.MaxBlockedWordLength))
        {
            errors["blockedWords"] = [$"Every blocked word must be 1 to {ChatSettings.MaxBlockedWordLength} characters."];
        }

        return errors;
    }

    private static async Task<LiveCommerce.Contracts.Streams.LiveStream> StreamAsync(string id, IGrainFactory grains) =>
        (id.Length <= MaxIdLength ? await grains.GetGrain<ILiveStreamGrain>(id).GetAsync() : null)
        ?? throw LiveCommerceException.NotFound($"No stream has the id '{id}'.");

    private static async Task RequireCreatorOrAdminAsync(string id, ClaimsPrincipal user, IGrainFactory grains, string refusal)
    {
        var stream = await StreamAsync(id, grains);
        if (!string.Equals(stream.CreatorId, user.UserId(), StringComparison.Ordinal) && !user.IsInRole(Roles.Admin))
        {
            throw LiveCommerceException.Forbidden(refusal);
        }
    }
}
