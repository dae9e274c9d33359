using BenchmarkDotNet.Running;

namespace Vigil.Bench;

// BenchmarkDotNet suites (micro). Macro benchmarks that print throughput figures are `vigil bench ...`.
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
