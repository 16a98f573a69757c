using Ingest.Model;
using Ingest.Output;
using Ingest.Vietnamese;

namespace Ingest.Pipeline.Check;

/// <summary>
/// The rules of <c>ingest check</c>: what makes a record unacceptable for an archive that other
/// systems are fed from. Pure function of the record (and of the expected record, when given).
/// </summary>
public static class RecordChecker
{
    // Kinds that legitimately carry no number or date of their own: press articles and excerpts.
    private static readonly HashSet<string> UnnumberedKinds = new(StringComparer.Ordinal) { "bai bao", "trich" };

    private static readonly HashSet<string> ContradictionCodes = new(StringComparer.Ordinal)
    {
        DiagnosticCodes.CitationKindMismatch,
        DiagnosticCodes.ForwardedNumberMismatch,
    };

    /// <summary>Findings for one record. <paramref name="expectedJson"/> is the committed record to compare with, if any.</summary>
    public static IReadOnlyList<Finding> Check(FileRecord record, string json, string? expectedJson)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(json);
        var path = record.Source.Path;
        var findings = new List<Finding>();
        if (record.Error is not null)
        {
            findings.Add(new Finding(record.Error.Code, DiagnosticSeverity.Error, path, record.Error.Message));
        }

        foreach (var violation in RecordSchema.Validate(json))
        {
            findings.Add(new Finding(DiagnosticCodes.SchemaInvalid, DiagnosticSeverity.Error, path, $"The record does not match the schema: {violation}"));
        }

        for (var i = 0; i < record.Documents.Count; i++)
        {
            var document = record.Documents[i];
            if (document.AttachedTo is not null || UnnumberedKinds.Contains(VietnameseText.Fold(document.Kind)))
            {
                continue;
            }

            if (document.Number is null)
            {
                findings.Add(new Finding(DiagnosticCodes.MissingNumber, DiagnosticSeverity.Error, path, $"Document {i + 1} ({document.Kind}) has no number.") { DocumentIndex = i });
            }

            if (document.IssuedOn is null)
            {
                findings.Add(new Finding(DiagnosticCodes.MissingDate, DiagnosticSeverity.Error, path, $"Document {i + 1} ({document.Kind} {document.Number}) has no date.") { DocumentIndex = i });
            }
        }

        foreach (var warning in record.Warnings.Where(w => ContradictionCodes.Contains(w.Code)))
        {
            findings.Add(new Finding(warning.Code, DiagnosticSeverity.Error, path, warning.Message)
            {
                DocumentIndex = warning.DocumentIndex,
                Line = warning.Span is { Line: > 0 } span ? span.Line : null,
            });
        }

        if (expectedJson is not null && !string.Equals(expectedJson, json, StringComparison.Ordinal))
        {
            findings.Add(new Finding(DiagnosticCodes.RecordChanged, DiagnosticSeverity.Error, path,
                "The record differs from the expected one: " + FirstDifference(expectedJson, json)));
        }

        return findings;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var count = Math.Min(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < count; i++)
        {
            if (!string.Equals(expectedLines[i], actualLines[i], StringComparison.Ordinal))
            {
                return $"line {i + 1}: expected `{expectedLines[i].Trim()}`, got `{actualLines[i].Trim()}`.";
            }
        }

        return $"expected {expectedLines.Length} lines, got {actualLines.Length}.";
    }
}
