using System.Diagnostics;
using System.Text.Json;
using Ingest.Model;

namespace Ingest.Pipeline;

/// <summary>
/// The worker side of <c>ingest run --max-memory-mb</c>: reads one <see cref="FileJob"/> a line,
/// processes it, writes its record, and answers with one <see cref="FileResult"/> a line.
/// </summary>
public static class FileWorker
{
    /// <summary>Serves jobs until its input ends, or until a file exhausted the heap (the pool then starts a fresh worker).</summary>
    public static void Serve(IngestPipeline pipeline, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var self = Process.GetCurrentProcess();
        while (input.ReadLine() is { } line)
        {
            var job = JsonSerializer.Deserialize(line, WireJson.Default.FileJob)
                ?? throw new InvalidOperationException("The runner sent an empty job.");
            var record = FileJobs.Process(pipeline, job, content: null, CancellationToken.None);
            self.Refresh();
            var result = FileJobs.Write(job, record) with { WorkerPeakBytes = self.PeakWorkingSet64 };
            output.WriteLine(JsonSerializer.Serialize(result, WireJson.Default.FileResult));
            output.Flush();
            if (result.ErrorCode == DiagnosticCodes.MemoryLimitExceeded)
            {
                return;
            }
        }
    }
}
