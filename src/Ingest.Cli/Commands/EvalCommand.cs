using System.CommandLine;
using Ingest.Evaluation;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest eval</c>: scores the pipeline's output for the corpus against the corpus gold.
/// By default it runs the pipeline on every annotated file itself, so the figures are always those
/// of the current build; <c>--records</c> scores the records of an earlier <c>ingest run</c> instead.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<DirectoryInfo>("--corpus")
        {
            Description = "Corpus folder with gold/*.gold.json and the annotated files.",
            DefaultValueFactory = _ => new DirectoryInfo("corpus"),
        };
        var records = new Option<DirectoryInfo?>("--records")
        {
            Description = "Score the records written by 'ingest run <corpus> --out DIR' instead of running the pipeline.",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (totals, per-file scores, missing and extra facts)." };
        var perFile = new Option<bool>("--per-file") { Description = "Add a table per file to the text report." };
        var command = new Command("eval", "Score extraction against the gold annotations: precision, recall and F1 per field.")
        {
            corpus, records, json, perFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var corpusDirectory = parse.GetValue(corpus)!;
            var stdout = parse.InvocationConfiguration.Output;
            var entries = GoldCorpus.Find(corpusDirectory.FullName);
            if (entries.Count == 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"ingest eval: no gold annotations with their files under '{corpusDirectory.FullName}'.").ConfigureAwait(false);
                return ExitCodes.NoInputs;
            }

            var recordsDirectory = parse.GetValue(records);
            var pipeline = recordsDirectory is null ? IngestPipeline.CreateDefault() : null;
            var scores = new FileScore[entries.Count];
            await Parallel.ForAsync(0, entries.Count, cancellationToken, (i, token) =>
            {
                var entry = entries[i];
                var relative = Path.GetRelativePath(corpusDirectory.FullName, entry.DocumentPath).Replace(Path.DirectorySeparatorChar, '/');
                var record = pipeline is not null
                    ? pipeline.Process(new SourceFile(relative, File.ReadAllBytes(entry.DocumentPath)) { FullPath = entry.DocumentPath }, token)
                    : LoadRecord(recordsDirectory!.FullName, relative);
                // Renditions share their seed's gold: name the scored file, not the annotation.
                scores[i] = Scorer.Score(entry.Load(), record, entry.Group) with { File = relative };
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

            var report = new EvaluationReport(scores);
            var text = parse.GetValue(json)
                ? RecordJson.SerializeLine(ReportFormatter.ToJson(report)) + "\n"
                : ReportFormatter.ToTable(report, parse.GetValue(perFile));
            await stdout.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static FileRecord LoadRecord(string recordsDirectory, string relativePath)
    {
        var path = ArchiveRunner.RecordPath(recordsDirectory, relativePath);
        if (!File.Exists(path))
        {
            return IngestPipeline.Failed(new SourceInfo(relativePath, new string('0', 64), 0, SourceFormat.Unknown),
                DiagnosticCodes.Unreadable, $"No record at {path}.");
        }

        return RecordJson.Deserialize(File.ReadAllText(path))
            ?? throw new InvalidDataException($"The record at {path} is empty.");
    }
}
