using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking.Fairness;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// Position marginals of the engine's stochastic ranking policy — draw an order by Plackett–Luce
/// (<see cref="PlackettLuceSampler"/>), then apply the local-seller exposure floor
/// (<see cref="FairExposureReRanker.Apply"/>) — that is, P(candidate i is shown at position k). Off-policy
/// estimators use them as item-position propensities.
/// <para>
/// The matrix is written row-major by candidate: <c>destination[i * n + k]</c> is the probability that candidate
/// <c>i</c> is shown at the 0-based position <c>k</c> (shown position <c>k + 1</c>). Every row and every column sums
/// to 1. <see cref="Compute"/> is exact for temperature 0 (one deterministic order) and for lists of at most
/// <see cref="ExactEnumerationLimit"/> candidates (every order is enumerated with its probability); otherwise it is a
/// Monte-Carlo estimate from <c>samples</c> seeded draws, each entry with standard error √(p(1−p)/samples).
/// </para>
/// <para>Allocation-free once its buffers have grown; not thread-safe.</para>
/// </summary>
public sealed class PositionMarginals
{
    /// <summary>Lists up to this length are enumerated exactly by <see cref="Compute"/> (6! = 720 orders).</summary>
    public const int ExactEnumerationLimit = 6;

    /// <summary>The longest list <see cref="ComputeExact"/> accepts (8! = 40,320 orders).</summary>
    public const int MaxExactItems = 8;

    private readonly PlackettLuceSampler _sampler = new();
    private readonly PolicyRandom _random = new(0);
    private double[] _scaled = [];
    private int[] _order = [];
    private int[] _shown = [];
    private bool[] _used = [];

    /// <summary>
    /// Position marginals: exact for temperature 0 or at most <see cref="ExactEnumerationLimit"/> candidates,
    /// otherwise estimated from <paramref name="samples"/> draws seeded with <paramref name="seed"/>.
    /// </summary>
    /// <param name="scores">The scores the policy samples from (finite or −∞).</param>
    /// <param name="kinds">Seller kind by candidate index (same length as <paramref name="scores"/>).</param>
    /// <param name="temperature">The scale-free temperature (≥ 0).</param>
    /// <param name="floor">The exposure floor passed to the re-ranker.</param>
    /// <param name="samples">Monte-Carlo draws (≥ 1) when the result is not exact.</param>
    /// <param name="seed">Seed of the Monte-Carlo draws.</param>
    /// <param name="destination">Receives the n×n matrix, row-major by candidate; at least n² long.</param>
    public void Compute(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, double temperature, double floor, int samples, ulong seed, Span<double> destination)
    {
        if (temperature == 0 || scores.Length <= ExactEnumerationLimit)
        {
            ComputeExact(scores, kinds, temperature, floor, destination);
        }
        else
        {
            ComputeMonteCarlo(scores, kinds, temperature, floor, samples, seed, destination);
        }
    }

    /// <summary>
    /// Exact position marginals: for temperature 0 the one deterministic order, otherwise the sum over every order
    /// of its Plackett–Luce probability (at most <see cref="MaxExactItems"/> candidates).
    /// </summary>
    /// <param name="scores">The scores (finite or −∞).</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="temperature">The scale-free temperature (≥ 0).</param>
    /// <param name="floor">The exposure floor.</param>
    /// <param name="destination">Receives the n×n matrix, row-major by candidate.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxExactItems"/> candidates at a positive temperature, or a span has the wrong length.</exception>
    public void ComputeExact(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, double temperature, double floor, Span<double> destination)
    {
        var n = Prepare(scores, kinds, destination);
        if (n == 0)
        {
            return;
        }

        if (temperature == 0)
        {
            _sampler.ScoreOrder(scores, _order);
            AddShown(kinds, floor, n, 1.0, destination);
            return;
        }

        if (n > MaxExactItems)
        {
            throw new ArgumentException($"Exact marginals enumerate n! orders; at most {MaxExactItems} candidates, not {n}.", nameof(scores));
        }

        var scaled = _scaled.AsSpan(0, n);
        _ = PlackettLuceSampler.Scale(scores, temperature, scaled);
        _used.AsSpan(0, n).Clear();
        Enumerate(scaled, kinds, floor, 0, 1.0, destination);
    }

