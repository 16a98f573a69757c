using System.CommandLine;
using Ingest.Cli.Commands;
using Ingest.Vietnamese;

namespace Ingest.Cli;

/// <summary>Entry point of the <c>ingest</c> command.</summary>
public static class Program
{
    /// <summary>Builds the command tree; tests parse against it in-process.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("Ingest: archives of Vietnamese party documents (PDF, DOCX, DOC, HTML, Markdown, text) to versioned JSON records.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(NormalizeCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            // Every comparison in the pipeline relies on real Unicode composition.
            VietnameseText.EnsureNormalizationWorks();
            var parse = CreateRootCommand().Parse(args);
            return await parse.InvokeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The last line of defence: report and map to an exit code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"ingest: internal error: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }
}
