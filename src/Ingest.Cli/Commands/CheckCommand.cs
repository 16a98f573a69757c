using System.CommandLine;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Output;
using Ingest.Output.Findings;
using Ingest.Pipeline;
using Ingest.Pipeline.Check;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest check</c>: the CI gate for arriving documents. Runs the pipeline on the given files
/// or folders and reports, as findings, unreadable files, documents without number or date,
/// schema-invalid records, contradictions, and (with --expect) records that differ from the
/// committed ones. With --expect, files whose committed record has the same content hash are
/// skipped unless --all is given, so only new or changed documents are processed.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files or folders to check (folders recursively, honouring .ingestignore).",
            Arity = ArgumentArity.OneOrMore,
        };
        var expect = new Option<DirectoryInfo?>("--expect")
        {
            Description = "Output folder of an earlier 'ingest run' (committed records): a record that differs is a finding.",
        };
        var all = new Option<bool>("--all") { Description = "With --expect, also check files whose content did not change." };
        var format = new Option<FindingFormat>("--format")
        {
            Description = "Findings format: text, json, sarif (2.1.0) or github (workflow annotations).",
            DefaultValueFactory = _ => FindingFormat.Text,
        };
        var strict = new Option<bool>("--strict") { Description = "Warnings fail the check too." };
        var command = new Command("check", "Check documents for CI: exit 0 when clean, 2 when there are findings.")
        {
            inputs, expect, all, format, strict,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var files = Expand(parse.GetValue(inputs)!);
            if (files is null)
            {
                await stderr.WriteLineAsync("ingest check: an input does not exist.").ConfigureAwait(false);
                return ExitCodes.InvalidOptions;
            }

            if (files.Count == 0)
            {
                await stderr.WriteLineAsync("ingest check: no files to check.").ConfigureAwait(false);
                return ExitCodes.NoInputs;
            }

            var expectDirectory = parse.GetValue(expect)?.FullName;
            var checkAll = parse.GetValue(all);
            var pipeline = IngestPipeline.CreateDefault();
            var findings = new ConcurrentBag<Finding>();
            var skipped = 0;
            await Parallel.ForEachAsync(files, cancellationToken, (file, token) =>
            {
                var expected = expectDirectory is null ? null : ReadIfExists(ArchiveRunner.RecordPath(expectDirectory, file.Relative));
                var content = File.ReadAllBytes(file.Full);
                if (expected is not null && !checkAll && SameSource(expected, content))
                {
                    Interlocked.Increment(ref skipped);
                    return ValueTask.CompletedTask;
                }

                var record = pipeline.Process(new SourceFile(file.Relative, content) { FullPath = file.Full }, token);
                var json = RecordJson.Serialize(record);
                foreach (var finding in RecordChecker.Check(record, json, expected))
                {
                    findings.Add(finding);
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

            var version = typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            await parse.InvocationConfiguration.Output.WriteAsync(FindingWriter.Write(findings, parse.GetValue(format), version)).ConfigureAwait(false);
            var failing = findings.Count(f => f.Severity == DiagnosticSeverity.Error || (parse.GetValue(strict) && f.Severity == DiagnosticSeverity.Warning));
            await stderr.WriteLineAsync($"ingest check: {files.Count - skipped} checked, {skipped} unchanged, {findings.Count} findings ({failing} failing).").ConfigureAwait(false);
            return failing > 0 ? ExitCodes.FindingsReported : ExitCodes.Success;
        });
        return command;
    }

    private static List<(string Full, string Relative)>? Expand(string[] inputs)
    {
        var files = new List<(string Full, string Relative)>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                files.AddRange(ArchiveFiles.List(root).Select(r => (Path.Combine(root, r), r)));
            }
            else if (File.Exists(input))
            {
                files.Add((Path.GetFullPath(input), Path.GetRelativePath(Environment.CurrentDirectory, input).Replace(Path.DirectorySeparatorChar, '/')));
            }
            else
            {
                return null;
            }
        }

        return files.DistinctBy(f => f.Full).OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
    }

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static bool SameSource(string expectedJson, byte[] content)
    {
        try
        {
            using var expected = JsonDocument.Parse(expectedJson);
            var sha = expected.RootElement.GetProperty("source").GetProperty("sha256").GetString();
            var version = expected.RootElement.GetProperty("schemaVersion").GetString();
            return version == RecordJson.SchemaVersion &&
                   string.Equals(sha, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }
}