    /// <summary>Monte-Carlo position marginals from <paramref name="samples"/> seeded draws (temperature 0 gives the exact answer).</summary>
    /// <param name="scores">The scores (finite or −∞).</param>
    /// <param name="kinds">Seller kind by candidate index.</param>
    /// <param name="temperature">The scale-free temperature (≥ 0).</param>
    /// <param name="floor">The exposure floor.</param>
    /// <param name="samples">Draws, at least 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="destination">Receives the n×n matrix, row-major by candidate.</param>
    public void ComputeMonteCarlo(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, double temperature, double floor, int samples, ulong seed, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var n = Prepare(scores, kinds, destination);
        if (n == 0)
        {
            return;
        }

        if (temperature == 0)
        {
            ComputeExact(scores, kinds, temperature, floor, destination);
            return;
        }

        var scaled = _scaled.AsSpan(0, n);
        var finite = PlackettLuceSampler.Scale(scores, temperature, scaled);
        var order = _order.AsSpan(0, n);
        _random.Reset(seed);
        for (var s = 0; s < samples; s++)
        {
            _sampler.SampleScaled(scaled, finite, _random, order, default);
            AddShown(kinds, floor, n, 1.0, destination);
        }

        var scale = 1.0 / samples;
        var matrix = destination[..(n * n)];
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] *= scale;
        }
    }

    private int Prepare(ReadOnlySpan<double> scores, ReadOnlySpan<SellerKind> kinds, Span<double> destination)
    {
        var n = scores.Length;
        if (kinds.Length != n)
        {
            throw new ArgumentException("There must be one seller kind per score.", nameof(kinds));
        }

        if ((long)n * n > destination.Length)
        {
            throw new ArgumentException($"The destination needs n² = {(long)n * n} entries.", nameof(destination));
        }

        if (_order.Length < n)
        {
            var size = Math.Max(n, 2 * _order.Length);
            _order = new int[size];
            _shown = new int[size];
            _scaled = new double[size];
            _used = new bool[size];
        }

        destination[..(n * n)].Clear();
        return n;
    }

    /// <summary>Applies the floor to <c>_order</c> and adds <paramref name="weight"/> at every (shown candidate, position).</summary>
    private void AddShown(ReadOnlySpan<SellerKind> kinds, double floor, int n, double weight, Span<double> destination)
    {
        var shown = _shown.AsSpan(0, n);
        FairExposureReRanker.Apply(_order.AsSpan(0, n), kinds, floor, shown);
        for (var k = 0; k < n; k++)
        {
            destination[(shown[k] * n) + k] += weight;
        }
    }

    /// <summary>Depth-first walk over every order, carrying the probability of the prefix chosen so far.</summary>
    private void Enumerate(ReadOnlySpan<double> scaled, ReadOnlySpan<SellerKind> kinds, double floor, int depth, double probability, Span<double> destination)
    {
        var n = scaled.Length;
        if (depth == n)
        {
            AddShown(kinds, floor, n, probability, destination);
            return;
        }

        // Softmax over the finite-weighted items left, shifted by their maximum.
        var max = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            if (!_used[j] && scaled[j] > max)
            {
                max = scaled[j];
            }
        }

        if (max == double.NegativeInfinity)
        {
            // Only −∞ items are left: they follow in index order with probability 1.
            for (var j = 0; j < n; j++)
            {
                if (!_used[j])
                {
                    Choose(scaled, kinds, floor, depth, probability, j, destination);
                    return;
                }
            }
        }

        var total = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (!_used[j])
            {
                total += Math.Exp(scaled[j] - max);
            }
        }

        for (var j = 0; j < n; j++)
        {
            if (!_used[j] && scaled[j] != double.NegativeInfinity)
            {
                Choose(scaled, kinds, floor, depth, probability * Math.Exp(scaled[j] - max) / total, j, destination);
            }
        }
    }

    private void Choose(ReadOnlySpan<double> scaled, ReadOnlySpan<SellerKind> kinds, double floor, int depth, double probability, int item, Span<double> destination)
    {
        _used[item] = true;
        _order[depth] = item;
        Enumerate(scaled, kinds, floor, depth + 1, probability, destination);
        _used[item] = false;
    }
}
