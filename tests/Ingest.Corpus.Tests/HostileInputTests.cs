using System.Text.Json;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Corpus.Tests;

/// <summary>
/// A batch over an archive of bad inputs: every file gets a record with a clear status, the batch
/// finishes, the exit summary says files failed, and nothing is written outside the output folder.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task RunAsync_OverHostileArchive_GivesEveryFileARecordAndFinishes()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var cases = HostileInputs.All().ToList();
        foreach (var hostile in cases)
        {
            archive.Write("bad/" + hostile.Name, hostile.Content);
        }

        var archiveBefore = Snapshot(archive.Path);

        var summary = await new ArchiveRunner(IngestPipeline.CreateDefault())
            .RunAsync(new RunOptions(archive.Path, output.Path) { PerFileTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None);

        summary.Files.Should().Be(cases.Count);
        summary.Failed.Should().BeGreaterThan(0);
        Snapshot(archive.Path).Should().Equal(archiveBefore, because: "a run never writes into the archive");
        var index = File.ReadAllLines(Path.Combine(output.Path, ArchiveRunner.IndexFileName))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("path").GetString()!, StringComparer.Ordinal);
        foreach (var hostile in cases)
        {
            var path = "bad/" + hostile.Name;
            index.Should().ContainKey(path);
            var json = File.ReadAllText(ArchiveRunner.RecordPath(output.Path, path));
            RecordSchema.Validate(json).Should().BeEmpty(because: path);
            json.Should().NotContain("root:x:0:0", because: "external entities are never resolved");
            if (hostile.ExpectedError is { } code)
            {
                index[path].GetProperty("error").GetString().Should().Be(code, because: path);
            }
        }
    }

    [Fact]
    public void Process_WhenPageIsFiftyMegabytes_FinishesWithARecord()
    {
        var huge = HostileInputs.HugeHtml();

        var record = IngestPipeline.CreateDefault().Process(new Formats.SourceFile(huge.Name, huge.Content), CancellationToken.None);

        RecordSchema.Validate(RecordJson.Serialize(record)).Should().BeEmpty();
    }

    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => p + ":" + (File.Exists(p) ? new FileInfo(p).Length : -1))
            .Order(StringComparer.Ordinal)
            .ToList();
}
