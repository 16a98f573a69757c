using System.IO.Compression;
using System.Text;

namespace Ingest.Formats.Tests.Docx;

/// <summary>
/// Builds small DOCX packages from XML fragments, the way Word lays them out, so each test states
/// exactly the markup it exercises.
/// </summary>
internal static class TestDocx
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string Namespaces =
        "xmlns:w=\"" + W + "\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
        "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
        "mc:Ignorable=\"wps\"";

    /// <summary>A package whose body is <paramref name="bodyXml"/>, with optional numbering, styles and footnotes parts.</summary>
    public static byte[] Build(string bodyXml, string? numberingXml = null, string? stylesXml = null, string? footnotesXml = null)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["word/document.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {Namespaces}><w:body>{bodyXml}</w:body></w:document>",
        };
        var relationships = new StringBuilder();
        var overrides = new StringBuilder();
        void AddPart(string name, string root, string inner, string relType, string contentType)
        {
            parts["word/" + name] = $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:{root} {Namespaces}>{inner}</w:{root}>";
            relationships.Append(CultureInvariant($"<Relationship Id=\"rId{relationships.Length}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{relType}\" Target=\"{name}\"/>"));
            overrides.Append($"<Override PartName=\"/word/{name}\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{contentType}+xml\"/>");
        }

        if (numberingXml is not null)
        {
            AddPart("numbering.xml", "numbering", numberingXml, "numbering", "numbering");
        }

        if (stylesXml is not null)
        {
            AddPart("styles.xml", "styles", stylesXml, "styles", "styles");
        }

        if (footnotesXml is not null)
        {
            AddPart("footnotes.xml", "footnotes", footnotesXml, "footnotes", "footnotes");
        }

        parts["word/_rels/document.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relationships + "</Relationships>";
        parts["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
            overrides + "</Types>";
        parts["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
        return Zip(parts);
    }

    /// <summary>A ZIP with exactly these entries (for packages the SDK would refuse to write).</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, string> entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph with plain runs of text.</summary>
    public static string P(string text, string properties = "") => $"<w:p>{(properties.Length > 0 ? "<w:pPr>" + properties + "</w:pPr>" : string.Empty)}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";

    /// <summary>A paragraph numbered with (numId, ilvl).</summary>
    public static string NumberedP(string text, int numId, int level = 0) =>
        P(text, CultureInvariant($"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{numId}\"/></w:numPr>"));

    /// <summary>An abstract numbering level.</summary>
    public static string Level(int index, string format, string text, int start = 1, string extra = "") =>
        CultureInvariant($"<w:lvl w:ilvl=\"{index}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/>{extra}</w:lvl>");

    /// <summary>An abstract numbering definition and a num instance pointing at it.</summary>
    public static string Numbering(int abstractId, string levels, params int[] numIds) =>
        CultureInvariant($"<w:abstractNum w:abstractNumId=\"{abstractId}\">{levels}</w:abstractNum>") +
        string.Concat(numIds.Select(id => CultureInvariant($"<w:num w:numId=\"{id}\"><w:abstractNumId w:val=\"{abstractId}\"/></w:num>")));

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
