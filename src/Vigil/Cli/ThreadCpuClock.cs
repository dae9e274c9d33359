using System.Runtime.InteropServices;

namespace Vigil.Cli;

/// <summary>
/// CPU time of the calling OS thread (Linux CLOCK_THREAD_CPUTIME_ID), for benchmarks on a shared machine: a wall-clock
/// percentile there mostly measures how long the thread waited for a core, this one what the code itself cost.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU this thread has used, or 0 where unsupported.</summary>
    public static long Nanoseconds() =>
        IsSupported && ClockGetTime(ClockThreadCpuTime, out var now) == 0 ? (now.Seconds * 1_000_000_000) + now.Nanoseconds : 0;

    // DllImport, not LibraryImport: the generated marshaller needs unsafe code, which this project does not allow, and an
    // int plus a blittable out struct need no marshalling.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
