using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace LiveCommerce.Ranking.Policy;

/// <summary>
/// Draws a ranking from the Plackett–Luce distribution over scores: at every step the next item is chosen among
/// those left with probability proportional to <c>exp(score / T)</c> (a softmax over the items still left).
/// <para>
/// <b>Scale-free temperature.</b> The effective temperature is <c>T = temperature × max(spread, MinimumSpread)</c>,
/// where the spread is the population standard deviation of the finite scores (see <see cref="Spread"/>). The same
/// setting therefore gives the same distribution whatever the units of the scores: multiplying every score by a
/// positive constant or adding a constant changes nothing. Temperature 1 means "one standard deviation of score is
/// worth a factor e in odds"; smaller is greedier. Temperature 0 is the deterministic order by score, ties broken by
/// the lower index. Scores closer together than <see cref="MinimumSpread"/> are treated as (nearly) tied.
/// </para>
/// <para>
/// <b>−∞ scores</b> mean "last": such items follow every finite-scored item, in index order, each with choice
/// probability 1. NaN and +∞ are rejected.
/// </para>
/// <para>
/// <b>Algorithm.</b> Sorting <c>score / T + Gumbel noise</c> in decreasing order yields an exact Plackett–Luce sample
/// (the Gumbel-max trick applied without replacement); the choice probability of each step is then
/// <c>w[k] / (w[k] + … + w[n−1])</c>, summed from the end (with a rescaled recurrence when a tail would underflow).
/// Cost: two vectorised logarithms and one vectorised exponential per item, and one bucket sort of 64-bit words
/// packing each key with its index (expected O(n), O(n log n) at worst). Equal keys are ordered by the lower index, so
/// a seed always reproduces the same order on the same runtime (on another CPU family the last bit of a logarithm may
/// differ, which can only swap two keys closer than about 10⁻¹³ — in practice never).
/// </para>
/// <para>Allocation-free once its buffers have grown to the longest list seen; not thread-safe (one per grain or thread).</para>
/// </summary>
public sealed class PlackettLuceSampler
{
    /// <summary>The smallest spread used to scale the temperature (in score units).</summary>
    public const double MinimumSpread = 1e-12;

    /// <summary>Scaled log-weights are kept above this so that no arithmetic on them produces NaN.</summary>
    private const double LowestScaled = -1e300;

    /// <summary>Lists up to this length are sorted with keys and indices packed in one word.</summary>
    private const int PackedSortLimit = 1 << 16;

    /// <summary>Lists from this length are bucket-sorted (below it a comparison sort is as fast).</summary>
    private const int BucketSortThreshold = 64;

    /// <summary>Buckets up to this size are insertion-sorted.</summary>
    private const int InsertionSortLimit = 24;

    /// <summary>Suffix sums below this use the rescaled (underflow-proof) recurrence.</summary>
    private const double SmallestSafeSum = 1e-280;

    private const ulong SignBit = 1UL << 63;

    private static readonly int Lanes = Vector256<double>.Count;

    private readonly PolicyRandom _seeded = new(0);
    private double[] _scaled = [];
    private double[] _keys = [];
    private double[] _gathered = [];
    private ulong[] _packed = [];
    private ulong[] _sorted = [];
    private int[] _bucketOf = [];
    private int[] _bucketEnds = [];

    /// <summary>Population standard deviation of the finite scores (0 when fewer than two are finite).</summary>
    /// <param name="scores">The scores; −∞ entries are ignored.</param>
    /// <returns>The spread, in score units.</returns>
    public static double Spread(ReadOnlySpan<double> scores)
    {
        var count = 0;
        var sum = 0.0;
        foreach (var s in scores)
        {
            if (double.IsFinite(s))
            {
                count++;
                sum += s;
            }
        }

        if (count < 2)
        {
            return 0.0;
        }

        var mean = sum / count;
        var squares = 0.0;
        foreach (var s in scores)
        {
            if (double.IsFinite(s))
            {
                var d = s - mean;
                squares += d * d;
            }
        }

        return Math.Sqrt(squares / count);
    }

