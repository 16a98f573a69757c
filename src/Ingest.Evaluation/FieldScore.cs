namespace Ingest.Evaluation;

/// <summary>Counts of matched facts for one field, and the scores they give.</summary>
/// <param name="Field">documents, sections, citations, deadlines or tasks.</param>
/// <param name="TruePositives">Facts in both the output and the gold.</param>
/// <param name="FalsePositives">Facts in the output only.</param>
/// <param name="FalseNegatives">Facts in the gold only.</param>
public sealed record FieldScore(string Field, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted and nothing was expected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds the counts of another score of the same field.</summary>
    public FieldScore Add(FieldScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            TruePositives = TruePositives + other.TruePositives,
            FalsePositives = FalsePositives + other.FalsePositives,
            FalseNegatives = FalseNegatives + other.FalseNegatives,
        };
    }
}

/// <summary>Scores of one corpus file.</summary>
/// <param name="File">File name as in the gold.</param>
/// <param name="Group">Corpus folder the file is in (seeds, real, renditions/docx ...).</param>
/// <param name="Fields">One score per field scored for this file.</param>
/// <param name="Missing">Gold facts not found in the output, for diagnosis.</param>
/// <param name="Extra">Output facts not in the gold, for diagnosis.</param>
public sealed record FileScore(string File, string Group, IReadOnlyList<FieldScore> Fields, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra);

/// <summary>All files' scores, with totals per group.</summary>
public sealed record EvaluationReport(IReadOnlyList<FileScore> Files)
{
    /// <summary>The fields in reporting order.</summary>
    public static readonly IReadOnlyList<string> FieldNames = ["documents", "sections", "citations", "deadlines", "tasks"];

    /// <summary>Groups in first-seen order.</summary>
    public IReadOnlyList<string> Groups => Files.Select(f => f.Group).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Micro-averaged totals of a group (or of everything when <paramref name="group"/> is null).</summary>
    public IReadOnlyList<FieldScore> Totals(string? group = null)
    {
        var files = Files.Where(f => group is null || f.Group == group).ToList();
        var totals = new List<FieldScore>();
        foreach (var field in FieldNames)
        {
            var scores = files.SelectMany(f => f.Fields).Where(s => s.Field == field).ToList();
            if (scores.Count > 0)
            {
                totals.Add(scores.Aggregate(new FieldScore(field, 0, 0, 0), (sum, next) => sum.Add(next)));
            }
        }

        return totals;
    }
}
