using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Ingest.Formats.Ocr;

/// <summary>What an external tool did.</summary>
/// <param name="ExitCode">Exit code; -1 when the process was killed.</param>
/// <param name="StandardOutput">Everything it wrote to stdout, decoded as UTF-8.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
/// <param name="TimedOut">True when it was killed for exceeding the time limit.</param>
internal sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut);

/// <summary>
/// Runs the command-line tools some formats need (Tesseract, Poppler's pdftoppm, LibreOffice),
/// with arguments passed as a list (never through a shell), a time limit, and the whole process
/// tree killed on timeout or cancellation so no converter outlives the file it was started for.
/// </summary>
internal static class ExternalProcess
{
    /// <summary>Full path of an executable found on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (OperatingSystem.IsWindows() && File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> to completion. Throws <see cref="OperationCanceledException"/>
    /// on cancellation (after killing the process); returns null when the program cannot be started.
    /// </summary>
    public static ProcessOutcome? Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var start = StartInfo(fileName, arguments, workingDirectory);
        start.StandardOutputEncoding = Encoding.UTF8;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = TryStart(start);
        if (process is null)
        {
            return null;
        }

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (!ExitsInTime(process, timeout, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TimedOut;
        }

        return new ProcessOutcome(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult(), TimedOut: false);
    }

    private static readonly ProcessOutcome TimedOut = new(-1, string.Empty, string.Empty, TimedOut: true);

    /// <summary>
    /// Waits for <paramref name="process"/> to exit within <paramref name="timeout"/>; on timeout or
    /// cancellation it kills the process tree and returns false, and the caller decides which it was.
    /// </summary>
    private static bool ExitsInTime(Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> like <see cref="Run"/>, but hands its stdout to
    /// <paramref name="read"/>, which turns it into bytes in a pooled array (a rendered page is 9 MB
    /// grey, 27 MB colour: a fresh array per page would be a large-object allocation each time) and
    /// must read the stream to its end. The caller disposes <paramref name="output"/>; it is null
    /// unless the process ran to completion and <paramref name="read"/> returned bytes.
    /// </summary>
    public static ProcessOutcome? RunCapturingBytes(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        Func<Stream, PooledBytes?> read,
        CancellationToken cancellationToken,
        out PooledBytes? output)
    {
        output = null;
        using var process = TryStart(StartInfo(fileName, arguments, workingDirectory));
        if (process is null)
        {
            return null;
        }

        var stdout = process.StandardOutput.BaseStream;
        var bytes = Task.Run(() => read(stdout), CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (!ExitsInTime(process, timeout, cancellationToken))
        {
            // The kill closed the pipe, so the reader ends; its buffer goes back to the pool.
            DisposeWhenDone(bytes);
            cancellationToken.ThrowIfCancellationRequested();
            return TimedOut;
        }

        var outcome = new ProcessOutcome(process.ExitCode, string.Empty, error.GetAwaiter().GetResult(), TimedOut: false);
        try
        {
            output = bytes.GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            // Output that broke off or could not be held: the caller sees no bytes and reports the tool's failure.
        }

        return outcome;
    }

    private static void DisposeWhenDone(Task<PooledBytes?> reading)
    {
        try
        {
            reading.GetAwaiter().GetResult()?.Dispose();
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            // The reader failed and gave its buffer back itself.
        }
    }

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The started process, its stdin already closed, or null when it cannot be started.</summary>
    private static Process? TryStart(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                process.Dispose();
                return null;
            }
        }
        catch (Win32Exception)
        {
            process.Dispose();
            return null;
        }

        // Nothing is ever fed to the tools; closing stdin stops any that would wait for input.
        process.StandardInput.Close();
        return process;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // It could not be killed (already gone, or not ours); nothing more can be done.
        }
    }
}
