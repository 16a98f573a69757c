using System.Text.Json;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Corpus.Tests;

/// <summary>Incremental runs: only new or changed files are processed, deleted ones are removed.</summary>
public sealed class ArchiveRunnerTests : IDisposable
{
    private readonly TemporaryDirectory _archive = new();
    private readonly TemporaryDirectory _output = new();
    private readonly ArchiveRunner _runner = new(IngestPipeline.CreateDefault());

    public ArchiveRunnerTests()
    {
        foreach (var seed in Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).Take(3))
        {
            _archive.Write("docs/" + Path.GetFileName(seed), File.ReadAllBytes(seed));
        }
    }

    public void Dispose()
    {
        _archive.Dispose();
        _output.Dispose();
    }

    private Task<RunSummary> Run(bool force = false) =>
        _runner.RunAsync(new RunOptions(_archive.Path, _output.Path) { Force = force }, null, CancellationToken.None);

    private string RecordOf(string relative) => File.ReadAllText(ArchiveRunner.RecordPath(_output.Path, relative));

    private string FirstFile => Directory.EnumerateFiles(Path.Combine(_archive.Path, "docs")).Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task RunAsync_WhenNothingChanged_ProcessesNothing()
    {
        await Run();
        var before = File.ReadAllText(Path.Combine(_output.Path, ArchiveRunner.IndexFileName));

        var second = await Run();

        second.Processed.Should().Be(0);
        second.Unchanged.Should().Be(3);
        File.ReadAllText(Path.Combine(_output.Path, ArchiveRunner.IndexFileName)).Should().Be(before);
    }

    [Fact]
    public async Task RunAsync_WhenOnlyTheTimeChanged_SkipsByHash()
    {
        await Run();
        File.SetLastWriteTimeUtc(FirstFile, DateTime.UtcNow.AddMinutes(5));

        var second = await Run();

        second.Processed.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_WhenAFileChanges_RaisesItsRevisionAndKeepsTheOldHash()
    {
        await Run();
        var relative = "docs/" + Path.GetFileName(FirstFile);
        var oldSha = JsonDocument.Parse(RecordOf(relative)).RootElement.GetProperty("source").GetProperty("sha256").GetString();
        File.AppendAllText(FirstFile, "\nThêm một dòng.\n");

        var second = await Run();

        second.Processed.Should().Be(1);
        var record = JsonDocument.Parse(RecordOf(relative)).RootElement;
        record.GetProperty("revision").GetInt32().Should().Be(2);
        record.GetProperty("previousSha256").EnumerateArray().Select(e => e.GetString()).Should().Equal(oldSha);
        RecordSchema.Validate(RecordOf(relative)).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenAFileIsDeleted_RemovesItsRecordAndIndexLine()
    {
        await Run();
        var relative = "docs/" + Path.GetFileName(FirstFile);
        File.Delete(FirstFile);

        var second = await Run();

        second.Removed.Should().Be(1);
        File.Exists(ArchiveRunner.RecordPath(_output.Path, relative)).Should().BeFalse();
        File.ReadAllText(Path.Combine(_output.Path, ArchiveRunner.IndexFileName)).Should().NotContain(relative);
        Manifest.Load(_output.Path).Count.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_WithForce_ProcessesEverythingAgain()
    {
        await Run();

        var second = await Run(force: true);

        second.Processed.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_WhenManifestIsDamaged_RedoesOnlyTheDamagedEntries()
    {
        await Run();
        var manifestPath = Path.Combine(_output.Path, Manifest.FileName);
        var lines = File.ReadAllLines(manifestPath);
        lines[0] = "{ not json";
        File.WriteAllLines(manifestPath, lines);

        var second = await Run();

        second.Processed.Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_WhenAnIndexLineIsDamaged_RedoesOnlyThatFileAndRestoresTheIndex()
    {
        await Run();
        var indexPath = Path.Combine(_output.Path, ArchiveRunner.IndexFileName);
        var before = File.ReadAllText(indexPath);
        var lines = File.ReadAllLines(indexPath);
        lines[1] = lines[1][..(lines[1].Length / 2)];
        File.WriteAllText(indexPath, string.Join("\n", lines) + "\n");

        var second = await Run();

        second.Processed.Should().Be(1);
        second.Unchanged.Should().Be(2);
        File.ReadAllText(indexPath).Should().Be(before);
    }

    [Fact]
    public async Task RunAsync_WhenCancelled_KeepsWhatWasDone()
    {
        await Run();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var summary = await _runner.RunAsync(new RunOptions(_archive.Path, _output.Path) { Force = true }, null, cancel.Token);

        summary.Cancelled.Should().BeTrue();
        File.ReadAllLines(Path.Combine(_output.Path, ArchiveRunner.IndexFileName)).Should().HaveCount(3);
    }

    [Fact]
    public void Merge_KeepsTheHighestRevisionPerPath()
    {
        // Parts of an archive processed on different machines are combined by merging manifests.
        using var a = new TemporaryDirectory();
        using var b = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(a.Path, Manifest.FileName),
            """{"bytes":1,"modifiedTicks":1,"path":"x","previousSha256":[],"revision":1,"schemaVersion":"1.0.0","sha256":"aa"}""" + "\n");
        File.WriteAllText(Path.Combine(b.Path, Manifest.FileName),
            """{"bytes":1,"modifiedTicks":2,"path":"x","previousSha256":["aa"],"revision":2,"schemaVersion":"1.0.0","sha256":"bb"}""" + "\n" +
            """{"bytes":1,"modifiedTicks":2,"path":"y","previousSha256":[],"revision":1,"schemaVersion":"1.0.0","sha256":"cc"}""" + "\n");

        var merged = Manifest.Merge([Manifest.Load(a.Path), Manifest.Load(b.Path)]);

        merged.Count.Should().Be(2);
        merged.Find("x")!.Sha256.Should().Be("bb");
    }

    [Fact]
    public async Task RunAsync_WhenALinkPointsOutsideTheArchive_RecordsAFailureWithoutReadingIt()
    {
        using var outside = new TemporaryDirectory();
        var secret = outside.Write("secret.txt", "Số 1-KL/TW"u8.ToArray());
        File.CreateSymbolicLink(Path.Combine(_archive.Path, "docs", "link.txt"), secret);

        var summary = await Run();

        summary.Failed.Should().Be(1);
        RecordOf("docs/link.txt").Should().Contain("outside the archive").And.NotContain("1-KL/TW");
    }

    [Fact]
    public async Task RunAsync_WhenFoldersLinkInALoop_Finishes()
    {
        Directory.CreateSymbolicLink(Path.Combine(_archive.Path, "docs", "loop"), _archive.Path);

        var summary = await Run();

        summary.Files.Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_WhenANameIsTooLongForASuffix_StillWritesItsRecord()
    {
        // 252 bytes is a legal name; 252 + ".json" is not (NAME_MAX is 255 on Linux).
        var name = new string('a', 248) + ".txt";
        _archive.Write("docs/" + name, File.ReadAllBytes(FirstFile));

        var summary = await Run();

        summary.Files.Should().Be(4);
        var path = ArchiveRunner.RecordPath(_output.Path, "docs/" + name);
        path.Should().Contain(ArchiveRunner.LongNamesFolder);
        File.Exists(path).Should().BeTrue();
    }

    [Theory]
    [InlineData("Kết luận số 21 (bản sao).txt")] // Vietnamese, spaces and parentheses
    [InlineData("a#b%c&d;e'f.txt")] // characters that are special to shells and URLs
    public async Task RunAsync_WhenNamesHaveUnusualCharacters_KeepsThemInTheIndex(string name)
    {
        _archive.Write("docs/" + name, File.ReadAllBytes(FirstFile));

        await Run();

        File.Exists(ArchiveRunner.RecordPath(_output.Path, "docs/" + name)).Should().BeTrue();
        File.ReadAllText(Path.Combine(_output.Path, ArchiveRunner.IndexFileName)).Should().Contain(name);
    }
}
