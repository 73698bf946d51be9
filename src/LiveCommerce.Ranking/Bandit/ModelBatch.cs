using LiveCommerce.Ranking.Features;

namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// What a set of list impressions teaches the model, ready to be added to it: Σ e·x·xᵀ and Σ r·x over the impressions,
/// where x is the product's features as shown (with its position), e the examination weight of that position and r the
/// reward. Every shown position counts, so a product nobody opened is a negative, weighed by how likely it was seen.
/// This is the weighted least-squares fit of reward/e, an unbiased estimate of the reward had the product been at the top.
/// </summary>
public sealed class ModelBatch
{
    private readonly double[] _design;
    private readonly double[] _response;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="dimension">The feature vector length.</param>
    public ModelBatch(int dimension = FeatureLayout.Dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        _design = new double[dimension * dimension];
        _response = new double[dimension];
    }

    /// <summary>The feature vector length.</summary>
    public int Dimension { get; }

    /// <summary>Σ e·x·xᵀ, row-major.</summary>
    public ReadOnlySpan<double> Design => _design;

    /// <summary>Σ r·x.</summary>
    public ReadOnlySpan<double> Response => _response;

    /// <summary>Impressions added.</summary>
    public long Observations { get; private set; }

    /// <summary>Whether nothing was added.</summary>
    public bool IsEmpty => Observations == 0;

    /// <summary>Adds one list impression.</summary>
    /// <param name="features">The product's features as shown, position included.</param>
    /// <param name="examination">The examination weight of the position it was shown at, in (0, 1].</param>
    /// <param name="reward">The reward it earned (see <see cref="EngagementReward"/>).</param>
    public void Add(ReadOnlySpan<double> features, double examination, double reward)
    {
        if (features.Length != Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} features, got {features.Length}.", nameof(features));
        }

        if (!double.IsFinite(reward))
        {
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "Reward must be finite.");
        }

        if (!(examination > 0) || examination > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(examination), examination, "Examination must be in (0, 1].");
        }

        var weight = examination;
        var d = Dimension;
        for (var r = 0; r < d; r++)
        {
            var xr = features[r];
            if (xr == 0)
            {
                continue;
            }

            _response[r] += reward * xr;
            var wxr = weight * xr;
            var row = _design.AsSpan(r * d, d);
            for (var c = 0; c < d; c++)
            {
                row[c] += wxr * features[c];
            }
        }

        Observations++;
    }

    /// <summary>Copies the sums out.</summary>
    /// <returns>Design and response arrays that share nothing with the batch.</returns>
    public (double[] Design, double[] Response) ToArrays() => ((double[])_design.Clone(), (double[])_response.Clone());
}
