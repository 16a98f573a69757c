using System.Globalization;
using Ingest.Formats.Ocr;
using Ingest.Model;
using Ingest.Vietnamese;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Ingest.Formats.Pdf;

/// <summary>
/// Reads PDF with PdfPig: words from the text layer (legacy Vietnamese fonts converted), laid out
/// into lines, tables and paragraphs by <see cref="PdfLayout"/>. Pages without a usable text layer
/// (scans) are recognised with Tesseract when it is installed; the result records which pages
/// were recognised and the mean confidence. Without Tesseract those pages are reported with the
/// install command and the rest of the file is still read.
/// </summary>
public sealed class PdfReader : IDocumentReader
{
    /// <summary>Fewer visible characters than this on a page means "no text layer" (a scan with a stray page number).</summary>
    private const int MinTextLayerCharacters = 20;

    /// <summary>Below this share of plausible characters the text layer is garbage (fonts without a Unicode map).</summary>
    private const double MinPlausibleShare = 0.7;

    private readonly PdfReaderOptions _options;

    /// <summary>Creates the reader with default options (OCR on when Tesseract is installed).</summary>
    public PdfReader()
        : this(new PdfReaderOptions())
    {
    }

    /// <summary>Creates the reader with the given options.</summary>
    public PdfReader(PdfReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Pdf;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        List<PageText?> pages;
        try
        {
            using var document = PdfDocument.Open(file.Content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > _options.MaxPages)
            {
                return ReadResult.Failed(Format, DiagnosticCodes.LimitExceeded,
                    string.Create(CultureInfo.InvariantCulture, $"The PDF has {document.NumberOfPages} pages; the limit is {_options.MaxPages}."));
            }

            pages = [];
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(TextLayer(document.GetPage(number)));
            }
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Encrypted, $"The PDF is encrypted and cannot be opened without its password: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damaged files with many exception types (format, index, argument,
            // invalid operation); every one of them means the file cannot be parsed.
            return ReadResult.Failed(Format, DiagnosticCodes.Corrupt, $"The PDF could not be parsed ({ex.GetType().Name}): {ex.Message}");
        }

        var diagnostics = new List<Diagnostic>();
        var reading = new ReadingInfo { Pages = pages.Count };
        var needOcr = pages.Select((p, i) => (Page: p, Number: i + 1)).Where(p => p.Page is null).Select(p => p.Number).ToList();
        string? ocrUnavailable = null;
        if (needOcr.Count > 0)
        {
            (ocrUnavailable, reading) = RunOcr(file.Content, needOcr, pages, reading, diagnostics, cancellationToken);
        }

        var blocks = PdfLayout.Build(pages.OfType<PageText>().OrderBy(p => p.Number).ToList(), cancellationToken);
        if (blocks.Count == 0)
        {
            var failure = ocrUnavailable is not null
                ? ReadResult.Failed(Format, DiagnosticCodes.OcrUnavailable, ocrUnavailable)
                : ReadResult.Failed(Format, DiagnosticCodes.Empty, "The PDF holds no text.");
            return failure with { Diagnostics = diagnostics, Reading = reading };
        }