    /// <summary>The effective temperature <c>temperature × max(Spread(scores), MinimumSpread)</c>.</summary>
    /// <param name="scores">The scores.</param>
    /// <param name="temperature">The scale-free temperature, finite and ≥ 0.</param>
    /// <returns>The temperature in score units (0 for temperature 0).</returns>
    public static double EffectiveTemperature(ReadOnlySpan<double> scores, double temperature)
    {
        ValidateTemperature(temperature);
        return temperature * Math.Max(Spread(scores), MinimumSpread);
    }

    /// <summary>The deterministic order by decreasing score, ties (and −∞ scores) by increasing index.</summary>
    /// <param name="scores">The scores (finite or −∞).</param>
    /// <param name="order">Receives the candidate indices, best first; at least <c>scores.Length</c> long.</param>
    /// <exception cref="ArgumentException">A score is NaN or +∞, or <paramref name="order"/> is too short.</exception>
    public void ScoreOrder(ReadOnlySpan<double> scores, Span<int> order)
    {
        var n = scores.Length;
        if (order.Length < n)
        {
            throw new ArgumentException("The order span is shorter than the scores.", nameof(order));
        }

        EnsureCapacity(n);
        var keys = _keys.AsSpan(0, n);
        var indices = order[..n];
        for (var i = 0; i < n; i++)
        {
            var s = scores[i];
            ValidateScore(s, i);
            keys[i] = -s;
            indices[i] = i;
        }

        keys.Sort(indices);
        BreakTiesByIndex(keys, indices);
    }

    /// <summary>Draws an order with the randomness of <paramref name="seed"/> (see <see cref="ListSeed"/>).</summary>
    /// <param name="scores">The scores (finite or −∞).</param>
    /// <param name="temperature">The scale-free temperature, finite and ≥ 0; 0 gives <see cref="ScoreOrder"/>.</param>
    /// <param name="seed">The 64-bit seed of this list.</param>
    /// <param name="order">Receives the sampled candidate indices, first choice first; at least <c>scores.Length</c> long.</param>
    /// <param name="choiceProbabilities">
    /// Receives, per step k, the probability of the choice made at step k among the items left; empty to skip
    /// (slightly faster), else at least <c>scores.Length</c> long.
    /// </param>
    public void Sample(ReadOnlySpan<double> scores, double temperature, ulong seed, Span<int> order, Span<double> choiceProbabilities)
    {
        _seeded.Reset(seed);
        Sample(scores, temperature, _seeded, order, choiceProbabilities);
    }

    /// <summary>Draws an order using <paramref name="random"/>.</summary>
    /// <param name="scores">The scores (finite or −∞).</param>
    /// <param name="temperature">The scale-free temperature, finite and ≥ 0; 0 gives <see cref="ScoreOrder"/> (and draws nothing).</param>
    /// <param name="random">The random source (advanced by two words per finite-scored item).</param>
    /// <param name="order">Receives the sampled candidate indices, first choice first; at least <c>scores.Length</c> long.</param>
    /// <param name="choiceProbabilities">
    /// Receives, per step k, the probability of the choice made at step k among the items left; empty to skip,
    /// else at least <c>scores.Length</c> long.
    /// </param>
    /// <exception cref="ArgumentException">A score is NaN or +∞, the temperature is negative or not finite, or a span is too short.</exception>
    public void Sample(ReadOnlySpan<double> scores, double temperature, PolicyRandom random, Span<int> order, Span<double> choiceProbabilities)
    {
        ArgumentNullException.ThrowIfNull(random);
        ValidateTemperature(temperature);
        var n = scores.Length;
        if (order.Length < n)
        {
            throw new ArgumentException("The order span is shorter than the scores.", nameof(order));
        }

        if (!choiceProbabilities.IsEmpty && choiceProbabilities.Length < n)
        {
            throw new ArgumentException("The probability span must be empty or at least as long as the scores.", nameof(choiceProbabilities));
        }

        if (temperature == 0)
        {
            ScoreOrder(scores, order);
            if (!choiceProbabilities.IsEmpty)
            {
                choiceProbabilities[..n].Fill(1.0);
            }

            return;
        }

        EnsureCapacity(n);
        var scaled = _scaled.AsSpan(0, n);
        var finite = Scale(scores, temperature, scaled);
        SampleScaled(scaled, finite, random, order[..n], choiceProbabilities.IsEmpty ? default : choiceProbabilities[..n]);
    }

