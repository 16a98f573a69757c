using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ingest.Output;

namespace Ingest.Pipeline;

/// <summary>What the last run knew about one input file.</summary>
/// <param name="Path">Path relative to the archive root.</param>
/// <param name="Sha256">Hash of the content the record was made from.</param>
/// <param name="Bytes">Size then.</param>
/// <param name="ModifiedTicks">Last-write time (UTC ticks) then; with the size, a shortcut that avoids re-hashing.</param>
/// <param name="Revision">The record's revision.</param>
/// <param name="PreviousSha256">Earlier contents' hashes, oldest first.</param>
/// <param name="SchemaVersion">Record format version the record was written with.</param>
public sealed record ManifestEntry(string Path, string Sha256, long Bytes, long ModifiedTicks, int Revision, IReadOnlyList<string> PreviousSha256, string SchemaVersion);

/// <summary>
/// The incremental-run manifest (<c>manifest.jsonl</c> in the output folder): one line per input
/// file, sorted by path. Lines are independent, so manifests written by runs over parts of an
/// archive on several machines merge by concatenation (<see cref="Merge"/> keeps, per path, the
/// highest revision). Thread-safe for concurrent updates during a run.
/// </summary>
public sealed class Manifest
{
    /// <summary>File name inside the output folder.</summary>
    public const string FileName = "manifest.jsonl";

    private readonly ConcurrentDictionary<string, ManifestEntry> _entries;

    private Manifest(IEnumerable<ManifestEntry> entries)
    {
        _entries = new ConcurrentDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _entries.AddOrUpdate(entry.Path, entry, (_, existing) => existing.Revision >= entry.Revision ? existing : entry);
        }
    }

    /// <summary>An empty manifest (first run, or --force).</summary>
    public static Manifest Empty() => new([]);

    /// <summary>Loads the manifest of an output folder; a missing or unreadable line is skipped (its file is simply redone).</summary>
    public static Manifest Load(string outputDirectory)
    {
        var path = System.IO.Path.Combine(outputDirectory, FileName);
        if (!File.Exists(path))
        {
            return Empty();
        }

        var entries = new List<ManifestEntry>();
        foreach (var line in File.ReadLines(path))
        {
            if (TryParse(line, out var entry))
            {
                entries.Add(entry);
            }
        }

        return new Manifest(entries);
    }

    /// <summary>Merges manifests from several runs (for example, parts of an archive done on different machines).</summary>
    public static Manifest Merge(IEnumerable<Manifest> manifests) => new(manifests.SelectMany(m => m._entries.Values));

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of a path, if any.</summary>
    public ManifestEntry? Find(string path) => _entries.GetValueOrDefault(path);

    /// <summary>Adds or replaces the entry of a path.</summary>
    public void Set(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries[entry.Path] = entry;
    }

    /// <summary>Removes the entry of a path.</summary>
    public void Remove(string path) => _entries.TryRemove(path, out _);

    /// <summary>Paths in the manifest, sorted.</summary>
    public IReadOnlyList<string> Paths => _entries.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Writes the manifest atomically, sorted by path, a line at a time (a large archive's manifest is never one string).</summary>
    public void Save(string outputDirectory)
    {
        var entries = _entries.Values.ToArray();
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Path, b.Path));

        // Every record these entries vouch for was renamed into place before the snapshot above;
        // records are written without a flush each, so flush them all before the manifest says
        // they are done (a power cut must not leave the manifest ahead of the records).
        AtomicFile.FlushFileSystem(outputDirectory);
        AtomicFile.Write(System.IO.Path.Combine(outputDirectory, FileName), stream =>
        {
            foreach (var entry in entries)
            {
                stream.Write(Encoding.UTF8.GetBytes(RecordJson.SerializeLine(ToJson(entry)) + "\n"));
            }
        });
    }

    private static JsonObject ToJson(ManifestEntry entry) => new()
    {
        ["path"] = entry.Path,
        ["sha256"] = entry.Sha256,
        ["bytes"] = entry.Bytes,
        ["modifiedTicks"] = entry.ModifiedTicks,
        ["revision"] = entry.Revision,
        ["previousSha256"] = new JsonArray(entry.PreviousSha256.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        ["schemaVersion"] = entry.SchemaVersion,
    };

    private static bool TryParse(string line, out ManifestEntry entry)
    {
        entry = null!;
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }

        if (node?["path"] is not JsonValue path || node["sha256"] is not JsonValue sha || node["bytes"] is not JsonValue bytes ||
            node["modifiedTicks"] is not JsonValue ticks || node["revision"] is not JsonValue revision ||
            node["previousSha256"] is not JsonArray previous || node["schemaVersion"] is not JsonValue version ||
            !path.TryGetValue<string>(out var pathText) || !sha.TryGetValue<string>(out var shaText) ||
            !bytes.TryGetValue<long>(out var byteCount) || !ticks.TryGetValue<long>(out var tickCount) ||
            !revision.TryGetValue<int>(out var revisionNumber) || !version.TryGetValue<string>(out var versionText))
        {
            return false;
        }

        var earlier = previous.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var h) ? h : null).OfType<string>().ToList();
        entry = new ManifestEntry(pathText, shaText, byteCount, tickCount, revisionNumber, earlier, versionText);
        return true;
    }
}
