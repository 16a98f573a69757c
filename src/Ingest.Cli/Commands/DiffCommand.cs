using System.CommandLine;
using Ingest.Model;
using Ingest.Output;
using Ingest.Output.Diff;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest diff OLD NEW</c>: what changed between two outputs (or two records).</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<string>("old") { Description = "Earlier output folder of 'ingest run', or one record file." };
        var @new = new Argument<string>("new") { Description = "Later output folder, or one record file." };
        var json = new Option<bool>("--json") { Description = "Print the changes as a JSON array." };
        var command = new Command("diff", "Show what changed between two outputs: files, documents, tasks, deadlines, citations. Exit 0 when equal, 2 when they differ.")
        {
            old, @new, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var before = Load(parse.GetValue(old)!);
            var after = Load(parse.GetValue(@new)!);
            if (before is null || after is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("ingest diff: each argument must be an output folder or a record file.").ConfigureAwait(false);
                return ExitCodes.InvalidOptions;
            }

            var changes = RecordDiff.Compare(before, after);
            var text = parse.GetValue(json) ? RecordJson.SerializeLine(RecordDiff.ToJson(changes)) + "\n" : RecordDiff.ToText(changes);
            await parse.InvocationConfiguration.Output.WriteAsync(text).ConfigureAwait(false);
            return changes.Count == 0 ? ExitCodes.Success : ExitCodes.FindingsReported;
        });
        return command;
    }

    /// <summary>Records keyed by their source path; a single record file compares under its own path.</summary>
    private static Dictionary<string, FileRecord>? Load(string location)
    {
        var records = new Dictionary<string, FileRecord>(StringComparer.Ordinal);
        if (File.Exists(location))
        {
            var record = RecordJson.Deserialize(File.ReadAllText(location));
            if (record is null)
            {
                return null;
            }

            // Two single files are compared with each other whatever their paths.
            records["record"] = record;
            return records;
        }

        var folder = Path.Combine(location, ArchiveRunner.RecordsFolder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            var record = RecordJson.Deserialize(File.ReadAllText(file));
            if (record is not null)
            {
                records[record.Source.Path] = record;
            }
        }

        return records;
    }
}
