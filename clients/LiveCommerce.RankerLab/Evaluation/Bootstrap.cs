namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>Percentile-bootstrap helpers.</summary>
public static class Bootstrap
{
    /// <summary>Linear-interpolation percentile of an unsorted sample (sorts a copy).</summary>
    /// <param name="values">The sample.</param>
    /// <param name="quantile">In [0, 1].</param>
    /// <returns>The percentile, or NaN for an empty sample.</returns>
    public static double Percentile(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var position = Math.Clamp(quantile, 0, 1) * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    /// <summary>Point estimate and 95% interval from replicates.</summary>
    /// <param name="point">The full-sample estimate.</param>
    /// <param name="replicates">The bootstrap replicates.</param>
    /// <returns>The estimate.</returns>
    public static Estimate Interval(double point, IReadOnlyList<double> replicates) =>
        new(point, Percentile(replicates, 0.025), Percentile(replicates, 0.975));

    /// <summary>On-policy mean of 0/1 rewards with a bootstrap interval.</summary>
    /// <param name="rewards">The rewards.</param>
    /// <param name="samples">Replicates.</param>
    /// <param name="random">Seeded generator.</param>
    /// <returns>The estimate.</returns>
    public static Estimate Mean(IReadOnlyList<double> rewards, int samples, Random random)
    {
        var n = rewards.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        var replicates = new double[samples];
        for (var b = 0; b < samples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += rewards[random.Next(n)];
            }

            replicates[b] = sum / n;
        }

        return Interval(rewards.Average(), replicates);
    }
}
