namespace Ingest.Formats;

/// <summary>
/// Turns one file of one format into blocks. Implementations are stateless and thread-safe, so one
/// instance serves every file of a parallel run. Bad input never throws: it comes back as
/// <see cref="ReadResult.Failure"/> or diagnostics.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The format this reader handles.</summary>
    Model.SourceFormat Format { get; }

    /// <summary>Reads the file. Honours <paramref name="cancellationToken"/> between pages/parts.</summary>
    ReadResult Read(SourceFile file, CancellationToken cancellationToken);
}
