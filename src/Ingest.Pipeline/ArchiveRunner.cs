using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Output;

namespace Ingest.Pipeline;

/// <summary>Options of a batch run.</summary>
/// <param name="ArchiveRoot">Folder to process, recursively.</param>
/// <param name="OutputDirectory">Where records, the index and the manifest go.</param>
public sealed record RunOptions(string ArchiveRoot, string OutputDirectory)
{
    /// <summary>Files processed at once; defaults to the number of cores.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Files larger than this fail with <see cref="DiagnosticCodes.LimitExceeded"/> without being read.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Time one file may take before it fails with <see cref="DiagnosticCodes.Timeout"/>.</summary>
    public TimeSpan PerFileTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Redo every file even when the manifest says it is unchanged (revisions still continue).</summary>
    public bool Force { get; init; }
}

/// <summary>Progress after each file.</summary>
public sealed record RunProgress(int Done, int Total, string LastPath, TimeSpan Elapsed);

/// <summary>What a batch run did.</summary>
/// <param name="Files">Files in the archive now.</param>
/// <param name="Processed">Files read and processed in this run (new or changed).</param>
/// <param name="Unchanged">Files skipped because the manifest shows the same content.</param>
/// <param name="Removed">Records deleted because their file is gone.</param>
/// <param name="Failed">Files whose record says "failed" (including unchanged ones that failed before).</param>
/// <param name="Warnings">Warnings in the records of processed files.</param>
/// <param name="ByFormat">Files per detected format.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Cancelled">True when the run was stopped before it finished.</param>
/// <param name="BytesProcessed">Total size of the files processed in this run.</param>
/// <param name="PagesProcessed">Pages of the paged files processed in this run (PDF).</param>
/// <param name="OcrPages">Of those, pages whose text came from OCR.</param>
public sealed record RunSummary(int Files, int Processed, int Unchanged, int Removed, int Failed, int Warnings,
    IReadOnlyDictionary<SourceFormat, int> ByFormat, TimeSpan Elapsed, bool Cancelled, long BytesProcessed, int PagesProcessed, int OcrPages);

/// <summary>
/// Processes the files of an archive folder in parallel and writes one record per file
/// (<c>records/&lt;relative path&gt;.json</c>), <c>index.jsonl</c> and <c>manifest.jsonl</c>, each
/// atomically. Incremental: a file whose size and modification time, or failing that content
/// hash, match the manifest is not processed again; records of deleted files are removed.
/// Files are read one at a time per worker, so memory is bounded by the workers, not the archive.
/// </summary>
public sealed class ArchiveRunner
{
    /// <summary>Folder under the output directory that mirrors the archive with one record per file.</summary>
    public const string RecordsFolder = "records";

    /// <summary>File under the output directory with one JSON line per input file.</summary>
    public const string IndexFileName = "index.jsonl";

    /// <summary>Folder under records/ for inputs whose names are too long to take the ".json" suffix.</summary>
    public const string LongNamesFolder = "_long";

    private const int MaxNameBytes = 255;

    // A file whose processing ignores cancellation is abandoned this long after its time limit,
    // so one runaway parser cannot hold up the batch.
    private static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(10);

    // The manifest is saved this often during a run, so a killed run loses at most this much work.
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(10);

    private readonly IngestPipeline _pipeline;

