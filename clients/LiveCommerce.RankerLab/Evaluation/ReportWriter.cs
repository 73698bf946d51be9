using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>Formats an <see cref="EvaluationReport"/> as a text table or JSON.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented camelCase JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>JSON text.</returns>
    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>The report as a plain-text table (CTRs in percent).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The table.</returns>
    public static string ToText(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var o = report.Options;
        sb.AppendLine(string.Create(inv, $"Open Bandit Dataset sample - train fraction {o.TrainFraction}, bootstrap {o.BootstrapSamples} (seed {o.Seed}), max rows {(o.MaxRows > 0 ? o.MaxRows.ToString(inv) : "all")}, softmax beta {o.SoftmaxBeta}"));
        foreach (var c in report.Campaigns)
        {
            sb.AppendLine();
            sb.AppendLine(string.Create(inv, $"Campaign {c.Campaign}: {c.Items} items; learned from {c.TrainRows} uniform-random rows ({c.TrainClicks} clicks); evaluated on {c.TestRows} rows ({c.TestClicks} clicks) {c.TestFrom:yyyy-MM-dd HH:mm} .. {c.TestTo:yyyy-MM-dd HH:mm} UTC"));
            sb.AppendLine("  policy            estimator   CTR       95% interval        matched  ESS");
            sb.AppendLine(Row("logged random", "on-policy", c.LoggedRandom, c.TestRows.ToString(inv), string.Empty));
            sb.AppendLine(Row("logged BTS", "on-policy", c.LoggedBts, c.BtsRows.ToString(inv), string.Empty));
            foreach (var p in c.Policies)
            {
                var matched = p.MatchedRows.ToString(inv);
                var ess = p.EffectiveSampleSize.ToString("0", inv);
                sb.AppendLine(Row(p.Policy, "IPS", p.Ips, matched, ess));
                sb.AppendLine(Row(p.Policy, "SNIPS", p.Snips, matched, ess));
                sb.AppendLine(Row(p.Policy, "DR", p.Dr, matched, ess));
            }

            if (c.Published is { } pub)
            {
                sb.AppendLine(string.Create(inv, $"  published full-data on-policy CTR ({PublishedFigures.Source}): random {Percent(pub.RandomCtr)}, BTS {Percent(pub.BtsCtr)}"));
            }
        }

        return sb.ToString();
    }

    private static string Row(string policy, string estimator, Estimate e, string matched, string ess) =>
        string.Create(CultureInfo.InvariantCulture, $"  {policy,-17} {estimator,-10} {Percent(e.Value),8}  [{Percent(e.Lower),7}, {Percent(e.Upper),7}]  {matched,7}  {ess,5}");

    private static string Percent(double rate) =>
        double.IsFinite(rate) ? (rate * 100).ToString("0.000", CultureInfo.InvariantCulture) + "%" : "n/a";
}
