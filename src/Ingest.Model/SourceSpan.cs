namespace Ingest.Model;

/// <summary>
/// Where a piece of text came from in its source file.
/// </summary>
/// <param name="Offset">UTF-16 offset of the first character in the decoded text of the source
/// (for paged formats: in the text of <paramref name="Page"/>).</param>
/// <param name="Length">Length in UTF-16 code units in that same text.</param>
/// <param name="Line">1-based line in the decoded source text, or 0 where the format has no lines
/// (DOCX paragraphs use their paragraph index instead, PDF the line on the page).</param>
/// <param name="Page">1-based page for paged formats (PDF), 0 otherwise.</param>
public readonly record struct SourceSpan(int Offset, int Length, int Line, int Page)
{
    /// <summary>A span that points nowhere, for text that was synthesised rather than read.</summary>
    public static SourceSpan None => default;

    /// <summary>Offset one past the last character.</summary>
    public int End => Offset + Length;

    /// <summary>The smallest span that covers both spans (same page assumed: the first page wins).</summary>
    public SourceSpan Cover(SourceSpan other)
    {
        if (Length == 0 && Offset == 0 && Line == 0)
        {
            return other;
        }

        var start = Math.Min(Offset, other.Offset);
        var end = Math.Max(End, other.End);
        return new SourceSpan(start, end - start, Line == 0 ? other.Line : Math.Min(Line, other.Line == 0 ? Line : other.Line), Page);
    }
}
