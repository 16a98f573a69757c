using System.Diagnostics;
using System.Text.Json;
using Ingest.Formats;
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
            if (hostile.ExpectedError == HostileInputs.ReadNormally)
            {
                index[path].GetProperty("status").GetString().Should().Be("ok", because: path);
            }
            else if (hostile.ExpectedError is { } code)
            {
                index[path].GetProperty("error").GetString().Should().Be(code, because: path);
            }

            if (hostile.Name == HostileInputs.PdfWithEndlessPage().Name)
            {
                json.Should().Contain("\"ING1006\"", because: "the page is cut at the per-page letter limit, and the record says so");
            }
        }
    }

    [Fact]
    public async Task RunAsync_WhenTheArchiveHoldsANamedPipe_RecordsItWithoutWaitingForAWriter()
    {
        // Opening a FIFO for reading blocks until something writes to it, which nothing will.
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        archive.Write("docs/a.txt", "Số 1-KL/TW"u8.ToArray());
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(archive.Path, "docs", "pipe.pdf")]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        var summary = await new ArchiveRunner(IngestPipeline.CreateDefault())
            .RunAsync(new RunOptions(archive.Path, output.Path) { PerFileTimeout = TimeSpan.FromSeconds(30) }, null, CancellationToken.None);

        summary.Files.Should().Be(2);
        summary.Failed.Should().Be(1);
        File.ReadAllText(Path.Combine(output.Path, ArchiveRunner.IndexFileName)).Should().Contain("\"error\":\"ING1003\"");
    }

    [Fact]
    public async Task RunAsync_WhenAReaderStopsAtTheTimeLimit_RecordsATimeoutAndFinishes()
    {
        // A reader that honours cancellation throws when the limit's token fires; that must become
        // the file's ING1007 record, not an exception out of the batch.
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        archive.Write("docs/a.txt", "Số 1-KL/TW"u8.ToArray());
        var pipeline = new IngestPipeline(new DocumentReaders([new ReaderThatWaitsForCancellation()]),
            new Normalize.TextNormalizer(), new Structure.DocumentSplitter(), Extract.DocumentExtractor.CreateDefault());

        var summary = await new ArchiveRunner(pipeline)
            .RunAsync(new RunOptions(archive.Path, output.Path) { PerFileTimeout = TimeSpan.FromSeconds(1) }, null, CancellationToken.None);

        summary.Failed.Should().Be(1);
        File.ReadAllText(Path.Combine(output.Path, ArchiveRunner.IndexFileName)).Should().Contain("\"error\":\"ING1007\"");
    }

    [Fact]
    public void Process_WhenPageIsFiftyMegabytes_FinishesWithARecord()
    {
        var huge = HostileInputs.HugeHtml();

        var record = IngestPipeline.CreateDefault().Process(new Formats.SourceFile(huge.Name, huge.Content), CancellationToken.None);

        RecordSchema.Validate(RecordJson.Serialize(record)).Should().BeEmpty();
    }

    private sealed class ReaderThatWaitsForCancellation : IDocumentReader
    {
        public Model.SourceFormat Format => Model.SourceFormat.Text;

        public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
            return ReadResult.Failed(Format, "ING9001", "The token fired without cancelling.");
        }
    }

    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => p + ":" + (File.Exists(p) ? new FileInfo(p).Length : -1))
            .Order(StringComparer.Ordinal)
            .ToList();
}
