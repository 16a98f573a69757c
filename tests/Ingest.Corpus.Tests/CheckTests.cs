using System.CommandLine;
using System.Text.Json;
using Ingest.Cli;
using Ingest.Model;
using Ingest.Output;
using Ingest.Output.Findings;
using Ingest.Pipeline.Check;

namespace Ingest.Corpus.Tests;

/// <summary>The CI gate: which records produce findings, and how findings are written.</summary>
public sealed class CheckTests
{
    private static FileRecord WithDocument(DocumentRecord document) => SchemaTests.Sample() with { Documents = [document], Warnings = [] };

    private static DocumentRecord Plan => SchemaTests.Sample().Documents[0];

    private static IReadOnlyList<Finding> Check(FileRecord record, string? expected = null) =>
        RecordChecker.Check(record, RecordJson.Serialize(record), expected);

    [Fact]
    public void Check_WhenRecordIsComplete_FindsNothing()
    {
        Check(WithDocument(Plan)).Should().BeEmpty();
    }

    [Fact]
    public void Check_WhenNumberAndDateAreMissing_ReportsBoth()
    {
        var findings = Check(WithDocument(Plan with { Number = null, IssuedOn = null }));

        findings.Select(f => f.Code).Should().BeEquivalentTo([DiagnosticCodes.MissingNumber, DiagnosticCodes.MissingDate]);
    }

    [Theory]
    [InlineData("Bài báo")] // a news article has no number or date of its own
    [InlineData("Trích")] // nor has an excerpt
    public void Check_WhenKindHasNoNumberByNature_FindsNothing(string kind)
    {
        Check(WithDocument(Plan with { Kind = kind, Number = null, IssuedOn = null })).Should().BeEmpty();
    }

    [Fact]
    public void Check_WhenFileFailed_ReportsItsError()
    {
        var failed = Pipeline.IngestPipeline.Failed(SchemaTests.Sample().Source, DiagnosticCodes.Corrupt, "broken xref");

        Check(failed).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.Corrupt);
    }

    [Fact]
    public void Check_WhenRecordHasAContradiction_ReportsIt()
    {
        var record = WithDocument(Plan) with
        {
            Warnings = [new Diagnostic(DiagnosticCodes.ForwardedNumberMismatch, DiagnosticSeverity.Warning, "names 19-KL/TW") { DocumentIndex = 0 }],
        };

        Check(record).Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ForwardedNumberMismatch);
    }

    [Fact]
    public void Check_WhenRecordDiffersFromExpected_ReportsTheFirstDifferentLine()
    {
        var record = WithDocument(Plan);
        var expected = RecordJson.Serialize(record with { Documents = [Plan with { Place = "Hà Nội" }] });

        var finding = Check(record, expected).Should().ContainSingle().Which;

        finding.Code.Should().Be(DiagnosticCodes.RecordChanged);
        finding.Message.Should().Contain("Hà Nội");
    }

    private static readonly Finding[] Sample =
    [
        new(DiagnosticCodes.MissingDate, DiagnosticSeverity.Error, "b/x.docx", "Document 1 has no date.") { DocumentIndex = 0 },
        new(DiagnosticCodes.ForwardedNumberMismatch, DiagnosticSeverity.Error, "a/y, z.txt", "names 19-KL/TW\nnot 03-KH/TW") { Line = 12 },
    ];

    [Fact]
    public void Write_Sarif_IsVersion210WithOneResultPerFinding()
    {
        using var sarif = JsonDocument.Parse(FindingWriter.Write(Sample, FindingFormat.Sarif, "1.0.0"));

        sarif.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("ingest");
        var results = run.GetProperty("results");
        results.GetArrayLength().Should().Be(2);
        results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(12);
    }

    [Fact]
    public void Write_Github_EscapesPropertiesAndData()
    {
        var lines = FindingWriter.Write(Sample, FindingFormat.Github, "1.0.0").TrimEnd('\n').Split('\n');

        // Sorted by path: "a/..." first. ',' in a property and a newline in the message must not end the command.
        lines[0].Should().Be("::error file=a/y%2C z.txt,line=12,title=ING4002::names 19-KL/TW%0Anot 03-KH/TW");
        lines[1].Should().StartWith("::error file=b/x.docx,title=ING3003::");
    }

    [Fact]
    public void Write_Text_IsOneLinePerFindingSortedByPath()
    {
        var text = FindingWriter.Write(Sample, FindingFormat.Text, "1.0.0");

        text.Should().StartWith("a/y, z.txt:12: error ING4002:");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }

    [Fact]
    public async Task CheckCommand_WhenExpectedRecordsMatch_ExitsZero()
    {
        using var archive = new TemporaryDirectory();
        using var output = new TemporaryDirectory();
        var seed = Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).First();
        archive.Write("a.txt", File.ReadAllBytes(seed));
        var root = Program.CreateRootCommand();
        using var quiet = new StringWriter();
        (await root.Parse(["run", archive.Path, "--out", output.Path, "-q"]).InvokeAsync(new InvocationConfiguration { Output = quiet, Error = quiet })).Should().Be(0);

        using var stdout = new StringWriter();
        var exit = await root.Parse(["check", archive.Path, "--expect", output.Path, "--all", "--format", "json"])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = quiet });

        JsonDocument.Parse(stdout.ToString()).RootElement.EnumerateArray().Select(f => f.GetProperty("code").GetString())
            .Should().NotContain(DiagnosticCodes.RecordChanged);
        exit.Should().BeOneOf(0, 2);
    }

    [Fact]
    public async Task CheckCommand_WhenInputIsMissing_ExitsWithInvalidOptions()
    {
        using var quiet = new StringWriter();
        var exit = await Program.CreateRootCommand().Parse(["check", "/no/such/folder"]).InvokeAsync(new InvocationConfiguration { Output = quiet, Error = quiet });

        exit.Should().Be(1);
    }
}
