using System.Reflection;

namespace Ingest.Output;

/// <summary>
/// The published JSON Schema of a record (schemas/ingest-record.schema.json, embedded at build
/// time so the program and the repository can never disagree), and validation against it.
/// </summary>
public static class RecordSchema
{
    private static readonly Lazy<string> SchemaText = new(LoadText);
    private static readonly Lazy<SchemaValidator> Schema = new(() => new SchemaValidator(SchemaText.Value));

    /// <summary>The schema document as published.</summary>
    public static string Text => SchemaText.Value;

    /// <summary>Validates a serialised record; returns one message per violation, empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Schema.Value.Validate(json);
    }

    private static string LoadText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingest.Output.ingest-record.schema.json")
            ?? throw new InvalidOperationException("The record schema is not embedded in Ingest.Output.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
