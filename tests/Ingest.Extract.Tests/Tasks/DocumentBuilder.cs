using Ingest.Model;

namespace Ingest.Extract.Tests.Tasks;

/// <summary>Builds small structured documents by hand for task-finder tests.</summary>
internal static class DocumentBuilder
{
    public static StructuredDocument Document(string kind, IReadOnlyList<SectionNode>? sections = null, IReadOnlyList<Paragraph>? preamble = null, IReadOnlyList<Paragraph>? closing = null) =>
        new()
        {
            Kind = kind,
            Sections = sections ?? [],
            Preamble = preamble ?? [],
            Closing = closing ?? [],
        };

    public static SectionNode Section(string id, string? heading, params object[] content) =>
        new(id, id.Split('.')[^1], heading, SourceSpan.None)
        {
            Paragraphs = [.. content.OfType<Paragraph>()],
            Children = [.. content.OfType<SectionNode>()],
        };

    public static Paragraph Text(string text) => new(text, SourceSpan.None);

    public static Paragraph Dash(string text) => new(text, SourceSpan.None) { Bullet = "-" };

    public static Paragraph Plus(string text) => new(text, SourceSpan.None) { Bullet = "+" };

    /// <summary>"assignee:X", "lead:X", "support:X" strings of a task, in order.</summary>
    public static IEnumerable<string> Roles(Ingest.Extract.TaskDraft task) =>
        task.Bodies.Select(body => body.Role.ToString().ToLowerInvariant() + ":" + body.Name);
}
