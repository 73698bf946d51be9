using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// <see cref="LinUcbModel.Score"/> of many feature vectors at once. The vectors are laid out by column
/// (<c>columns[f * stride + i]</c> is feature f of vector i) and scored sixteen at a time, one vector per vector lane,
/// so each lane performs exactly the multiplications and additions of <see cref="LinUcbModel.PredictMean"/> and
/// <see cref="LinUcbModel.Uncertainty"/> in the same order (the runtime never fuses a multiplication and an addition
/// unless asked to): the scores are bit-for-bit those of the one-vector path.
/// <para>
/// Only the columns listed as active enter the sums. A column left out must be zero for every vector: then each of
/// its terms is ±0, and adding ±0 to a sum that started at +0 changes nothing (such a sum is never −0), so leaving
/// it out gives the same bits. That needs every other term to be finite, which holds for features in [−1, 1] or NaN
/// (<see cref="Features.FeatureLayout"/>) and model entries bounded by <see cref="LargestEntry"/>; for a model outside
/// that bound <see cref="TryScore"/> declines and the caller scores one vector at a time.
/// </para>
/// </summary>
internal static class LinUcbBatch
{
    /// <summary>Vectors per step (and the multiple <c>stride</c> must be of).</summary>
    public const int Lanes = 16;

    /// <summary>The largest |θᵢ| and |A⁻¹ᵢⱼ| taken: with features bounded by 1, no sum can then overflow.</summary>
    private const double LargestEntry = 1e150;

    /// <summary>Scores <paramref name="count"/> vectors; false (nothing written) when the model is outside the bound.</summary>
    /// <param name="model">The model.</param>
    /// <param name="columns">The features by column, at least <c>Dimension × stride</c> long; entries in [−1, 1] or NaN.</param>
    /// <param name="stride">Distance between two columns, a multiple of <see cref="Lanes"/>, at least <paramref name="count"/>.</param>
    /// <param name="count">Number of vectors.</param>
    /// <param name="active">The columns that are not zero for every vector, in increasing order.</param>
    /// <param name="explore">Whether to add the exploration bonus (as <see cref="LinUcbModel.Score"/>).</param>
    /// <param name="destination">Receives the scores; at least <paramref name="stride"/> long (entries past count are meaningless).</param>
    /// <param name="vectors">Whether to use vector instructions where the machine has them (false: one vector at a time, for tests).</param>
    /// <returns>Whether the scores were written.</returns>
    public static bool TryScore(
        LinUcbModel model, ReadOnlySpan<double> columns, int stride, int count, ReadOnlySpan<int> active, bool explore, Span<double> destination, bool vectors = true)
    {
        var d = model.Dimension;
        if (stride % Lanes != 0 || count > stride || columns.Length < d * stride || destination.Length < stride || active.Length > d)
        {
            throw new ArgumentException("The column layout does not match the model.");
        }

        var m = active.Length;
        var theta = model.Coefficients;
        var inverse = model.InverseDesign;
        Span<double> weights = stackalloc double[m];
        Span<double> matrix = stackalloc double[m * m];
        for (var a = 0; a < m; a++)
        {
            var f = active[a];
            if ((uint)f >= (uint)d || (a > 0 && f <= active[a - 1]))
            {
                throw new ArgumentException("Active columns must be distinct feature indices in increasing order.", nameof(active));
            }

            weights[a] = theta[f];
            for (var b = 0; b < m; b++)
            {
                matrix[(a * m) + b] = inverse[(f * d) + active[b]];
            }
        }

        foreach (var w in weights)
        {
            if (!(Math.Abs(w) <= LargestEntry))
            {
                return false;
            }
        }

        foreach (var w in matrix)
        {
            if (!(Math.Abs(w) <= LargestEntry))
            {
                return false;
            }
        }

        if (vectors && Vector256.IsHardwareAccelerated)
        {
            ScoreVectors(columns, stride, count, active, weights, matrix, explore, model.Alpha, destination);
        }
        else
        {
            ScoreScalars(columns, stride, count, active, weights, matrix, explore, model.Alpha, destination);
        }

        return true;
    }

