using System.Text.Json;
using LiveCommerce.Ranking.Policy;
using LiveCommerce.RankerLab.OffPolicy;

namespace LiveCommerce.Ranking.Tests.OffPolicy;

public sealed class OffPolicyEvaluationTests
{
    private static readonly OffPolicyOptions Small = new() { MarginalSamples = 4_000, BootstrapSamples = 100, Seed = 5 };

    [Fact]
    public void The_logging_temperature_as_target_gives_unit_weights_and_the_on_policy_value()
    {
        var logs = new SyntheticStream(1).Log(1_500, 0.5, 0.3);
        var report = OffPolicyEvaluation.Run(logs, Small with { TargetTemperatures = [0.5] });
        var t = Assert.Single(report.Targets);
        Assert.Equal(report.Logged.Value, t.Ips.Value, 12);
        Assert.Equal(report.Logged.Value, t.Snips.Value, 12);
        Assert.Equal(0.0, t.IpsMinusLogged.Value, 12);
        Assert.Equal(0.0, t.IpsMinusLogged.Lower, 12);
        Assert.Equal(0.0, t.IpsMinusLogged.Upper, 12);
        Assert.Equal(1_500, t.FirstPositionEss, 6);
        Assert.Equal(1.0, t.Coverage, 12);
        Assert.Equal(report.Logged.Value, t.Dr.Value, 0.02 * report.Logged.Value);
    }

    [Fact]
    public void Engine_logs_re_sample_from_their_ids_and_tampered_ones_do_not()
    {
        var logs = new SyntheticStream(2).Log(300, 0.5, 0.3);
        var report = OffPolicyEvaluation.Run(logs, Small with { BootstrapSamples = 0 });
        Assert.Equal(300, report.Reproduced);
        Assert.Equal(1, report.DistinctLists);
        Assert.Equal(300 * 20, report.Positions);
        Assert.Equal(20, report.MaxListLength);
        Assert.Equal([0.5], report.LoggingTemperatures);
        Assert.Equal([0.3], report.LoggingFloors);
        Assert.True(double.IsNaN(report.Logged.Lower));

        // Swap the positions of two items of one list and change another list's id.
        var items = logs[0].Items.ToArray();
        (items[0], items[1]) = (items[0] with { Position = items[1].Position }, items[1] with { Position = items[0].Position });
        logs[0] = logs[0] with { Items = items };
        logs[1] = logs[1] with { ListId = "renamed" };
        Assert.Equal(298, OffPolicyEvaluation.Run(logs, Small with { BootstrapSamples = 0 }).Reproduced);
    }

    [Fact]
    public void Intervals_are_ordered_and_the_paired_difference_is_consistent()
    {
        var logs = new SyntheticStream(3).Log(2_000, 0.5, 0.3);
        var report = OffPolicyEvaluation.Run(logs, Small with { TargetTemperatures = [0.0, 0.25] });
        Assert.InRange(report.Logged.Value, report.Logged.Lower, report.Logged.Upper);
        foreach (var t in report.Targets)
        {
            foreach (var (value, difference) in new[] { (t.Ips, t.IpsMinusLogged), (t.Snips, t.SnipsMinusLogged), (t.Dr, t.DrMinusLogged), (t.DirectMethod, t.DirectMethodMinusLogged) })
            {
                Assert.True(value.Lower <= value.Value + 1e-12 && value.Value <= value.Upper + 1e-12, $"T={t.Temperature}: {value}");
                Assert.True(difference.Lower <= difference.Value + 1e-12 && difference.Value <= difference.Upper + 1e-12, $"T={t.Temperature}: {difference}");
                Assert.Equal(value.Value - report.Logged.Value, difference.Value, 12);
            }

            Assert.True(t.MinPositionEss > 0 && t.MinPositionEss <= t.FirstPositionEss + 2_000);
            Assert.Equal(1.0, t.Coverage, 6);
            Assert.True(t.FlooredPropensities < 0.001 * report.Positions);
        }

        // The greedy policy ranks the best-scored products first, so it should beat the exploring logging policy.
        Assert.True(report.Targets[0].DrMinusLogged.Value > 0);
    }

