namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// The estimators as functions of list multiplicities (1 for every list gives the point estimates; a bootstrap
/// resample gives a replicate). Statistic layout: [logged, then per target: IPS, SNIPS, DR, DM, and the same four
/// minus logged].
/// </summary>
internal sealed class ListEstimator
{
    public const int Logged = 0;
    public const int Ips = 0;
    public const int Snips = 1;
    public const int Dr = 2;
    public const int DirectMethod = 3;
    public const int DifferenceOffset = 4;
    private const int PerTarget = 8;

    private readonly PreparedList[] _lists;
    private readonly int _positions;

    public ListEstimator(PreparedList[] lists, int targets, int positions)
    {
        _lists = lists;
        Targets = targets;
        _positions = positions;
    }

    public int Targets { get; }

    public static int TargetOffset(int target) => 1 + (PerTarget * target);

    public static int StatisticCount(int targets) => 1 + (PerTarget * targets);

    /// <summary>Every statistic for the given multiplicities (null = each list once).</summary>
    public double[] Statistics(int[]? multiplicity)
    {
        var result = new double[StatisticCount(Targets)];
        var total = 0.0;
        var logged = 0.0;
        for (var l = 0; l < _lists.Length; l++)
        {
            var m = multiplicity?[l] ?? 1;
            total += m;
            logged += m * _lists[l].Outcomes.Length;
        }

        if (total == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        result[Logged] = logged / total;
        var numerator = new double[_positions];
        var denominator = new double[_positions];
        var count = new double[_positions];
        for (var t = 0; t < Targets; t++)
        {
            Array.Clear(numerator);
            Array.Clear(denominator);
            Array.Clear(count);
            double ips = 0, dr = 0, direct = 0;
            for (var l = 0; l < _lists.Length; l++)
            {
                var m = multiplicity?[l] ?? 1;
                if (m == 0)
                {
                    continue;
                }

                var list = _lists[l];
                ips += m * list.Ips[t];
                dr += m * list.Dr[t];
                direct += m * list.DirectMethod[t];
                var weights = list.Weights[t];
                for (var k = 0; k < weights.Length; k++)
                {
                    denominator[k] += m * weights[k];
                    count[k] += m;
                }

                foreach (var k in list.Outcomes)
                {
                    numerator[k] += m * weights[k];
                }
            }

            var snips = 0.0;
            for (var k = 0; k < _positions; k++)
            {
                if (denominator[k] > 0)
                {
                    snips += numerator[k] / denominator[k] * (count[k] / total);
                }
            }

            var b = TargetOffset(t);
            result[b + Ips] = ips / total;
            result[b + Snips] = snips;
            result[b + Dr] = dr / total;
            result[b + DirectMethod] = direct / total;
            for (var s = 0; s < DifferenceOffset; s++)
            {
                result[b + DifferenceOffset + s] = result[b + s] - result[Logged];
            }
        }

        return result;
    }

    /// <summary>(Σw)²/Σw² at position 1 and the smallest over the positions, for one target.</summary>
    public (double First, double Min) EffectiveSampleSizes(int target)
    {
        if (_positions == 0)
        {
            return (double.NaN, double.NaN);
        }

        var sum = new double[_positions];
        var squares = new double[_positions];
        foreach (var list in _lists)
        {
            var weights = list.Weights[target];
            for (var k = 0; k < weights.Length; k++)
            {
                sum[k] += weights[k];
                squares[k] += weights[k] * weights[k];
            }
        }

        double Ess(int k) => squares[k] > 0 ? sum[k] * sum[k] / squares[k] : 0.0;
        var min = double.PositiveInfinity;
        for (var k = 0; k < _positions; k++)
        {
            min = Math.Min(min, Ess(k));
        }

        return (Ess(0), min);
    }
}
