using System.Globalization;
using Ingest.Model;

namespace Ingest.Output.Export;

/// <summary>
/// Flat rows for analysts: one per task (with its bodies and deadlines), one per document, one per
/// citation. The same rows feed CSV, JSON Lines and SQLite, so the three exports agree.
/// </summary>
public static class ExportRows
{
    /// <summary>Separator inside a cell that holds a list.</summary>
    public const string ListSeparator = " | ";

    /// <summary>Column names of the task rows, in order.</summary>
    public static readonly IReadOnlyList<string> TaskColumns =
    [
        "path", "document_id", "document_kind", "document_number", "document_issued_on", "task_id", "section_id", "bullet",
        "assignees", "lead", "support", "deadline_kinds", "deadline_starts", "deadline_ends", "deadline_texts", "recurrence", "citations", "text",
    ];

    /// <summary>Column names of the document rows, in order.</summary>
    public static readonly IReadOnlyList<string> DocumentColumns =
    [
        "path", "document_index", "document_id", "kind", "number", "issued_on", "place", "issuer", "signers", "recipients", "title",
        "forwards", "attached_to", "sections", "tasks", "citations", "file_status", "file_sha256", "revision",
    ];

    /// <summary>Column names of the citation rows, in order.</summary>
    public static readonly IReadOnlyList<string> CitationColumns =
    [
        "path", "document_id", "citation_id", "kind", "issued_on", "issuer", "title", "mentions", "sections",
    ];

    /// <summary>Task rows of a record.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Tasks(FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var document in record.Documents)
        {
            foreach (var task in document.Tasks)
            {
                yield return
                [
                    record.Source.Path, document.Id, document.Kind, document.Number, Date(document.IssuedOn), task.Id, task.SectionId, task.Bullet,
                    Names(task, BodyRole.Assignee), Names(task, BodyRole.Lead), Names(task, BodyRole.Support),
                    Join(task.Deadlines.Select(d => d.Kind.ToString().ToLowerInvariant())),
                    Join(task.Deadlines.Select(d => Date(d.Start) ?? string.Empty)),
                    Join(task.Deadlines.Select(d => Date(d.End) ?? string.Empty)),
                    Join(task.Deadlines.Select(d => d.Text)),
                    Join(task.Deadlines.Select(d => d.Recurrence ?? string.Empty)),
                    Join(task.Citations),
                    task.Text,
                ];
            }
        }
    }

    /// <summary>Document rows of a record (a failed file gives none).</summary>
    public static IEnumerable<IReadOnlyList<object?>> Documents(FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var i = 0; i < record.Documents.Count; i++)
        {
            var d = record.Documents[i];
            yield return
            [
                record.Source.Path, i, d.Id, d.Kind, d.Number, Date(d.IssuedOn), d.Place, d.Issuer, Join(d.Signers), Join(d.Recipients), d.Title,
                d.Forwards, d.AttachedTo, Join(d.Sections.SelectMany(Flatten)), d.Tasks.Count, Join(d.Citations.Select(c => c.Id)),
                record.Status, record.Source.Sha256, record.Revision,
            ];
        }
    }

    /// <summary>Citation rows of a record.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Citations(FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var d in record.Documents)
        {
            foreach (var c in d.Citations)
            {
                yield return
                [
                    record.Source.Path, d.Id, c.Id, c.Kind, Date(c.IssuedOn), c.Issuer, c.Title, c.Mentions.Count,
                    Join(c.Mentions.Select(m => m.SectionId ?? "-").Distinct(StringComparer.Ordinal)),
                ];
            }
        }
    }

    private static IEnumerable<string> Flatten(SectionRecord section) => new[] { section.Id }.Concat(section.Children.SelectMany(Flatten));

    private static string Names(TaskItem task, BodyRole role) => Join(task.Bodies.Where(b => b.Role == role).Select(b => b.Name));

    private static string Join(IEnumerable<string> values) => string.Join(ListSeparator, values);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
