using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Output;

namespace Ingest.Pipeline;

/// <summary>
/// One file to process and the record history it continues. The runner builds it; it is run either
/// in the runner's own process or, under a memory limit, by a worker process (it crosses the pipe as JSON).
/// </summary>
/// <param name="RelativePath">Path relative to the archive root, '/' separators.</param>
/// <param name="FullPath">Where to read the file.</param>
/// <param name="Sha256">Hash the runner computed (the manifest compares it).</param>
/// <param name="RecordPath">Where the record goes.</param>
/// <param name="IndexRecordPath">The record's path relative to the output folder, as the index names it.</param>
/// <param name="Revision">Revision of the record to write.</param>
/// <param name="PreviousSha256">Earlier contents' hashes, oldest first.</param>
/// <param name="TimeoutSeconds">Time the file may take before it fails with <see cref="DiagnosticCodes.Timeout"/>.</param>
public sealed record FileJob(string RelativePath, string FullPath, string Sha256, string RecordPath, string IndexRecordPath,
    int Revision, IReadOnlyList<string> PreviousSha256, double TimeoutSeconds);

/// <summary>What processing one file left behind: its record is on disk; this is what the runner needs of it.</summary>
/// <param name="IndexLine">The file's line in index.jsonl (no line end).</param>
/// <param name="Sha256">Hash of the content the record was made from.</param>
/// <param name="Bytes">Size of that content.</param>
/// <param name="Revision">The record's revision.</param>
/// <param name="PreviousSha256">Earlier contents' hashes.</param>
/// <param name="SchemaVersion">Record format version.</param>
/// <param name="ErrorCode">The record's error code; null when it is "ok".</param>
/// <param name="Warnings">Warnings in the record.</param>
/// <param name="Pages">Pages read (paged formats).</param>
/// <param name="OcrPages">Pages whose text came from OCR.</param>
public sealed record FileResult(string IndexLine, string Sha256, long Bytes, int Revision, IReadOnlyList<string> PreviousSha256,
    string SchemaVersion, string? ErrorCode, int Warnings, int Pages, int OcrPages)
{
    /// <summary>Peak resident memory of the worker process that made it, in bytes; 0 when made in-process.</summary>
    public long WorkerPeakBytes { get; init; }
}

/// <summary>Runs a <see cref="FileJob"/> and writes its record; shared by the in-process runner and the worker process.</summary>
public static class FileJobs
{
    /// <summary>
    /// Reads (unless <paramref name="content"/> is given: the runner already read it to hash it)
    /// and processes one file into its record, within the job's time limit. Never throws for a bad file.
    /// </summary>
    public static FileRecord Process(IngestPipeline pipeline, FileJob job, byte[]? content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(job);
        FileRecord record;
        try
        {
            content ??= File.ReadAllBytes(job.FullPath);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(job.TimeoutSeconds));
            record = pipeline.Process(new SourceFile(job.RelativePath, content) { FullPath = job.FullPath, Sha256 = job.Sha256 }, timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            record = IngestPipeline.Failed(new SourceInfo(job.RelativePath, job.Sha256, 0, SourceFormat.Unknown),
                DiagnosticCodes.Unreadable, $"The file could not be read: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            record = IngestPipeline.Failed(new SourceInfo(job.RelativePath, job.Sha256, content?.LongLength ?? 0, SourceFormat.Unknown),
                DiagnosticCodes.Timeout, $"Processing did not finish within {job.TimeoutSeconds:0} s.");
        }
        catch (OutOfMemoryException)
        {
            // Reading the file itself can exhaust a worker's heap (a file just under --max-file-mb).
            record = IngestPipeline.Failed(new SourceInfo(job.RelativePath, job.Sha256, 0, SourceFormat.Unknown),
                DiagnosticCodes.MemoryLimitExceeded, IngestPipeline.MemoryLimitMessage);
        }

        return record;
    }

    /// <summary>Gives a record the job's revision history, writes it atomically, and returns its result.</summary>
    public static FileResult Write(FileJob job, FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(record);
        record = record with { Revision = job.Revision, PreviousSha256 = job.PreviousSha256 };
        // Not flushed one by one: Manifest.Save flushes the file system before it vouches for records.
        AtomicFile.WriteUnflushed(job.RecordPath, stream => RecordJson.Write(stream, record));
        var index = ArchiveRunner.IndexEntry(record, job.IndexRecordPath);
        return new FileResult(RecordJson.SerializeLine(index), record.Source.Sha256, record.Source.Bytes, record.Revision, record.PreviousSha256,
            record.SchemaVersion, record.Error?.Code, record.Warnings.Count, record.Reading?.Pages ?? 0, record.Reading?.OcrPages.Count ?? 0);
    }

    /// <summary>A failure record for a job whose file was never processed (timeout, dead worker).</summary>
    public static FileResult WriteFailure(FileJob job, long bytes, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Write(job, IngestPipeline.Failed(new SourceInfo(job.RelativePath, job.Sha256, bytes, SourceFormat.Unknown), code, message));
    }

}

/// <summary>
/// How jobs and results travel between the runner and its worker processes (one JSON line each),
/// with metadata generated at compile time so that the native build needs no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FileJob))]
[JsonSerializable(typeof(FileResult))]
internal sealed partial class WireJson : JsonSerializerContext;
