using Ingest.Model;

namespace Ingest.Formats.PlainText;

/// <summary>
/// Reads plain text in UTF-8 (with or without BOM), UTF-16 or a legacy Vietnamese encoding into
/// paragraphs separated by blank lines.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Text;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = FormatDetector.DecodeText(file.Content);
        var blocks = TextLines.ToParagraphs(decoded.Text);
        var diagnostics = new List<Diagnostic>();
        if (!decoded.Confident)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownEncoding, DiagnosticSeverity.Warning,
                $"The text encoding could not be determined with confidence; read as {decoded.Encoding}."));
        }

        if (blocks.Count == 0)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Empty, "The file holds no text.");
        }

        return new ReadResult(Format, blocks)
        {
            Diagnostics = diagnostics,
            Reading = new ReadingInfo { Encoding = decoded.Encoding },
        };
    }
}
