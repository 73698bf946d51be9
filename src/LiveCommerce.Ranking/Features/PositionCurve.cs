namespace LiveCommerce.Ranking.Features;

/// <summary>
/// How much attention each list position gets in one stream, fitted from that stream's own clicks by position
/// (a position-based click model: P(click) = examination(position) · attractiveness(product)). Viewers of a phone list
/// may look much less far down than <see cref="Examination.Weight"/> assumes, and a product kept low would then look
/// worse than it is. The fit alternates the two estimates a few times (the usual expectation–maximisation of this
/// model), each shrunk towards a prior: the curve towards 1/log2(1 + position), an attractiveness towards the stream
/// average. Position 1 is 1 by definition, and the curve never rises further down.
/// </summary>
public sealed class PositionCurve
{
    /// <summary>Pseudo-impressions with which the prior curve weighs at each position.</summary>
    public const double PriorImpressions = 30.0;

    /// <summary>Pseudo-examination with which a product's attractiveness is shrunk towards the stream average.</summary>
    public const double PriorExamination = 5.0;

    /// <summary>Rounds of the alternating fit.</summary>
    public const int Rounds = 12;

    private readonly double[] _weights;

    private PositionCurve(double[] weights) => _weights = weights;

    /// <summary>The prior curve, 1/log2(1 + position), for a stream without data.</summary>
    public static PositionCurve Prior { get; } = new([]);

    /// <summary>Positions fitted (beyond them the prior's shape continues from the last fitted weight).</summary>
    public int Fitted => _weights.Length;

    /// <summary>The examination weight of a 1-based position.</summary>
    /// <param name="position">The position.</param>
    /// <returns>The weight in (0, 1].</returns>
    public double Weight(int position)
    {
        if (position < 1)
        {
            return 0.0;
        }

        if (position <= _weights.Length)
        {
            return _weights[position - 1];
        }

        return _weights.Length == 0
            ? Examination.Weight(position)
            : _weights[^1] * Examination.Weight(position) / Examination.Weight(_weights.Length);
    }

    /// <summary>Fits the curve of a stream from its products' impressions and list clicks by position.</summary>
    /// <param name="candidates">The stream's candidates (their <see cref="RankingCandidate.PositionImpressions"/> and <see cref="RankingCandidate.PositionClicks"/>).</param>
    /// <returns>The curve.</returns>
    public static PositionCurve Fit(IReadOnlyList<RankingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var n = candidates.Count;
        var k = 0;
        double clicks = 0, examined = 0;
        foreach (var c in candidates)
        {
            k = Math.Max(k, c.PositionImpressions.Count);
            for (var i = 0; i < c.PositionImpressions.Count; i++)
            {
                examined += Examination.Weight(i + 1) * Math.Max(0, c.PositionImpressions[i]);
                clicks += i < c.PositionClicks.Count ? Math.Max(0, c.PositionClicks[i]) : 0;
            }
        }

        if (k == 0 || clicks == 0)
        {
            return Prior;
        }

        var theta = new double[k];
        for (var i = 0; i < k; i++)
        {
            theta[i] = Examination.Weight(i + 1);
        }

        var gamma = new double[n];
        var mean = clicks / examined;
        for (var round = 0; round < Rounds; round++)
        {
            // Attractiveness of each product given the curve.
            double sumGamma = 0;
            for (var p = 0; p < n; p++)
            {
                var c = candidates[p];
                double pc = 0, pe = 0;
                for (var i = 0; i < c.PositionImpressions.Count; i++)
                {
                    pe += theta[i] * Math.Max(0, c.PositionImpressions[i]);
                    pc += i < c.PositionClicks.Count ? Math.Max(0, c.PositionClicks[i]) : 0;
                }

                gamma[p] = (pc + (PriorExamination * mean)) / (pe + PriorExamination);
                sumGamma += gamma[p];
            }

            mean = n == 0 ? mean : sumGamma / n;

            // The curve given the attractiveness, each position shrunk towards the prior shape.
            for (var i = 0; i < k; i++)
            {
                double kc = 0, ke = 0;
                for (var p = 0; p < n; p++)
                {
                    var c = candidates[p];
                    if (i < c.PositionImpressions.Count)
                    {
                        ke += gamma[p] * Math.Max(0, c.PositionImpressions[i]);
                        kc += i < c.PositionClicks.Count ? Math.Max(0, c.PositionClicks[i]) : 0;
                    }
                }

                theta[i] = (kc + (PriorImpressions * mean * Examination.Weight(i + 1))) / (ke + (PriorImpressions * mean));
            }

            // Position 1 is the yardstick, and attention never grows further down.
            var top = theta[0] > 0 ? theta[0] : 1.0;
            for (var i = 0; i < k; i++)
            {
                theta[i] = Math.Clamp(theta[i] / top, 0.01, 1.0);
                if (i > 0)
                {
                    theta[i] = Math.Min(theta[i], theta[i - 1]);
                }
            }
        }

        return new PositionCurve(theta);
    }

    /// <summary>A product's examination under this curve: Σ weight(position) × impressions at that position.</summary>
    /// <param name="candidate">The product.</param>
    /// <returns>The examination.</returns>
    public double ExaminationOf(RankingCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        double sum = 0;
        for (var i = 0; i < candidate.PositionImpressions.Count; i++)
        {
            sum += Weight(i + 1) * Math.Max(0, candidate.PositionImpressions[i]);
        }

        return sum;
    }
}
