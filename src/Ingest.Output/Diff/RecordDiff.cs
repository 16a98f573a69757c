using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Model;

namespace Ingest.Output.Diff;

/// <summary>One change between two versions of the output.</summary>
/// <param name="Path">Input file the change is in.</param>
/// <param name="Kind">added, removed or changed.</param>
/// <param name="Subject">What changed: "file", "document 03-KH/TW", "task 03-KH/TW/IV.5/2", "citation 19-KL/TW".</param>
/// <param name="Detail">Field-level description, empty for whole additions and removals.</param>
public sealed record Change(string Path, string Kind, string Subject, string Detail);

/// <summary>
/// Compares two sets of records (two output folders of <c>ingest run</c>, or two records) by
/// stable id: files by path, documents by id, tasks by id, citations by id. Deterministic order.
/// </summary>
public static class RecordDiff
{
    /// <summary>Changes between the records of the same paths.</summary>
    public static IReadOnlyList<Change> Compare(IReadOnlyDictionary<string, FileRecord> before, IReadOnlyDictionary<string, FileRecord> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<Change>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(path);
            var @new = after.GetValueOrDefault(path);
            if (old is null)
            {
                changes.Add(new Change(path, "added", "file", Summary(@new!)));
            }
            else if (@new is null)
            {
                changes.Add(new Change(path, "removed", "file", Summary(old)));
            }
            else
            {
                CompareFile(path, old, @new, changes);
            }
        }

        return changes;
    }

    /// <summary>Renders changes as text, one line each.</summary>
    public static string ToText(IReadOnlyList<Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var builder = new StringBuilder();
        foreach (var change in changes)
        {
            var sign = change.Kind switch { "added" => "+", "removed" => "-", _ => "~" };
            builder.Append(CultureInfo.InvariantCulture, $"{sign} {change.Path}: {change.Subject}");
            builder.Append(change.Detail.Length > 0 ? ": " + change.Detail + "\n" : "\n");
        }

        builder.Append(CultureInfo.InvariantCulture,
            $"{changes.Count(c => c.Kind == "added")} added, {changes.Count(c => c.Kind == "removed")} removed, {changes.Count(c => c.Kind == "changed")} changed\n");
        return builder.ToString();
    }

    /// <summary>Renders changes as a JSON array.</summary>
    public static JsonArray ToJson(IReadOnlyList<Change> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new JsonArray(changes.Select(c => (JsonNode)new JsonObject
        {
            ["path"] = c.Path,
            ["kind"] = c.Kind,
            ["subject"] = c.Subject,
            ["detail"] = c.Detail,
        }).ToArray());
    }

    private static string Summary(FileRecord record) =>
        $"{record.Status}, {record.Documents.Count} document(s)" + (record.Documents.Count > 0 ? ": " + string.Join(", ", record.Documents.Select(d => d.Id)) : string.Empty);

    private static void CompareFile(string path, FileRecord old, FileRecord @new, List<Change> changes)
    {
        if (old.Status != @new.Status)
        {
            changes.Add(new Change(path, "changed", "file", $"status {old.Status} → {@new.Status}"));
        }

        if (old.Source.Sha256 != @new.Source.Sha256)
        {
            changes.Add(new Change(path, "changed", "file", $"content {old.Source.Sha256[..12]} → {@new.Source.Sha256[..12]} (revision {old.Revision} → {@new.Revision})"));
        }

        CompareById(path, "document", old.Documents, @new.Documents, d => d.Id, (o, n) => DocumentFields(path, o, n, changes), changes);
    }

    private static string DocumentFields(string path, DocumentRecord old, DocumentRecord @new, List<Change> changes)
    {
        var fields = new List<string>();
        Field(fields, "kind", old.Kind, @new.Kind);
        Field(fields, "number", old.Number, @new.Number);
        Field(fields, "issuedOn", old.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), @new.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(fields, "place", old.Place, @new.Place);
        Field(fields, "issuer", old.Issuer, @new.Issuer);
        Field(fields, "title", old.Title, @new.Title);
        Field(fields, "signers", string.Join("; ", old.Signers), string.Join("; ", @new.Signers));
        Field(fields, "sections", string.Join(" ", Flatten(old.Sections)), string.Join(" ", Flatten(@new.Sections)));
        CompareById(path, "task", old.Tasks, @new.Tasks, t => t.Id, TaskFields, changes);
        CompareById(path, "citation", old.Citations, @new.Citations, c => c.Id, CitationFields, changes);
        return string.Join("; ", fields);
    }

    private static string TaskFields(TaskItem old, TaskItem @new)
    {
        var fields = new List<string>();
        Field(fields, "text", old.Text, @new.Text);
        Field(fields, "bodies", string.Join("; ", old.Bodies.Select(b => $"{b.Role}:{b.Name}")), string.Join("; ", @new.Bodies.Select(b => $"{b.Role}:{b.Name}")));
        Field(fields, "deadlines", string.Join("; ", old.Deadlines.Select(Describe)), string.Join("; ", @new.Deadlines.Select(Describe)));
        Field(fields, "citations", string.Join(" ", old.Citations), string.Join(" ", @new.Citations));
        return string.Join("; ", fields);
    }

    private static string CitationFields(Citation old, Citation @new)
    {
        var fields = new List<string>();
        Field(fields, "kind", old.Kind, @new.Kind);
        Field(fields, "issuedOn", old.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), @new.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(fields, "issuer", old.Issuer, @new.Issuer);
        Field(fields, "mentions", old.Mentions.Count.ToString(CultureInfo.InvariantCulture), @new.Mentions.Count.ToString(CultureInfo.InvariantCulture));
        return string.Join("; ", fields);
    }

    private static string Describe(Deadline deadline) =>
        string.Create(CultureInfo.InvariantCulture, $"{deadline.Kind} {deadline.Start:yyyy-MM-dd}..{deadline.End:yyyy-MM-dd} \"{deadline.Text}\"");

    private static IEnumerable<string> Flatten(IEnumerable<SectionRecord> sections) =>
        sections.SelectMany(s => new[] { s.Id }.Concat(Flatten(s.Children)));

    private static void Field(List<string> fields, string name, string? old, string? @new)
    {
        if (!string.Equals(old, @new, StringComparison.Ordinal))
        {
            fields.Add($"{name} \"{Shorten(old)}\" → \"{Shorten(@new)}\"");
        }
    }

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 80 ? text : text[..77] + "...";

    private static void CompareById<T>(string path, string what, IReadOnlyList<T> old, IReadOnlyList<T> @new, Func<T, string> id,
        Func<T, T, string> fields, List<Change> changes)
    {
        var oldById = old.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newById = @new.GroupBy(id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var key in old.Select(id).Concat(@new.Select(id)).Distinct(StringComparer.Ordinal))
        {
            var hasOld = oldById.TryGetValue(key, out var o);
            var hasNew = newById.TryGetValue(key, out var n);
            if (!hasOld)
            {
                changes.Add(new Change(path, "added", $"{what} {key}", string.Empty));
            }
            else if (!hasNew)
            {
                changes.Add(new Change(path, "removed", $"{what} {key}", string.Empty));
            }
            else
            {
                var detail = fields(o!, n!);
                if (detail.Length > 0)
                {
                    changes.Add(new Change(path, "changed", $"{what} {key}", detail));
                }
            }
        }
    }
}
