using System.Text;
using System.Text.Json;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Corpus.Tests;

/// <summary>
/// <c>ingest run --max-memory-mb</c>, run as a real process: files go to worker processes with a
/// capped heap, and a file that needs more memory or more time than allowed fails alone.
/// </summary>
public sealed class IsolatedRunTests : IDisposable
{
    private readonly TemporaryDirectory _archive = new();
    private readonly TemporaryDirectory _output = new();

    public void Dispose()
    {
        _archive.Dispose();
        _output.Dispose();
    }

    private static Task<(int Exit, string Output)> Ingest(params string[] args) => Ingest(new Dictionary<string, string>(), args);

    private static Task<(int Exit, string Output)> Ingest(Dictionary<string, string> environment, params string[] args) =>
        ChildProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "ingest.dll"), .. args], environment);

    private void WriteSeeds(int count)
    {
        foreach (var seed in Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).Take(count))
        {
            _archive.Write("docs/" + Path.GetFileName(seed), File.ReadAllBytes(seed));
        }
    }

    private static Dictionary<string, JsonElement> Index(string outputDirectory) =>
        File.ReadAllLines(Path.Combine(outputDirectory, ArchiveRunner.IndexFileName))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("path").GetString()!, StringComparer.Ordinal);

    [Fact]
    public async Task Run_WhenAFileNeedsMoreMemoryThanTheLimit_FailsItWithMemoryLimitExceededAndGoesOn()
    {
        WriteSeeds(2);
        // 30 MB of text is 60 MB as a string before any stage has looked at it: well over a 64 MB heap.
        var paragraph = "Tăng cường công tác kiểm tra, giám sát việc tổ chức thực hiện Kết luận số 21-KL/TW.\n\n";
        _archive.Write("big/huge.txt", Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, paragraph, 30_000_000 / paragraph.Length).ToString()));
        var bomb = HostileInputs.PdfContentBomb();
        _archive.Write("big/" + bomb.Name, bomb.Content);

        var (exit, output) = await Ingest("run", _archive.Path, "--out", _output.Path, "--quiet", "--max-memory-mb", "64");

        exit.Should().Be(2, because: output);
        var index = Index(_output.Path);
        index.Should().HaveCount(4);
        index["big/huge.txt"].GetProperty("error").GetString().Should().Be("ING1008");
        // The bomb is all white space: a reader that streams it finds no text, one that inflates it whole hits the heap or its own limit.
        index["big/" + bomb.Name].GetProperty("error").GetString().Should().BeOneOf("ING1003", "ING1006", "ING1008");
        index.Where(e => e.Key.StartsWith("docs/", StringComparison.Ordinal)).Should().OnlyContain(e => e.Value.GetProperty("status").GetString() == "ok");
        foreach (var path in index.Keys)
        {
            RecordSchema.Validate(File.ReadAllText(ArchiveRunner.RecordPath(_output.Path, path))).Should().BeEmpty(because: path);
        }
    }

    [Fact]
    public async Task Run_WhenAFileOutlastsTheTimeLimit_KillsItsWorkerAndGoesOn()
    {
        // The limit leaves a seed (well under a second) room even on a loaded machine; the 18-page
        // scan needs Tesseract for far longer (1-4 s a page, two at a time). A fresh temporary
        // folder keeps the OCR cache cold, so the scan is really recognised.
        WriteSeeds(1);
        var scan = Path.Combine(RepositoryPaths.Corpus, "renditions", "scanned", "004_43a41352d9a36873.pdf");
        _archive.Write("slow/scan.pdf", File.ReadAllBytes(scan));
        using var temporary = new TemporaryDirectory();

        var (exit, output) = await Ingest(new Dictionary<string, string> { ["TMPDIR"] = temporary.Path },
            "run", _archive.Path, "--out", _output.Path, "--quiet", "--max-memory-mb", "1024", "--timeout", "5");

        exit.Should().Be(2, because: output);
        var index = Index(_output.Path);
        index["slow/scan.pdf"].GetProperty("error").GetString().Should().Be("ING1007", because: "OCR of 18 pages takes far longer than 5 s");
        index.Should().ContainSingle(e => e.Value.GetProperty("status").GetString() == "ok");
    }

    [Fact]
    public async Task Run_WithWorkers_WritesTheSameOutputAsInProcess()
    {
        WriteSeeds(5);
        foreach (var html in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "renditions", "html")).Order(StringComparer.Ordinal).Take(3))
        {
            _archive.Write("html/" + Path.GetFileName(html), File.ReadAllBytes(html));
        }

        using var inProcess = new TemporaryDirectory();

        var (inProcessExit, _) = await Ingest("run", _archive.Path, "--out", inProcess.Path, "--quiet", "--max-memory-mb", "0");
        var (isolatedExit, _) = await Ingest("run", _archive.Path, "--out", _output.Path, "--quiet", "--max-memory-mb", "256");

        isolatedExit.Should().Be(inProcessExit);
        ChildProcess.Snapshot(_output.Path).Should().Equal(ChildProcess.Snapshot(inProcess.Path));
    }
}
