using BenchmarkDotNet.Running;

namespace Ingest.Benchmarks;

/// <summary>Runs the stage benchmarks; arguments go to BenchmarkDotNet (e.g. --filter '*Normalize*').</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
