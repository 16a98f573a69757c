using Ingest.Model;

namespace Ingest.Formats;

/// <summary>
/// What a reader made of a file. Either <see cref="Failure"/> is set (the file could not be read)
/// or <see cref="Blocks"/> holds its content; <see cref="Diagnostics"/> may be non-empty in both cases.
/// </summary>
public sealed record ReadResult(SourceFormat Format, IReadOnlyList<Block> Blocks)
{
    /// <summary>Findings that did not stop reading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>How the file was read (encoding, pages, OCR), where worth recording.</summary>
    public ReadingInfo? Reading { get; init; }

    /// <summary>Why the file could not be read; null on success.</summary>
    public RecordError? Failure { get; init; }

    /// <summary>A failed read with a code from <see cref="DiagnosticCodes"/>.</summary>
    public static ReadResult Failed(SourceFormat format, string code, string message) =>
        new(format, []) { Failure = new RecordError(code, message) };
}
