using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Ingest.Formats.Ocr;

/// <summary>
/// The functions of libtesseract's C API (tesseract/capi.h, Tesseract 4 and 5) that in-process
/// recognition needs, bound by name from a library loaded at run time. The library is located at
/// run time rather than through DllImport so that its path can be configured
/// (<see cref="OcrOptions.TesseractLibraryPath"/>) and so that a machine without it simply keeps
/// using the tesseract command. A library, once loaded, stays loaded for the life of the process.
/// </summary>
internal sealed class TesseractLibrary
{
    /// <summary>The names tried when no path is configured: Debian's runtime package ships only the versioned one.</summary>
    private static readonly string[] DefaultNames = ["libtesseract.so.5", "libtesseract.so"];

    private static readonly ConcurrentDictionary<string, Lazy<TesseractLibrary?>> Loaded = new(StringComparer.Ordinal);

    private TesseractLibrary(IntPtr handle)
    {
        Create = Bind<CreateFunction>(handle, "TessBaseAPICreate");
        Delete = Bind<HandleAction>(handle, "TessBaseAPIDelete");
        Init3 = Bind<Init3Function>(handle, "TessBaseAPIInit3");
        SetVariable = Bind<SetVariableFunction>(handle, "TessBaseAPISetVariable");
        SetPageSegMode = Bind<SetPageSegModeFunction>(handle, "TessBaseAPISetPageSegMode");
        SetImage = Bind<SetImageFunction>(handle, "TessBaseAPISetImage");
        Recognize = Bind<RecognizeFunction>(handle, "TessBaseAPIRecognize");
        GetTsvText = Bind<GetTsvTextFunction>(handle, "TessBaseAPIGetTsvText");
        DeleteText = Bind<HandleAction>(handle, "TessDeleteText");
        Clear = Bind<HandleAction>(handle, "TessBaseAPIClear");
        MonitorCreate = Bind<CreateFunction>(handle, "TessMonitorCreate");
        MonitorDelete = Bind<HandleAction>(handle, "TessMonitorDelete");
        MonitorSetCancelFunc = Bind<MonitorSetPointer>(handle, "TessMonitorSetCancelFunc");
        MonitorSetCancelThis = Bind<MonitorSetPointer>(handle, "TessMonitorSetCancelThis");
        MonitorSetDeadlineMSecs = Bind<MonitorSetDeadline>(handle, "TessMonitorSetDeadlineMSecs");
    }

    /// <summary><c>TessBaseAPI* TessBaseAPICreate()</c>, and <c>ETEXT_DESC* TessMonitorCreate()</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr CreateFunction();

    /// <summary>A function taking one pointer and returning nothing (delete, clear, free text).</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void HandleAction(IntPtr handle);

    /// <summary><c>int TessBaseAPIInit3(TessBaseAPI*, const char* datapath, const char* language)</c>; 0 on success.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int Init3Function(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string? dataPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string language);

    /// <summary><c>BOOL TessBaseAPISetVariable(TessBaseAPI*, const char* name, const char* value)</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int SetVariableFunction(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value);

    /// <summary><c>void TessBaseAPISetPageSegMode(TessBaseAPI*, TessPageSegMode)</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void SetPageSegModeFunction(IntPtr handle, int mode);

    /// <summary>
    /// <c>void TessBaseAPISetImage(TessBaseAPI*, const unsigned char* data, int width, int height,
    /// int bytes_per_pixel, int bytes_per_line)</c>. Tesseract copies the pixels into its own image.
    /// </summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void SetImageFunction(IntPtr handle, IntPtr pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

    /// <summary><c>int TessBaseAPIRecognize(TessBaseAPI*, ETEXT_DESC* monitor)</c>; 0 on success.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int RecognizeFunction(IntPtr handle, IntPtr monitor);

    /// <summary><c>char* TessBaseAPIGetTsvText(TessBaseAPI*, int page_number)</c>, freed with TessDeleteText.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr GetTsvTextFunction(IntPtr handle, int pageNumber);

