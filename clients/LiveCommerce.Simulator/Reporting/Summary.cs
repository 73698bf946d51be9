using System.Text.Json;

namespace LiveCommerce.Simulator.Reporting;

/// <summary>A scenario's results: named figures and pass/fail checks, printed as text or JSON.</summary>
public sealed class Summary(string scenario)
{
    private readonly List<(string Name, object Value, string Unit)> _figures = [];
    private readonly List<(string Name, bool Passed)> _checks = [];

    /// <summary>Whether every check passed (true when there is none).</summary>
    public bool Passed => _checks.TrueForAll(c => c.Passed);

    /// <summary>Adds a figure.</summary>
    public Summary Add(string name, object value, string unit = "")
    {
        _figures.Add((name, value, unit));
        return this;
    }

    /// <summary>Adds a check; a failed one makes the simulator exit with code 1.</summary>
    public Summary Check(string name, bool passed)
    {
        _checks.Add((name, passed));
        return this;
    }

    /// <summary>Prints the summary to standard output.</summary>
    public void Print(bool json) => Print(json, Console.Out);

    /// <summary>Prints the summary.</summary>
    public void Print(bool json, TextWriter output)
    {
        if (json)
        {
            var document = new Dictionary<string, object> { ["scenario"] = scenario };
            foreach (var (name, value, _) in _figures)
            {
                document[name] = value is double d ? (double.IsFinite(d) ? Math.Round(d, 3) : d.ToString(System.Globalization.CultureInfo.InvariantCulture)) : value;
            }

            if (_checks.Count > 0)
            {
                document["checks"] = _checks.ToDictionary(c => c.Name, c => c.Passed, StringComparer.Ordinal);
                document["passed"] = Passed;
            }

            output.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        output.WriteLine($"== {scenario} ==");
        var width = _figures.Select(f => f.Name.Length).Concat(_checks.Select(c => c.Name.Length)).DefaultIfEmpty(0).Max();
        foreach (var (name, value, unit) in _figures)
        {
            var text = value is double d ? d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
            output.WriteLine($"  {name.PadRight(width)}  {text} {unit}".TrimEnd());
        }

        foreach (var (name, passed) in _checks)
        {
            output.WriteLine($"  {name.PadRight(width)}  {(passed ? "pass" : "FAIL")}");
        }
    }
}
