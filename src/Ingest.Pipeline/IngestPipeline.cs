using System.Security.Cryptography;
using Ingest.Extract;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Normalize;
using Ingest.Output;
using Ingest.Structure;

namespace Ingest.Pipeline;

/// <summary>
/// Runs the stages for one file: formats → normalise → structure → extract, and builds its
/// record. Stateless and thread-safe: one instance serves every file of a parallel run.
/// </summary>
/// <remarks>
/// <see cref="Process"/> never throws for a bad file: whatever goes wrong becomes a record with
/// status "failed" and an error code, so a batch always gets one record per file.
/// </remarks>
public sealed class IngestPipeline
{
    private readonly DocumentReaders _readers;
    private readonly TextNormalizer _normalizer;
    private readonly IDocumentSplitter _splitter;
    private readonly DocumentExtractor _extractor;

    /// <summary>Composes a pipeline from its stages.</summary>
    public IngestPipeline(DocumentReaders readers, TextNormalizer normalizer, IDocumentSplitter splitter, DocumentExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(extractor);
        _readers = readers;
        _normalizer = normalizer;
        _splitter = splitter;
        _extractor = extractor;
    }

    /// <summary>The pipeline with every default stage.</summary>
    public static IngestPipeline CreateDefault() => new(
        DocumentReaders.CreateDefault(),
        new TextNormalizer(),
        new DocumentSplitter(),
        DocumentExtractor.CreateDefault());

    /// <summary>Processes one file into its record.</summary>
    public FileRecord Process(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sha256 = file.Sha256 ?? Convert.ToHexStringLower(SHA256.HashData(file.Content));
        var source = new SourceInfo(file.RelativePath, sha256, file.Content.LongLength, SourceFormat.Unknown);
        try
        {
            return ProcessUnguarded(file, source, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return Failed(source, DiagnosticCodes.Timeout, "Processing took longer than the per-file time limit.");
        }
        catch (OutOfMemoryException)
        {
            // Under a heap limit (a worker of `ingest run --max-memory-mb`) this is the file's
            // fault, not Ingest's; what the file held is garbage again once the stack unwinds.
            return Failed(source, DiagnosticCodes.MemoryLimitExceeded, MemoryLimitMessage);
        }
#pragma warning disable CA1031 // A batch must outlive any one file: every failure becomes that file's record.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Failed(source, DiagnosticCodes.InternalError, $"Internal error ({exception.GetType().Name}): {exception.Message}");
        }
    }

    /// <summary>The error message of a file that ran out of memory.</summary>
    public const string MemoryLimitMessage = "Processing the file needed more memory than the per-file limit allows.";

    /// <summary>A record for a file that could not be processed.</summary>
    public static FileRecord Failed(SourceInfo source, string code, string message) => new()
    {
        SchemaVersion = RecordJson.SchemaVersion,
        Source = source,
        Status = "failed",
        Error = new RecordError(code, message),
    };

    private FileRecord ProcessUnguarded(SourceFile file, SourceInfo source, CancellationToken cancellationToken)
    {
        var read = _readers.Read(file, cancellationToken);
        source = source with { Format = read.Format };
        if (read.Failure is not null)
        {
            return Failed(source, read.Failure.Code, read.Failure.Message) with { Warnings = read.Diagnostics, Reading = read.Reading };
        }

        cancellationToken.ThrowIfCancellationRequested();
        var normalized = _normalizer.Normalize(read.Blocks);
        cancellationToken.ThrowIfCancellationRequested();
        var structure = _splitter.Split(normalized.Blocks);

        var warnings = new List<Diagnostic>(read.Diagnostics);
        warnings.AddRange(normalized.Diagnostics);
        warnings.AddRange(structure.Diagnostics);

        var documents = new List<DocumentRecord>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < structure.Documents.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = structure.Documents[index];
            var id = DocumentId(document, source.Sha256, index, usedIds);
            var extraction = _extractor.Extract(document, id, index);
            documents.Add(extraction.Document);
            warnings.AddRange(extraction.Diagnostics);
        }

        return new FileRecord
        {
            SchemaVersion = RecordJson.SchemaVersion,
            Source = source,
            Status = "ok",
            Documents = documents,
            Warnings = warnings,
            Reading = read.Reading,
        };
    }

    /// <summary>
    /// The number links the same document across files of an archive; documents without one (news
    /// articles, attachments) get an id from the file's content hash and their position, which
    /// survives re-runs and renames.
    /// </summary>
    private static string DocumentId(StructuredDocument document, string sha256, int index, HashSet<string> used)
    {
        var id = document.Number ?? $"{sha256[..12]}#{index}";
        if (!used.Add(id))
        {
            id = $"{id}#{index}";
            used.Add(id);
        }

        return id;
    }
}