    /// <summary><c>TessMonitorSetCancelFunc(ETEXT_DESC*, TessCancelFunc)</c> and <c>TessMonitorSetCancelThis(ETEXT_DESC*, void*)</c>.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void MonitorSetPointer(IntPtr monitor, IntPtr value);

    /// <summary><c>void TessMonitorSetDeadlineMSecs(ETEXT_DESC*, int deadline)</c>: the deadline counts from the call.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void MonitorSetDeadline(IntPtr monitor, int milliseconds);

    /// <summary>
    /// <c>bool (*TessCancelFunc)(void* cancel_this, int words)</c>: Tesseract calls it between words
    /// and stops recognising when it returns true. C++ <c>bool</c> is one byte.
    /// </summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.U1)]
    public delegate bool CancelFunction(IntPtr cancelThis, int words);

    public CreateFunction Create { get; }

    public HandleAction Delete { get; }

    public Init3Function Init3 { get; }

    public SetVariableFunction SetVariable { get; }

    public SetPageSegModeFunction SetPageSegMode { get; }

    public SetImageFunction SetImage { get; }

    public RecognizeFunction Recognize { get; }

    public GetTsvTextFunction GetTsvText { get; }

    public HandleAction DeleteText { get; }

    public HandleAction Clear { get; }

    public CreateFunction MonitorCreate { get; }

    public HandleAction MonitorDelete { get; }

    public MonitorSetPointer MonitorSetCancelFunc { get; }

    public MonitorSetPointer MonitorSetCancelThis { get; }

    public MonitorSetDeadline MonitorSetDeadlineMSecs { get; }

    /// <summary>
    /// The library at <paramref name="path"/> (null: the default names on the loader's search path),
    /// or null when it cannot be loaded or lacks a function (not on Linux, not installed, too old).
    /// Loaded once per path.
    /// </summary>
    public static TesseractLibrary? Load(string? path) =>
        Loaded.GetOrAdd(path ?? string.Empty, key => new Lazy<TesseractLibrary?>(() => LoadUncached(key.Length == 0 ? null : key))).Value;

    private static TesseractLibrary? LoadUncached(string? path)
    {
        // Only Linux is supported in-process: the thread limit below is set through glibc.
        if (!OperatingSystem.IsLinux() || !NativeEnvironment.LimitOpenMpThreads())
        {
            return null;
        }

        IntPtr handle = IntPtr.Zero;
        var loaded = path is not null ? NativeLibrary.TryLoad(path, out handle) : DefaultNames.Any(name => NativeLibrary.TryLoad(name, out handle));
        if (!loaded)
        {
            return null;
        }

        try
        {
            return new TesseractLibrary(handle);
        }
        catch (EntryPointNotFoundException)
        {
            // Some other library under that name, or a Tesseract older than the C API used here;
            // it stays loaded (unloading a library that may have started threads is not safe).
            return null;
        }
    }

    private static T Bind<T>(IntPtr library, string name)
        where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, name));
}

/// <summary>
/// The process's native environment, which libraries read through getenv. .NET keeps its own copy
/// of the environment: <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes
/// only that copy, so a variable a native library must see is set with libc's setenv.
/// </summary>
internal static class NativeEnvironment
{
    private static readonly Lazy<bool> ThreadLimitSet = new(SetThreadLimit);

    /// <summary>
    /// Sets OMP_THREAD_LIMIT=1 in the native environment; true when it is set. Debian builds
    /// libtesseract with OpenMP, and libgomp reads the limit once, when it is loaded, so this must
    /// run before libtesseract is loaded. Pages are already recognised one per core; Tesseract's own
    /// threads would only oversubscribe the cores (the tesseract command gets the same variable).
    /// glibc's setenv is not safe against a getenv running at the same moment on another thread;
    /// this runs once, before any native OCR code exists in the process to call getenv.
    /// </summary>
    public static bool LimitOpenMpThreads() => ThreadLimitSet.Value;

    private static bool SetThreadLimit()
    {
        try
        {
            return SetEnv("OMP_THREAD_LIMIT", "1", 1) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: recognition then runs through the tesseract command, which gets the variable.
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