        return new ReadResult(Format, blocks) { Diagnostics = diagnostics, Reading = reading };
    }

    private (string? Unavailable, ReadingInfo Reading) RunOcr(
        byte[] content, List<int> needOcr, List<PageText?> pages, ReadingInfo reading, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var pageList = string.Join(", ", needOcr);
        if (!_options.Ocr.Enabled)
        {
            var message = $"Pages {pageList} have no text layer and OCR is turned off.";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, DiagnosticSeverity.Warning, message));
            return (message, reading);
        }

        var outcome = new TesseractOcr(_options.Ocr).Recognize(content, needOcr, cancellationToken);
        if (outcome.Unavailable is not null)
        {
            var message = $"Pages {pageList} have no text layer and need OCR: {outcome.Unavailable}";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, DiagnosticSeverity.Warning, message));
            return (message, reading);
        }

        foreach (var page in outcome.Pages)
        {
            pages[page.Number - 1] = page;
        }

        foreach (var (page, reason) in outcome.FailedPages)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, DiagnosticSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"Page {page} could not be recognised: {reason}")));
        }

        var recognised = outcome.Pages.Select(p => p.Number).Order().ToList();
        return (null, reading with { OcrPages = recognised, OcrMeanConfidence = outcome.MeanConfidence });
    }

    /// <summary>The words of a page's text layer, or null when it has none worth reading.</summary>
    private static PageText? TextLayer(Page page)
    {
        var letters = page.Letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        var visible = letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
        // A page with little text and no image is a near-empty page (a running header and a page
        // number, or nothing), not a scan: OCR would find nothing more and costs seconds.
        if (visible < MinTextLayerCharacters && page.GetImages().Any())
        {
            return null;
        }

        var plausible = letters.Count(l => l.Value.Length > 0 && IsPlausible(l.Value[0]));
        if (plausible < visible * MinPlausibleShare)
        {
            return null;
        }

        var words = new List<PageWord>();
        var fonts = new List<string>();
        foreach (var word in NearestNeighbourWordExtractor.Instance.GetWords(letters))
        {
            var text = WithoutSuperscripts(word, out var noteMark).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var font = FontFamily(word.FontName ?? word.Letters.FirstOrDefault()?.FontName);
            var size = word.Letters.Select(l => l.PointSize).Order().ElementAt(word.Letters.Count / 2);
            var box = word.BoundingBox;
            words.Add(new PageWord(
                text, box.Left, box.Right, box.Bottom, box.Top, size > 0 ? size : box.Height,
                Bold: font.Contains("Bold", StringComparison.OrdinalIgnoreCase) || font.Contains("Black", StringComparison.OrdinalIgnoreCase),
                Italic: font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase),
                NoteMark: noteMark));
            fonts.Add(font);
        }

        ConvertLegacyFonts(words, fonts);
        return new PageText(page.Number, page.Width, page.Height, words);
    }

    /// <summary>
    /// Text drawn in a legacy Vietnamese font (.VnTime, VNI-Times) is stored as the font's 8-bit
    /// codes. Each font's words on the page are converted together, so the decision rests on
    /// all of the font's text rather than on one short word.
    /// </summary>
    private static void ConvertLegacyFonts(List<PageWord> words, List<string> fonts)
    {
        foreach (var font in fonts.Distinct(StringComparer.Ordinal))
        {
            var indexes = Enumerable.Range(0, words.Count).Where(i => fonts[i] == font).ToList();
            var joined = string.Join('\n', indexes.Select(i => words[i].Text));
            if (font.Length == 0 || !LegacyFonts.TryConvertRun(joined, font, out var converted))
            {
                continue;
            }

            var parts = converted.Split('\n');
            if (parts.Length != indexes.Count)
            {
                continue;
            }

            for (var k = 0; k < indexes.Count; k++)
            {
                words[indexes[k]] = words[indexes[k]] with { Text = parts[k] };
            }
        }
    }

    /// <summary>
    /// The word's text without superscript note numbers glued to it ("ra.¹" gives "ra.", "¹Theo" gives
    /// "Theo"): the other formats drop note references from running text too.
    /// </summary>
    private static string WithoutSuperscripts(Word word, out bool leadingMark)
    {
        leadingMark = false;
        var largest = word.Letters.Max(l => l.PointSize);
        var builder = new System.Text.StringBuilder(word.Text.Length);
        var seenText = false;
        foreach (var letter in word.Letters)
        {
            var small = letter.PointSize < 0.75 * largest;
            if (small && letter.Value.Length == 1 && (char.IsAsciiDigit(letter.Value[0]) || letter.Value[0] == '*'))
            {
                leadingMark |= !seenText;
                continue;
            }

            seenText |= !string.IsNullOrWhiteSpace(letter.Value);
            builder.Append(letter.Value);
        }

        leadingMark &= seenText;
        return builder.ToString();
    }

    /// <summary>Font family without the subset tag ("ABCDEF+TimesNewRoman,Bold" gives "TimesNewRoman,Bold").</summary>
    private static string FontFamily(string? name)
    {
        if (name is null)
        {
            return string.Empty;
        }

        var plus = name.IndexOf('+', StringComparison.Ordinal);
        return plus == 6 ? name[(plus + 1)..] : name;
    }

    private static bool IsPlausible(char c) =>
        !char.IsControl(c) && c != '\uFFFD' && !char.IsSurrogate(c) && c is not (>= '\uE000' and <= '\uF8FF');
}

/// <summary>Configuration of <see cref="PdfReader"/>.</summary>
public sealed record PdfReaderOptions
{
    /// <summary>Files with more pages are refused (LimitExceeded).</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>OCR of pages without a text layer.</summary>
    public OcrOptions Ocr { get; init; } = new();
}
