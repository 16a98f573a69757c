using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Ingest.Formats.Ocr;

namespace Ingest.Formats.Tests.Ocr;

/// <summary>
/// In-process recognition against the real libtesseract (CI installs tesseract-ocr, which brings
/// libtesseract5, through tools/test). Each test recognises one or two pages.
/// </summary>
public sealed class TesseractEngineTests
{
    private const string LibraryPackage = "tesseract-ocr tesseract-ocr-vie (which bring libtesseract5)";

    [Theory]
    // A grey scan: rendered with -gray and read as it is.
    [InlineData("scanned-pdf-fixture.pdf", 1, true)]
    // A colour scan with a red seal: rendered in colour and passed through the stamp filter.
    [InlineData("corpus/renditions/scanned/000_e8d2ea5daa605cb4.pdf", 1, false)]
    public void Recognize_WhenLibraryIsAvailable_CachesTheSameTsvAsTheCommand(string pdf, int page, bool grey)
    {
        RequireTools();
        var content = File.ReadAllBytes(Input(pdf));
        using var inProcessCache = new TemporaryFolder();
        using var commandCache = new TemporaryFolder();
        var pool = new EnginePool(1, key => TesseractEngine.Create(key.LibraryPath, key.Language));
        var greyPages = grey ? new HashSet<int> { page } : [];

        var inProcess = new TesseractOcr(new OcrOptions { CacheDirectory = inProcessCache.Path }, pool)
            .Recognize(content, [page], greyPages, CancellationToken.None);
        var command = new TesseractOcr(new OcrOptions { CacheDirectory = commandCache.Path, TesseractLibraryPath = string.Empty }, pool)
            .Recognize(content, [page], greyPages, CancellationToken.None);

        pool.EngineCount.Should().Be(1, "the first run recognised the page in-process, the second ran the command");
        inProcess.FailedPages.Should().BeEmpty();
        command.FailedPages.Should().BeEmpty();
        var inProcessEntries = CacheEntries(inProcessCache.Path);
        inProcessEntries.Should().ContainSingle();
        inProcessEntries.Should().Equal(CacheEntries(commandCache.Path), "the cache key (image hash) and the TSV text, header and page_num included, must not depend on the path");
        inProcess.Pages.Single().Words.Should().BeEquivalentTo(command.Pages.Single().Words, o => o.WithStrictOrdering());
    }

    [Theory]
    // A rendered scan.
    [InlineData("scanned-pdf-fixture.pdf")]
    // A blank page: Tesseract finds no text and prints only the page row; the engine must not fail on it.
    [InlineData(null)]
    public void Recognize_WhenGivenTheImageTheCommandReads_ReturnsWhatTheCommandPrints(string? pdf)
    {
        RequireTools();
        var image = pdf is null ? BlankPage(1000, 800) : RenderGrey(Input(pdf), 1);
        using var engine = TesseractEngine.Create(null, "vie");
        engine.Should().NotBeNull();

        var outcome = engine!.Recognize(image, 6, TimeSpan.FromMinutes(2), CancellationToken.None);

        outcome.Tsv.Should().Be(CommandTsv(image));
    }

    [Fact]
    public void Recognize_WhenLibraryCannotBeLoaded_FallsBackToTheCommand()
    {
        RequireTools();
        using var cache = new TemporaryFolder();
        var pool = new EnginePool(1, key => TesseractEngine.Create(key.LibraryPath, key.Language));
        var options = new OcrOptions { CacheDirectory = cache.Path, TesseractLibraryPath = "/nonexistent/libtesseract.so.5" };

        var outcome = new TesseractOcr(options, pool).Recognize(File.ReadAllBytes(Input("scanned-pdf-fixture.pdf")), [1], new HashSet<int> { 1 }, CancellationToken.None);

        pool.EngineCount.Should().Be(0);
        outcome.Unavailable.Should().BeNull();
        outcome.FailedPages.Should().BeEmpty();
        string.Join(' ', outcome.Pages.Single().Words.Select(w => w.Text)).Should().Contain("999-QĐ/TW");
    }

