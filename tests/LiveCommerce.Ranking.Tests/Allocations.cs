namespace LiveCommerce.Ranking.Tests;

/// <summary>Measures what code allocates on the calling thread in its steady state.</summary>
public static class Allocations
{
    /// <summary>
    /// The least number of bytes one run of <paramref name="action"/> allocated on this thread, over a few runs. The
    /// runtime may allocate on the thread while it recompiles hot methods (tiering), once; an allocation of the code's
    /// own shows in every run.
    /// </summary>
    /// <param name="action">The code, already warmed up once.</param>
    /// <param name="rounds">How many runs at most.</param>
    /// <returns>The least bytes allocated by one run (0 stops early).</returns>
    public static long Least(Action action, int rounds = 5)
    {
        ArgumentNullException.ThrowIfNull(action);
        var least = long.MaxValue;
        for (var round = 0; round < rounds && least > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
