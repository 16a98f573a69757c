namespace Ingest.Model;

/// <summary>
/// A problem that <c>ingest check</c> reports about an input file: the unit of CI output
/// (text, JSON, SARIF, GitHub annotations).
/// </summary>
/// <param name="Code">Rule id, one of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error findings fail the check; warnings fail it only with --strict.</param>
/// <param name="Path">Input file, relative to the folder the check was run on.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record Finding(string Code, DiagnosticSeverity Severity, string Path, string Message)
{
    /// <summary>1-based line in the input, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Index of the document inside the file, when the finding is about one.</summary>
    public int? DocumentIndex { get; init; }
}
