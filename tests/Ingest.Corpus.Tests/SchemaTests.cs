using System.Text.Json;
using Ingest.Model;
using Ingest.Output;

namespace Ingest.Corpus.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void EmbeddedSchema_IsThePublishedFile()
    {
        RecordSchema.Text.Should().Be(File.ReadAllText(RepositoryPaths.Schema));
    }

    [Fact]
    public void SchemaId_CarriesTheRecordVersion()
    {
        using var schema = JsonDocument.Parse(RecordSchema.Text);

        schema.RootElement.GetProperty("$id").GetString().Should().EndWith(":" + RecordJson.SchemaVersion);
        schema.RootElement.GetProperty("properties").GetProperty("schemaVersion").GetProperty("const").GetString()
            .Should().Be(RecordJson.SchemaVersion);
    }

    [Fact]
    public void Validate_WhenRequiredFieldMissing_ReportsIt()
    {
        // A record without its source must never be accepted by consumers.
        var json = RecordJson.Serialize(Sample()).Replace("\"source\"", "\"origin\"", StringComparison.Ordinal);

        RecordSchema.Validate(json).Should().NotBeEmpty();
    }

    [Fact]
    public void Validate_WhenDeadlineKindUnknown_ReportsIt()
    {
        var record = Sample();
        var json = RecordJson.Serialize(record).Replace("\"within\"", "\"sometime\"", StringComparison.Ordinal);

        RecordSchema.Validate(json).Should().NotBeEmpty();
    }

    [Fact]
    public void Serialize_WritesKeysInOrdinalOrder()
    {
        var json = RecordJson.Serialize(Sample());
        using var document = JsonDocument.Parse(json);

        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
        RecordSchema.Validate(json).Should().BeEmpty();
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTrips()
    {
        var json = RecordJson.Serialize(Sample());

        RecordJson.Serialize(RecordJson.Deserialize(json)!).Should().Be(json);
    }

    [Fact]
    public void Deserialize_WhenMajorVersionDiffers_RefusesWithAClearMessage()
    {
        var json = RecordJson.Serialize(Sample()).Replace($"\"schemaVersion\": \"{RecordJson.SchemaVersion}\"", "\"schemaVersion\": \"2.0.0\"", StringComparison.Ordinal);

        var read = () => RecordJson.Deserialize(json);

        read.Should().Throw<RecordVersionException>().WithMessage("*2.0.0*ingest run --force*");
    }

    internal static FileRecord Sample() => new()
    {
        SchemaVersion = RecordJson.SchemaVersion,
        Source = new SourceInfo("a/b.txt", new string('a', 64), 10, SourceFormat.Text),
        Status = "ok",
        Documents =
        [
            new DocumentRecord
            {
                Id = "03-KH/TW",
                Kind = "Kế hoạch",
                Number = "03-KH/TW",
                IssuedOn = new DateOnly(2021, 12, 1),
                Sections = [new SectionRecord("I", "I", "MỤC ĐÍCH") { Children = [new SectionRecord("I.1", "1", null)] }],
                Tasks =
                [
                    new TaskItem("03-KH/TW/I.1/1", "I.1", "Làm việc")
                    {
                        Bodies = [new ResponsibleBody("Ban Tổ chức Trung ương", BodyRole.Lead)],
                        Deadlines = [new Deadline("tháng 12/2021", DeadlineKind.Within) { Start = new DateOnly(2021, 12, 1), End = new DateOnly(2021, 12, 31) }],
                        Citations = ["21-KL/TW"],
                    },
                ],
                Citations = [new Citation("21-KL/TW", "Kết luận") { Mentions = [new CitationMention("Kết luận số 21-KL/TW", "I.1")] }],
            },
        ],
        Warnings = [new Diagnostic(DiagnosticCodes.MissingDate, DiagnosticSeverity.Warning, "x") { Span = new SourceSpan(1, 2, 3, 0) }],
    };
}
