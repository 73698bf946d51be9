using LiveCommerce.RankerLab.Evaluation;
using LiveCommerce.RankerLab.Obd;

namespace LiveCommerce.Ranking.Tests.RankerLab;

public sealed class RankerEvaluationTests
{
    [Fact]
    public void Evaluation_on_the_real_sample_gives_finite_ordered_estimates()
    {
        var options = new EvaluationOptions
        {
            DataDirectory = RepositoryPaths.ObdSample(),
            MaxRows = 2_000,
            BootstrapSamples = 60,
            Seed = 7,
        };

        var report = RankerEvaluation.Run(options);

        Assert.Equal(["men", "women"], report.Campaigns.Select(c => c.Campaign));
        foreach (var campaign in report.Campaigns)
        {
            Assert.Equal(1_400, campaign.TrainRows);
            Assert.Equal(600, campaign.TestRows);
            Assert.True(campaign.BtsRows > 0);
            Assert.NotNull(campaign.Published);
            AssertValid(campaign.LoggedRandom);
            AssertValid(campaign.LoggedBts);
            Assert.Equal(["uniform-random", "ranker-greedy", "ranker-softmax"], campaign.Policies.Select(p => p.Policy));
            foreach (var policy in campaign.Policies)
            {
                AssertValid(policy.Ips);
                AssertValid(policy.Snips);
                AssertValid(policy.Dr);
                Assert.True(policy.EffectiveSampleSize >= 0 && policy.EffectiveSampleSize <= campaign.TestRows + 1e-6);
            }

            // On uniform-random logs, IPS of the uniform policy is exactly the on-policy mean.
            Assert.Equal(campaign.LoggedRandom.Value, campaign.Policies[0].Ips.Value, 12);
        }

        var text = ReportWriter.ToText(report);
        Assert.Contains("ranker-softmax", text);
        Assert.Contains("\"campaigns\"", ReportWriter.ToJson(report));
    }

    [Fact]
    public void Reader_parses_the_sample_files()
    {
        var dir = ObdDataLocator.Resolve(RepositoryPaths.ObdSample());
        var items = ObdReader.ReadItems(Path.Combine(dir, "random", "men", "item_context.csv"));
        var rows = ObdReader.ReadLogs(Path.Combine(dir, "random", "men", "men.csv"), maxRows: 500);

        Assert.Equal(34, items.Count);
        Assert.Equal(500, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.InRange(r.ItemId, 0, 33);
            Assert.InRange(r.Position, 1, 3);
            Assert.Equal(1.0 / 34, r.Propensity, 12);
            Assert.Equal(34, r.Affinities.Length);
            Assert.Equal(4, r.UserFeatures.Length);
        });
        Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp));
    }

    [Fact]
    public void Estimators_match_hand_computed_values()
    {
        double[] weights = [2, 0, 1, 0];
        double[] direct = [0.1, 0.2, 0.1, 0.2];
        double[] model = [0.1, 0.1, 0.1, 0.1];
        double[] rewards = [1, 0, 0, 1];
        var (ips, snips, dr) = RankerEvaluation.Estimators(weights, direct, model, rewards, [0, 1, 2, 3]);

        Assert.Equal(0.5, ips, 12);                 // (2·1) / 4
        Assert.Equal(2.0 / 3.0, snips, 12);         // 2 / (2 + 1)
        Assert.Equal((0.6 + 1.8 - 0.1) / 4, dr, 12); // Σ direct + Σ w(r − q̂) = 0.6 + 1.8 − 0.1
    }

    [Fact]
    public void Plackett_luce_marginals_are_distributions()
    {
        double[] weights = [5, 1, 1, 2, 0.5];
        var marginals = PlackettLuce.TopThreeMarginals(weights);
        foreach (var slot in marginals)
        {
            Assert.Equal(1.0, slot.Sum(), 12);
        }

        for (var item = 0; item < weights.Length; item++)
        {
            Assert.True(marginals.Sum(slot => slot[item]) <= 1.0 + 1e-12);
        }

        Assert.Equal(5.0 / 9.5, marginals[0][0], 12);
    }

    private static void AssertValid(Estimate e)
    {
        Assert.True(double.IsFinite(e.Value) && double.IsFinite(e.Lower) && double.IsFinite(e.Upper), $"non-finite {e}");
        Assert.InRange(e.Value, 0.0, 1.0);
        Assert.InRange(e.Lower, 0.0, 1.0);
        Assert.InRange(e.Upper, 0.0, 1.0);
        Assert.True(e.Lower <= e.Upper, $"interval not ordered: {e}");
    }
}
