using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Ingest.Model;

namespace Ingest.Output;

/// <summary>
/// Serialises records to the published JSON form: camelCase names, enums as camelCase strings,
/// dates as yyyy-MM-dd, nulls written out (consumers see every field), object keys sorted
/// ordinally at every level so the same record always gives the same bytes. Thread-safe.
/// </summary>
public static class RecordJson
{
    /// <summary>The record format version written into every record; matches the schema's $id.</summary>
    public const string SchemaVersion = "1.0.0";

    private static readonly JsonSerializerOptions SerializerOptions = CreateOptions();

    private static readonly Lazy<JsonTypeInfo<FileRecord>> RecordTypeInfo = new(() => (JsonTypeInfo<FileRecord>)SerializerOptions.GetTypeInfo(typeof(FileRecord)));

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Vietnamese stays readable in the files instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Options for reading records back (tests, diff, migrate).</summary>
    public static JsonSerializerOptions Options => SerializerOptions;

    /// <summary>Serialises a record: sorted keys, two-space indent, '\n' line ends, final newline.</summary>
    public static string Serialize(FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The options sort every object's properties (see SortProperties), so the record is written
        // straight to UTF-8 without building a document tree first.
        return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(record, RecordTypeInfo.Value)) + "\n";
    }

    /// <summary>Writes <see cref="Serialize"/>'s bytes (UTF-8) to <paramref name="stream"/>, without building the string.</summary>
    public static void Write(Stream stream, FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(record);
        JsonSerializer.Serialize(stream, record, RecordTypeInfo.Value);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Serialises any node with sorted keys, on one line (for JSON Lines files).</summary>
    public static string SerializeLine(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions with { Indented = false }))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads a record written by <see cref="Serialize"/>. Records of another major version are
    /// refused with <see cref="RecordVersionException"/> rather than half-read: their fields may
    /// mean something else (semver: a major bump is a breaking change of the format).
    /// </summary>
    public static FileRecord? Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using (var document = JsonDocument.Parse(json))
        {
            var version = document.RootElement.ValueKind == JsonValueKind.Object &&
                          document.RootElement.TryGetProperty("schemaVersion", out var property) &&
                          property.ValueKind == JsonValueKind.String
                ? property.GetString()!
                : "(none)";
            if (Major(version) != Major(SchemaVersion))
            {
                throw new RecordVersionException(version);
            }
        }

        return JsonSerializer.Deserialize(json, RecordTypeInfo.Value);
    }

    private static string Major(string version) => version.Split('.')[0];

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
            NewLine = "\n",
            // Metadata comes from the source generator (RecordJsonContext), not from reflection at
            // run time, so the native build serialises exactly what the JIT build does.
            TypeInfoResolver = RecordJsonContext.Default.WithAddedModifier(SortProperties),
        };
        // One converter per enum: the non-generic factory would have to create them with reflection.
        options.Converters.Add(new JsonStringEnumConverter<BodyRole>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<DeadlineKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<DiagnosticSeverity>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<SourceFormat>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<BlockKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<BlockStyle>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new SourceSpanConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Writes the four stored fields of a span; its computed End is not part of the format.</summary>
    /// <summary>
    /// Orders the properties of every object type by their JSON name, ordinally, so that records have
    /// sorted keys at every level without a sorting pass over the written text. Records hold no
    /// dictionaries, whose keys this would not reach; converters write their own keys sorted.
    /// </summary>
    private static void SortProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var sorted = typeInfo.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            sorted[i].Order = i;
        }
    }

    private sealed class SourceSpanConverter : JsonConverter<SourceSpan>
    {
        public override SourceSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            int offset = 0, length = 0, line = 0, page = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.GetInt32();
                switch (name)
                {
                    case "offset": offset = value; break;
                    case "length": length = value; break;
                    case "line": line = value; break;
                    case "page": page = value; break;
                    default: break;
                }
            }

            return new SourceSpan(offset, length, line, page);
        }

        public override void Write(Utf8JsonWriter writer, SourceSpan value, JsonSerializerOptions options)
        {
            // Keys in ordinal order, like every other object of a record.
            writer.WriteStartObject();
            writer.WriteNumber("length", value.Length);
            writer.WriteNumber("line", value.Line);
            writer.WriteNumber("offset", value.Offset);
            writer.WriteNumber("page", value.Page);
            writer.WriteEndObject();
        }
    }
}

/// <summary>A record of a format version this build cannot read.</summary>
public sealed class RecordVersionException : Exception
{
    /// <summary>Creates the exception for a record of <paramref name="version"/>.</summary>
    public RecordVersionException(string version)
        : base($"The record has format version {version}; this build reads {RecordJson.SchemaVersion.Split('.')[0]}.x. " +
               "Process the archive again with 'ingest run --force' to write records of the current version.")
    {
        Version = version;
    }

    /// <summary>The version found in the record.</summary>
    public string Version { get; }
}

/// <summary>
/// Serialisation metadata of records, generated at compile time. Naming and null handling are set
/// again by <see cref="RecordJson"/>'s options, which are the ones used.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FileRecord))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