    [Theory]
    // No such file.
    [InlineData("/nonexistent/libtesseract.so.5", "vie")]
    // A library that loads but is not libtesseract: its functions are missing.
    [InlineData("libc.so.6", "vie")]
    // The library loads, but there is no data for the language: Init fails.
    [InlineData(null, "xx-no-such-language")]
    public void Create_WhenLibraryOrLanguageIsMissing_ReturnsNull(string? libraryPath, string language)
    {
        RequireTools();

        using var engine = TesseractEngine.Create(libraryPath, language);

        engine.Should().BeNull();
    }

    [Fact]
    public void Recognize_WhenTokenIsCancelledDuringThePage_StopsTesseractThrowsAndStaysUsable()
    {
        RequireTools();
        var image = RenderGrey(Input("scanned-pdf-fixture.pdf"), 1);
        using var engine = TesseractEngine.Create(null, "vie");
        engine.Should().NotBeNull();
        var reference = engine!.Recognize(image, 6, TimeSpan.FromMinutes(2), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        // A 300 dpi page takes Tesseract around a second; the token fires well inside it.
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
        var cancelled = () => engine.Recognize(image, 6, TimeSpan.FromMinutes(2), cancellation.Token);

        cancelled.Should().Throw<OperationCanceledException>();
        engine.StoppedByCancellation.Should().BeTrue("the cancel function must stop the native recognition loop");
        engine.Recognize(image, 6, TimeSpan.FromMinutes(2), CancellationToken.None).Should().Be(reference, "a stopped engine is cleared and reused");
    }

    [Fact]
    public void Recognize_WhenPageOutlastsTheTimeLimit_ReportsTimeoutAndStaysUsable()
    {
        RequireTools();
        var image = RenderGrey(Input("scanned-pdf-fixture.pdf"), 1);
        using var engine = TesseractEngine.Create(null, "vie");
        engine.Should().NotBeNull();

        var timedOut = engine!.Recognize(image, 6, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var next = engine.Recognize(image, 6, TimeSpan.FromMinutes(2), CancellationToken.None);

        timedOut.Should().Be(new EngineOutcome(null, TimedOut: true, null));
        next.Tsv.Should().StartWith(TesseractEngine.TsvHeader).And.Contain("999-QĐ/TW");
    }

    private static void RequireTools()
    {
        RequiredTools.Require("tesseract", LibraryPackage);
        RequiredTools.Require("pdftoppm", "poppler-utils");
    }

    private static string Input(string name) =>
        name.StartsWith("corpus/", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot, name) : RequiredTools.TestData(name);

    private static string RepositoryRoot =>
        typeof(TesseractEngineTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "IngestRepositoryRoot").Value!;

    private static List<(string Name, string Text)> CacheEntries(string folder) =>
        [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];

    private static GreyImage RenderGrey(string pdf, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("pdftoppm") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-r", "300", "-gray", "-f", number, "-l", number, "-singlefile", pdf })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var pgm = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(pgm);
        process.WaitForExit();
        var bytes = pgm.ToArray();
        StampFilter.TryReadHeader(bytes, out _, out var width, out var height, out var pixelStart).Should().BeTrue();
        return new GreyImage(bytes, pixelStart, width, height);
    }

    private static GreyImage BlankPage(int width, int height)
    {
        var header = System.Text.Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{width} {height}\n255\n"));
        byte[] bytes = [.. header, .. Enumerable.Repeat((byte)255, width * height)];
        return new GreyImage(bytes, header.Length, width, height);
    }

    /// <summary>What <c>tesseract IMAGE stdout -l vie --psm 6 tsv</c> prints for the image, as TesseractOcr runs it.</summary>
    private static string CommandTsv(GreyImage image)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Path);
        var file = Path.Combine(folder.Path, "page.pgm");
        File.WriteAllBytes(file, image.Buffer);
        var start = new ProcessStartInfo("tesseract")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in new[] { file, "stdout", "-l", "vie", "--psm", "6", "tsv" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error.Result);
        return output;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ingest-ocr-test-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