    /// <summary>
    /// Writes the log-weights <c>(score − max) / T</c> (0 for the best item, −∞ kept for −∞ scores) and returns how
    /// many scores are finite. Validates the scores.
    /// </summary>
    /// <param name="scores">The scores.</param>
    /// <param name="temperature">The scale-free temperature, &gt; 0.</param>
    /// <param name="scaled">Receives the log-weights; as long as <paramref name="scores"/>.</param>
    /// <returns>The number of finite scores.</returns>
    internal static int Scale(ReadOnlySpan<double> scores, double temperature, Span<double> scaled)
    {
        // One pass validates, finds the maximum and adds up the finite scores in index order, as Spread does.
        var max = double.NegativeInfinity;
        var finite = 0;
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var s = scores[i];
            ValidateScore(s, i);
            if (s > max)
            {
                max = s;
            }

            if (s != double.NegativeInfinity)
            {
                finite++;
                sum += s;
            }
        }

        var spread = 0.0;
        if (finite >= 2)
        {
            var mean = sum / finite;
            var squares = 0.0;
            foreach (var s in scores)
            {
                if (s != double.NegativeInfinity)
                {
                    var d = s - mean;
                    squares += d * d;
                }
            }

            spread = Math.Sqrt(squares / finite);
        }

        var effective = temperature * Math.Max(spread, MinimumSpread);
        var start = 0;
        if (Vector256.IsHardwareAccelerated && finite > 0 && double.IsFinite(effective))
        {
            // Four at a time. With a finite maximum and a finite positive divisor no lane can be NaN, so the vector
            // maximum agrees with Math.Max, and −∞ scores are put back as −∞.
            var maxima = Vector256.Create(max);
            var divisors = Vector256.Create(effective);
            var lowest = Vector256.Create(LowestScaled);
            var last = Vector256.Create(double.NegativeInfinity);
            for (; start + Lanes <= scores.Length; start += Lanes)
            {
                var v = Vector256.Create<double>(scores.Slice(start, Lanes));
                var w = Vector256.Max((v - maxima) / divisors, lowest);
                Vector256.ConditionalSelect(Vector256.Equals(v, last), last, w).CopyTo(scaled.Slice(start, Lanes));
            }
        }

        for (var i = start; i < scores.Length; i++)
        {
            var s = scores[i];
            scaled[i] = s == double.NegativeInfinity
                ? double.NegativeInfinity
                : Math.Max((s - max) / effective, LowestScaled);
        }

