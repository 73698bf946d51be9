using LiveCommerce.Ranking.Policy;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>Per-thread buffers for computing position marginals.</summary>
internal sealed class MarginalWorkspace
{
    private double[] _logging = [];
    private double[] _target = [];

    public PositionMarginals Marginals { get; } = new();

    /// <summary>The logging policy's n×n matrix (reused).</summary>
    public double[] Logging(int n) => Ensure(ref _logging, n);

    /// <summary>A target policy's n×n matrix (reused).</summary>
    public double[] Target(int n) => Ensure(ref _target, n);

    private static double[] Ensure(ref double[] buffer, int n)
    {
        if (buffer.Length != n * n)
        {
            buffer = new double[n * n];
        }

        return buffer;
    }
}
