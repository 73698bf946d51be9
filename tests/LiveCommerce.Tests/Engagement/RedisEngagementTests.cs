using LiveCommerce.Grains.Ranking;
using LiveCommerce.Testing;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.Engagement;

/// <summary>The engagement scenarios in cluster mode (Redis store), and the model shared by two engines.</summary>
public sealed class RedisEngagementTests(RedisEngagementFixture fixture) : EngagementScenarios, IClassFixture<RedisEngagementFixture>
{
    /// <inheritdoc />
    protected override EngineHost Host => fixture.Host;

    [Fact]
    public async Task Two_engines_of_a_cluster_rank_with_the_same_learned_model()
    {
        var cluster = "eng-" + Guid.NewGuid().ToString("N")[..8];
        using var first = new EngineHost(RedisServer.ConnectionString, cluster, EngagementEngineFixture.Settings);
        using var second = new EngineHost(RedisServer.ConnectionString, cluster, EngagementEngineFixture.Settings);
        var (stream, products, _) = await Catalog.LiveStreamAsync(first, products: 3);
        await using var viewer = await first.ConnectViewerAsync(Id("viewer"));
        await viewer.JoinStreamAsync(stream.Id);
        await viewer.ViewProductAsync(stream.Id, products[1].Id);
        await viewer.LeaveStreamAsync(stream.Id);
        await first.Services.GetRequiredService<RankingSync>().SyncAsync(closeAll: true);
        await second.Services.GetRequiredService<RankingSync>().SyncAsync();

        var learned = first.Services.GetRequiredService<SharedRankingModel>();
        var other = second.Services.GetRequiredService<SharedRankingModel>();
        Assert.True(learned.Observations > 0);
        Assert.Equal(learned.Observations, other.Observations);
        var stored = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IRankingModelGrain>("global").GetAsync();
        Assert.Equal(learned.Observations, stored.UpdateCount);
    }
}
