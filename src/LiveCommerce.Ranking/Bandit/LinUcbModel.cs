namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// Online contextual bandit: LinUCB with one shared linear model over the product feature vector
/// (Li et al., 2010, the "shared" variant: all products share θ, products differ only by their features).
/// A ridge regression of reward on features is kept as A = λI + Σ x·xᵀ and b = Σ r·x; θ = A⁻¹b.
/// The score of a feature vector x is <c>θ·x + α·√(xᵀA⁻¹x)</c>; the second term is large for feature
/// combinations seen rarely — notably new products, whose <see cref="Features.FeatureLayout.Novelty"/>
/// feature is near 1 while established products have it near 0 — so they get explored, and products whose
/// features predict reward get exploited.
/// <para>
/// A⁻¹ is maintained by Sherman–Morrison updates, O(d²) per update, and recomputed from A by Cholesky
/// every <see cref="RefreshInterval"/> updates to stop rounding drift. Scoring is O(d²) and allocation-free.
/// </para>
/// <para>
/// Thread-safety: not thread-safe. Concurrent reads (<see cref="Score"/>, <see cref="PredictMean"/>) are safe
/// only while no <see cref="Update"/> runs. The engine should own one model per grain (single-threaded by
/// Orleans' turn-based execution) or guard it with a lock.
/// </para>
/// </summary>
public sealed class LinUcbModel
{
    /// <summary>Default exploration weight α.</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>Default ridge λ.</summary>
    public const double DefaultRidge = 1.0;

    /// <summary>Updates between exact recomputations of A⁻¹.</summary>
    public const int RefreshInterval = 4096;

    private readonly int _dimension;
    private readonly double[] _a;
    private readonly double[] _aInverse;
    private readonly double[] _b;
    private readonly double[] _theta;
    private readonly double[] _work;
    private long _updateCount;

    /// <summary>Creates an untrained model (θ = 0).</summary>
    /// <param name="dimension">Feature vector length; defaults to <see cref="Features.FeatureLayout.Dimension"/>.</param>
    /// <param name="alpha">Exploration weight α ≥ 0.</param>
    /// <param name="ridge">Ridge λ &gt; 0 (prior precision).</param>
    /// <param name="priorMean">θ before any data (b starts at λ·θ₀); zeros when empty.</param>
    public LinUcbModel(
        int dimension = Features.FeatureLayout.Dimension, double alpha = DefaultAlpha, double ridge = DefaultRidge, IReadOnlyList<double>? priorMean = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!(alpha >= 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be a finite non-negative number.");
        }

        if (!(ridge > 0) || double.IsInfinity(ridge))
        {
            throw new ArgumentOutOfRangeException(nameof(ridge), ridge, "Ridge must be a finite positive number.");
        }

        _dimension = dimension;
        Alpha = alpha;
        Ridge = ridge;
        _a = new double[dimension * dimension];
        _aInverse = new double[dimension * dimension];
        _b = new double[dimension];
        _theta = new double[dimension];
        _work = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            _a[(i * dimension) + i] = ridge;
            _aInverse[(i * dimension) + i] = 1.0 / ridge;
        }

