using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Ingest.Pipeline;

namespace Ingest.Cli.Commands;

/// <summary>
/// <c>ingest worker</c> (hidden): the process <c>ingest run --max-memory-mb</c> starts to process
/// files under a heap limit. Reads one job a line on standard input, answers one result a line on
/// standard output; not meant to be run by hand.
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create()
    {
        var command = new Command(Name, "Process files sent by `ingest run` on standard input (internal).") { Hidden = true };
        command.SetAction(_ =>
        {
            // Ctrl+C reaches the whole process group; the runner, not the signal, decides when a
            // worker stops (it closes the worker's input, or kills it).
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            using var answers = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
            using var jobs = new StreamReader(Console.OpenStandardInput(), utf8);
            // Whatever else writes to the console must not land in the middle of the answers.
            Console.SetOut(Console.Error);
            FileWorker.Serve(IngestPipeline.CreateDefault(), jobs, answers);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How this build of Ingest starts one of its workers: the same executable, or the same assembly under the dotnet host.</summary>
    public static ProcessStartInfo StartInfo()
    {
        var host = Environment.ProcessPath;
        if (host is not null && string.Equals(Path.GetFileNameWithoutExtension(host), "ingest", StringComparison.Ordinal))
        {
            return new ProcessStartInfo(host) { ArgumentList = { Name } };
        }

        var dotnet = host is not null && string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal) ? host : "dotnet";
        return new ProcessStartInfo(dotnet) { ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, typeof(Program).Assembly.GetName().Name + ".dll"), Name } };
    }
}