    /// <summary>
    /// Sixteen vectors per step, as four four-lane quarters sharing each broadcast model entry (the features of a
    /// step sit side by side, so the inner loops only walk two pointers).
    /// </summary>
    private static void ScoreVectors(
        ReadOnlySpan<double> columns, int stride, int count, ReadOnlySpan<int> active, ReadOnlySpan<double> weights, ReadOnlySpan<double> matrix,
        bool explore, double alpha, Span<double> destination)
    {
        const int Quarters = 4;
        var m = active.Length;
        var quarter = Vector256<double>.Count;
        Span<Vector256<double>> x = stackalloc Vector256<double>[Quarters * m];
        Span<int> offsets = stackalloc int[m];
        for (var a = 0; a < m; a++)
        {
            offsets[a] = active[a] * stride;
        }

        var zero = Vector256<double>.Zero;
        var alphas = Vector256.Create(alpha);
        ref var origin = ref MemoryMarshal.GetReference(columns);
        ref var target = ref MemoryMarshal.GetReference(destination);
        ref var xs = ref MemoryMarshal.GetReference(x);
        for (var start = 0; start < count; start += Lanes)
        {
            // In bounds: offsets[a] + start + Lanes ≤ (Dimension − 1)·stride + stride ≤ columns.Length, and
            // start + Lanes ≤ stride ≤ destination.Length, since stride is a multiple of Lanes.
            ref var fill = ref xs;
            for (var a = 0; a < m; a++)
            {
                ref var at = ref Unsafe.Add(ref origin, offsets[a] + start);
                fill = Vector256.LoadUnsafe(ref at);
                Unsafe.Add(ref fill, 1) = Vector256.LoadUnsafe(ref at, (nuint)quarter);
                Unsafe.Add(ref fill, 2) = Vector256.LoadUnsafe(ref at, (nuint)(2 * quarter));
                Unsafe.Add(ref fill, 3) = Vector256.LoadUnsafe(ref at, (nuint)(3 * quarter));
                fill = ref Unsafe.Add(ref fill, Quarters);
            }

            var mean0 = zero;
            var mean1 = zero;
            var mean2 = zero;
            var mean3 = zero;
            ref var xa = ref xs;
            for (var a = 0; a < m; a++)
            {
                var w = Vector256.Create(weights[a]);
                mean0 += w * xa;
                mean1 += w * Unsafe.Add(ref xa, 1);
                mean2 += w * Unsafe.Add(ref xa, 2);
                mean3 += w * Unsafe.Add(ref xa, 3);
                xa = ref Unsafe.Add(ref xa, Quarters);
            }

            if (explore)
            {
                var quad0 = zero;
                var quad1 = zero;
                var quad2 = zero;
                var quad3 = zero;
                ref var entry = ref MemoryMarshal.GetReference(matrix);
                xa = ref xs;
                for (var a = 0; a < m; a++)
                {
                    var acc0 = zero;
                    var acc1 = zero;
                    var acc2 = zero;
                    var acc3 = zero;
                    ref var xb = ref xs;
                    for (var b = 0; b < m; b++)
                    {
                        var e = Vector256.Create(entry);
                        acc0 += e * xb;
                        acc1 += e * Unsafe.Add(ref xb, 1);
                        acc2 += e * Unsafe.Add(ref xb, 2);
                        acc3 += e * Unsafe.Add(ref xb, 3);
                        xb = ref Unsafe.Add(ref xb, Quarters);
                        entry = ref Unsafe.Add(ref entry, 1);
                    }

                    quad0 += xa * acc0;
                    quad1 += Unsafe.Add(ref xa, 1) * acc1;
                    quad2 += Unsafe.Add(ref xa, 2) * acc2;
                    quad3 += Unsafe.Add(ref xa, 3) * acc3;
                    xa = ref Unsafe.Add(ref xa, Quarters);
                }

                mean0 += alphas * Vector256.Sqrt(Vector256.Max(zero, quad0));
                mean1 += alphas * Vector256.Sqrt(Vector256.Max(zero, quad1));
                mean2 += alphas * Vector256.Sqrt(Vector256.Max(zero, quad2));
                mean3 += alphas * Vector256.Sqrt(Vector256.Max(zero, quad3));
            }

            ref var to = ref Unsafe.Add(ref target, start);
            mean0.StoreUnsafe(ref to);
            mean1.StoreUnsafe(ref to, (nuint)quarter);
            mean2.StoreUnsafe(ref to, (nuint)(2 * quarter));
            mean3.StoreUnsafe(ref to, (nuint)(3 * quarter));
        }
    }

    private static void ScoreScalars(
        ReadOnlySpan<double> columns, int stride, int count, ReadOnlySpan<int> active, ReadOnlySpan<double> weights, ReadOnlySpan<double> matrix,
        bool explore, double alpha, Span<double> destination)
    {
        var m = active.Length;
        Span<double> x = stackalloc double[m];
        for (var i = 0; i < count; i++)
        {
            for (var a = 0; a < m; a++)
            {
                x[a] = columns[(active[a] * stride) + i];
            }

            var mean = 0.0;
            for (var a = 0; a < m; a++)
            {
                mean += weights[a] * x[a];
            }

            if (explore)
            {
                var quad = 0.0;
                var k = 0;
                for (var a = 0; a < m; a++)
                {
                    var acc = 0.0;
                    for (var b = 0; b < m; b++)
                    {
                        acc += matrix[k++] * x[b];
                    }

                    quad += x[a] * acc;
                }

                mean += alpha * Math.Sqrt(Math.Max(0.0, quad));
            }

            destination[i] = mean;
        }
    }
}
