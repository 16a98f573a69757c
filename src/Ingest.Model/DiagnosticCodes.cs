namespace Ingest.Model;

/// <summary>
/// Every diagnostic code the pipeline emits. Codes never change meaning once published;
/// the thousands digit names the stage (1 formats, 2 normalise, 3 structure, 4 extract, 5 output, 9 internal).
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file could not be read at all (I/O error, permission).</summary>
    public const string Unreadable = "ING1001";

    /// <summary>The content is not a format Ingest reads.</summary>
    public const string UnsupportedFormat = "ING1002";

    /// <summary>The file is empty or holds no text.</summary>
    public const string Empty = "ING1003";

    /// <summary>The file is encrypted or password-protected.</summary>
    public const string Encrypted = "ING1004";

    /// <summary>The file is damaged (truncated, bad structure) and could not be parsed.</summary>
    public const string Corrupt = "ING1005";

    /// <summary>The file exceeds a configured limit (size, pages, nesting, expansion).</summary>
    public const string LimitExceeded = "ING1006";

    /// <summary>Processing the file took longer than the per-file time limit.</summary>
    public const string Timeout = "ING1007";

    /// <summary>
    /// Processing the file needed more memory than the per-file limit (<c>ingest run --max-memory-mb</c>);
    /// the worker process that held it was stopped and the batch went on.
    /// </summary>
    public const string MemoryLimitExceeded = "ING1008";

    /// <summary>Pages need OCR but no OCR engine is installed.</summary>
    public const string OcrUnavailable = "ING1010";

    /// <summary>The text encoding could not be determined with confidence.</summary>
    public const string UnknownEncoding = "ING1011";

    /// <summary>Reading the format needs an external converter (LibreOffice for .doc) that is not installed.</summary>
    public const string ConverterUnavailable = "ING1012";

    /// <summary>A legacy Vietnamese encoding (TCVN3, VNI, VISCII, Windows-1258) was detected and converted.</summary>
    public const string LegacyEncodingConverted = "ING2001";

    /// <summary>Much of the text is not valid Vietnamese syllables (bad OCR, wrong encoding).</summary>
    public const string LowTextQuality = "ING2002";

    /// <summary>No document could be found in the file.</summary>
    public const string NoDocument = "ING3001";

    /// <summary>A document has no number/symbol.</summary>
    public const string MissingNumber = "ING3002";

    /// <summary>A document has no issue date.</summary>
    public const string MissingDate = "ING3003";

    /// <summary>The numbered structure skips or repeats a number.</summary>
    public const string SectionNumberingGap = "ING3004";

    /// <summary>
    /// A section label damaged by OCR ("I-" for "II-", "9," for "9.", "9." for "5.") was read as the
    /// label its numbering sequence expects; the message names both.
    /// </summary>
    public const string SectionLabelRepaired = "ING3005";

    /// <summary>The type word before a citation disagrees with its symbol ("Kế hoạch số 03-KL/TW").</summary>
    public const string CitationKindMismatch = "ING4001";

    /// <summary>A cover letter or copy notice names another number than the document it forwards.</summary>
    public const string ForwardedNumberMismatch = "ING4002";

    /// <summary>A time expression could not be resolved to dates; it is kept as relative text.</summary>
    public const string UnresolvedDeadline = "ING4003";

    /// <summary>The record failed validation against the published JSON Schema.</summary>
    public const string SchemaInvalid = "ING5001";

    /// <summary>A record differs from the committed one it was expected to equal (<c>ingest check --expect</c>).</summary>
    public const string RecordChanged = "ING5002";

    /// <summary>An unexpected error inside Ingest; the message holds the exception type.</summary>
    public const string InternalError = "ING9001";
}
