using System.Globalization;

namespace LiveCommerce.RankerLab.Obd;

/// <summary>Reads the Open Bandit Dataset CSV files (plain comma-separated, no quoting, invariant culture).</summary>
public static class ObdReader
{
    /// <summary>Reads a campaign's log file, e.g. <c>random/men/men.csv</c>, sorted by time.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="maxRows">Read at most this many rows (the earliest ones); 0 or less for all.</param>
    /// <returns>The rows in time order.</returns>
    public static IReadOnlyList<ObdLogRow> ReadLogs(string path, int maxRows = 0)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty.");
        var columns = header.Split(',');
        var timestamp = Require(columns, "timestamp", path);
        var item = Require(columns, "item_id", path);
        var position = Require(columns, "position", path);
        var click = Require(columns, "click", path);
        var propensity = Require(columns, "propensity_score", path);
        var userFeatures = Enumerable.Range(0, 4).Select(i => Require(columns, $"user_feature_{i}", path)).ToArray();
        const string affinityPrefix = "user-item_affinity_";
        var affinityColumns = new List<(int Column, int Item)>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].StartsWith(affinityPrefix, StringComparison.Ordinal))
            {
                affinityColumns.Add((i, int.Parse(columns[i].AsSpan(affinityPrefix.Length), NumberStyles.Integer, CultureInfo.InvariantCulture)));
            }
        }

        var affinityLength = affinityColumns.Count == 0 ? 0 : affinityColumns.Max(a => a.Item) + 1;
        var rows = new List<ObdLogRow>();
        string? line;
        var lineNumber = 1;
        while ((line = reader.ReadLine()) is not null && (maxRows <= 0 || rows.Count < maxRows))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != columns.Length)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: expected {columns.Length} cells, found {cells.Length}.");
            }

            var affinities = new double[affinityLength];
            foreach (var (column, itemIndex) in affinityColumns)
            {
                affinities[itemIndex] = ParseDouble(cells[column]);
            }

            rows.Add(new ObdLogRow(
                ParseTimestamp(cells[timestamp]),
                int.Parse(cells[item], NumberStyles.Integer, CultureInfo.InvariantCulture),
                int.Parse(cells[position], NumberStyles.Integer, CultureInfo.InvariantCulture),
                int.Parse(cells[click], NumberStyles.Integer, CultureInfo.InvariantCulture),
                ParseDouble(cells[propensity]),
                userFeatures.Select(c => cells[c]).ToArray(),
                affinities));
        }

        // Stable sort: the files are in time order already; this only guards against reordering.
        return rows.OrderBy(r => r.Timestamp).ToArray();
    }

    /// <summary>Reads item_context.csv, indexed by item id.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>Items where element i has item id i.</returns>
    public static IReadOnlyList<ObdItem> ReadItems(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        var columns = lines[0].Split(',');
        var id = Require(columns, "item_id", path);
        var f0 = Require(columns, "item_feature_0", path);
        var f1 = Require(columns, "item_feature_1", path);
        var f2 = Require(columns, "item_feature_2", path);
        var f3 = Require(columns, "item_feature_3", path);
        var items = lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .Select(c => new ObdItem(int.Parse(c[id], NumberStyles.Integer, CultureInfo.InvariantCulture), ParseDouble(c[f0]), c[f1], c[f2], c[f3]))
            .OrderBy(i => i.ItemId)
            .ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].ItemId != i)
            {
                throw new InvalidDataException($"{path}: item ids are not 0..{items.Length - 1}.");
            }
        }

        return items;
    }

    private static int Require(string[] columns, string name, string path)
    {
        var index = Array.IndexOf(columns, name);
        return index >= 0 ? index : throw new InvalidDataException($"{path}: column '{name}' not found.");
    }

    private static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
