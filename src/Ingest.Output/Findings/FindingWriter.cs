using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Model;

namespace Ingest.Output.Findings;

/// <summary>Output formats of <c>ingest check</c>.</summary>
public enum FindingFormat
{
    /// <summary>One line per finding, for people.</summary>
    Text,

    /// <summary>A JSON array of findings.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code-scanning dashboards.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (::error file=...::message), shown inline on pull requests.</summary>
    Github,
}

/// <summary>Renders findings in each format. Output is deterministic: findings are sorted by path, line, code.</summary>
public static class FindingWriter
{
    /// <summary>Renders <paramref name="findings"/>; <paramref name="toolVersion"/> goes into SARIF's driver.</summary>
    public static string Write(IEnumerable<Finding> findings, FindingFormat format, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sorted = findings
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return format switch
        {
            FindingFormat.Text => Text(sorted),
            FindingFormat.Json => RecordJson.SerializeLine(new JsonArray(sorted.Select(f => (JsonNode)ToJson(f)).ToArray())) + "\n",
            FindingFormat.Sarif => RecordJson.SerializeLine(Sarif(sorted, toolVersion)) + "\n",
            FindingFormat.Github => Github(sorted),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static string Text(List<Finding> findings)
    {
        var builder = new StringBuilder();
        foreach (var f in findings)
        {
            var where = f.Line is { } line ? $"{f.Path}:{line}" : f.Path;
            // One finding per line, always: line breaks inside a message would split it.
            var message = f.Message.ReplaceLineEndings(" ");
            builder.Append(CultureInfo.InvariantCulture, $"{where}: {Level(f.Severity)} {f.Code}: {message}\n");
        }

        return builder.ToString();
    }

    private static JsonObject ToJson(Finding f) => new()
    {
        ["code"] = f.Code,
        ["severity"] = Level(f.Severity),
        ["path"] = f.Path,
        ["line"] = f.Line,
        ["documentIndex"] = f.DocumentIndex,
        ["message"] = f.Message,
    };

    /// <summary>SARIF 2.1.0 (OASIS): one run, the rules used, one result per finding.</summary>
    private static JsonObject Sarif(List<Finding> findings, string toolVersion)
    {
        var rules = new JsonArray(findings.Select(f => f.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(code => (JsonNode)new JsonObject { ["id"] = code, ["name"] = code }).ToArray());
        var results = new JsonArray();
        foreach (var f in findings)
        {
            var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = f.Path } };
            if (f.Line is { } line)
            {
                physical["region"] = new JsonObject { ["startLine"] = line };
            }

            results.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = f.Code,
                ["level"] = f.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" },
                ["message"] = new JsonObject { ["text"] = f.Message },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            });
        }

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "ingest", ["version"] = toolVersion, ["rules"] = rules } },
                ["results"] = results,
            }),
        };
    }

    /// <summary>GitHub Actions workflow commands; '%', CR and LF are escaped as the runner requires.</summary>
    private static string Github(List<Finding> findings)
    {
        var builder = new StringBuilder();
        foreach (var f in findings)
        {
            var command = f.Severity == DiagnosticSeverity.Error ? "error" : "warning";
            var line = f.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $",line={l}") : string.Empty;
            builder.Append(CultureInfo.InvariantCulture, $"::{command} file={EscapeProperty(f.Path)}{line},title={f.Code}::{EscapeData(f.Message)}\n");
        }

        return builder.ToString();
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static string Level(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}