        if (priorMean is { Count: > 0 })
        {
            if (priorMean.Count != dimension || !priorMean.All(double.IsFinite))
            {
                throw new ArgumentException($"The prior mean must hold {dimension} finite values.", nameof(priorMean));
            }

            for (var i = 0; i < dimension; i++)
            {
                _b[i] = ridge * priorMean[i];
            }

            RecomputeTheta();
        }
    }

    /// <summary>Feature vector length d.</summary>
    public int Dimension => _dimension;

    /// <summary>Exploration weight α of the upper confidence bound.</summary>
    public double Alpha { get; }

    /// <summary>Ridge λ.</summary>
    public double Ridge { get; }

    /// <summary>Number of updates folded in.</summary>
    public long UpdateCount => _updateCount;

    /// <summary>The current coefficient vector θ (a read-only view; changes with each update).</summary>
    public ReadOnlySpan<double> Coefficients => _theta;

    /// <summary>A⁻¹, row-major (a read-only view for <see cref="LinUcbBatch"/>; changes with each update).</summary>
    internal ReadOnlySpan<double> InverseDesign => _aInverse;

    /// <summary>Mean reward estimate θ·x.</summary>
    /// <param name="features">Feature vector of length <see cref="Dimension"/>.</param>
    /// <returns>The estimate.</returns>
    public double PredictMean(ReadOnlySpan<double> features)
    {
        CheckLength(features);
        var sum = 0.0;
        for (var i = 0; i < _dimension; i++)
        {
            sum += _theta[i] * features[i];
        }

        return sum;
    }

    /// <summary>Width of the confidence ellipsoid along x: √(xᵀA⁻¹x).</summary>
    /// <param name="features">Feature vector of length <see cref="Dimension"/>.</param>
    /// <returns>The uncertainty (before multiplying by α).</returns>
    public double Uncertainty(ReadOnlySpan<double> features)
    {
        CheckLength(features);
        var d = _dimension;
        var quad = 0.0;
        for (var i = 0; i < d; i++)
        {
            var row = _aInverse.AsSpan(i * d, d);
            var acc = 0.0;
            for (var j = 0; j < d; j++)
            {
                acc += row[j] * features[j];
            }

            quad += features[i] * acc;
        }

        return Math.Sqrt(Math.Max(0.0, quad));
    }

    /// <summary>The ranking score: θ·x + α·√(xᵀA⁻¹x) when <paramref name="explore"/>, else θ·x.</summary>
    /// <param name="features">Feature vector of length <see cref="Dimension"/>.</param>
    /// <param name="explore">Whether to add the exploration bonus.</param>
    /// <returns>The score.</returns>
    public double Score(ReadOnlySpan<double> features, bool explore = true) =>
        explore ? PredictMean(features) + (Alpha * Uncertainty(features)) : PredictMean(features);

    /// <summary>Folds one observation in: the product with these features earned <paramref name="reward"/>.</summary>
    /// <param name="features">Feature vector (as it was when the product was shown).</param>
    /// <param name="reward">Observed reward, typically in [0, 1] (see <see cref="EngagementReward"/>).</param>
    /// <param name="weight">Importance weight of the observation (1 = one impression).</param>
    public void Update(ReadOnlySpan<double> features, double reward, double weight = 1.0)
    {
        CheckLength(features);
        if (!double.IsFinite(reward))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "Reward must be finite.");
        }

        if (!(weight > 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Weight must be a finite positive number.");
        }

        for (var i = 0; i < _dimension; i++)
        {
            if (!double.IsFinite(features[i]))
            {
                throw new ArgumentException("Features must be finite.", nameof(features));
            }
        }

        var d = _dimension;
        for (var i = 0; i < d; i++)
        {
            var wxi = weight * features[i];
            var row = _a.AsSpan(i * d, d);
            for (var j = 0; j < d; j++)
            {
                row[j] += wxi * features[j];
            }

            _b[i] += wxi * reward;
        }

        _updateCount++;
        if (_updateCount % RefreshInterval == 0)
        {
            RecomputeInverse();
        }
        else
        {
            // Sherman–Morrison: (A + w·x·xᵀ)⁻¹ = A⁻¹ − w·u·uᵀ / (1 + w·xᵀu), u = A⁻¹x (A⁻¹ is symmetric).
            var u = _work.AsSpan(0, d);
            var xu = 0.0;
            for (var i = 0; i < d; i++)
            {
                var row = _aInverse.AsSpan(i * d, d);
                var acc = 0.0;
                for (var j = 0; j < d; j++)
                {
                    acc += row[j] * features[j];
                }

                u[i] = acc;
                xu += features[i] * acc;
            }

            var scale = weight / (1.0 + (weight * xu));
            for (var i = 0; i < d; i++)
            {
                var row = _aInverse.AsSpan(i * d, d);
                var sui = scale * u[i];
                for (var j = 0; j < d; j++)
                {
                    row[j] -= sui * u[j];
                }
            }
        }

        RecomputeTheta();
    }

    /// <summary>
    /// Forgets part of what was learned: the evidence A − λI and b are scaled by <paramref name="factor"/>, so old
    /// observations weigh less than new ones and the confidence bound widens again (the model keeps exploring).
    /// </summary>
    /// <param name="factor">In (0, 1]; 1 forgets nothing.</param>
    /// <param name="priorMean">The θ₀ the model was created with (b decays towards λ·θ₀); zeros when null.</param>
    public void Decay(double factor, IReadOnlyList<double>? priorMean = null)
    {
        if (!(factor > 0) || factor > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The decay factor must be in (0, 1].");
        }

        if (factor == 1)
        {
            return;
        }

        var d = _dimension;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var prior = i == j ? Ridge : 0.0;
                _a[(i * d) + j] = prior + (factor * (_a[(i * d) + j] - prior));
            }

            var priorB = priorMean is { Count: > 0 } ? Ridge * priorMean[i] : 0.0;
            _b[i] = priorB + (factor * (_b[i] - priorB));
        }

        RecomputeInverse();
        RecomputeTheta();
    }

    /// <summary>Copies the state into a plain snapshot for persistence.</summary>
    /// <returns>A snapshot that shares no arrays with the model.</returns>
    public LinUcbSnapshot ExportSnapshot() => new()
    {
        Dimension = _dimension,
        Alpha = Alpha,
        Ridge = Ridge,
        UpdateCount = _updateCount,
        DesignMatrix = (double[])_a.Clone(),
        InverseDesignMatrix = (double[])_aInverse.Clone(),
        Response = (double[])_b.Clone(),
    };

    /// <summary>Restores a model from a snapshot made by <see cref="ExportSnapshot"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>A model that scores exactly like the exported one.</returns>
    /// <exception cref="ArgumentException">The snapshot is inconsistent (wrong array sizes, non-finite values).</exception>
    public static LinUcbModel Import(LinUcbSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Version != 1)
        {
            throw new ArgumentException($"Unsupported snapshot version {snapshot.Version}.", nameof(snapshot));
        }

        var d = snapshot.Dimension;
        if (d < 1
            || snapshot.DesignMatrix is null || snapshot.DesignMatrix.Length != d * d
            || snapshot.Response is null || snapshot.Response.Length != d
            || snapshot.UpdateCount < 0)
        {
            throw new ArgumentException("Snapshot arrays do not match its dimension.", nameof(snapshot));
        }

        if (!AllFinite(snapshot.DesignMatrix) || !AllFinite(snapshot.Response))
        {
            throw new ArgumentException("Snapshot holds non-finite values.", nameof(snapshot));
        }

        var model = new LinUcbModel(d, snapshot.Alpha, snapshot.Ridge);
        snapshot.DesignMatrix.CopyTo(model._a, 0);
        snapshot.Response.CopyTo(model._b, 0);
        model._updateCount = snapshot.UpdateCount;
        if (snapshot.InverseDesignMatrix is { } inverse && inverse.Length == d * d && AllFinite(inverse))
        {
            inverse.CopyTo(model._aInverse, 0);
        }
        else
        {
            model.RecomputeInverse();
        }

        model.RecomputeTheta();
        return model;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void CheckLength(ReadOnlySpan<double> features)
    {
        if (features.Length != _dimension)
        {
            throw new ArgumentException($"Expected {_dimension} features, got {features.Length}.", nameof(features));
        }
    }

    private void RecomputeTheta()
    {
        var d = _dimension;
        for (var i = 0; i < d; i++)
        {
            var row = _aInverse.AsSpan(i * d, d);
            var acc = 0.0;
            for (var j = 0; j < d; j++)
            {
                acc += row[j] * _b[j];
            }

            _theta[i] = acc;
        }
    }

    /// <summary>A⁻¹ from A by Cholesky (A = L·Lᵀ is symmetric positive definite since λ &gt; 0).</summary>
    private void RecomputeInverse()
    {
        var d = _dimension;
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = _a[(i * d) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * d) + k] * l[(j * d) + k];
                }

                l[(i * d) + j] = i == j ? Math.Sqrt(Math.Max(sum, double.Epsilon)) : sum / l[(j * d) + j];
            }
        }

        // Solve L·Lᵀ·X = I column by column.
        var column = new double[d];
        for (var c = 0; c < d; c++)
        {
            for (var i = 0; i < d; i++)
            {
                var sum = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++)
                {
                    sum -= l[(i * d) + k] * column[k];
                }

                column[i] = sum / l[(i * d) + i];
            }

            for (var i = d - 1; i >= 0; i--)
            {
                var sum = column[i];
                for (var k = i + 1; k < d; k++)
                {
                    sum -= l[(k * d) + i] * column[k];
                }

                column[i] = sum / l[(i * d) + i];
            }

            for (var i = 0; i < d; i++)
            {
                _aInverse[(i * d) + c] = column[i];
            }
        }
    }
}
