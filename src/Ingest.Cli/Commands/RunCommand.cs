using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Model;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest run ARCHIVE</c>: processes every file of a folder into records.</summary>
internal static class RunCommand
{
    /// <summary>Default of --max-memory-mb.</summary>
    public const int DefaultMaxMemoryMb = 0;

    // Below this a worker cannot load the pipeline's own data (word lists, gazetteers) and fails every file.
    private const int MinMaxMemoryMb = 64;

    public static Command Create()
    {
        var archive = new Argument<DirectoryInfo>("archive") { Description = "Folder to process, recursively (files listed in its .ingestignore are skipped)." };
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Output folder for records/ and index.jsonl.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var parallel = new Option<int>("--parallel", "-j")
        {
            Description = "Files processed at once (default: twice the number of cores).",
            DefaultValueFactory = _ => RunOptions.DefaultParallelism,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary." };
        var force = new Option<bool>("--force") { Description = "Process every file again, ignoring what the manifest of an earlier run says." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds one file may take before it fails with ING1007 (default 300).",
            DefaultValueFactory = _ => 300,
        };
        var maxSize = new Option<long>("--max-file-mb")
        {
            Description = "Files larger than this many MB fail with ING1006 without being read (default 256).",
            DefaultValueFactory = _ => 256,
        };
        var maxMemory = new Option<int>("--max-memory-mb")
        {
            Description = $"Memory one file may take, in MB: files are processed in worker processes whose heap is capped at this, " +
                          $"and a file that needs more fails with ING1008 while the batch goes on; 0 processes files in this process, " +
                          $"without a limit (default {DefaultMaxMemoryMb}).",
            DefaultValueFactory = _ => DefaultMaxMemoryMb,
        };
        maxMemory.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value != 0 && value < MinMaxMemoryMb)
            {
                result.AddError($"--max-memory-mb must be 0 (no limit) or at least {MinMaxMemoryMb}: a worker needs that much to load Ingest itself.");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--timeout must be at least 1 second.");
            }
        });
        maxSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--max-file-mb must be at least 1.");
            }
        });

        var command = new Command("run", "Process an archive folder: one JSON record per file and an index.jsonl.")
        {
            archive, output, parallel, quiet, force, timeout, maxSize, maxMemory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(archive)!;
            var outDirectory = parse.GetValue(output)!;
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!root.Exists)
            {
                await stderr.WriteLineAsync($"ingest run: the archive folder '{root.FullName}' does not exist.").ConfigureAwait(false);
                return ExitCodes.InvalidOptions;
            }

            var options = new RunOptions(root.FullName, outDirectory.FullName)
            {
                MaxParallelism = parse.GetValue(parallel),
                Force = parse.GetValue(force),
                PerFileTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MaxFileBytes = parse.GetValue(maxSize) * 1024 * 1024,
                MaxMemoryBytes = parse.GetValue(maxMemory) is > 0 and var megabytes ? megabytes * 1024L * 1024 : null,
                WorkerStartInfo = WorkerCommand.StartInfo,
            };
            var runner = new ArchiveRunner(IngestPipeline.CreateDefault());
            var progress = parse.GetValue(quiet) ? null : new ProgressPrinter(stderr);
            var summary = await runner.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
            progress?.Finish();
            await stdout.WriteLineAsync(Describe(summary, outDirectory.FullName)).ConfigureAwait(false);
            if (summary.Cancelled)
            {
                await stderr.WriteLineAsync("ingest run: stopped; the records, index and manifest of the files done so far are saved, and the next run continues from there.").ConfigureAwait(false);
                return ExitCodes.FindingsReported;
            }

            if (summary.Files == 0)
            {
                return ExitCodes.NoInputs;
            }

            return summary.Failed > 0 ? ExitCodes.FindingsReported : ExitCodes.Success;
        });
        return command;
    }

    private static string Describe(RunSummary summary, string outDirectory)
    {
        var formats = string.Join(", ", summary.ByFormat.OrderBy(p => p.Key).Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value}"));
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-6);
        using var self = Process.GetCurrentProcess();
        var workers = summary.WorkerPeakBytes > 0
            ? string.Create(CultureInfo.InvariantCulture, $" (each worker at most {summary.WorkerPeakBytes / 1048576.0:0} MB)")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{summary.Files} files ({formats}): {summary.Processed} processed, {summary.Unchanged} unchanged, {summary.Removed} removed; " +
            $"{summary.Failed} failed; {summary.Warnings} warnings; {summary.OcrPages} pages OCR'd.\n" +
            $"{summary.Elapsed.TotalSeconds:0.00} s; {summary.Processed / seconds:0.0} files/s, {summary.PagesProcessed / seconds:0.0} pages/s, " +
            $"{summary.BytesProcessed / seconds / 1048576:0.00} MB/s; peak memory {self.PeakWorkingSet64 / 1048576.0:0} MB{workers}. Output in {outDirectory}");
    }

    /// <summary>
    /// Progress on stderr: a self-overwriting line with files/s and ETA on a terminal, a plain line
    /// every 5% otherwise (CI logs must not fill with carriage returns).
    /// </summary>
    private sealed class ProgressPrinter(TextWriter writer) : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();
        private readonly bool _interactive = !Console.IsErrorRedirected;
        private int _lastPercent = -1;

        public void Report(RunProgress value)
        {
            lock (_gate)
            {
                var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
                var rate = value.Elapsed.TotalSeconds > 0 ? value.Done / value.Elapsed.TotalSeconds : 0;
                var eta = rate > 0 ? TimeSpan.FromSeconds((value.Total - value.Done) / rate) : TimeSpan.Zero;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"[{value.Done}/{value.Total}] {percent,3}% {rate:0.0} files/s ETA {eta:hh\\:mm\\:ss}");
                if (_interactive)
                {
                    writer.Write("\r" + line.PadRight(60));
                }
                else if (percent / 5 != _lastPercent / 5 || value.Done == value.Total)
                {
                    writer.WriteLine(line);
                }

                _lastPercent = percent;
            }
        }

        public void Finish()
        {
            if (_interactive)
            {
                writer.WriteLine();
            }
        }
    }
}
