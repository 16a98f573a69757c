using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Ingest.Formats.Pdf;

namespace Ingest.Formats.Ocr;

/// <summary>What OCR made of the pages it was given.</summary>
/// <param name="Pages">Recognised pages (pixel coordinates flipped so y grows upwards), in page order.</param>
/// <param name="MeanConfidence">Mean word confidence over all recognised words, 0-100; null when none.</param>
/// <param name="Unavailable">Why OCR could not run (tool or language missing), with the install hint; null when it ran.</param>
/// <param name="FailedPages">Pages that could not be rendered or recognised, with the reason.</param>
internal sealed record OcrOutcome(
    IReadOnlyList<PageText> Pages,
    double? MeanConfidence,
    string? Unavailable,
    IReadOnlyList<(int Page, string Reason)> FailedPages);

/// <summary>
/// Recognises PDF pages with Tesseract: each page is rendered with pdftoppm (in colour when it may
/// carry seal or stamp ink, which <see cref="StampFilter"/> then removes), hashed, looked up in the
/// cache, and otherwise recognised, by an in-process libtesseract engine from
/// <see cref="EnginePool"/> where the library can be loaded, else by a tesseract process of its own
/// (OMP_THREAD_LIMIT=1 either way, since pages already run in parallel and Tesseract's own threads
/// would oversubscribe the cores). Both give the same TSV text, so cache entries and records do not
/// depend on which one ran. Stateless apart from the on-disk cache, whose entries are written
/// atomically, and the process-wide pool.
/// </summary>
internal sealed class TesseractOcr
{
    public const string InstallHint = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

    private readonly OcrOptions _options;

    private readonly EnginePool _pool;

    public TesseractOcr(OcrOptions options)
        : this(options, EnginePool.Shared)
    {
    }

