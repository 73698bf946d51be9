using System.Globalization;

namespace LiveCommerce.Simulator.Reporting;

/// <summary>Resident memory of processes on Linux, from <c>/proc/PID/status</c>.</summary>
public static class ProcessMemory
{
    /// <summary>The resident set (VmRSS) of process <paramref name="pid"/> in KiB.</summary>
    public static long ResidentKilobytes(int pid) => ResidentKilobytesOf(File.ReadLines($"/proc/{pid}/status"));

    /// <summary>The resident set of this process in KiB.</summary>
    public static long OwnResidentKilobytes() => ResidentKilobytesOf(File.ReadLines("/proc/self/status"));

    /// <summary>The VmRSS line of a <c>status</c> file's lines (<c>VmRSS:   123456 kB</c>), in KiB.</summary>
    public static long ResidentKilobytesOf(IEnumerable<string> statusLines)
    {
        foreach (var line in statusLines)
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line["VmRSS:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[1] == "kB")
            {
                return long.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException("no VmRSS line in kB");
    }
}
