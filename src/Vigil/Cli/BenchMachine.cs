using System.Diagnostics;

namespace Vigil.Cli;

/// <summary>
/// What the macro benchmarks print beside wall-clock rates: the machine is shared, so the load average says how much
/// of it a run had, and rates per CPU-second of this process say what the code did with what it got.
/// </summary>
internal static class BenchMachine
{
    /// <summary>The 1-, 5- and 15-minute load averages ("7.78 5.06 12.28"), or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";

    /// <summary>CPU time used by this process so far, all threads (the server's and, in-process, the load generator's).</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