    /// <summary>Uses <paramref name="pool"/> instead of the process's pool (tests).</summary>
    internal TesseractOcr(OcrOptions options, EnginePool pool)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pool);
        _options = options;
        _pool = pool;
    }

    /// <summary>
    /// Recognises <paramref name="pageNumbers"/> (1-based) of the PDF in <paramref name="pdf"/>.
    /// Pages in <paramref name="greyPages"/> are known to hold only grey or black-and-white images:
    /// they are rendered straight to greyscale, since they cannot carry coloured stamp ink.
    /// </summary>
    public OcrOutcome Recognize(byte[] pdf, IReadOnlyList<int> pageNumbers, IReadOnlySet<int> greyPages, CancellationToken cancellationToken)
    {
        var tesseract = _options.TesseractPath ?? ExternalProcess.FindOnPath("tesseract");
        var pdftoppm = _options.PdftoppmPath ?? ExternalProcess.FindOnPath("pdftoppm");
        if (tesseract is null || !File.Exists(tesseract))
        {
            return Unavailable($"Tesseract is not installed; {InstallHint}.");
        }

        if (pdftoppm is null || !File.Exists(pdftoppm))
        {
            return Unavailable($"pdftoppm (Poppler) is not installed; {InstallHint}.");
        }

        var workDirectory = Path.Combine(Path.GetTempPath(), "ingest-ocr-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(workDirectory);
            var pdfPath = Path.Combine(workDirectory, "input.pdf");
            File.WriteAllBytes(pdfPath, pdf);
            var results = new ConcurrentDictionary<int, PageResult>();
            var recognisers = Math.Max(1, _options.MaxParallelism);
            using var fileSlots = new SemaphoreSlim(recognisers, recognisers);
            var parallel = new ParallelOptions
            {
                // One page more than may be recognised at once: its rendering overlaps the recognition of the others.
                MaxDegreeOfParallelism = recognisers + 1,
                CancellationToken = cancellationToken,
            };
            Parallel.ForEach(pageNumbers, parallel, page =>
                results[page] = RecognizePage(tesseract, pdftoppm, pdfPath, workDirectory, page, greyPages.Contains(page), fileSlots, cancellationToken));

            var missingLanguage = results.Values.FirstOrDefault(r => r.MissingLanguage);
            if (missingLanguage is not null)
            {
                return Unavailable($"Tesseract has no '{_options.Language}' language data; {InstallHint}.");
            }

            var pages = pageNumbers.Where(p => results[p].Page is not null).Select(p => results[p].Page!).ToList();
            var confidences = pageNumbers.SelectMany(p => results[p].Confidences).ToList();
            var failed = pageNumbers.Where(p => results[p].Error is not null).Select(p => (p, results[p].Error!)).ToList();
            return new OcrOutcome(pages, confidences.Count == 0 ? null : Math.Round(confidences.Average(), 2), null, failed);
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    private static OcrOutcome Unavailable(string reason) => new([], null, reason, []);

    private PageResult RecognizePage(
        string tesseract, string pdftoppm, string pdfPath, string workDirectory, int page, bool grey, SemaphoreSlim fileSlots, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var filterStamps = !grey && (_options.RemoveRedStamps || _options.RemoveBlueStamps);

        // Uncompressed PGM/PPM: PNG compression of a 300 dpi page costs seconds, the raw image none.
        // Without an output name pdftoppm writes the image to stdout: no file is written, read back and deleted.
        List<string> arguments = ["-r", _options.Dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number];
        if (!filterStamps)
        {
            arguments.Add("-gray");
        }

        arguments.AddRange(["-singlefile", pdfPath]);
        // Colour pages are converted as they arrive, so the 27 MB colour image is never held whole.
        Func<Stream, PooledBytes?> read = filterStamps
            ? stream => StampFilter.ReadGreyWithoutStamps(stream, _options.RemoveRedStamps, _options.RemoveBlueStamps)
            : PooledBytes.ReadToEnd;
        var render = ExternalProcess.RunCapturingBytes(pdftoppm, arguments, workDirectory, _options.PageTimeout, read, cancellationToken, out var image);
        try
        {
            if (render is null || render.TimedOut || (image is null && render.ExitCode != 0))
            {
                return PageResult.Failed(render?.TimedOut == true ? "rendering timed out" : "pdftoppm could not render the page: " + render?.StandardError.Trim());
            }

            if (image is null || !StampFilter.TryReadHeader(image.Span, out var magic, out var width, out var height, out var pixelStart)
                || magic != '5' || image.Length - pixelStart < (long)width * height)
            {
                return PageResult.Failed("pdftoppm wrote a page image that could not be read");
            }

            // The key is the hash of the image Tesseract reads, so it covers the stamp filtering too.
            var key = CacheKey(image.Span);
            var tsv = ReadCache(key);
            if (tsv is null)
            {
                var recognition = Recognize(tesseract, workDirectory, number, image, new GreyImage(image.Array, pixelStart, width, height), fileSlots, cancellationToken);
                if (recognition.Tsv is null)
                {
                    return recognition;
                }

                tsv = recognition.Tsv;
                WriteCache(key, tsv);
            }

            var (words, pageWidth, pageHeight, confidences) = TesseractTsv.Parse(tsv);
            return new PageResult(new PageText(page, pageWidth, pageHeight, words, Recognized: true), confidences, null, MissingLanguage: false);
        }
        finally
        {
            image?.Dispose();
        }
    }

    /// <summary>Recognises one page image in a slot of the pool: with an engine when there is one, else with the tesseract command.</summary>
    private PageResult Recognize(
        string tesseract, string workDirectory, string number, PooledBytes pgm, GreyImage pixels, SemaphoreSlim fileSlots, CancellationToken cancellationToken)
    {
        EngineKey? engineKey = _options.TesseractLibraryPath is { Length: 0 } ? null : new EngineKey(_options.TesseractLibraryPath, _options.Language);
        fileSlots.Wait(cancellationToken);
        try
        {
            using var lease = _pool.Rent(engineKey, cancellationToken);
            if (lease.Engine is { } engine)
            {
                var outcome = engine.Recognize(pixels, _options.PageSegmentationMode, _options.PageTimeout, cancellationToken);
                return outcome.TimedOut ? PageResult.Failed("recognition timed out")
                    : outcome.Tsv is null ? PageResult.Failed("tesseract failed: " + outcome.Error)
                    : PageResult.Recognised(outcome.Tsv);
            }

            var image = Path.Combine(workDirectory, "page-" + number + ".pgm");
            File.WriteAllBytes(image, pgm.Span);
            try
            {
                return RunTesseract(tesseract, image, workDirectory, cancellationToken);
            }
            finally
            {
                TryDeleteFile(image);
            }
        }
        finally
        {
            fileSlots.Release();
        }
    }

    private PageResult RunTesseract(string tesseract, string image, string workDirectory, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["OMP_THREAD_LIMIT"] = "1" };
        var ocr = ExternalProcess.Run(
            tesseract,
            [image, "stdout", "-l", _options.Language, "--psm", _options.PageSegmentationMode.ToString(CultureInfo.InvariantCulture), "tsv"],
            workDirectory,
            environment,
            _options.PageTimeout,
            cancellationToken);
        if (ocr is null)
        {
            return PageResult.Failed("tesseract could not be started");
        }

        if (ocr.TimedOut)
        {
            return PageResult.Failed("recognition timed out");
        }

        if (ocr.ExitCode != 0)
        {
            return ocr.StandardError.Contains("Failed loading language", StringComparison.OrdinalIgnoreCase)
                ? new PageResult(null, [], null, MissingLanguage: true)
                : PageResult.Failed("tesseract failed: " + ocr.StandardError.Trim());
        }

        return PageResult.Recognised(ocr.StandardOutput);
    }

    private string CacheKey(ReadOnlySpan<byte> image)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(image));
        return string.Create(CultureInfo.InvariantCulture, $"{hash}-{_options.Language}-psm{_options.PageSegmentationMode}");
    }

    private string? CacheDirectory =>
        _options.CacheDirectory is null ? Path.Combine(Path.GetTempPath(), "ingest-ocr-cache")
        : _options.CacheDirectory.Length == 0 ? null
        : _options.CacheDirectory;

    private string? ReadCache(string key)
    {
        var directory = CacheDirectory;
        if (directory is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(directory, key + ".tsv");
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void WriteCache(string key, string tsv)
    {
        var directory = CacheDirectory;
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);

            // Written under a unique name and moved into place, so a concurrent reader never sees half a file.
            var temporary = Path.Combine(directory, key + "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(temporary, tsv);
            File.Move(temporary, Path.Combine(directory, key + ".tsv"), overwrite: true);
        }
        catch (IOException)
        {
            // The cache only saves time; failing to fill it changes no result.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <summary>Page images are dropped as soon as they are read: a long scan would otherwise keep hundreds of megabytes on disk.</summary>
    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Removed with the work directory at the end.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    /// <summary>A page's result; <paramref name="Tsv"/> carries the recogniser's text from recognition to parsing.</summary>
    private sealed record PageResult(PageText? Page, IReadOnlyList<double> Confidences, string? Error, bool MissingLanguage, string? Tsv = null)
    {
        public static PageResult Failed(string error) => new(null, [], error, MissingLanguage: false);

        public static PageResult Recognised(string tsv) => new(null, [], null, MissingLanguage: false, tsv);
    }
}
