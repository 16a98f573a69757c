using System.Text.Json.Nodes;
using Ingest.Formats;
using Ingest.Output;
using Ingest.Pipeline;
using NJsonSchema;

namespace Ingest.Corpus.Tests;

/// <summary>
/// Ingest validates records with its own <see cref="SchemaValidator"/> (the native build cannot run
/// a reflection-based one). It must agree with NJsonSchema, an independent implementation, on real
/// records and on records damaged in each way the schema forbids.
/// </summary>
public sealed class SchemaValidatorTests
{
    private static readonly Lazy<JsonSchema> Reference = new(() => JsonSchema.FromJsonAsync(RecordSchema.Text).GetAwaiter().GetResult());

    public static TheoryData<string> Damages() =>
    [
        // Each row breaks one kind of rule of the published schema.
        "drop-required",        // required
        "unknown-top-field",    // additionalProperties: false
        "status-not-in-enum",   // enum
        "revision-string",      // type
        "negative-size",        // minimum
        "empty-document-id",    // minLength
        "bad-error-code",       // pattern
        "date-as-number",       // oneOf (null or date)
        "document-as-array",    // type inside items
    ];

    [Fact]
    public void CorpusRecords_AreValidForBothValidators()
    {
        var records = CorpusRecords();

        records.Should().NotBeEmpty();
        foreach (var (path, json) in records)
        {
            RecordSchema.Validate(json).Should().BeEmpty(because: path);
            Reference.Value.Validate(json).Should().BeEmpty(because: path);
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedRecord_IsRejectedByBothValidators(string damage)
    {
        var (_, json) = CorpusRecords().First(r => r.Json.Contains("\"documents\": [\n    {", StringComparison.Ordinal));
        var node = JsonNode.Parse(json)!.AsObject();
        var document = node["documents"]![0]!.AsObject();
        switch (damage)
        {
            case "drop-required": node.Remove("source"); break;
            case "unknown-top-field": node["extra"] = 1; break;
            case "status-not-in-enum": node["status"] = "maybe"; break;
            case "revision-string": node["revision"] = "1"; break;
            case "negative-size": node["source"]!["bytes"] = -1; break;
            case "empty-document-id": document["id"] = string.Empty; break;
            case "bad-error-code": node["status"] = "failed"; node["error"] = new JsonObject { ["code"] = "E1", ["message"] = "x" }; break;
            case "date-as-number": document["date"] = 20220101; break;
            case "document-as-array": node["documents"]![0] = new JsonArray(); break;
            default: throw new ArgumentOutOfRangeException(nameof(damage));
        }

        var damaged = node.ToJsonString();

        Reference.Value.Validate(damaged).Should().NotBeEmpty(because: "NJsonSchema must see the damage, or the case tests nothing");
        RecordSchema.Validate(damaged).Should().NotBeEmpty();
    }

    [Fact]
    public void Validator_WhenTheSchemaUsesAKeywordItDoesNotImplement_Refuses()
    {
        // A rule the validator would skip must stop it, not pass every record.
        var schema = """{ "type": "object", "properties": { "a": { "type": "string", "maxLength": 3 } } }""";

        var build = () => new SchemaValidator(schema);

        build.Should().Throw<NotSupportedException>().WithMessage("*maxLength*");
    }

    [Fact]
    public void Validate_WhenTheVersionIsNotTheConstant_ReportsIt()
    {
        // NJsonSchema ignores "const" (it predates the keyword), so this one is checked alone.
        var (_, json) = CorpusRecords()[0];
        var node = JsonNode.Parse(json)!.AsObject();
        node["schemaVersion"] = "0.9.0";

        RecordSchema.Validate(node.ToJsonString()).Should().Equal("#/schemaVersion: const");
    }

    [Theory]
    // Rows where JSON Schema 2020-12 and NJsonSchema differ follow the specification: 1.0 is an
    // integer, and minLength counts code points ("𝔸" is one, though two UTF-16 units).
    [InlineData("""{ "type": "integer" }""", "1.0", true)]
    [InlineData("""{ "type": "integer" }""", "1.5", false)]
    [InlineData("""{ "type": ["string", "null"] }""", "null", true)]
    [InlineData("""{ "type": "string", "minLength": 2 }""", "\"\uD835\uDD38\"", false)]
    [InlineData("""{ "type": "string", "pattern": "[0-9]{4}" }""", "\"ING1001\"", true)]
    [InlineData("""{ "oneOf": [ { "type": "integer" }, { "type": "number" } ] }""", "1", false)]
    [InlineData("""{ "$ref": "#/definitions/a", "definitions": { "a": { "enum": [ "x" ] } } }""", "\"y\"", false)]
    public void Validate_FollowsJsonSchemaSemantics(string schema, string instance, bool valid)
    {
        new SchemaValidator(schema).Validate(instance).Should().HaveCount(valid ? 0 : 1);
    }

    private static List<(string Path, string Json)> CorpusRecords()
    {
        var pipeline = IngestPipeline.CreateDefault();
        var folders = new[] { RepositoryPaths.Seeds, Path.Combine(RepositoryPaths.Corpus, "renditions", "docx"), Path.Combine(RepositoryPaths.Corpus, "renditions", "html") };
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            .Select(path => (path, RecordJson.Serialize(pipeline.Process(new SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)), CancellationToken.None))))
            .ToList();
    }
}
