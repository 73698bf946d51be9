namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// The reward model of the doubly robust estimator: a position-based click model, P(click | item i at position k)
/// = θ[k] · α[i], with θ the examination probability of the position (θ[0] = 1) and α the item's attractiveness.
/// <para>
/// Fitted by alternating ratio (moment-matching) updates on aggregated counts: α[i] = (clicks of i + m·ᾱ) /
/// (Σₖ shown(i, k)·θ[k] + m) with a prior of m = 1 pseudo-examination at the overall rate ᾱ, then θ[k] = clicks at k /
/// Σᵢ shown(i, k)·α[i], rescaled so θ[0] = 1. At the fixed point the expected clicks equal the observed ones for every
/// item and every position — the Poisson maximum-likelihood equations of the model — which is consistent under a
/// position-based click model as long as the logging policy shows items at more than one position.
/// </para>
/// </summary>
public sealed class PositionBasedClickModel
{
    /// <summary>Pseudo-examinations shrinking each attractiveness towards the overall rate.</summary>
    public const double PriorExaminations = 1.0;

    /// <summary>The fit stops when no examination probability changes by more than this (relative) in an iteration.</summary>
    public const double ConvergenceTolerance = 1e-9;

    private readonly double[] _examination;
    private readonly double[] _attractiveness;

    private PositionBasedClickModel(double[] examination, double[] attractiveness, int iterations)
    {
        _examination = examination;
        _attractiveness = attractiveness;
        Iterations = iterations;
    }

    /// <summary>θ by 0-based position (θ[0] = 1 unless position 1 never produced an outcome).</summary>
    public IReadOnlyList<double> Examination => _examination;

    /// <summary>α by item index.</summary>
    public IReadOnlyList<double> Attractiveness => _attractiveness;

    /// <summary>The ratio iterations run before convergence (or the limit).</summary>
    public int Iterations { get; }

    /// <summary>Predicted outcome probability of <paramref name="item"/> at the 0-based <paramref name="position"/>, capped at 1.</summary>
    /// <param name="item">Item index.</param>
    /// <param name="position">0-based position.</param>
    /// <returns>min(1, θ[position] · α[item]); 0 for a position beyond the fitted ones.</returns>
    public double Predict(int item, int position) =>
        position < _examination.Length ? Math.Min(1.0, _examination[position] * _attractiveness[item]) : 0.0;

    /// <summary>Fits the model.</summary>
    /// <param name="cells">Aggregated (item, position) counts; each pair at most once.</param>
    /// <param name="items">Number of items (indices 0..items-1).</param>
    /// <param name="positions">Number of positions (0..positions-1).</param>
    /// <param name="maxIterations">Iteration limit (at least 1).</param>
    /// <returns>The fitted model.</returns>
    public static PositionBasedClickModel Fit(IReadOnlyList<ClickCell> cells, int items, int positions, int maxIterations)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        var theta = new double[positions];
        var alpha = new double[items];
        Array.Fill(theta, 1.0);
        var itemOutcomes = new double[items];
        var positionOutcomes = new double[positions];
        var total = 0.0;
        foreach (var cell in cells)
        {
            itemOutcomes[cell.Item] += cell.Outcomes;
            positionOutcomes[cell.Position] += cell.Outcomes;
            total += cell.Outcomes;
        }

        var exposure = new double[Math.Max(items, positions)];
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;

            // α step.
            Array.Clear(exposure);
            var totalExposure = 0.0;
            foreach (var cell in cells)
            {
                var e = cell.Shown * theta[cell.Position];
                exposure[cell.Item] += e;
                totalExposure += e;
            }

            var overall = totalExposure > 0 ? total / totalExposure : 0.0;
            for (var i = 0; i < items; i++)
            {
                alpha[i] = (itemOutcomes[i] + (PriorExaminations * overall)) / (exposure[i] + PriorExaminations);
            }

            // θ step.
            Array.Clear(exposure);
            foreach (var cell in cells)
            {
                exposure[cell.Position] += cell.Shown * alpha[cell.Item];
            }

            var previous = (double[])theta.Clone();
            for (var k = 0; k < positions; k++)
            {
                theta[k] = exposure[k] > 0 ? positionOutcomes[k] / exposure[k] : (k > 0 ? theta[k - 1] : 1.0);
            }

            // Only θ·α is identified: pin θ[0] = 1.
            var scale = positions > 0 && theta[0] > 0 ? theta[0] : 1.0;
            var change = 0.0;
            for (var k = 0; k < positions; k++)
            {
                theta[k] /= scale;
                change = Math.Max(change, Math.Abs(theta[k] - previous[k]) / Math.Max(theta[k], 1e-12));
            }

            for (var i = 0; i < items; i++)
            {
                alpha[i] *= scale;
            }

            if (change < ConvergenceTolerance)
            {
                break;
            }
        }

        return new PositionBasedClickModel(theta, alpha, iterations);
    }
}
