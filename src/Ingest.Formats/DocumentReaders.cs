using Ingest.Formats.Doc;
using Ingest.Formats.Docx;
using Ingest.Formats.Html;
using Ingest.Formats.Markdown;
using Ingest.Formats.Pdf;
using Ingest.Formats.PlainText;
using Ingest.Model;

namespace Ingest.Formats;

/// <summary>
/// Detects each file's format and hands it to the reader registered for that format.
/// Thread-safe; one instance serves a whole run.
/// </summary>
public sealed class DocumentReaders
{
    private readonly Dictionary<SourceFormat, IDocumentReader> _readers;

    /// <summary>Creates the registry with the given readers; later readers replace earlier ones of the same format.</summary>
    public DocumentReaders(IEnumerable<IDocumentReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = [];
        foreach (var reader in readers)
        {
            _readers[reader.Format] = reader;
        }
    }

    /// <summary>Every reader Ingest ships, with default options.</summary>
    public static DocumentReaders CreateDefault() => new(
    [
        new PlainTextReader(),
        new MarkdownReader(),
        new DocxReader(),
        new DocReader(),
        new HtmlReader(),
        new PdfReader(),
    ]);

    /// <summary>Formats that have a reader.</summary>
    public IReadOnlyCollection<SourceFormat> SupportedFormats => _readers.Keys;

    /// <summary>Detects the format and reads the file; never throws on bad input.</summary>
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var format = FormatDetector.Detect(file.Content);
        if (!_readers.TryGetValue(format, out var reader))
        {
            var what = format == SourceFormat.Unknown ? "an unrecognised format" : $"{format} (no reader for it in this build)";
            return ReadResult.Failed(format, DiagnosticCodes.UnsupportedFormat, $"The content is {what}.");
        }

        return reader.Read(file, cancellationToken);
    }
}
