using System.CommandLine;
using Ingest.Output;

namespace Ingest.Cli.Commands;

/// <summary><c>ingest schema</c>: prints the JSON Schema of a record.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) that every record validates against.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(RecordSchema.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
