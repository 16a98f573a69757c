using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingest.Formats.Ocr;

/// <summary>An 8-bit greyscale image: <paramref name="Width"/> × <paramref name="Height"/> pixels, one byte each, rows without padding, from <paramref name="Offset"/> in <paramref name="Buffer"/>.</summary>
internal readonly record struct GreyImage(byte[] Buffer, int Offset, int Width, int Height);

/// <summary>What an engine made of one page.</summary>
/// <param name="Tsv">The TSV text, exactly as <c>tesseract IMAGE stdout tsv</c> prints it; null when recognition did not finish.</param>
/// <param name="TimedOut">True when the page ran out of time.</param>
/// <param name="Error">Why recognition failed otherwise; null when it did not.</param>
internal sealed record EngineOutcome(string? Tsv, bool TimedOut, string? Error);

/// <summary>A recogniser that reads one page at a time and is reused for page after page.</summary>
internal interface IOcrEngine : IDisposable
{
    /// <summary>
    /// Recognises <paramref name="image"/> within <paramref name="timeout"/>. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    EngineOutcome Recognize(GreyImage image, int pageSegmentationMode, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>
/// One TessBaseAPI of libtesseract, initialised once for a language and then used for page after
/// page (the language model is loaded once, not once per page as by the tesseract command). Used by
/// one thread at a time (<see cref="EnginePool"/> sees to it).
/// <para>
/// Running native OCR code inside the Ingest process rather than in a tesseract process is
/// acceptable because what it reads is not the input file: it is a raster pdftoppm has produced, a
/// plain width × height array of grey bytes; the hostile file itself is parsed by pdftoppm in its
/// own process. Should libtesseract still crash, it takes the process with it; run with
/// <c>--max-memory-mb</c>, files are processed in worker processes, and a crashed worker costs
/// only the file it was reading (recorded as an error) while the run goes on.
/// </para>
/// </summary>
internal sealed class TesseractEngine : IOcrEngine
{
    /// <summary>
    /// The header line the tesseract command's TSV renderer writes before the first page;
    /// TessBaseAPIGetTsvText returns the rows only. Written out so that cache entries and records
    /// are the same whichever way a page was recognised.
    /// </summary>
    internal const string TsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// <summary>
    /// Called by Tesseract between words. One delegate for all engines, kept alive in this field
    /// for the life of the process, since native code holds a pointer to it. A delegate rather than
    /// an [UnmanagedCallersOnly] method: taking that method's address needs unsafe code, which this
    /// project does not allow; the marshalling cost is paid a few hundred times a page.
    /// </summary>
    private static readonly TesseractLibrary.CancelFunction CancelCallback = IsCancelled;

    private static readonly IntPtr CancelCallbackPointer = Marshal.GetFunctionPointerForDelegate(CancelCallback);

    private readonly TesseractLibrary _library;

    private readonly IntPtr _monitor;

    /// <summary>Lets the callback find this engine from the pointer Tesseract passes back.</summary>
    private GCHandle _self;

    private IntPtr _api;

    /// <summary>The token of the page being recognised; read by <see cref="IsCancelled"/> on the same thread.</summary>
    private CancellationToken _cancellation;

    /// <summary>
    /// True when the cancel function told Tesseract to stop during the last page: cancellation
    /// reached the native recognition loop instead of waiting for the page to finish.
    /// </summary>
    internal bool StoppedByCancellation { get; private set; }

    private TesseractEngine(TesseractLibrary library, IntPtr api)
    {
        _library = library;
        _api = api;
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        _monitor = library.MonitorCreate();
        library.MonitorSetCancelFunc(_monitor, CancelCallbackPointer);
        library.MonitorSetCancelThis(_monitor, GCHandle.ToIntPtr(_self));
    }

    /// <summary>
    /// An engine for <paramref name="language"/> from the library at <paramref name="libraryPath"/>
    /// (null: the default names), or null when the library cannot be loaded or has no data for the
    /// language; the tesseract command is then used instead.
    /// </summary>
    public static TesseractEngine? Create(string? libraryPath, string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var library = TesseractLibrary.Load(libraryPath);
        if (library is null)
        {
            return null;
        }

        var api = library.Create();
        if (api == IntPtr.Zero)
        {
            return null;
        }

        // Tesseract's messages ("Empty page!!", diacritics warnings, a missing language) would go to
        // this process's stderr; from the command they are captured and dropped unless it fails.
        library.SetVariable(api, "debug_file", "/dev/null");

        // A null data path finds the language data as the command does (TESSDATA_PREFIX, else the
        // path compiled into the library).
        if (library.Init3(api, null, language) != 0)
        {
            library.Delete(api);
            return null;
        }

        return new TesseractEngine(library, api);
    }

    public EngineOutcome Recognize(GreyImage image, int pageSegmentationMode, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_api == IntPtr.Zero, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (image.Width <= 0 || image.Height <= 0 || image.Buffer.Length - image.Offset < (long)image.Width * image.Height)
        {
            return new EngineOutcome(null, false, "the page image is incomplete");
        }

        _cancellation = cancellationToken;
        StoppedByCancellation = false;
        var clock = Stopwatch.StartNew();
        try
        {
            _library.SetPageSegMode(_api, pageSegmentationMode);
            var pinned = GCHandle.Alloc(image.Buffer, GCHandleType.Pinned);
            try
            {
                // Tesseract copies the pixels, so the buffer need stay pinned only for this call.
                _library.SetImage(_api, pinned.AddrOfPinnedObject() + image.Offset, image.Width, image.Height, 1, image.Width);
            }
            finally
            {
                pinned.Free();
            }

            // The deadline covers recognition, where nearly all the time goes; Tesseract checks it
            // and the cancel function between words and then stops, leaving the engine reusable.
            _library.MonitorSetDeadlineMSecs(_monitor, (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue));
            var status = _library.Recognize(_api, _monitor);
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.Elapsed >= timeout)
            {
                return new EngineOutcome(null, true, null);
            }

            if (status != 0)
            {
                return new EngineOutcome(null, false, "libtesseract could not recognise the page");
            }

            // Page index 0 is written as page_num 1, as the command numbers its single image.
            var text = _library.GetTsvText(_api, 0);
            if (text == IntPtr.Zero)
            {
                return new EngineOutcome(null, false, "libtesseract returned no text");
            }

            try
            {
                return new EngineOutcome(TsvHeader + Marshal.PtrToStringUTF8(text), false, null);
            }
            finally
            {
                _library.DeleteText(text);
            }
        }
        finally
        {
            // Drops the page's image and results; the language model stays loaded.
            _library.Clear(_api);
            _cancellation = CancellationToken.None;
        }
    }

    public void Dispose()
    {
        if (_api == IntPtr.Zero)
        {
            return;
        }

        _library.Delete(_api);
        _library.MonitorDelete(_monitor);
        _api = IntPtr.Zero;
        _self.Free();
    }

    private static bool IsCancelled(IntPtr cancelThis, int words)
    {
        if (GCHandle.FromIntPtr(cancelThis).Target is not TesseractEngine engine || !engine._cancellation.IsCancellationRequested)
        {
            return false;
        }

        engine.StoppedByCancellation = true;
        return true;
    }
}
