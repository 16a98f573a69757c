using System.Diagnostics;

namespace Ingest.Corpus.Tests;

/// <summary>Runs a command the way a user would and captures what it printed; compares output folders.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> from the repository root; returns its exit code and stdout followed by stderr.</summary>
    public static async Task<(int Exit, string Output)> Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Every file of <paramref name="folder"/> as "relative path\ncontent", sorted: two runs' outputs compare as lists.</summary>
    public static List<string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p) + "\n" + File.ReadAllText(p))
            .Order(StringComparer.Ordinal)
            .ToList();
}
