using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ingest.Evaluation;

/// <summary>Renders an evaluation report as a text table or as JSON.</summary>
public static class ReportFormatter
{
    /// <summary>A table per group (and overall when there are several), one row per field.</summary>
    public static string ToTable(EvaluationReport report, bool perFile)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        var groups = report.Groups;
        foreach (var group in groups)
        {
            var files = report.Files.Count(f => f.Group == group);
            AppendTable(builder, $"{group} ({files} file{(files == 1 ? string.Empty : "s")})", report.Totals(group));
            if (perFile)
            {
                foreach (var file in report.Files.Where(f => f.Group == group))
                {
                    AppendTable(builder, $"  {file.File}", file.Fields);
                }
            }
        }

        if (groups.Count > 1)
        {
            AppendTable(builder, $"all ({report.Files.Count} files)", report.Totals());
        }

        return builder.ToString();
    }

    /// <summary>The report as JSON: totals per group and overall, per-file scores, missing and extra facts.</summary>
    public static JsonObject ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = new JsonObject();
        foreach (var group in report.Groups)
        {
            groups[group] = Scores(report.Totals(group));
        }

        var files = new JsonArray();
        foreach (var file in report.Files)
        {
            files.Add((JsonNode)new JsonObject
            {
                ["file"] = file.File,
                ["group"] = file.Group,
                ["fields"] = Scores(file.Fields),
                ["missing"] = new JsonArray(file.Missing.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
                ["extra"] = new JsonArray(file.Extra.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            });
        }

        return new JsonObject { ["overall"] = Scores(report.Totals()), ["groups"] = groups, ["files"] = files };
    }

    private static JsonObject Scores(IEnumerable<FieldScore> scores)
    {
        var result = new JsonObject();
        foreach (var score in scores)
        {
            result[score.Field] = new JsonObject
            {
                ["precision"] = Math.Round(score.Precision, 4),
                ["recall"] = Math.Round(score.Recall, 4),
                ["f1"] = Math.Round(score.F1, 4),
                ["tp"] = score.TruePositives,
                ["fp"] = score.FalsePositives,
                ["fn"] = score.FalseNegatives,
            };
        }

        return result;
    }

    private static void AppendTable(StringBuilder builder, string title, IEnumerable<FieldScore> scores)
    {
        builder.AppendLine(title);
        builder.AppendLine("  field        precision  recall     F1      tp    fp    fn");
        foreach (var s in scores)
        {
            builder.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Field,-11} {s.Precision,9:0.000} {s.Recall,7:0.000} {s.F1,7:0.000} {s.TruePositives,6} {s.FalsePositives,5} {s.FalseNegatives,5}"));
        }

        builder.AppendLine();
    }
}
