namespace Ingest.Model;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing; the output is complete.</summary>
    Info,

    /// <summary>Something in the input is odd or contradictory; the output may be incomplete.</summary>
    Warning,

    /// <summary>The stage could not do its job for this file.</summary>
    Error,
}

/// <summary>
/// A finding about the input, reported instead of thrown. Codes are constants in
/// <see cref="DiagnosticCodes"/> so that consumers and tests can rely on them.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>ING2001</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">Human-readable explanation, in English.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message)
{
    /// <summary>Index of the document inside the file (0-based), if the finding is about one.</summary>
    public int? DocumentIndex { get; init; }

    /// <summary>Section id, if the finding is about one.</summary>
    public string? SectionId { get; init; }

    /// <summary>Where in the source, if known.</summary>
    public SourceSpan? Span { get; init; }
}
