namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// The estimators as functions of list multiplicities (1 for every list gives the point estimates; a bootstrap
/// resample gives a replicate). Statistic layout: [logged, then per target: IPS, SNIPS, DR, DM, and the same four
/// minus logged]. The terms are in flat arrays (<see cref="ListTerms"/>) so that a replicate streams through memory.
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

    private readonly int _positions;
    private readonly int[] _lengths;
    private readonly int[] _offsets;
    private readonly int[] _outcomeOffsets;
    private readonly int[] _outcomes;
    private readonly double[][] _weights;
    private readonly double[][] _ips;
    private readonly double[][] _dr;
    private readonly double[][] _direct;

    public ListEstimator(PreparedList[] lists, ListTerms terms, int positions)
    {
        Targets = terms.Weights.Length;
        _positions = positions;
        var count = lists.Length;
        _lengths = new int[count];
        _offsets = new int[count];
        _outcomeOffsets = new int[count + 1];
        for (var l = 0; l < count; l++)
        {
            _lengths[l] = lists[l].Length;
            _offsets[l] = lists[l].Offset;
            _outcomeOffsets[l + 1] = _outcomeOffsets[l] + lists[l].Outcomes.Length;
        }

        _outcomes = new int[_outcomeOffsets[count]];
        for (var l = 0; l < count; l++)
        {
            lists[l].Outcomes.CopyTo(_outcomes, _outcomeOffsets[l]);
        }

        _weights = terms.Weights;
        _ips = terms.Ips;
        _dr = terms.Dr;
        _direct = terms.DirectMethod;
    }

    public int Targets { get; }

    public static int TargetOffset(int target) => 1 + (PerTarget * target);

    public static int StatisticCount(int targets) => 1 + (PerTarget * targets);

    /// <summary>Every statistic for the given multiplicities (null = each list once).</summary>
    public double[] Statistics(int[]? multiplicity)
    {
        var lists = _lengths.Length;
        var result = new double[StatisticCount(Targets)];
        var total = 0.0;
        var logged = 0.0;
        var lengths = new double[_positions + 1];
        for (var l = 0; l < lists; l++)
        {
            var m = multiplicity?[l] ?? 1;
            total += m;
            logged += m * (_outcomeOffsets[l + 1] - _outcomeOffsets[l]);
            lengths[_lengths[l]] += m;
        }

        if (total == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        result[Logged] = logged / total;

        // count[k]: lists (with multiplicity) longer than k.
        var count = new double[_positions];
        var longer = 0.0;
        for (var k = _positions - 1; k >= 0; k--)
        {
            longer += lengths[k + 1];
            count[k] = longer;
        }

        var numerator = new double[_positions];
        var denominator = new double[_positions];
        for (var t = 0; t < Targets; t++)
        {
            Array.Clear(numerator);
            Array.Clear(denominator);
            var weights = _weights[t];
            var ipsTerms = _ips[t];
            var drTerms = _dr[t];
            var directTerms = _direct[t];
            double ips = 0, dr = 0, direct = 0;
            for (var l = 0; l < lists; l++)
            {
                var m = multiplicity?[l] ?? 1;
                if (m == 0)
                {
                    continue;
                }

                ips += m * ipsTerms[l];
                dr += m * drTerms[l];
                direct += m * directTerms[l];
                var offset = _offsets[l];
                var row = weights.AsSpan(offset, _lengths[l]);
                for (var k = 0; k < row.Length; k++)
                {
                    denominator[k] += m * row[k];
                }

                for (var o = _outcomeOffsets[l]; o < _outcomeOffsets[l + 1]; o++)
                {
                    var k = _outcomes[o];
                    numerator[k] += m * row[k];
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
        var weights = _weights[target];
        for (var l = 0; l < _lengths.Length; l++)
        {
            var row = weights.AsSpan(_offsets[l], _lengths[l]);
            for (var k = 0; k < row.Length; k++)
            {
                sum[k] += row[k];
                squares[k] += row[k] * row[k];
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
