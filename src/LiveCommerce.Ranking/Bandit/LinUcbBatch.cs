using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LiveCommerce.Ranking.Bandit;

/// <summary>
/// <see cref="LinUcbModel.Score"/> of many feature vectors at once. The vectors are laid out by column
/// (<c>columns[f * stride + i]</c> is feature f of vector i) and scored four at a time, one vector per vector lane,
/// so each lane performs exactly the multiplications and additions of <see cref="LinUcbModel.PredictMean"/> and
/// <see cref="LinUcbModel.Uncertainty"/> in the same order: the scores are bit-for-bit those of the one-vector path.
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
    public const int Lanes = 4;

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

    private static void ScoreVectors(
        ReadOnlySpan<double> columns, int stride, int count, ReadOnlySpan<int> active, ReadOnlySpan<double> weights, ReadOnlySpan<double> matrix,
        bool explore, double alpha, Span<double> destination)
    {
        var m = active.Length;
        Span<Vector256<double>> x = stackalloc Vector256<double>[m];
        Span<int> offsets = stackalloc int[m];
        for (var a = 0; a < m; a++)
        {
            offsets[a] = active[a] * stride;
        }

        var alphas = Vector256.Create(alpha);
        ref var origin = ref MemoryMarshal.GetReference(columns);
        ref var target = ref MemoryMarshal.GetReference(destination);
        for (var start = 0; start < count; start += Lanes)
        {
            // In bounds: offsets[a] + start + Lanes ≤ (Dimension − 1)·stride + stride ≤ columns.Length.
            for (var a = 0; a < m; a++)
            {
                x[a] = Vector256.LoadUnsafe(ref origin, (nuint)(offsets[a] + start));
            }

            var mean = Vector256<double>.Zero;
            for (var a = 0; a < m; a++)
            {
                mean += Vector256.Create(weights[a]) * x[a];
            }

            if (explore)
            {
                var quad = Vector256<double>.Zero;
                var k = 0;
                for (var a = 0; a < m; a++)
                {
                    var acc = Vector256<double>.Zero;
                    for (var b = 0; b < m; b++)
                    {
                        acc += Vector256.Create(matrix[k++]) * x[b];
                    }

                    quad += x[a] * acc;
                }

                mean += alphas * Vector256.Sqrt(Vector256.Max(Vector256<double>.Zero, quad));
            }

            mean.StoreUnsafe(ref target, (nuint)start);
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
