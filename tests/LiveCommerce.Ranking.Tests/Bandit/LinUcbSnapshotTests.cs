using System.Text.Json;
using LiveCommerce.Ranking.Bandit;

namespace LiveCommerce.Ranking.Tests.Bandit;

public sealed class LinUcbSnapshotTests
{
    [Fact]
    public void Export_import_through_json_gives_identical_rankings()
    {
        var stream = new SimulatedStream(seed: 21, 0.02, 0.07, 0.04, 0.05);
        var original = new ProductRanker();
        stream.Play(original, 5_000); // crosses a Cholesky refresh (every 4096 updates)

        var json = JsonSerializer.Serialize(original.Model.ExportSnapshot());
        var restored = new ProductRanker(LinUcbModel.Import(JsonSerializer.Deserialize<LinUcbSnapshot>(json)!));

        var snapshot = CandidateFactory.RandomSnapshot(new Random(4), 200);
        foreach (var context in new[] { RankingContext.Default, RankingContext.Default with { Explore = false, LocalSellerExposureFloor = 0 } })
        {
            Assert.Equal(original.Rank(snapshot, context), restored.Rank(snapshot, context));
        }

        Assert.Equal(original.Model.UpdateCount, restored.Model.UpdateCount);

        // Both keep learning identically.
        var stream2 = new SimulatedStream(seed: 9, 0.05, 0.01);
        var stream3 = new SimulatedStream(seed: 9, 0.05, 0.01);
        stream2.Play(original, 200);
        stream3.Play(restored, 200);
        Assert.Equal(original.Rank(snapshot), restored.Rank(snapshot));
    }

    [Fact]
    public void Snapshot_is_a_copy()
    {
        var model = new LinUcbModel();
        var snapshot = model.ExportSnapshot();
        model.Update(Enumerable.Repeat(0.5, model.Dimension).ToArray(), 1.0);
        Assert.Equal(0.0, snapshot.Response.Sum());
        Assert.Equal(0, snapshot.UpdateCount);
    }

    [Fact]
    public void Import_without_inverse_recomputes_it()
    {
        var model = new LinUcbModel(dimension: 3);
        var random = new Random(2);
        for (var i = 0; i < 100; i++)
        {
            model.Update([1, random.NextDouble(), random.NextDouble()], random.NextDouble());
        }

        var restored = LinUcbModel.Import(model.ExportSnapshot() with { InverseDesignMatrix = [] });
        double[] x = [1, 0.3, 0.7];
        Assert.Equal(model.Score(x), restored.Score(x), 10);
    }

    [Fact]
    public void Import_rejects_inconsistent_snapshots()
    {
        var good = new LinUcbModel(dimension: 2).ExportSnapshot();
        Assert.Throws<ArgumentException>(() => LinUcbModel.Import(good with { Response = [1.0] }));
        Assert.Throws<ArgumentException>(() => LinUcbModel.Import(good with { DesignMatrix = [1, 0, 0, double.NaN] }));
        Assert.Throws<ArgumentException>(() => LinUcbModel.Import(good with { Version = 99 }));
    }

    [Fact]
    public void Update_rejects_bad_input()
    {
        var model = new LinUcbModel(dimension: 2);
        Assert.Throws<ArgumentException>(() => model.Update([1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Update([1.0, 0.0], double.NaN));
        Assert.Throws<ArgumentException>(() => model.Update([1.0, double.PositiveInfinity], 0));
    }
}
