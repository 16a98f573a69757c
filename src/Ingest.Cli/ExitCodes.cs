namespace Ingest.Cli;

/// <summary>Process exit codes. Documented in the README; never renumbered.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was processed; nothing failed.</summary>
    public const int Success = 0;

    /// <summary>The command line was wrong (unknown option, missing argument, bad value).</summary>
    public const int InvalidOptions = 1;

    /// <summary>The run finished, but some files failed or findings were reported; their records say why.</summary>
    public const int FindingsReported = 2;

    /// <summary>There was nothing to process (empty archive, no gold).</summary>
    public const int NoInputs = 3;

    /// <summary>Ingest itself failed (a bug, or the output folder could not be written).</summary>
    public const int InternalError = 4;
}
