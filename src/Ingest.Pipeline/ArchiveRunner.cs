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
    /// <summary>
    /// Files processed at once by default: two per core. A file's worker also waits (creating its
    /// record on disk, a garbage collection on the other thread), and a second file per core keeps
    /// the core busy meanwhile: on 2 cores, 666 HTML files took about 7 % less time with 4 workers
    /// than with 2. OCR is unaffected: recognisers are limited to one per core across the run.
    /// </summary>
    public static int DefaultParallelism => 2 * Environment.ProcessorCount;

    /// <summary>Files processed at once; defaults to <see cref="DefaultParallelism"/>.</summary>
    public int MaxParallelism { get; init; } = DefaultParallelism;

    /// <summary>Files larger than this fail with <see cref="DiagnosticCodes.LimitExceeded"/> without being read.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Time one file may take before it fails with <see cref="DiagnosticCodes.Timeout"/>.</summary>
    public TimeSpan PerFileTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Redo every file even when the manifest says it is unchanged (revisions still continue).</summary>
    public bool Force { get; init; }

    /// <summary>
    /// Memory one file may take, in bytes; null processes files in this process, without a limit.
    /// When set, files are processed by worker processes started with <see cref="WorkerStartInfo"/>,
    /// whose heap is capped at this size; a file that needs more fails with
    /// <see cref="DiagnosticCodes.MemoryLimitExceeded"/>, and the batch goes on.
    /// </summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>How to start a worker process (<c>ingest worker</c>); required with <see cref="MaxMemoryBytes"/>.</summary>
    public Func<System.Diagnostics.ProcessStartInfo>? WorkerStartInfo { get; init; }
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
    IReadOnlyDictionary<SourceFormat, int> ByFormat, TimeSpan Elapsed, bool Cancelled, long BytesProcessed, int PagesProcessed, int OcrPages)
{
    /// <summary>Largest resident memory of a worker process, in bytes; 0 when files were processed in-process.</summary>
    public long WorkerPeakBytes { get; init; }
}

