using System.Text.Json;
using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;
using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.Ranking.Tests.Policy;

public sealed class StochasticRankingPolicyTests
{
    [Fact]
    public void Rank_is_sample_then_floor_and_reproducible_from_the_list_id()
    {
        var random = new PolicyRandom(6);
        var n = 30;
        var scores = PlackettLuceSamplerTests.RandomScores(random, n, scale: 1);
        var kinds = PositionMarginalsTests.RandomKinds(random, n);
        var policy = new StochasticRankingPolicy();
        var shown = new int[n];
        var probabilities = new double[n];
        policy.Rank(scores, kinds, 0.5, 0.3, "list-7", shown, probabilities);

        var sampled = new int[n];
        var steps = new double[n];
        new PlackettLuceSampler().Sample(scores, 0.5, ListSeed.FromListId("list-7"), sampled, steps);
        var expected = new int[n];
        FairExposureReRanker.Apply(sampled, kinds, 0.3, expected);
        Assert.Equal(expected, shown);
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(steps[k], probabilities[sampled[k]]);
        }

        var again = new int[n];
        new StochasticRankingPolicy().Rank(scores, kinds, 0.5, 0.3, "list-7", again, default);
        Assert.Equal(shown, again);
    }

    [Fact]
    public void Ranking_and_marginals_allocate_nothing_after_warm_up()
    {
        var random = new PolicyRandom(12);
        var scores = PlackettLuceSamplerTests.RandomScores(random, 500, scale: 1);
        var kinds = PositionMarginalsTests.RandomKinds(random, 500);
        var policy = new StochasticRankingPolicy();
        var shown = new int[500];
        var probabilities = new double[500];
        var marginals = new PositionMarginals();
        var matrix = new double[20 * 20];
        policy.Rank(scores, kinds, 0.5, 0.3, 1UL, shown, probabilities);
        marginals.Compute(scores.AsSpan(0, 20), kinds.AsSpan(0, 20), 0.5, 0.3, 10, 1, matrix);

        Assert.Equal(0, Allocations.Least(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                policy.Rank(scores, kinds, 0.5, 0.3, (ulong)i, shown, probabilities);
                marginals.Compute(scores.AsSpan(0, 20), kinds.AsSpan(0, 20), 0.5, 0.3, 10, (ulong)i, matrix);
            }
        }));
    }

    [Fact]
    public void A_log_round_trips_through_json_lines_with_camel_case_names()
    {
        string[] products = ["p-0", "p-1", "p-2"];
        var kinds = new[] { SellerKind.LocalSme, SellerKind.Brand, SellerKind.Platform };
        double[] scores = [0.2, 1.5, double.NegativeInfinity];
        var shown = new int[3];
        var probabilities = new double[3];
        new StochasticRankingPolicy().Rank(scores, kinds, 0.5, 0.3, "l-1", shown, probabilities);
        var log = RankedListLog.Create("l-1", "s-1", "v-1", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), "m-3", 0.5, 0.3, products, kinds, scores, shown, probabilities)
            with { Clicks = [1], Carts = [1], Reward = 0.85 };
        log = log with { Items = [.. log.Items.Take(2), log.Items[2] with { SellerKind = null }] };

        var line = RankedListLogJson.ToJsonLine(log);
        Assert.DoesNotContain('\n', line);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        string[] names = ["listId", "streamId", "viewerId", "at", "modelVersion", "temperature", "floor", "items", "clicks", "carts", "reward"];
        Assert.Equal(names, root.EnumerateObject().Select(p => p.Name));
        var item = root.GetProperty("items")[0];
        Assert.Equal(["productId", "sellerKind", "score", "position", "choiceProbability"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("local-sme", item.GetProperty("sellerKind").GetString());
        Assert.Equal("unknown", root.GetProperty("items")[2].GetProperty("sellerKind").GetString());
        Assert.Equal("-Infinity", root.GetProperty("items")[2].GetProperty("score").GetString());
        Assert.Equal(3, root.GetProperty("items")[2].GetProperty("position").GetInt32());

        using var writer = new StringWriter();
        RankedListLogJson.WriteLine(writer, log);
        RankedListLogJson.WriteLine(writer, log with { ListId = "l-2" });
        var read = RankedListLogJson.ReadLines(new StringReader(writer.ToString() + "\n  \n")).ToList();
        Assert.Equal(2, read.Count);
        var back = read[0];
        Assert.Equal(log.ListId, back.ListId);
        Assert.Equal(log.At, back.At);
        Assert.Equal(log.Items, back.Items);
        Assert.Equal(log.Clicks, back.Clicks);
        Assert.Equal(log.Reward, back.Reward);
        Assert.Null(back.Items[2].SellerKind);
        Assert.Equal("l-2", read[1].ListId);

        // Plain System.Text.Json with default options reads and writes the same names.
        Assert.Equal(log.Items, JsonSerializer.Deserialize<RankedListLog>(JsonSerializer.Serialize(log))!.Items);
    }

    [Fact]
    public void A_bad_line_names_its_line_number()
    {
        var text = "\n{\"listId\":\"a\",\"streamId\":\"s\",\"items\":[]}\n{\"listId\":\"b\"}\n";
        var ex = Assert.Throws<InvalidDataException>(() => RankedListLogJson.ReadLines(new StringReader(text)).ToList());
        Assert.Contains("Line 3", ex.Message);
    }
}