    /// <summary>Creates a runner over a pipeline.</summary>
    public ArchiveRunner(IngestPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>Path of the record written for an input file.</summary>
    public static string RecordPath(string outputDirectory, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        // A name that is already near the file-system limit (255 bytes on Linux) cannot take the
        // ".json" suffix; such records go under _long/ with a name derived from the path's hash.
        if (relativePath.Split('/').Any(segment => Encoding.UTF8.GetByteCount(segment) + 5 > MaxNameBytes))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)));
            return Path.Combine(outputDirectory, RecordsFolder, LongNamesFolder, hash[..32] + ".json");
        }

        return Path.Combine(outputDirectory, RecordsFolder, relativePath.Replace('/', Path.DirectorySeparatorChar) + ".json");
    }

    /// <summary>
    /// Runs the batch. Cancelling stops taking new files; the records, index and manifest of the
    /// files already done are kept, and the summary says the run was cancelled.
    /// </summary>
    public async Task<RunSummary> RunAsync(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(options.OutputDirectory);
        RemoveAbandonedTemporaryFiles(options.OutputDirectory);
        var files = ArchiveFiles.List(options.ArchiveRoot, options.OutputDirectory);
        // Even a forced run reads the manifest: revisions continue, only the skipping is off.
        var manifest = Manifest.Load(options.OutputDirectory);
        var previousIndex = LoadIndex(options.OutputDirectory);
        var entries = new JsonObject?[files.Count];
        var outcomes = new Outcome[files.Count];
        var done = 0;
        var checkpoint = new Checkpoint(stopwatch);
        var cancelled = false;
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, files.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
                (index, token) =>
                {
                    var relative = files[index];
                    (entries[index], outcomes[index]) = ProcessOrSkip(options, relative, manifest, previousIndex, token);
                    var count = Interlocked.Increment(ref done);
                    progress?.Report(new RunProgress(count, files.Count, relative, stopwatch.Elapsed));
                    if (checkpoint.IsDue())
                    {
                        manifest.Save(options.OutputDirectory);
                    }

                    return ValueTask.CompletedTask;
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        var removed = cancelled ? 0 : RemoveDeleted(options.OutputDirectory, files, manifest);
        var written = new List<JsonObject>();
        for (var i = 0; i < files.Count; i++)
        {
            // A cancelled run keeps the index lines of files it did not reach, so nothing is lost.
            var entry = entries[i] ?? (cancelled ? previousIndex.GetValueOrDefault(files[i]) : null);
            if (entry is not null)
            {
                written.Add(entry);
            }
        }

        AtomicFile.WriteAllText(Path.Combine(options.OutputDirectory, IndexFileName), string.Concat(written.Select(e => RecordJson.SerializeLine(e) + "\n")));
        manifest.Save(options.OutputDirectory);

        var byFormat = written.GroupBy(e => ParseFormat(e["format"]?.GetValue<string>())).ToDictionary(g => g.Key, g => g.Count());
        return new RunSummary(
            files.Count,
            outcomes.Count(o => o is { Processed: true }),
            outcomes.Count(o => o is { Processed: false }),
            removed,
            written.Count(e => e["status"]?.GetValue<string>() != "ok"),
            outcomes.Where(o => o is not null).Sum(o => o.Warnings),
            byFormat,
            stopwatch.Elapsed,
            cancelled,
            outcomes.Where(o => o is not null).Sum(o => o.Bytes),
            outcomes.Where(o => o is not null).Sum(o => o.Pages),
            outcomes.Where(o => o is not null).Sum(o => o.OcrPages));
    }

    private (JsonObject Entry, Outcome Outcome) ProcessOrSkip(RunOptions options, string relative, Manifest manifest,
        Dictionary<string, JsonObject> previousIndex, CancellationToken cancellationToken)
    {
        var fullPath = Path.Combine(Path.GetFullPath(options.ArchiveRoot), relative.Replace('/', Path.DirectorySeparatorChar));
        var recordPath = RecordPath(options.OutputDirectory, relative);
        var known = manifest.Find(relative);
        var previous = previousIndex.GetValueOrDefault(relative);
        var canSkip = !options.Force && known is not null && previous is not null && known.SchemaVersion == RecordJson.SchemaVersion && File.Exists(recordPath);

        FileInfo info;
        try
        {
            info = new FileInfo(fullPath);
            if (info.LinkTarget is not null && !IsInside(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName, options.ArchiveRoot))
            {
                // Following it would read a file the archive does not contain (a link to /etc, say).
                var outside = IngestPipeline.Failed(new SourceInfo(relative, new string('0', 64), 0, SourceFormat.Unknown),
                    DiagnosticCodes.Unreadable, "The file is a symbolic link to a place outside the archive, or a broken link; it was not followed.");
                return (Write(options, relative, outside, manifest, 0), new Outcome(true, 0));
            }

            var length = info.Length;
            var ticks = info.LastWriteTimeUtc.Ticks;
            if (canSkip && known!.Bytes == length && known.ModifiedTicks == ticks)
            {
                return (previous!, new Outcome(false, 0));
            }

            if (length > options.MaxFileBytes)
            {
                var tooLarge = IngestPipeline.Failed(new SourceInfo(relative, new string('0', 64), length, SourceFormat.Unknown),
                    DiagnosticCodes.LimitExceeded, $"The file is {length} bytes; the limit is {options.MaxFileBytes}.");
                return (Write(options, relative, tooLarge, manifest, ticks), new Outcome(true, 0));
            }

            var content = File.ReadAllBytes(fullPath);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            if (canSkip && known!.Sha256 == sha256)
            {
                // Touched but not changed: remember the new time so the next run skips it cheaply.
                manifest.Set(known with { ModifiedTicks = ticks, Bytes = length });
                return (previous!, new Outcome(false, 0));
            }

            var record = ProcessWithTimeout(options, new SourceFile(relative, content) { FullPath = fullPath, Sha256 = sha256 }, cancellationToken);
            if (known is not null && known.Sha256 != sha256)
            {
                record = record with { Revision = known.Revision + 1, PreviousSha256 = [.. known.PreviousSha256, known.Sha256] };
            }
            else if (known is not null)
            {
                record = record with { Revision = known.Revision, PreviousSha256 = known.PreviousSha256 };
            }

            return (Write(options, relative, record, manifest, ticks), new Outcome(true, record.Warnings.Count, length, record.Reading?.Pages ?? 0, record.Reading?.OcrPages.Count ?? 0));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var unreadable = IngestPipeline.Failed(new SourceInfo(relative, new string('0', 64), 0, SourceFormat.Unknown),
                DiagnosticCodes.Unreadable, $"The file could not be read: {exception.Message}");
            return (Write(options, relative, unreadable, manifest, 0), new Outcome(true, 0));
        }
    }

    private FileRecord ProcessWithTimeout(RunOptions options, SourceFile file, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PerFileTimeout);
        var work = Task.Run(() => _pipeline.Process(file, timeout.Token), CancellationToken.None);
        if (work.Wait(options.PerFileTimeout + AbandonGrace, CancellationToken.None))
        {
            return work.Result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var sha256 = file.Sha256 ?? Convert.ToHexStringLower(SHA256.HashData(file.Content));
        return IngestPipeline.Failed(new SourceInfo(file.RelativePath, sha256, file.Content.LongLength, SourceFormat.Unknown),
            DiagnosticCodes.Timeout, $"Processing did not finish within {options.PerFileTimeout.TotalSeconds:0} s and was abandoned.");
    }

    private static JsonObject Write(RunOptions options, string relative, FileRecord record, Manifest manifest, long modifiedTicks)
    {
        var recordPath = RecordPath(options.OutputDirectory, relative);
        AtomicFile.WriteAllText(recordPath, RecordJson.Serialize(record));
        manifest.Set(new ManifestEntry(relative, record.Source.Sha256, record.Source.Bytes, modifiedTicks, record.Revision, record.PreviousSha256, record.SchemaVersion));
        return IndexEntry(record, Path.GetRelativePath(options.OutputDirectory, recordPath).Replace(Path.DirectorySeparatorChar, '/'));
    }

    /// <summary>A run killed between writing a temporary file and renaming it leaves the temporary file; the next run removes it.</summary>
    private static void RemoveAbandonedTemporaryFiles(string outputDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(outputDirectory, AtomicFile.TemporaryPattern, SearchOption.AllDirectories))
        {
            File.Delete(file);
        }
    }

    private static int RemoveDeleted(string outputDirectory, IReadOnlyList<string> files, Manifest manifest)
    {
        var present = files.ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var path in manifest.Paths.Where(p => !present.Contains(p)))
        {
            var recordPath = RecordPath(outputDirectory, path);
            if (File.Exists(recordPath))
            {
                File.Delete(recordPath);
            }

            manifest.Remove(path);
            removed++;
        }

        return removed;
    }

    private static Dictionary<string, JsonObject> LoadIndex(string outputDirectory)
    {
        var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var path = Path.Combine(outputDirectory, IndexFileName);
        if (!File.Exists(path))
        {
            return index;
        }

        foreach (var line in File.ReadLines(path))
        {
            try
            {
                if (JsonNode.Parse(line) is JsonObject entry && entry["path"] is JsonValue value && value.TryGetValue<string>(out var relative))
                {
                    index[relative] = entry;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged line only costs re-processing that file.
            }
        }

        return index;
    }

    private static bool IsInside(string? path, string root)
    {
        if (path is null)
        {
            return false;
        }

        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(fullRoot, StringComparison.Ordinal);
    }

    private static SourceFormat ParseFormat(string? name) =>
        Enum.TryParse<SourceFormat>(name, ignoreCase: true, out var format) ? format : SourceFormat.Unknown;

    /// <summary>The index line of a record: what a consumer needs to find and triage it without opening it.</summary>
    public static JsonObject IndexEntry(FileRecord record, string recordPath)
    {
        ArgumentNullException.ThrowIfNull(record);
        var documents = new JsonArray();
        foreach (var document in record.Documents)
        {
            documents.Add(new JsonObject
            {
                ["id"] = document.Id,
                ["kind"] = document.Kind,
                ["number"] = document.Number,
            });
        }

        return new JsonObject
        {
            ["path"] = record.Source.Path,
            ["sha256"] = record.Source.Sha256,
            ["bytes"] = record.Source.Bytes,
            ["format"] = record.Source.Format.ToString().ToLowerInvariant(),
            ["status"] = record.Status,
            ["error"] = record.Error?.Code,
            ["record"] = recordPath,
            ["revision"] = record.Revision,
            ["documents"] = documents,
            ["warnings"] = record.Warnings.Count,
            ["schemaVersion"] = record.SchemaVersion,
        };
    }

    private sealed record Outcome(bool Processed, int Warnings, long Bytes = 0, int Pages = 0, int OcrPages = 0);

    private sealed class Checkpoint(Stopwatch clock)
    {
        private readonly Lock _gate = new();
        private TimeSpan _last = TimeSpan.Zero;

        public bool IsDue()
        {
            lock (_gate)
            {
                if (clock.Elapsed - _last < CheckpointInterval)
                {
                    return false;
                }

                _last = clock.Elapsed;
                return true;
            }
        }
    }
}
