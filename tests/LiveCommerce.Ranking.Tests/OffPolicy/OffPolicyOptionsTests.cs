using LiveCommerce.RankerLab;
using LiveCommerce.RankerLab.OffPolicy;

namespace LiveCommerce.Ranking.Tests.OffPolicy;

public sealed class OffPolicyOptionsTests
{
    [Fact]
    public void Parses_the_log_mode()
    {
        var o = LabOptions.Parse(["--logs", "/tmp/lists.jsonl", "--target-temperature", "0,0.25", "--target-temperature", "1", "--marginal-samples", "500", "--metric", "carts", "--bootstrap", "50", "--seed", "3", "--json"]);
        var p = Assert.IsType<OffPolicyOptions>(o.OffPolicy);
        Assert.Equal("/tmp/lists.jsonl", p.LogsPath);
        Assert.Equal([0.0, 0.25, 1.0], p.TargetTemperatures);
        Assert.Equal(500, p.MarginalSamples);
        Assert.Equal(OffPolicyMetric.Carts, p.Metric);
        Assert.Equal(50, p.BootstrapSamples);
        Assert.Equal(3, p.Seed);
        Assert.True(o.Json);
    }

    [Fact]
    public void Defaults_to_the_greedy_target_and_clicks()
    {
        var p = LabOptions.Parse(["--logs", "lists.jsonl"]).OffPolicy!;
        Assert.Equal([0.0], p.TargetTemperatures);
        Assert.Equal(OffPolicyOptions.DefaultMarginalSamples, p.MarginalSamples);
        Assert.Equal(OffPolicyMetric.Clicks, p.Metric);
        Assert.Equal(1000, p.BootstrapSamples);
        Assert.Equal(20250101, p.Seed);
        Assert.Null(LabOptions.Parse([]).OffPolicy);
    }

    [Theory]
    [InlineData("--logs", "a.jsonl", "--target-temperature", "-1")]
    [InlineData("--logs", "a.jsonl", "--target-temperature", "hot")]
    [InlineData("--logs", "a.jsonl", "--marginal-samples", "0")]
    [InlineData("--logs", "a.jsonl", "--metric", "views")]
    [InlineData("--logs", "a.jsonl", "--data", "/tmp/obd")]
    [InlineData("--beta", "2", "--logs", "a.jsonl")]
    [InlineData("--target-temperature", "0", "--seed", "1")]
    [InlineData("--marginal-samples", "100", "--bootstrap", "5")]
    public void Rejects_bad_or_mixed_options(params string[] args) =>
        Assert.Throws<ArgumentException>(() => LabOptions.Parse(args));
}
