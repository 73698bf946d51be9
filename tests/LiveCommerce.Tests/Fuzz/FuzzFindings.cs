using System.Collections.Concurrent;
using System.Text;

namespace LiveCommerce.Tests.Fuzz;

/// <summary>What the fuzz test found, by kind, with a few examples of each and the seed to replay them.</summary>
public sealed class FuzzFindings(FuzzSettings settings)
{
    private const int ExamplesPerKind = 8;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _examples = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _timings = new(StringComparer.Ordinal);
    private int _cases;

    /// <summary>Findings so far.</summary>
    public int Count => _counts.Values.Sum();

    /// <summary>Cases run so far.</summary>
    public int Cases => Volatile.Read(ref _cases);

    /// <summary>The count of one kind of finding.</summary>
    public int CountOf(string kind) => _counts.TryGetValue(kind, out var count) ? count : 0;

    /// <summary>Notes how long one part of the run took.</summary>
    public void Took(string part, TimeSpan elapsed) => _timings[part] = elapsed;

    /// <summary>Counts one case run.</summary>
    public void Ran() => Interlocked.Increment(ref _cases);

    /// <summary>Records a finding of <paramref name="kind"/>.</summary>
    public void Add(string kind, string example)
    {
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        var examples = _examples.GetOrAdd(kind, _ => new ConcurrentQueue<string>());
        if (examples.Count < ExamplesPerKind)
        {
            examples.Enqueue(example.Length > 600 ? example[..600] + "…" : example);
        }
    }

    /// <summary>A readable report: counts by kind, examples, and how to replay.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"fuzz: {Cases} cases, {Count} findings (seed {settings.Seed}; replay with {FuzzSettings.SeedVariable}={settings.Seed} {FuzzSettings.CasesVariable}={settings.Cases})");
        report.AppendLine("  took: " + string.Join(", ", _timings.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value.TotalSeconds:F1} s")));
        foreach (var (kind, count) in _counts.OrderByDescending(k => k.Value))
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {count,6} {kind}");
            foreach (var example in _examples[kind])
            {
                report.AppendLine("           e.g. " + example.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));
            }
        }

        return report.ToString();
    }
}
