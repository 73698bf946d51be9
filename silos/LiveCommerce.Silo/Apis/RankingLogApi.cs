using LiveCommerce.Silo.Identity;
using LiveCommerce.Grains.Ranking;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveCommerce.Silo.Apis;

/// <summary><c>/api/admin/ranking-log</c>: the ranked lists shown, as JSON lines, for off-policy evaluation (RankerLab <c>--logs</c>).</summary>
public static class RankingLogApi
{
    /// <summary>The most records one call returns.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Maps the export.</summary>
    public static RouteGroupBuilder MapRankingLogApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/ranking-log").WithTags("Ranking").RequireAuthorization(Roles.AdminOnly);
        group.MapGet("/", ExportAsync);
        return group;
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> ExportAsync(RankingLog log, int count = 10_000)
    {
        if (count is < 1 or > MaxCount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = [$"count is 1 to {MaxCount}."] });
        }

        var lines = await log.ReadAsync(count);
        return TypedResults.Text(lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n", "application/x-ndjson");
    }
}
