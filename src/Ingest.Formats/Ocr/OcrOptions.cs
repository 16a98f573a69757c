namespace Ingest.Formats.Ocr;

/// <summary>Configuration of OCR for PDF pages that have no usable text layer.</summary>
public sealed record OcrOptions
{
    /// <summary>Turns OCR off; pages without a text layer are then reported, not read.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Path of tesseract; null looks it up on PATH.</summary>
    public string? TesseractPath { get; init; }

    /// <summary>
    /// Path of libtesseract, with which pages are recognised inside the process, the language model
    /// loaded once per core instead of once per page; null tries "libtesseract.so.5" and then
    /// "libtesseract.so" on the loader's search path. Empty string, or a library that cannot be
    /// loaded or has no data for <see cref="Language"/>, or a system other than Linux: each page is
    /// recognised by a tesseract process. Both give the same text. The tesseract command must be
    /// installed either way: it remains the reference and the fallback.
    /// </summary>
    public string? TesseractLibraryPath { get; init; }

    /// <summary>Path of Poppler's pdftoppm, which renders the pages; null looks it up on PATH.</summary>
    public string? PdftoppmPath { get; init; }

    /// <summary>Tesseract language (Debian package tesseract-ocr-vie provides "vie").</summary>
    public string Language { get; init; } = "vie";

    /// <summary>
    /// Tesseract page segmentation mode. 6 ("a single uniform block") reads party documents best:
    /// the automatic mode (3) drops short header lines next to seals and stamps. Word positions are
    /// used for layout either way.
    /// </summary>
    public int PageSegmentationMode { get; init; } = 6;

    /// <summary>Rendering resolution; 300 dpi is what Tesseract is trained for.</summary>
    public int Dpi { get; init; } = 300;

    /// <summary>
    /// Whitens red seal and stamp ink before recognition (pages whose images are all grey are not
    /// affected). Party documents are printed in black; the red seal over the signature otherwise
    /// hides the signer's name.
    /// </summary>
    public bool RemoveRedStamps { get; init; } = true;

    /// <summary>Whitens blue stamp ink ("SAO Y", received stamps, ballpoint notes) before recognition.</summary>
    public bool RemoveBlueStamps { get; init; } = true;

    /// <summary>
    /// Pages of one file recognised at once. However many files are read at once, the process
    /// never recognises more pages at once than there are cores.
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Time one page may take (rendering and recognition each).</summary>
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// Directory of cached recognition results, keyed by the SHA-256 of the page image and the
    /// settings; null uses "ingest-ocr-cache" under the system temporary directory. Empty string disables the cache.
    /// </summary>
    public string? CacheDirectory { get; init; }
}
