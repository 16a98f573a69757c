using System.CommandLine;
using System.Text.Json;
using Ingest.Cli;
using Ingest.Output;

namespace Ingest.Corpus.Tests;

/// <summary>The command line, run in-process.</summary>
public sealed class CliTests
{
    private static async Task<(int Exit, string Output, string Error)> Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parse = Program.CreateRootCommand().Parse(args);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Parse_WhenRunHasNoArchive_HasError()
    {
        Program.CreateRootCommand().Parse("run").Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void Parse_WhenParallelIsZero_HasError()
    {
        Program.CreateRootCommand().Parse("run corpus --parallel 0").Errors.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Run_WhenAFileIsOverTheSizeLimit_FailsItWithoutReadingIt()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        archive.Write("big.txt", new byte[(2 * 1024 * 1024) + 1]);

        var (exit, _, _) = await Invoke("run", archive.Path, "--out", output.Path, "--quiet", "--max-file-mb", "2");

        exit.Should().Be(2);
        File.ReadAllText(Path.Combine(output.Path, "index.jsonl")).Should().Contain("\"error\":\"ING1006\"");
    }

    [Theory]
    [InlineData("run corpus --timeout 0")] // a file must get at least a second
    [InlineData("run corpus --max-file-mb 0")] // and at least a megabyte
    [InlineData("run corpus --max-memory-mb 16")] // a worker cannot even load Ingest's own data in 16 MB
    [InlineData("run corpus --max-memory-mb -1")] // 0 is "no limit"; below it means nothing
    public void Parse_WhenLimitIsNotPositive_HasError(string commandLine)
    {
        Program.CreateRootCommand().Parse(commandLine).Errors.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Run_WhenParseFails_ExitsWithInvalidOptions()
    {
        var (exit, _, _) = await Invoke("run", "--no-such-option");

        exit.Should().Be(1);
    }

    [Fact]
    public async Task Schema_PrintsThePublishedSchema()
    {
        var (exit, output, _) = await Invoke("schema");

        exit.Should().Be(0);
        output.Should().Be(File.ReadAllText(RepositoryPaths.Schema));
    }

    [Fact]
    public async Task Run_WhenOneFileFails_WritesEveryRecordAndExitsWithFindings()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var seed = Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).First();
        archive.Write("good/" + Path.GetFileName(seed), File.ReadAllBytes(seed));
        archive.Write("bad/empty.txt", []);
        archive.Write("bad/binary.doc", [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13]);

        var (exit, stdout, _) = await Invoke("run", archive.Path, "--out", output.Path, "--quiet");

        exit.Should().Be(2, because: stdout);
        var lines = File.ReadAllLines(Path.Combine(output.Path, "index.jsonl"));
        lines.Should().HaveCount(3);
        var statuses = lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("status").GetString());
        statuses["good/" + Path.GetFileName(seed)].Should().Be("ok");
        statuses["bad/empty.txt"].Should().Be("failed");
        statuses["bad/binary.doc"].Should().Be("failed");
        foreach (var record in Directory.EnumerateFiles(Path.Combine(output.Path, "records"), "*.json", SearchOption.AllDirectories))
        {
            RecordSchema.Validate(File.ReadAllText(record)).Should().BeEmpty(because: record);
        }
    }

    [Fact]
    public async Task Run_WhenArchiveIsEmpty_ExitsWithNoInputs()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();

        var (exit, _, _) = await Invoke("run", archive.Path, "--out", output.Path, "--quiet");

        exit.Should().Be(3);
    }

    [Fact]
    public async Task Run_WhenIgnoreFileNamesAFolder_SkipsIt()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var seed = Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).First();
        archive.Write("docs/a.txt", File.ReadAllBytes(seed));
        archive.Write("gold/a.gold.json", "{}"u8.ToArray());
        archive.Write(".ingestignore", "gold/\n"u8.ToArray());

        var (exit, _, _) = await Invoke("run", archive.Path, "--out", output.Path, "--quiet");

        exit.Should().Be(0);
        File.ReadAllLines(Path.Combine(output.Path, "index.jsonl")).Should().ContainSingle().Which.Should().Contain("docs/a.txt");
    }

    [Fact]
    public async Task Eval_OnTheCorpus_PrintsATableWithEveryField()
    {
        var (exit, output, _) = await Invoke("eval", "--corpus", RepositoryPaths.Corpus);

        exit.Should().Be(0);
        foreach (var field in new[] { "documents", "sections", "citations", "deadlines", "tasks" })
        {
            output.Should().Contain(field);
        }
    }

    [Fact]
    public async Task Eval_WithJson_PrintsScoresPerGroup()
    {
        var (exit, output, _) = await Invoke("eval", "--corpus", RepositoryPaths.Corpus, "--json");

        exit.Should().Be(0);
        using var report = JsonDocument.Parse(output);
        var seeds = report.RootElement.GetProperty("groups").GetProperty("seeds");
        seeds.GetProperty("documents").GetProperty("f1").GetDouble().Should().BeInRange(0, 1);
        report.RootElement.GetProperty("files").GetArrayLength().Should().BeGreaterThanOrEqualTo(5);
    }

    [Theory]
    [InlineData("as-printed", "Kết luận về tổ chức, hoà bình")] // repair only; the printed tone style stays
    [InlineData("canonical", "Kết luận về tổ chức, hòa bình")] // tone on the first vowel of "oa"
    public async Task Normalize_WhenFileGiven_PrintsRepairedText(string style, string expected)
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("in.txt", "Ket luận về tố chức, hoà bình"u8.ToArray());

        var (exit, output, _) = await Invoke("normalize", path, "--tone-style", style);

        exit.Should().Be(0);
        output.Should().Be(expected);
    }

    [Fact]
    public void Parse_WhenToneStyleUnknown_HasError()
    {
        Program.CreateRootCommand().Parse("normalize x.txt --tone-style fancy").Errors.Should().NotBeEmpty();
    }
}
