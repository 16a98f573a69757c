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
/// cache, and otherwise recognised by its own tesseract process (OMP_THREAD_LIMIT=1, since pages
/// already run in parallel and Tesseract's own threads would oversubscribe the cores). Stateless
/// apart from the on-disk cache, whose entries are written atomically, and the process-wide limit
/// on running recognisers.
/// </summary>
internal sealed class TesseractOcr(OcrOptions options)
{
    public const string InstallHint = "apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils";

    /// <summary>
    /// Tesseract processes running in this process, whatever the number of files read at once:
    /// one per core. Files are read in parallel and each reads its pages in parallel, so a limit per
    /// file alone would start cores × cores recognisers, each slower than alone and all holding a
    /// page image. Rendering is outside the limit, so the next page is ready when a core frees up.
    /// </summary>
    private static readonly SemaphoreSlim RecognitionSlots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>
    /// Recognises <paramref name="pageNumbers"/> (1-based) of the PDF in <paramref name="pdf"/>.
    /// Pages in <paramref name="greyPages"/> are known to hold only grey or black-and-white images:
    /// they are rendered straight to greyscale, since they cannot carry coloured stamp ink.
    /// </summary>
    public OcrOutcome Recognize(byte[] pdf, IReadOnlyList<int> pageNumbers, IReadOnlySet<int> greyPages, CancellationToken cancellationToken)
    {
        var tesseract = options.TesseractPath ?? ExternalProcess.FindOnPath("tesseract");
        var pdftoppm = options.PdftoppmPath ?? ExternalProcess.FindOnPath("pdftoppm");
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
            var recognisers = Math.Max(1, options.MaxParallelism);
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
                return Unavailable($"Tesseract has no '{options.Language}' language data; {InstallHint}.");
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
        var imageBase = Path.Combine(workDirectory, "page-" + number);
        var filterStamps = !grey && (options.RemoveRedStamps || options.RemoveBlueStamps);

        // Uncompressed PGM/PPM: PNG compression of a 300 dpi page costs seconds, the raw file none.
        List<string> arguments = ["-r", options.Dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number];
        if (!filterStamps)
        {
            arguments.Add("-gray");
        }

        arguments.AddRange(["-singlefile", pdfPath, imageBase]);
        var render = ExternalProcess.Run(pdftoppm, arguments, workDirectory, new Dictionary<string, string>(), options.PageTimeout, cancellationToken);
        var rendered = imageBase + (filterStamps ? ".ppm" : ".pgm");
        if (render is null || render.TimedOut || !File.Exists(rendered))
        {
            return PageResult.Failed(render?.TimedOut == true ? "rendering timed out" : "pdftoppm could not render the page: " + render?.StandardError.Trim());
        }

        var image = imageBase + ".pgm";
        byte[] imageBytes;
        if (filterStamps)
        {
            var filtered = StampFilter.ToGreyWithoutStamps(File.ReadAllBytes(rendered), options.RemoveRedStamps, options.RemoveBlueStamps);
            TryDeleteFile(rendered);
            if (filtered is null)
            {
                return PageResult.Failed("pdftoppm wrote a page image that could not be read");
            }

            File.WriteAllBytes(image, filtered);
            imageBytes = filtered;
        }
        else
        {
            imageBytes = File.ReadAllBytes(image);
        }

        // The key is the hash of the image Tesseract reads, so it covers the stamp filtering too.
        var key = CacheKey(imageBytes);
        var tsv = ReadCache(key);
        if (tsv is null)
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["OMP_THREAD_LIMIT"] = "1" };
            ProcessOutcome? ocr;
            fileSlots.Wait(cancellationToken);
            try
            {
                RecognitionSlots.Wait(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                fileSlots.Release();
                throw;
            }

            try
            {
                ocr = ExternalProcess.Run(
                    tesseract,
                    [image, "stdout", "-l", options.Language, "--psm", options.PageSegmentationMode.ToString(CultureInfo.InvariantCulture), "tsv"],
                    workDirectory,
                    environment,
                    options.PageTimeout,
                    cancellationToken);
            }
            finally
            {
                RecognitionSlots.Release();
                fileSlots.Release();
            }

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

            tsv = ocr.StandardOutput;
            WriteCache(key, tsv);
        }

        TryDeleteFile(image);

        var (words, width, height, confidences) = TesseractTsv.Parse(tsv);
        return new PageResult(new PageText(page, width, height, words, Recognized: true), confidences, null, MissingLanguage: false);
    }

    private string CacheKey(byte[] image)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(image));
        return string.Create(CultureInfo.InvariantCulture, $"{hash}-{options.Language}-psm{options.PageSegmentationMode}");
    }

    private string? CacheDirectory =>
        options.CacheDirectory is null ? Path.Combine(Path.GetTempPath(), "ingest-ocr-cache")
        : options.CacheDirectory.Length == 0 ? null
        : options.CacheDirectory;

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

    private sealed record PageResult(PageText? Page, IReadOnlyList<double> Confidences, string? Error, bool MissingLanguage)
    {
        public static PageResult Failed(string error) => new(null, [], error, MissingLanguage: false);
    }
}
