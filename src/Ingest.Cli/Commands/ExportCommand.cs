using System.CommandLine;
using Ingest.Model;
using Ingest.Output;
using Ingest.Output.Export;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest export</c>: the records of an output folder as SQLite, CSV or JSON Lines.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var output = new Argument<DirectoryInfo>("output")
        {
            Description = "Output folder of 'ingest run'.",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var format = new Option<ExportFormat>("--format")
        {
            Description = "sqlite (default: one queryable database), csv or jsonl (tasks, documents and citations files).",
            DefaultValueFactory = _ => ExportFormat.Sqlite,
        };
        var to = new Option<string?>("--to")
        {
            Description = "Destination: the .sqlite file, or the folder for csv/jsonl (default: <output>/ingest.sqlite or <output>/export).",
        };
        var command = new Command("export", "Export records for analysts: one row per task with its bodies and deadlines, plus documents and citations.")
        {
            output, format, to,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(output)!.FullName;
            var records = Path.Combine(folder, ArchiveRunner.RecordsFolder);
            if (!Directory.Exists(records))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"ingest export: no records under '{records}'; run 'ingest run' first.").ConfigureAwait(false);
                return ExitCodes.NoInputs;
            }

            var chosen = parse.GetValue(format);
            var destination = parse.GetValue(to) ?? (chosen == ExportFormat.Sqlite ? Path.Combine(folder, "ingest.sqlite") : Path.Combine(folder, "export"));
            var count = Exporter.Export(Stream(records), chosen, destination);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{count} records exported to {Path.GetFullPath(destination)}").ConfigureAwait(false);
            return count == 0 ? ExitCodes.NoInputs : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Records one at a time, in path order, so memory does not grow with the archive.</summary>
    private static IEnumerable<FileRecord> Stream(string recordsFolder)
    {
        foreach (var file in Directory.EnumerateFiles(recordsFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var record = RecordJson.Deserialize(File.ReadAllText(file));
            if (record is not null)
            {
                yield return record;
            }
        }
    }
}
