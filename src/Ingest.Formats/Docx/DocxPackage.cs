using System.IO.Packaging;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Ingest.Model;

namespace Ingest.Formats.Docx;

/// <summary>
/// The parts of a word-processing package the reader needs, as XML trees: the main document and
/// the styles, numbering, footnotes and endnotes parts it relates to. The Open XML SDK's package
/// layer opens the package and finds the parts through their relationships (Open Packaging
/// Conventions, ECMA-376 Part 2), so generators that name parts unlike Word are served, and the
/// strict (ISO/IEC 29500) relationship types are mapped to the transitional ones. Each part's XML
/// is then read from its stream into a plain tree rather than the SDK's typed DOM: the reader
/// only looks at a few dozen element names, and building the typed tree cost more than
/// everything else the reader does. The raw stream is not namespace-translated, so a strict part
/// keeps its strict names, which <see cref="WordNames"/> serves.
/// </summary>
internal sealed class DocxPackage
{
    private DocxPackage(XElement document, XElement? styles, XElement? numbering, XElement? footnotes, XElement? endnotes)
    {
        Document = document;
        Names = WordNames.For(document);
        Styles = styles;
        Numbering = numbering;
        Footnotes = footnotes;
        Endnotes = endnotes;
    }

    public WordNames Names { get; }

    public XElement Document { get; }

    public XElement? Styles { get; }

    public XElement? Numbering { get; }

    public XElement? Footnotes { get; }

    public XElement? Endnotes { get; }

    /// <summary>
    /// Loads the package within the <see cref="PackageGuard"/> limits. Returns null with
    /// <paramref name="error"/> set when a limit is hit, a part is damaged or there is no main
    /// document part. A package the SDK refuses throws (<see cref="OpenXmlPackageException"/>,
    /// <see cref="System.IO.FileFormatException"/>...) for the caller to report.
    /// </summary>
    public static DocxPackage? Load(byte[] content, long maxUncompressedBytes, CancellationToken cancellationToken, out RecordError? error)
    {
        var guard = new PackageGuard(maxUncompressedBytes);
        error = guard.CheckContainer(content, cancellationToken);
        if (error is not null)
        {
            return null;
        }

        // The SDK opens a Package it is handed as it is; handed a stream, SDK 3.x copies the whole
        // package to a temporary file first (seen with strace), which cost more than the rest of
        // the read put together and fails where the temporary folder is not writable.
        using var stream = new MemoryStream(content, writable: false);
        using var opc = Package.Open(stream, FileMode.Open, FileAccess.Read);
        using var word = WordprocessingDocument.Open(opc, OpenSettingsForReading());
        var main = word.MainDocumentPart;
        var document = main is null ? null : Load(main, guard, cancellationToken);
        var package = main is null || document is null ? null : new DocxPackage(
            document,

            // Word 2010 and later write both; the plain styles part is the one every generator writes.
            Load((OpenXmlPart?)main.StyleDefinitionsPart ?? main.StylesWithEffectsPart, guard, cancellationToken),
            Load(main.NumberingDefinitionsPart, guard, cancellationToken),
            Load(main.FootnotesPart, guard, cancellationToken),
            Load(main.EndnotesPart, guard, cancellationToken));
        error = guard.Error ?? (document is null ? new RecordError(DiagnosticCodes.Corrupt, "The package has no main document part.") : null);
        return error is null ? package : null;
    }

    /// <summary>
    /// Never saved; the package is opened read-only as well, which strict documents require.
    /// Markup compatibility is not processed by the SDK: that only applies to its typed DOM, which
    /// is never built; the walker takes the first branch of each mc:AlternateContent itself. The
    /// format version is ignored when nothing is processed (the SDK only rejects its "None").
    /// External relationships are only recorded by the SDK, never fetched, and typed part lookups
    /// only return parts inside the package.
    /// </summary>
    private static OpenSettings OpenSettingsForReading() => new()
    {
        AutoSave = false,
        MarkupCompatibilityProcessSettings = new MarkupCompatibilityProcessSettings(MarkupCompatibilityProcessMode.NoProcess, FileFormatVersions.Office2007),
    };

    private static XElement? Load(OpenXmlPart? part, PackageGuard guard, CancellationToken cancellationToken)
    {
        if (part is null)
        {
            return null;
        }

        using var partStream = part.GetStream(FileMode.Open, FileAccess.Read);
        return guard.Load(partStream, part.Uri.OriginalString, cancellationToken);
    }
}
