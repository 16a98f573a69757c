using Ingest.Model;
using Ingest.Structure.Body;
using Ingest.Structure.Header;
using Ingest.Structure.Lines;
using Ingest.Structure.Segmentation;
using Ingest.Structure.Text;

namespace Ingest.Structure;

/// <summary>
/// The structure stage: splits a file's normalised blocks into its documents (a cover letter, the
/// document it forwards, copy notices) and reads each one's header, numbered sections, signature and
/// recipients. Works on lines, so headers that an export collapsed into one block, hard-wrapped text
/// and page breaks inside paragraphs are handled the same way for every format. Linear in the size of
/// the input. Stateless and thread-safe; never throws on odd input (an unexpected failure comes back
/// as an <see cref="DiagnosticCodes.InternalError"/> diagnostic).
/// </summary>
/// <remarks>
/// Section ids join the printed labels of the path with dots (GOLD.md): Roman numerals upper case,
/// "2.1" under "2" adds "1" ("I.2.1"), points add their letter ("I.1.a"). Nesting follows the label
/// systems, never Markdown heading levels. Articles of a Quy định or Quyết định are sections with id
/// and label "Điều 1" (the unit such documents are cited by); their clauses and points nest under them
/// ("Điều 1.2", "Điều 1.2.a"). Chapters and parts ("Chương I", "Phần II") are sections that contain
/// what follows them ("Chương I.Điều 1"). Text with no header is one "Bài báo" whose numbered items are
/// top-level sections.
/// </remarks>
public sealed class DocumentSplitter : IDocumentSplitter
{
    /// <inheritdoc />
    public StructureResult Split(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var diagnostics = new List<Diagnostic>();
        try
        {
            return SplitCore(blocks, diagnostics);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or StackOverflowException))
        {
            // A rule that fails on some input must cost that file its structure, not the run.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InternalError, DiagnosticSeverity.Error, $"Structure stage failed: {exception.GetType().FullName}."));
            return new StructureResult([], diagnostics);
        }
    }

    private static StructureResult SplitCore(IReadOnlyList<Block> blocks, List<Diagnostic> diagnostics)
    {
        var flat = LineFlattener.Flatten(blocks);
        var drafts = DocumentSegmenter.Segment(flat);
        var wrapWidth = ParagraphAssembler.EstimateFileWrapWidth(flat.Lines);
        var documents = new List<StructuredDocument>();
        foreach (var draft in drafts)
        {
            var document = DocumentBuilder.Build(draft, documents.Count, wrapWidth, diagnostics);
            if (document is not null)
            {
                documents.Add(document);
            }
        }

        DocumentLinks.Link(documents);
        for (var i = 0; i < documents.Count; i++)
        {
            ReportMissingHeaderFields(documents[i], i, diagnostics);
        }

        if (documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoDocument, DiagnosticSeverity.Warning, "The file holds no document text."));
        }

        return new StructureResult(documents, diagnostics);
    }

    /// <summary>
    /// A party document carries a number and a date in its header; a news report has neither, and an
    /// attachment takes them from its parent (real 01: the Quy trình attached to 331-QĐ/TW).
    /// </summary>
    private static void ReportMissingHeaderFields(StructuredDocument document, int index, List<Diagnostic> diagnostics)
    {
        if (document.Kind == DocumentKind.NewsArticle || document.AttachedTo is not null)
        {
            return;
        }

        if (document.Number is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingNumber, DiagnosticSeverity.Warning, $"The {document.Kind} has no number in its header.")
            {
                DocumentIndex = index,
                Span = document.Span,
            });
        }

        if (document.IssuedOn is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingDate, DiagnosticSeverity.Warning, $"The {document.Kind} has no date line in its header.")
            {
                DocumentIndex = index,
                Span = document.Span,
            });
        }
    }
}
