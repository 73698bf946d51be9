using System.Text.Json;

namespace LiveCommerce.Simulator.Reporting;

/// <summary>A scenario's results: named figures, printed as text or JSON.</summary>
public sealed class Summary(string scenario)
{
    private readonly List<(string Name, object Value, string Unit)> _figures = [];

    /// <summary>Adds a figure.</summary>
    public Summary Add(string name, object value, string unit = "")
    {
        _figures.Add((name, value, unit));
        return this;
    }

    /// <summary>Prints the summary.</summary>
    public void Print(bool json)
    {
        if (json)
        {
            var document = new Dictionary<string, object> { ["scenario"] = scenario };
            foreach (var (name, value, _) in _figures)
            {
                document[name] = value is double d ? Math.Round(d, 3) : value;
            }

            Console.WriteLine(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        Console.WriteLine($"== {scenario} ==");
        var width = _figures.Count == 0 ? 0 : _figures.Max(f => f.Name.Length);
        foreach (var (name, value, unit) in _figures)
        {
            var text = value is double d ? d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
            Console.WriteLine($"  {name.PadRight(width)}  {text} {unit}".TrimEnd());
        }
    }
}
