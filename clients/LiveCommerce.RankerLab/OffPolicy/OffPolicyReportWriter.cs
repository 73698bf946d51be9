using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LiveCommerce.RankerLab.Evaluation;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Formats an <see cref="OffPolicyReport"/> as a text table or JSON.</summary>
public static class OffPolicyReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The report as indented camelCase JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>JSON text.</returns>
    public static string ToJson(OffPolicyReport report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>The report as a plain-text table.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The table.</returns>
    public static string ToText(OffPolicyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var o = report.Options;
        var metric = o.Metric == OffPolicyMetric.Carts ? "carts" : "clicks";
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"Ranked-list logs: {report.Source}"));
        sb.AppendLine(string.Create(inv, $"  {report.Lists:N0} lists ({report.DistinctLists:N0} distinct), {report.Positions:N0} shown positions (longest list {report.MaxListLength}), {report.Outcomes:N0} {metric}"));
        sb.AppendLine(string.Create(inv, $"  logging temperature {Join(report.LoggingTemperatures)}, floor {Join(report.LoggingFloors)}; {report.Reproduced:N0} of {report.Lists:N0} lists re-sample exactly from their list id"));
        sb.AppendLine(string.Create(inv, $"  marginals: {o.MarginalSamples:N0} Monte-Carlo draws per distinct list and policy (exact at temperature 0 or up to 6 items); bootstrap {o.BootstrapSamples} (seed {o.Seed})"));
        sb.AppendLine(string.Create(inv, $"  reward model (position-based, {report.RewardModelIterations} iterations): examination {string.Join(" ", report.Examination.Take(10).Select(e => e.ToString("0.000", inv)))}{(report.Examination.Count > 10 ? " ..." : string.Empty)}"));
        sb.AppendLine();
        sb.AppendLine(string.Create(inv, $"  {"policy",-14} {"estimator",-9} {metric + "/list",12}  {"95% interval",-19}  {"minus logged",12}  {"95% interval",-19}  {"ESS@1",8}  {"min ESS",8}  coverage"));
        sb.AppendLine(string.Create(inv, $"  {"logged",-14} {"on-policy",-9} {Number(report.Logged.Value),12}  {Interval(report.Logged)}"));
        foreach (var t in report.Targets)
        {
            var name = string.Create(inv, $"T = {t.Temperature}");
            var ess1 = t.FirstPositionEss.ToString("0", inv);
            var essMin = t.MinPositionEss.ToString("0", inv);
            var coverage = t.Coverage.ToString("0.000", inv);
            sb.AppendLine(Row(name, "IPS", t.Ips, t.IpsMinusLogged, ess1, essMin, coverage));
            sb.AppendLine(Row(name, "SNIPS", t.Snips, t.SnipsMinusLogged, ess1, essMin, coverage));
            sb.AppendLine(Row(name, "DR", t.Dr, t.DrMinusLogged, ess1, essMin, coverage));
            sb.AppendLine(Row(name, "DM", t.DirectMethod, t.DirectMethodMinusLogged, ess1, essMin, coverage));
            if (t.FlooredPropensities > 0)
            {
                sb.AppendLine(string.Create(inv, $"  {string.Empty,-14} {t.FlooredPropensities:N0} logged pairs had a Monte-Carlo logging marginal of 0 (raised to 1/draws): raise --marginal-samples"));
            }
        }

        return sb.ToString();
    }

    private static string Row(string policy, string estimator, Estimate value, Estimate difference, string ess1, string essMin, string coverage) =>
        string.Create(CultureInfo.InvariantCulture, $"  {policy,-14} {estimator,-9} {Number(value.Value),12}  {Interval(value),-19}  {Number(difference.Value),12}  {Interval(difference),-19}  {ess1,8}  {essMin,8}  {coverage}");

    private static string Interval(Estimate e) =>
        double.IsFinite(e.Lower) ? $"[{Number(e.Lower)}, {Number(e.Upper)}]" : string.Empty;

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    private static string Join(IReadOnlyList<double> values) =>
        values.Count == 0 ? "n/a" : string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