/// <summary>
/// Processes the files of an archive folder in parallel and writes one record per file
/// (<c>records/&lt;relative path&gt;.json</c>), <c>index.jsonl</c> and <c>manifest.jsonl</c>, each
/// atomically. Incremental: a file whose size and modification time, or failing that content
/// hash, match the manifest is not processed again; records of deleted files are removed.
/// Files are read one at a time per worker, and index lines go to disk as files finish, so memory
/// is bounded by the workers, not the archive (the manifest and a few numbers per file stay in memory).
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

    // In-process, a file whose processing ignores cancellation is abandoned this long after its
    // time limit, so one runaway parser cannot hold up the batch (a worker process is killed instead).
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
        if (options.MaxMemoryBytes is not null && options.WorkerStartInfo is null)
        {
            throw new ArgumentException("A memory limit needs a way to start worker processes.", nameof(options));
        }

        var stopwatch = Stopwatch.StartNew();
        EnsurePoolThreads(options.MaxParallelism);
        Directory.CreateDirectory(options.OutputDirectory);
        RemoveAbandonedTemporaryFiles(options.OutputDirectory);
        var files = ArchiveFiles.List(options.ArchiveRoot, options.OutputDirectory);
        // Even a forced run reads the manifest: revisions continue, only the skipping is off.
        var manifest = Manifest.Load(options.OutputDirectory);
        var indexPath = Path.Combine(options.OutputDirectory, IndexFileName);
        var previousIndex = PreviousIndex.Open(indexPath, files);
        using var previousIndexLifetime = previousIndex;
        using var lines = new IndexSpill(options.OutputDirectory, files.Count);
        using var workers = options.MaxMemoryBytes is { } limit ? new WorkerPool(options.WorkerStartInfo!, limit) : null;
        var tally = new Tally();
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
                    ProcessOrSkip(options, index, relative, manifest, previousIndex, lines, workers, tally, token);
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
        // A cancelled run keeps the index lines of files it did not reach, so nothing is lost.
        var written = WriteIndex(indexPath, files.Count, lines, cancelled ? previousIndex : null, previousIndex);
        manifest.Save(options.OutputDirectory);

        return new RunSummary(files.Count, tally.Processed, tally.Unchanged, removed, written.Failed, tally.Warnings, written.ByFormat,
            stopwatch.Elapsed, cancelled, tally.Bytes, tally.Pages, tally.OcrPages)
        {
            WorkerPeakBytes = workers?.PeakBytes ?? 0,
        };
    }

    private void ProcessOrSkip(RunOptions options, int index, string relative, Manifest manifest, PreviousIndex previousIndex,
        IndexSpill lines, WorkerPool? workers, Tally tally, CancellationToken cancellationToken)
    {
        var fullPath = Path.Combine(Path.GetFullPath(options.ArchiveRoot), relative.Replace('/', Path.DirectorySeparatorChar));
        var recordPath = RecordPath(options.OutputDirectory, relative);
        var known = manifest.Find(relative);
        var canSkip = !options.Force && known is not null && previousIndex.Has(index) && known.SchemaVersion == RecordJson.SchemaVersion && File.Exists(recordPath);

        bool Skip()
        {
            if (previousIndex.Line(index) is not { } line)
            {
                return false;
            }

            lines.Set(index, line);
            tally.Skipped();
            return true;
        }

        void Fail(long bytes, long ticks, string code, string message)
        {
            var job = NewJob(options, relative, fullPath, new string('0', 64), null);
            // Its bytes were not processed: they do not count towards the run's MB/s.
            Record(FileJobs.WriteFailure(job, bytes, code, message), ticks, countBytes: false);
        }

        void Record(FileResult result, long ticks, bool countBytes = true)
        {
            manifest.Set(new ManifestEntry(relative, result.Sha256, result.Bytes, ticks, result.Revision, result.PreviousSha256, result.SchemaVersion));
            lines.Set(index, result.IndexLine);
            tally.Add(result, countBytes);
        }

        try
        {
            var info = new FileInfo(fullPath);
            if (info.LinkTarget is not null && !IsInside(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName, options.ArchiveRoot))
            {
                // Following it would read a file the archive does not contain (a link to /etc, say).
                Fail(0, 0, DiagnosticCodes.Unreadable, "The file is a symbolic link to a place outside the archive, or a broken link; it was not followed.");
                return;
            }

            var length = info.Length;
            var ticks = info.LastWriteTimeUtc.Ticks;
            if (canSkip && known!.Bytes == length && known.ModifiedTicks == ticks && Skip())
            {
                return;
            }

            if (length > options.MaxFileBytes)
            {
                Fail(length, ticks, DiagnosticCodes.LimitExceeded, $"The file is {length} bytes; the limit is {options.MaxFileBytes}.");
                return;
            }

            // A size of 0 is an empty file, or a FIFO, socket or device that reports none: opening
            // those could block forever or never end, and there is nothing to read in any of them.
            // Under a memory limit a file is hashed as a stream: the runner never holds a file, its worker does.
            var content = length == 0 ? [] : workers is null ? File.ReadAllBytes(fullPath) : null;
            var sha256 = content is null ? HashFile(fullPath) : Convert.ToHexStringLower(SHA256.HashData(content));
            if (canSkip && known!.Sha256 == sha256 && Skip())
            {
                // Touched but not changed: remember the new time so the next run skips it cheaply.
                manifest.Set(known with { ModifiedTicks = ticks, Bytes = length });
                return;
            }

            var job = NewJob(options, relative, fullPath, sha256, known);
            var result = content is not null ? ProcessInProcess(job, content, length, cancellationToken) : workers!.Run(job, length, cancellationToken);
            Record(result, ticks);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(0, 0, DiagnosticCodes.Unreadable, $"The file could not be read: {exception.Message}");
        }
    }

    private static FileJob NewJob(RunOptions options, string relative, string fullPath, string sha256, ManifestEntry? known)
    {
        var recordPath = RecordPath(options.OutputDirectory, relative);
        var (revision, previous) = known switch
        {
            null => (1, (IReadOnlyList<string>)[]),
            _ when known.Sha256 != sha256 => (known.Revision + 1, [.. known.PreviousSha256, known.Sha256]),
            _ => (known.Revision, known.PreviousSha256),
        };
        return new FileJob(relative, fullPath, sha256, recordPath,
            Path.GetRelativePath(options.OutputDirectory, recordPath).Replace(Path.DirectorySeparatorChar, '/'),
            revision, previous, options.PerFileTimeout.TotalSeconds);
    }

    /// <summary>
    /// Each parallel worker is a pool thread that waits for its file on a second pool thread, so a
    /// run needs twice its parallelism in threads at once. The pool starts with one per core and
    /// adds threads slowly, which left a 2-core run on one core; the minimum is raised to what the
    /// run needs (never lowered).
    /// </summary>
    private static void EnsurePoolThreads(int parallelism)
    {
        var needed = (2 * Math.Max(1, parallelism)) + 2;
        ThreadPool.GetMinThreads(out var workerThreads, out var completionPortThreads);
        if (workerThreads < needed)
        {
            ThreadPool.SetMinThreads(needed, completionPortThreads);
        }
    }

    private FileResult ProcessInProcess(FileJob job, byte[] content, long length, CancellationToken cancellationToken)
    {
        // The file runs on another pool thread so that a file that ignores its time limit can be
        // abandoned; RunAsync guarantees the pool threads for this. The wait neither spins nor
        // allocates a kernel handle: both cost measurable CPU per file when workers equal cores.
        var work = Task.Run(() => FileJobs.Process(_pipeline, job, content, cancellationToken), CancellationToken.None);
        var finished = new ManualResetEventSlim(initialState: false, spinCount: 0);
        work.ContinueWith(static (_, state) => ((ManualResetEventSlim)state!).Set(), finished, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (finished.Wait(TimeSpan.FromSeconds(job.TimeoutSeconds) + AbandonGrace))
        {
            finished.Dispose();
            return FileJobs.Write(job, work.Result);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return FileJobs.WriteFailure(job, length, DiagnosticCodes.Timeout, $"Processing did not finish within {job.TimeoutSeconds:0} s and was abandoned.");
    }

    private static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Writes index.jsonl in archive order from the lines of this run and, for a cancelled run, the
    /// previous lines of the files it did not reach; counts failures and formats on the way.
    /// </summary>
    private static (int Failed, Dictionary<SourceFormat, int> ByFormat) WriteIndex(string indexPath, int files, IndexSpill lines,
        PreviousIndex? keepFrom, IDisposable previousIndex)
    {
        var failed = 0;
        var byFormat = new Dictionary<SourceFormat, int>();
        AtomicFile.Write(indexPath, stream =>
        {
            for (var i = 0; i < files; i++)
            {
                if ((lines.Line(i) ?? keepFrom?.Line(i)) is not { } line)
                {
                    continue;
                }

                stream.Write(line);
                var (format, ok) = Triage(line);
                byFormat[format] = byFormat.GetValueOrDefault(format) + 1;
                failed += ok ? 0 : 1;
            }

            // The old index is read up to here; it must be closed before the new one replaces it.
            previousIndex.Dispose();
        });
        return (failed, byFormat);
    }

    private static (SourceFormat Format, bool Ok) Triage(byte[] line)
    {
        using var entry = System.Text.Json.JsonDocument.Parse(line);
        var root = entry.RootElement;
        var format = root.TryGetProperty("format", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.String ? ParseFormat(f.GetString()) : SourceFormat.Unknown;
        var ok = root.TryGetProperty("status", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.String && s.ValueEquals("ok"u8);
        return (format, ok);
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
            documents.Add((JsonNode)new JsonObject
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

    /// <summary>Counts of a run, updated by the parallel workers.</summary>
    private sealed class Tally
    {
        private int _processed;
        private int _unchanged;
        private int _warnings;
        private long _bytes;
        private int _pages;
        private int _ocrPages;

        public int Processed => _processed;

        public int Unchanged => _unchanged;

        public int Warnings => _warnings;

        public long Bytes => Interlocked.Read(ref _bytes);

        public int Pages => _pages;

        public int OcrPages => _ocrPages;

        public void Skipped() => Interlocked.Increment(ref _unchanged);

        public void Add(FileResult result, bool countBytes)
        {
            Interlocked.Increment(ref _processed);
            Interlocked.Add(ref _warnings, result.Warnings);
            Interlocked.Add(ref _bytes, countBytes ? result.Bytes : 0);
            Interlocked.Add(ref _pages, result.Pages);
            Interlocked.Add(ref _ocrPages, result.OcrPages);
        }
    }

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
