using Ingest.Model;

namespace Ingest.Extract;

/// <summary>
/// An actionable item found in a document, before deadlines and citations are attached.
/// </summary>
/// <param name="SectionId">Section the item is in; null for unnumbered text.</param>
/// <param name="Text">The item's full text (a bullet, or a section's heading and paragraphs).</param>
/// <param name="Bullet">1-based bullet position in the section when the item is a bullet.</param>
/// <param name="Bodies">Responsible bodies with roles; a lead body is also listed as assignee.</param>
public sealed record TaskDraft(string? SectionId, string Text, int? Bullet, IReadOnlyList<ResponsibleBody> Bodies);

/// <summary>
/// Finds the operative items of a document (tasks) and who is responsible for each.
/// Stateless and thread-safe.
/// </summary>
public interface ITaskFinder
{
    /// <summary>Tasks in document order. Background, assessment and purpose paragraphs are not tasks.</summary>
    IReadOnlyList<TaskDraft> FindTasks(StructuredDocument document);
}
