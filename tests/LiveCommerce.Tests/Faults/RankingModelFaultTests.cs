using LiveCommerce.Grains.Ranking;
using LiveCommerce.Ranking.Bandit;
using LiveCommerce.Ranking.Features;
using LiveCommerce.Testing;
using LiveCommerce.Testing.Faults;
using LiveCommerce.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LiveCommerce.Tests.Faults;

/// <summary>
/// The shared ranking model under failing storage: a batch whose write failed (before or after it landed) and that is
/// sent again is counted exactly once, and a failed write never leaves a half-changed model behind.
/// </summary>
public sealed class RankingModelFaultTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_batch_sent_again_after_a_failed_write_is_counted_once(bool afterLanding)
    {
        var faults = new GrainStorageFaults(11)
        {
            WriteFailBeforeRate = afterLanding ? 0 : 1,
            WriteFailAfterRate = afterLanding ? 1 : 0,
            States = name => name == "ranking-model",
        };
        await using var host = new EngineHost(storageFaults: faults, configureServices: FaultLogging.Quiet);
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRankingModelGrain>("fault-" + Guid.NewGuid().ToString("N")[..8]);
        var source = Guid.NewGuid().ToString("N");

        var first = Batch(source, 1, observations: 3);
        await grain.ApplyAsync(first);
        var before = await grain.GetAsync();

        faults.Enabled = true;
        var second = Batch(source, 2, observations: 5);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.ApplyAsync(second));
        var failed = await grain.GetAsync();
        faults.Enabled = false;

        // After the failure the grain holds what storage holds: the old model, or the new one if the write landed.
        Assert.Equal(afterLanding ? before.UpdateCount + 5 : before.UpdateCount, failed.UpdateCount);

        // The silo sends the same batch again: it is taken once in all.
        var retried = await grain.ApplyAsync(second);
        Assert.Equal(before.UpdateCount + 5, retried.UpdateCount);
        var again = await grain.ApplyAsync(second);
        Assert.Equal(retried.UpdateCount, again.UpdateCount);
        Assert.Equal(retried.Response, again.Response);

        // An older batch of the same source is not taken again either; a new one is.
        Assert.Equal(retried.UpdateCount, (await grain.ApplyAsync(first)).UpdateCount);
        Assert.Equal(retried.UpdateCount + 2, (await grain.ApplyAsync(Batch(source, 3, observations: 2))).UpdateCount);
    }

    private static RankingModelDelta Batch(string source, long sequence, int observations)
    {
        var batch = new ModelBatch();
        var x = new double[FeatureLayout.Dimension];
        for (var i = 0; i < observations; i++)
        {
            x[FeatureLayout.Bias] = 1;
            x[FeatureLayout.Attractiveness] = 0.1 * (i + 1);
            batch.Add(x, 0.5, i % 2 == 0 ? 0.25 : 0);
        }

        var (design, response) = batch.ToArrays();
        return new RankingModelDelta
        {
            Dimension = batch.Dimension,
            Design = design,
            Response = response,
            Observations = batch.Observations,
            Source = source,
            Sequence = sequence,
        };
    }
}