        return finite;
    }

    /// <summary>Samples from prepared log-weights (see <see cref="Scale"/>).</summary>
    /// <param name="scaled">Log-weights by candidate index; −∞ for "last".</param>
    /// <param name="finite">How many of them are finite.</param>
    /// <param name="random">The random source.</param>
    /// <param name="order">Receives the order; exactly as long as <paramref name="scaled"/>.</param>
    /// <param name="choiceProbabilities">Empty, or exactly as long as <paramref name="scaled"/>.</param>
    internal void SampleScaled(ReadOnlySpan<double> scaled, int finite, PolicyRandom random, Span<int> order, Span<double> choiceProbabilities)
    {
        var n = scaled.Length;
        EnsureCapacity(n);
        var keys = _keys.AsSpan(0, finite);
        var gathered = _gathered.AsSpan(0, finite);
        var head = 0;
        var tail = finite;
        for (var i = 0; i < n; i++)
        {
            var a = scaled[i];
            if (a == double.NegativeInfinity)
            {
                order[tail++] = i;
                continue;
            }

            keys[head] = random.NextOpenDouble();
            gathered[head] = a;
            order[head++] = i;
        }

        // Sort key: −(a + Gumbel), Gumbel = −ln(−ln U); ascending key = descending perturbed log-weight.
        GumbelKeys(keys, gathered);
        var sampled = order[..finite];
        SortByKey(keys, sampled, n);

        if (!choiceProbabilities.IsEmpty)
        {
            ChoiceProbabilities(scaled, sampled, choiceProbabilities);
        }
    }

    /// <summary>keys[j] = ln(−ln keys[j]) − a[j], four lanes at a time (the tail padded, so every key takes the same path).</summary>
    private static void GumbelKeys(Span<double> keys, ReadOnlySpan<double> a)
    {
        var n = keys.Length;
        var j = 0;
        for (; j + Lanes <= n; j += Lanes)
        {
            var u = Vector256.Create<double>(keys.Slice(j, Lanes));
            var key = Vector256.Log(-Vector256.Log(u)) - Vector256.Create<double>(a.Slice(j, Lanes));
            key.CopyTo(keys.Slice(j, Lanes));
        }

        if (j < n)
        {
            Span<double> u = stackalloc double[Lanes];
            Span<double> b = stackalloc double[Lanes];
            u.Fill(0.5);
            b.Clear();
            keys[j..].CopyTo(u);
            a[j..].CopyTo(b);
            var key = Vector256.Log(-Vector256.Log(Vector256.Create<double>(u))) - Vector256.Create<double>(b);
            key.CopyTo(u);
            u[..(n - j)].CopyTo(keys[j..]);
        }
    }

    /// <summary>
    /// Sorts <paramref name="indices"/> by ascending key, equal keys by lower index. Each key is packed with its
    /// index into one 64-bit word (the key keeps 64 − ⌈log₂ n⌉ of its bits: a relative resolution of about 10⁻¹³ for
    /// 500 items, far finer than any score). From <see cref="BucketSortThreshold"/> items the words are first spread
    /// over n buckets by key (random keys land a few per bucket), then each bucket is insertion-sorted: far fewer
    /// mispredicted branches than a comparison sort of random keys. A crowded bucket falls back to a comparison sort,
    /// so skewed keys cost no more than sorting them outright.
    /// </summary>
    /// <param name="keys">The keys (finite).</param>
    /// <param name="indices">The indices to sort, all below <paramref name="indexLimit"/>.</param>
    /// <param name="indexLimit">One more than the largest index.</param>
    private void SortByKey(ReadOnlySpan<double> keys, Span<int> indices, int indexLimit)
    {
        var n = keys.Length;
        if (indexLimit > PackedSortLimit)
        {
            var copy = _gathered.AsSpan(0, n);
            keys.CopyTo(copy);
            copy.Sort(indices);
            BreakTiesByIndex(copy, indices);
            return;
        }

        var indexBits = indexLimit <= 1 ? 1 : 32 - BitOperations.LeadingZeroCount((uint)(indexLimit - 1));
        var mask = (1UL << indexBits) - 1;
        var packed = _packed.AsSpan(0, n);
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            var key = keys[j];
            packed[j] = (SortableBits(key) & ~mask) | (uint)indices[j];
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }

        var scale = n / (max - min);
        if (n < BucketSortThreshold || !double.IsFinite(scale))
        {
            packed.Sort();
        }
        else
        {
            packed = BucketSort(keys, packed, min, scale);
        }

        for (var j = 0; j < n; j++)
        {
            indices[j] = (int)(packed[j] & mask);
        }
    }

    /// <summary>Distributes <paramref name="packed"/> over n buckets by key, then sorts each bucket; returns the sorted words.</summary>
    private Span<ulong> BucketSort(ReadOnlySpan<double> keys, ReadOnlySpan<ulong> packed, double min, double scale)
    {
        var n = keys.Length;
        var bucketOf = _bucketOf.AsSpan(0, n);
        var ends = _bucketEnds.AsSpan(0, n + 1);
        ends.Clear();
        for (var j = 0; j < n; j++)
        {
            // Monotone in the key, so a bucket never holds a word that sorts before one in an earlier bucket.
            var bucket = Math.Min((int)((keys[j] - min) * scale), n - 1);
            bucketOf[j] = bucket;
            ends[bucket + 1]++;
        }

        for (var b = 0; b < n; b++)
        {
            ends[b + 1] += ends[b];
        }

        var sorted = _sorted.AsSpan(0, n);
        for (var j = 0; j < n; j++)
        {
            sorted[ends[bucketOf[j]]++] = packed[j];
        }

        // ends[b] is now the end of bucket b.
        var start = 0;
        for (var b = 0; b < n; b++)
        {
            var end = ends[b];
            var length = end - start;
            if (length > InsertionSortLimit)
            {
                sorted.Slice(start, length).Sort();
            }
            else
            {
                for (var i = start + 1; i < end; i++)
                {
                    var word = sorted[i];
                    var j = i - 1;
                    while (j >= start && sorted[j] > word)
                    {
                        sorted[j + 1] = sorted[j];
                        j--;
                    }

                    sorted[j + 1] = word;
                }
            }

            start = end;
        }

        return sorted;
    }

    /// <summary>Maps a double to an unsigned integer with the same order (−0 just below +0).</summary>
    private static ulong SortableBits(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>p[k] = w[k] / Σ_{j ≥ k} w[j] for the sampled order, then 1 for the −∞ tail.</summary>
    private void ChoiceProbabilities(ReadOnlySpan<double> scaled, ReadOnlySpan<int> sampled, Span<double> choiceProbabilities)
    {
        var finite = sampled.Length;
        choiceProbabilities[finite..].Fill(1.0);

        // Fast path: weights relative to the best item (all ≤ 1), summed from the end.
        var weights = _gathered.AsSpan(0, finite);
        for (var k = 0; k < finite; k++)
        {
            weights[k] = scaled[sampled[k]];
        }

        Exponentiate(weights);
        var sum = 0.0;
        var k2 = finite - 1;
        for (; k2 >= 0; k2--)
        {
            sum += weights[k2];
            if (sum < SmallestSafeSum)
            {
                break;
            }

            choiceProbabilities[k2] = weights[k2] / sum;
        }

        if (k2 < 0)
        {
            return;
        }

        // Some tail underflows: keep the suffix sum as sum · e^shift instead (exact for any spread of weights).
        var shift = double.NegativeInfinity;
        sum = 0.0;
        for (var k = finite - 1; k >= 0; k--)
        {
            var a = scaled[sampled[k]];
            double term;
            if (a <= shift)
            {
                term = Math.Exp(a - shift);
                sum += term;
            }
            else
            {
                sum = (sum * Math.Exp(shift - a)) + 1.0;
                shift = a;
                term = 1.0;
            }

            choiceProbabilities[k] = term / sum;
        }
    }

    /// <summary>values[j] = e^values[j], four lanes at a time (the tail padded).</summary>
    private static void Exponentiate(Span<double> values)
    {
        var n = values.Length;
        var j = 0;
        for (; j + Lanes <= n; j += Lanes)
        {
            Vector256.Exp(Vector256.Create<double>(values.Slice(j, Lanes))).CopyTo(values.Slice(j, Lanes));
        }

        if (j < n)
        {
            Span<double> tail = stackalloc double[Lanes];
            tail.Clear();
            values[j..].CopyTo(tail);
            Vector256.Exp(Vector256.Create<double>(tail)).CopyTo(tail);
            tail[..(n - j)].CopyTo(values[j..]);
        }
    }

    private static void BreakTiesByIndex(ReadOnlySpan<double> keys, Span<int> indices)
    {
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                {
                    indices[start..i].Sort();
                }

                start = i;
            }
        }
    }

    /// <summary>Throws for NaN and +∞ (small enough to be inlined into the loops over the scores).</summary>
    private static void ValidateScore(double score, int index)
    {
        if (double.IsNaN(score) || double.IsPositiveInfinity(score))
        {
            ThrowInvalidScore(score, index);
        }
    }

    [DoesNotReturn]
    private static void ThrowInvalidScore(double score, int index) =>
        throw new ArgumentException($"Score {index} is {score}; scores must be finite or negative infinity.", "scores");

    private static void ValidateTemperature(double temperature)
    {
        if (!double.IsFinite(temperature) || temperature < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be finite and at least 0.");
        }
    }

    private void EnsureCapacity(int n)
    {
        if (_keys.Length < n)
        {
            var size = Math.Max(n, 2 * _keys.Length);
            _keys = new double[size];
            _scaled = new double[size];
            _gathered = new double[size];
            _packed = new ulong[size];
            _sorted = new ulong[size];
            _bucketOf = new int[size];
            _bucketEnds = new int[size + 1];
        }
    }
}
