using System.Globalization;
using System.Text;
using Ingest.Formats.Ocr;
using Ingest.Model;
using Ingest.Vietnamese;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics.Colors;

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

    /// <summary>Words handled between two looks at the cancellation token: a few milliseconds of work.</summary>
    private const int CancellationStride = 4096;

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
        HashSet<int> greyPages;
        var diagnostics = new List<Diagnostic>();
        try
        {
            using var document = PdfDocument.Open(file.Content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > _options.MaxPages)
            {
                return ReadResult.Failed(Format, DiagnosticCodes.LimitExceeded,
                    string.Create(CultureInfo.InvariantCulture, $"The PDF has {document.NumberOfPages} pages; the limit is {_options.MaxPages}."));
            }

            pages = [];
            greyPages = [];
            var lettersLeft = _options.MaxLettersPerFile;
            var contentSize = new PageContentSize(document);
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (lettersLeft <= 0)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning,
                        string.Create(CultureInfo.InvariantCulture,
                            $"The PDF draws more than {_options.MaxLettersPerFile} letters; pages {number} to {document.NumberOfPages} were not read.")));
                    break;
                }

                if (contentSize.Exceeds(number, _options.MaxContentBytesPerPage))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning,
                        string.Create(CultureInfo.InvariantCulture,
                            $"Page {number} holds more than {_options.MaxContentBytesPerPage} bytes of drawing instructions; the page was not read.")));
                    pages.Add(new PageText(number, 0, 0, []));
                    continue;
                }

                var page = document.GetPage(number);
                var letters = LimitedLetters(page, Math.Min(_options.MaxLettersPerPage, lettersLeft), diagnostics);
                lettersLeft -= letters.Count;
                var text = TextLayer(page, letters, cancellationToken);
                pages.Add(text);
                if (text is null && HoldsOnlyGreyImages(page))
                {
                    greyPages.Add(number);
                }
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

        var reading = new ReadingInfo { Pages = pages.Count };
        var needOcr = pages.Select((p, i) => (Page: p, Number: i + 1)).Where(p => p.Page is null).Select(p => p.Number).ToList();
        string? ocrUnavailable = null;
        if (needOcr.Count > 0)
        {
            (ocrUnavailable, reading) = RunOcr(file.Content, needOcr, greyPages, pages, reading, diagnostics, cancellationToken);
        }

        var blocks = PdfLayout.Build(pages.OfType<PageText>().OrderBy(p => p.Number).ToList(), cancellationToken);
        if (blocks.Count == 0)
        {
            // No text because a limit cut it away is a limit, not an empty file.
            var limit = diagnostics.Find(d => d.Code == DiagnosticCodes.LimitExceeded);
            var failure = ocrUnavailable is not null ? ReadResult.Failed(Format, DiagnosticCodes.OcrUnavailable, ocrUnavailable)
                : limit is not null ? ReadResult.Failed(Format, DiagnosticCodes.LimitExceeded, limit.Message)
                : ReadResult.Failed(Format, DiagnosticCodes.Empty, "The PDF holds no text.");
            return failure with { Diagnostics = diagnostics, Reading = reading };
        }

        return new ReadResult(Format, blocks) { Diagnostics = diagnostics, Reading = reading };
    }

    private (string? Unavailable, ReadingInfo Reading) RunOcr(
        byte[] content, List<int> needOcr, HashSet<int> greyPages, List<PageText?> pages, ReadingInfo reading, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var pageList = string.Join(", ", needOcr);
        if (!_options.Ocr.Enabled)
        {
            var message = $"Pages {pageList} have no text layer and OCR is turned off.";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.OcrUnavailable, DiagnosticSeverity.Warning, message));
            return (message, reading);
        }

        var outcome = new TesseractOcr(_options.Ocr).Recognize(content, needOcr, greyPages, cancellationToken);
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

    /// <summary>
    /// The page's letters in drawing order, at most <paramref name="limit"/> of them. A page that
    /// draws more (one text drawn over and over, hundreds of thousands of times: a hostile file,
    /// never a printed page, which holds a few thousand) is cut with a warning, so its words
    /// cannot fill memory or hold the layout for minutes.
    /// </summary>
    private static IReadOnlyList<Letter> LimitedLetters(Page page, int limit, List<Diagnostic> diagnostics)
    {
        var letters = page.Letters;
        if (letters.Count <= limit)
        {
            return letters;
        }

        diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning,
            string.Create(CultureInfo.InvariantCulture, $"Page {page.Number} draws {letters.Count} letters; only the first {limit} were read.")));
        var kept = new List<Letter>(limit);
        for (var i = 0; i < limit; i++)
        {
            kept.Add(letters[i]);
        }

        return kept;
    }

    /// <summary>The words of a page's text layer, or null when it has none worth reading.</summary>
    private static PageText? TextLayer(Page page, IReadOnlyList<Letter> pageLetters, CancellationToken cancellationToken)
    {
        var letters = Horizontal(pageLetters);
        var visible = 0;
        var plausible = 0;
        foreach (var letter in letters)
        {
            visible += string.IsNullOrWhiteSpace(letter.Value) ? 0 : 1;
            plausible += letter.Value.Length > 0 && IsPlausible(letter.Value[0]) ? 1 : 0;
        }

        // A page with little text and no image is a near-empty page (a running header and a page
        // number, or nothing), not a scan: OCR would find nothing more and costs seconds.
        if (visible < MinTextLayerCharacters && page.GetImages().Any())
        {
            return null;
        }

        if (plausible < visible * MinPlausibleShare)
        {
            return null;
        }

        var spans = new List<(int Start, int Count)>();
        LetterWords.Split(letters, spans);
        var words = new List<PageWord>(spans.Count);
        var fonts = new List<string>(spans.Count);
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        for (var w = 0; w < spans.Count; w++)
        {
            if (w % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (start, count) = spans[w];
            var text = WithoutSuperscripts(letters, start, count, builder, out var noteMark);
            if (text.Length == 0)
            {
                continue;
            }

            var font = FontFamily(letters[start].FontName, families);
            var size = MedianPointSize(letters, start, count);
            var box = Bounds(letters, start, count);
            words.Add(new PageWord(
                text, box.Left, box.Right, box.Bottom, box.Top, size > 0 ? size : box.Top - box.Bottom,
                Bold: font.Contains("Bold", StringComparison.OrdinalIgnoreCase) || font.Contains("Black", StringComparison.OrdinalIgnoreCase),
                Italic: font.Contains("Italic", StringComparison.OrdinalIgnoreCase) || font.Contains("Oblique", StringComparison.OrdinalIgnoreCase),
                NoteMark: noteMark));
            fonts.Add(font);
        }

        ConvertLegacyFonts(words, fonts);
        return new PageText(page.Number, page.Width, page.Height, words);
    }

    /// <summary>
    /// True when the page has images and every one is declared grey or black-and-white: such a scan
    /// cannot carry a coloured seal, so OCR renders it straight to grey. An image whose colour space
    /// is unknown or indexed (a palette may hold red) counts as colour, and so does a stencil mask,
    /// which is painted in whatever colour is current.
    /// </summary>
    private static bool HoldsOnlyGreyImages(Page page)
    {
        var any = false;
        try
        {
            foreach (var image in page.GetImages())
            {
                any = true;
                var colourSpace = image.ColorSpaceDetails;
                if (image.IsImageMask || colourSpace is null || colourSpace.Type == ColorSpace.Indexed || colourSpace.NumberOfColorComponents != 1)
                {
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An image PdfPig cannot describe may still render in pdftoppm: the page is OCR'd in colour.
            return false;
        }

        return any;
    }

    /// <summary>The page's horizontal letters; the page's own list when all are (the usual case), so nothing is copied.</summary>
    private static IReadOnlyList<Letter> Horizontal(IReadOnlyList<Letter> letters)
    {
        foreach (var letter in letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal)
            {
                return letters.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
            }
        }

        return letters;
    }

    /// <summary>The middle point size of a word's letters: a drop cap or a superscript does not move it.</summary>
    private static double MedianPointSize(IReadOnlyList<Letter> letters, int start, int count)
    {
        Span<double> sizes = count <= 64 ? stackalloc double[count] : new double[count];
        for (var k = 0; k < count; k++)
        {
            sizes[k] = letters[start + k].PointSize;
        }

        sizes.Sort();
        return sizes[count / 2];
    }

    /// <summary>
    /// The word's box as PdfPig draws it for horizontal text: from the first letter's origin to the
    /// last letter's advance or ink, whichever reaches further, from the baseline (descenders left out, so "gặp" and "ao" sit alike on
    /// their line) to the highest glyph top.
    /// </summary>
    private static (double Left, double Right, double Bottom, double Top) Bounds(IReadOnlyList<Letter> letters, int start, int count)
    {
        double left = double.MaxValue, right = double.MinValue, bottom = double.MaxValue, top = double.MinValue;
        for (var k = start; k < start + count; k++)
        {
            var letter = letters[k];
            left = Math.Min(left, letter.StartBaseLine.X);
            right = Math.Max(right, letter.StartBaseLine.X + Math.Max(letter.Width, letter.BoundingBox.Width));
            bottom = Math.Min(bottom, letter.StartBaseLine.Y);
            top = Math.Max(top, letter.BoundingBox.Top);
        }

        return (left, right, bottom, top);
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
            // Unicode fonts (nearly all) are recognised by name before any text is gathered.
            if (font.Length == 0 || LegacyFonts.Classify(font).Encoding is null)
            {
                continue;
            }

            var indexes = Enumerable.Range(0, words.Count).Where(i => fonts[i] == font).ToList();
            var joined = string.Join('\n', indexes.Select(i => words[i].Text));
            if (!LegacyFonts.TryConvertRun(joined, font, out var converted))
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
    private static string WithoutSuperscripts(IReadOnlyList<Letter> letters, int start, int count, StringBuilder builder, out bool leadingMark)
    {
        leadingMark = false;
        var largest = 0.0;
        for (var k = start; k < start + count; k++)
        {
            largest = Math.Max(largest, letters[k].PointSize);
        }

        builder.Clear();
        var seenText = false;
        for (var k = start; k < start + count; k++)
        {
            var value = letters[k].Value;
            var small = letters[k].PointSize < 0.75 * largest;
            if (small && value.Length == 1 && (char.IsAsciiDigit(value[0]) || value[0] == '*'))
            {
                leadingMark |= !seenText;
                continue;
            }

            seenText |= !string.IsNullOrWhiteSpace(value);
            builder.Append(value);
        }

        leadingMark &= seenText;
        return builder.ToString().Trim();
    }

    /// <summary>Font family without the subset tag ("ABCDEF+TimesNewRoman,Bold" gives "TimesNewRoman,Bold").</summary>
    private static string FontFamily(string? name, Dictionary<string, string> families)
    {
        if (name is null)
        {
            return string.Empty;
        }

        if (!families.TryGetValue(name, out var family))
        {
            var plus = name.IndexOf('+', StringComparison.Ordinal);
            family = plus == 6 ? name[(plus + 1)..] : name;
            families[name] = family;
        }

        return family;
    }

    private static bool IsPlausible(char c) =>
        !char.IsControl(c) && c != '\uFFFD' && !char.IsSurrogate(c) && c is not (>= '\uE000' and <= '\uF8FF');
}

/// <summary>Configuration of <see cref="PdfReader"/>.</summary>
public sealed record PdfReaderOptions
{
    /// <summary>Files with more pages are refused (LimitExceeded).</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>
    /// Letters read from one page; the rest of a page that draws more is dropped with a
    /// LimitExceeded warning. A dense printed page holds about 5,000.
    /// </summary>
    public int MaxLettersPerPage { get; init; } = 200_000;

    /// <summary>
    /// Letters read from the whole file; pages after the one that reaches the limit are not read
    /// (LimitExceeded warning). Two thousand pages of 2,000 letters fit.
    /// </summary>
    public int MaxLettersPerFile { get; init; } = 4_000_000;

    /// <summary>
    /// Decoded size of a page's content stream above which the page is skipped unread with a
    /// LimitExceeded warning. PdfPig parses a page whole and cannot be stopped meanwhile, at about a
    /// second and 200 MB per megabyte of dense text; a printed page of text needs well under 200 KB.
    /// </summary>
    public long MaxContentBytesPerPage { get; init; } = 2 * 1024 * 1024;

    /// <summary>OCR of pages without a text layer.</summary>
    public OcrOptions Ocr { get; init; } = new();
}
