using System.Globalization;

namespace LiveCommerce.Simulator.Reporting;

/// <summary>CPU time processes used on Linux, from <c>/proc/PID/stat</c> (user + system, every thread, 10 ms ticks).</summary>
public static class ProcessCpu
{
    // The kernel reports these times in USER_HZ, which is 100 on Linux.
    private const double MillisecondsPerTick = 10;

    /// <summary>CPU milliseconds process <paramref name="pid"/> used so far.</summary>
    public static double Milliseconds(int pid) => MillisecondsOf(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>CPU milliseconds this process used so far.</summary>
    public static double OwnMilliseconds() => MillisecondsOf(File.ReadAllText("/proc/self/stat"));

    /// <summary>The user and system time of a <c>stat</c> line, in milliseconds.</summary>
    public static double MillisecondsOf(string stat)
    {
        // "pid (command, which may hold spaces and parentheses) state ppid …": fields after the command's closing
        // parenthesis start at field 3; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * MillisecondsPerTick;
    }

    /// <summary>CPU milliseconds all of <paramref name="pids"/> used so far.</summary>
    public static double Milliseconds(IEnumerable<int> pids) => pids.Sum(Milliseconds);
}
