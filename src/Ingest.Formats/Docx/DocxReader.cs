using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Ingest.Model;

namespace Ingest.Formats.Docx;

/// <summary>
/// Reads Office Open XML word-processing documents (DOCX), opened with the Open XML SDK's package
/// layer, from their XML parts: one block per paragraph, headings from heading styles and outline
/// levels or from their formatting (<see cref="FormattedHeading"/>), Word auto-numbering turned
/// back into printed labels, tables with their cells, text boxes after the paragraph that anchors
/// them, field results (never field codes), and footnotes and endnotes as footnote blocks after
/// the body. Runs in legacy Vietnamese fonts (.VnTime, VNI-Times) are converted to Unicode. Page
/// headers and footers are not read: they are running heads, not content. External relationships
/// are never followed.
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
        try
        {
            var package = DocxPackage.Load(content, PackageGuard.MaxUncompressedBytes, cancellationToken, out var error);
            var body = package?.Document.Element(package.Names.Body);
            if (package is null || body is null)
            {
                error ??= new RecordError(DiagnosticCodes.Corrupt, "The package has no main document part.");
                return ReadResult.Failed(reportAs, error.Code, error.Message);
            }

            var walker = new DocxBodyWalker(package, cancellationToken);
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
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            // The package layer, ZIP and XML readers signal damage with a spread of exception types; all mean "cannot parse".
            return ReadResult.Failed(reportAs, DiagnosticCodes.Corrupt, $"The document could not be parsed ({ex.GetType().Name}): {ex.Message}");
        }
    }
}
