namespace Ingest.Model;

/// <summary>File formats, detected from content rather than from the file name.</summary>
public enum SourceFormat
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>Plain text in any supported encoding.</summary>
    Text,

    /// <summary>Markdown (CommonMark with the common extensions).</summary>
    Markdown,

    /// <summary>HTML, for example a page saved from a website.</summary>
    Html,

    /// <summary>Office Open XML word-processing document.</summary>
    Docx,

    /// <summary>Word 97-2003 binary document (OLE2 compound file).</summary>
    Doc,

    /// <summary>PDF, with or without a text layer.</summary>
    Pdf,
}
