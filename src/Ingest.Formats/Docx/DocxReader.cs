using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Ingest.Model;

namespace Ingest.Formats.Docx;

/// <summary>
/// Reads Office Open XML word-processing documents (DOCX) with the Open XML SDK: one block per
/// paragraph, Word auto-numbering turned back into printed labels, tables with their cells,
/// text boxes after the paragraph that anchors them, field results (never field codes), and
/// footnotes and endnotes as footnote blocks after the body. Runs in legacy Vietnamese fonts
/// (.VnTime, VNI-Times) are converted to Unicode. Page headers and footers are not read: they are
/// running heads, not content. External relationships are never followed.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Docx;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ReadPackage(file.Content, Format, cancellationToken);
    }

    /// <summary>Reads DOCX bytes, reporting the result under <paramref name="reportAs"/> (DOC files arrive here after conversion).</summary>
    internal static ReadResult ReadPackage(byte[] content, SourceFormat reportAs, CancellationToken cancellationToken)
    {
        var guard = PackageGuard.Check(content, cancellationToken);
        if (guard is not null)
        {
            return ReadResult.Failed(reportAs, guard.Code, guard.Message);
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var settings = new OpenSettings { AutoSave = false };
            using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
            var body = document.MainDocumentPart?.Document?.Body;
            if (document.MainDocumentPart is null || body is null)
            {
                return ReadResult.Failed(reportAs, DiagnosticCodes.Corrupt, "The package has no main document part.");
            }

            var walker = new DocxBodyWalker(document.MainDocumentPart, cancellationToken);
            var blocks = walker.Walk(body);
            if (blocks.Count == 0)
            {
                return ReadResult.Failed(reportAs, DiagnosticCodes.Empty, "The document holds no text.");
            }

            var diagnostics = new List<Diagnostic>();
            if (walker.LegacyRunsConverted > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LegacyEncodingConverted, DiagnosticSeverity.Info,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{walker.LegacyRunsConverted} runs in legacy fonts ({string.Join(", ", walker.LegacyFontsSeen)}) were converted to Unicode.")));
            }

            return new ReadResult(reportAs, blocks) { Diagnostics = diagnostics };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            // The SDK signals damaged packages with a spread of exception types; all mean "cannot parse".
            return ReadResult.Failed(reportAs, DiagnosticCodes.Corrupt, $"The document could not be parsed ({ex.GetType().Name}): {ex.Message}");
        }
    }
}
