using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ingest.Model;

namespace Ingest.Pipeline;

/// <summary>
/// Worker processes (<c>ingest worker</c>) that process files for a run under a memory limit. Each
/// worker's managed heap is capped (DOTNET_GCHeapHardLimit), so a file that needs more fails with
/// <see cref="DiagnosticCodes.MemoryLimitExceeded"/> instead of exhausting the machine; a worker
/// that dies, or is killed at the time limit, takes only its current file with it, and the next
/// file gets a fresh worker. Workers are reused across files, so start-up is paid per worker, not per file.
/// </summary>
/// <remarks>
/// Every reader Ingest uses is managed code (PdfPig, OpenXML, HtmlAgilityPack, Markdig), so the
/// heap cap covers the memory a file can make Ingest allocate; external programs (tesseract,
/// LibreOffice) run as their own processes and are bounded by their own limits.
/// </remarks>
internal sealed class WorkerPool : IDisposable
{
    // A worker that ignores its own cooperative time limit is killed this long after it.
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(5);

    private readonly Func<ProcessStartInfo> _startInfo;
    private readonly long _heapLimitBytes;
    private readonly ConcurrentBag<Worker> _idle = [];
    private long _peakBytes;

    public WorkerPool(Func<ProcessStartInfo> startInfo, long heapLimitBytes)
    {
        _startInfo = startInfo;
        _heapLimitBytes = heapLimitBytes;
    }

    /// <summary>Largest resident memory any worker reported, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peakBytes);

    /// <summary>Processes a job in a worker; always returns a result (a failure record when the worker died or was killed).</summary>
    public FileResult Run(FileJob job, long bytes, CancellationToken cancellationToken)
    {
        var worker = Rent();
        var line = worker.Exchange(JsonSerializer.Serialize(job, WireJson.Default.FileJob), TimeSpan.FromSeconds(job.TimeoutSeconds) + KillGrace, cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            worker.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (line is null)
        {
            var (code, message) = worker.TimedOut
                ? (DiagnosticCodes.Timeout, $"Processing did not finish within {job.TimeoutSeconds:0} s; its worker process was stopped.")
                : worker.DescribeDeath();
            worker.Dispose();
            return FileJobs.WriteFailure(job, bytes, code, message);
        }

        if (Parse(line) is not { } result)
        {
            // Something in the worker wrote to its standard output besides the answer: the worker
            // cannot be trusted with the next file, and this file's record is unknown.
            worker.Dispose();
            return FileJobs.WriteFailure(job, bytes, DiagnosticCodes.InternalError, "The worker process processing the file answered with something that is not a result.");
        }

        UpdatePeak(result.WorkerPeakBytes);
        if (result.ErrorCode == DiagnosticCodes.MemoryLimitExceeded || worker.TimedOut)
        {
            // The worker exits after a file that exhausted its heap, and one whose time limit fired
            // just as it answered may be dying: the next file gets a fresh one.
            worker.Dispose();
        }
        else
        {
            _idle.Add(worker);
        }

        return result;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var worker))
        {
            worker.Dispose();
        }
    }

    private static FileResult? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, WireJson.Default.FileResult);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Worker Rent()
    {
        while (_idle.TryTake(out var worker))
        {
            if (!worker.HasExited)
            {
                return worker;
            }

            worker.Dispose();
        }

        var info = _startInfo();
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        info.StandardOutputEncoding = Encoding.UTF8;
        // The GC reads its configuration from the environment as hexadecimal.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + _heapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        return new Worker(Process.Start(info) ?? throw new InvalidOperationException("The worker process could not be started."));
    }

    private void UpdatePeak(long bytes)
    {
        long seen;
        while (bytes > (seen = Interlocked.Read(ref _peakBytes)) && Interlocked.CompareExchange(ref _peakBytes, bytes, seen) != seen)
        {
            // Another thread raised it first; compare again.
        }
    }

    private sealed class Worker : IDisposable
    {
        // Enough of the worker's standard error to say why it died.
        private const int StderrLinesKept = 20;

        private readonly Process _process;
        private readonly Queue<string> _stderr = new();
        private int _timedOut;

        public Worker(Process process)
        {
            _process = process;
            _process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (_stderr)
                {
                    _stderr.Enqueue(e.Data);
                    if (_stderr.Count > StderrLinesKept)
                    {
                        _stderr.Dequeue();
                    }
                }
            };
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

        public bool TimedOut => Volatile.Read(ref _timedOut) == 1;

        /// <summary>Sends one request line and waits for the answer line; null when the worker died or was killed.</summary>
        public string? Exchange(string request, TimeSpan limit, CancellationToken cancellationToken)
        {
            using var timer = new CancellationTokenSource(limit);
            using var onTimeout = timer.Token.Register(() =>
            {
                Volatile.Write(ref _timedOut, 1);
                Kill();
            });
            using var onCancel = cancellationToken.Register(Kill);
            try
            {
                _process.StandardInput.WriteLine(request);
                _process.StandardInput.Flush();
                return _process.StandardOutput.ReadLine();
            }
            catch (IOException)
            {
                // The pipe broke: the worker is gone.
                return null;
            }
        }

        /// <summary>Why the worker died, as a record's error code and message.</summary>
        public (string Code, string Message) DescribeDeath()
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                Kill();
                _process.WaitForExit();
            }

            // Lets the asynchronous reader deliver the last lines of standard error.
            _process.WaitForExit();
            string[] stderr;
            lock (_stderr)
            {
                stderr = [.. _stderr];
            }

            var exitCode = _process.ExitCode;
            var lastLine = Array.FindLast(stderr, l => l.Trim().Length > 0)?.Trim() ?? "no message";
            if (Array.Exists(stderr, l => l.Contains("OutOfMemory", StringComparison.Ordinal) || l.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)))
            {
                return (DiagnosticCodes.MemoryLimitExceeded, IngestPipeline.MemoryLimitMessage + $" Its worker process died ({lastLine}).");
            }

            // 128 + SIGKILL: nothing in Ingest sends it, so it came from outside, most often the
            // kernel's out-of-memory killer.
            if (exitCode == 137)
            {
                return (DiagnosticCodes.MemoryLimitExceeded, "The worker process processing the file was killed (SIGKILL), most likely by the system's out-of-memory killer.");
            }

            return (DiagnosticCodes.InternalError, string.Create(CultureInfo.InvariantCulture,
                $"The worker process processing the file died (exit code {exitCode}): {lastLine}"));
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    // End of input asks the worker to finish; a worker busy past the grace time is killed.
                    _process.StandardInput.Close();
                    if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
                    {
                        Kill();
                    }
                }
            }
            catch (IOException)
            {
                Kill();
            }

            _process.Dispose();
        }

        private void Kill()
        {
            try
            {
                // Its children too: an OCR or LibreOffice process must not outlive the file it was started for.
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }
        }
    }
}