    [Fact]
    public void A_jsonl_file_gives_the_same_report_as_the_logs_in_memory()
    {
        var logs = new SyntheticStream(4).Log(400, 0.5, 0.3);
        var path = Path.Combine(Path.GetTempPath(), $"ope-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                foreach (var log in logs)
                {
                    RankedListLogJson.WriteLine(writer, log);
                }
            }

            var fromFile = OffPolicyEvaluation.Run(Small with { LogsPath = path, TargetTemperatures = [0.0] });
            var inMemory = OffPolicyEvaluation.Run(logs, Small with { TargetTemperatures = [0.0] });
            Assert.Equal(path, fromFile.Source);
            Assert.Equal(inMemory.Logged, fromFile.Logged);
            Assert.Equal(inMemory.Targets, fromFile.Targets);
            Assert.Equal(400, fromFile.Reproduced);

            var text = OffPolicyReportWriter.ToText(fromFile);
            Assert.Contains("SNIPS", text);
            Assert.Contains("400 of 400 lists re-sample exactly", text);
            using var json = JsonDocument.Parse(OffPolicyReportWriter.ToJson(fromFile));
            Assert.Equal(400, json.RootElement.GetProperty("lists").GetInt32());
            Assert.Equal("clicks", json.RootElement.GetProperty("options").GetProperty("metric").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_deterministic_logging_policy_reports_partial_coverage()
    {
        var logs = new SyntheticStream(5).Log(200, 0.0, 0.3);
        var report = OffPolicyEvaluation.Run(logs, Small with { TargetTemperatures = [0.0, 1.0], BootstrapSamples = 0 });
        Assert.Equal(1.0, report.Targets[0].Coverage, 12);
        Assert.Equal(report.Logged.Value, report.Targets[0].Ips.Value, 12);
        Assert.InRange(report.Targets[1].Coverage, 0.0, 0.5);
    }

    [Fact]
    public void Carts_can_be_the_metric_and_repeated_positions_count_once()
    {
        var logs = new SyntheticStream(6).Log(50, 0.5, 0.3)
            .Select((l, i) => l with { Carts = i % 2 == 0 ? [1, 1] : [] })
            .ToList();
        var report = OffPolicyEvaluation.Run(logs, Small with { Metric = OffPolicyMetric.Carts, TargetTemperatures = [0.5], BootstrapSamples = 0 });
        Assert.Equal(25, report.Outcomes);
        Assert.Equal(0.5, report.Logged.Value, 12);
    }

    [Theory]
    [InlineData("position")]
    [InlineData("click")]
    [InlineData("score")]
    [InlineData("temperature")]
    public void Malformed_records_are_rejected_with_their_number(string problem)
    {
        var logs = new SyntheticStream(7).Log(3, 0.5, 0.3);
        var bad = logs[1];
        logs[1] = problem switch
        {
            "position" => bad with { Items = [.. bad.Items.Select(i => i with { Position = 1 })] },
            "click" => bad with { Clicks = [21] },
            "score" => bad with { Items = [bad.Items[0] with { Score = double.NaN }, .. bad.Items.Skip(1)] },
            _ => bad with { Temperature = -1 },
        };

        var ex = Assert.Throws<InvalidDataException>(() => OffPolicyEvaluation.Run(logs, Small));
        Assert.Contains("Record 2", ex.Message);
    }

    [Fact]
    public void The_position_based_model_recovers_examination_and_attractiveness()
    {
        var stream = new SyntheticStream(8);
        var logs = stream.Log(20_000, 0.5, 0.3);
        var report = OffPolicyEvaluation.Run(logs, Small with { TargetTemperatures = [0.5], BootstrapSamples = 0 });
        Assert.True(report.RewardModelIterations < Small.RewardModelIterations, "the fit should converge");
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(stream.Examination(k), report.Examination[k], 0.06 * stream.Examination(k));
        }
    }
}
