using System.Diagnostics;
using System.Text.Json;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Corpus.Tests;

/// <summary>
/// A run killed with SIGKILL at an arbitrary moment, then started again, ends with every record
/// present and valid: records are written atomically, and the manifest only lets a file be skipped
/// when its record exists.
/// </summary>
public sealed class KilledRunTests
{
    [Fact]
    public async Task Run_WhenKilledAndStartedAgain_EndsWithEveryRecordValid()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var seeds = Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < 60; i++)
        {
            archive.Write($"docs/{i:D3}-{Path.GetFileName(seeds[i % seeds.Count])}", File.ReadAllBytes(seeds[i % seeds.Count]));
        }

        var cli = Path.Combine(AppContext.BaseDirectory, "ingest.dll");
        using (var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "run", archive.Path, "--out", output.Path, "--quiet", "--parallel", "2"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            // Kill once some records exist, mid-run.
            var recordsFolder = Path.Combine(output.Path, ArchiveRunner.RecordsFolder);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !process.HasExited &&
                   (!Directory.Exists(recordsFolder) || Directory.EnumerateFiles(recordsFolder, "*.json", SearchOption.AllDirectories).Count() < 5))
            {
                await Task.Delay(20);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        var summary = await new ArchiveRunner(IngestPipeline.CreateDefault()).RunAsync(new RunOptions(archive.Path, output.Path), null, CancellationToken.None);

        summary.Failed.Should().Be(0);
        var index = File.ReadAllLines(Path.Combine(output.Path, ArchiveRunner.IndexFileName));
        index.Should().HaveCount(60);
        foreach (var line in index)
        {
            var path = JsonDocument.Parse(line).RootElement.GetProperty("path").GetString()!;
            RecordSchema.Validate(File.ReadAllText(ArchiveRunner.RecordPath(output.Path, path))).Should().BeEmpty(because: path);
        }

        Directory.EnumerateFiles(output.Path, "*.tmp", SearchOption.AllDirectories)
            .Should().BeEmpty(because: "the next run removes the temporary files a killed run left behind");
    }
}
