namespace Ingest.Model;

/// <summary>The kind of a block read from a source file.</summary>
public enum BlockKind
{
    /// <summary>A heading marked as such by the format (Markdown "#", a Word heading style, HTML h1-h6).</summary>
    Heading,

    /// <summary>Running text. May contain '\n' where the source broke a line inside the paragraph.</summary>
    Paragraph,

    /// <summary>An item of a list. <see cref="Block.Text"/> starts with the visible marker ("- ", "1. ", "a) ").</summary>
    ListItem,

    /// <summary>A table; its cells are in <see cref="Block.Cells"/>, and <see cref="Block.Text"/> joins them.</summary>
    Table,

    /// <summary>A footnote body, kept apart from the running text.</summary>
    Footnote,
}

/// <summary>Typographic hints a format can give about a whole block.</summary>
[Flags]
public enum BlockStyle
{
    /// <summary>No hint.</summary>
    None = 0,

    /// <summary>The whole block is bold.</summary>
    Bold = 1,

    /// <summary>The whole block is italic.</summary>
    Italic = 2,

    /// <summary>The block is centred on the page.</summary>
    Centered = 4,
}

/// <summary>
/// One block of text as a format reader found it: the unit every later stage works on.
/// Immutable; stages derive new blocks with <c>with</c>.
/// </summary>
/// <param name="Kind">What the format says the block is.</param>
/// <param name="Text">The text. Readers put the visible numbering label in it ("1. ", "a) "),
/// including labels that Word generates from numbering.xml, so later stages never need the format.
/// Lines broken inside the block are separated by '\n'.</param>
/// <param name="Span">Where the block is in the source.</param>
public sealed record Block(BlockKind Kind, string Text, SourceSpan Span)
{
    /// <summary>Heading level (1-6) for headings, nesting depth (0-based) for list items, 0 otherwise.</summary>
    public int Level { get; init; }

    /// <summary>Typographic hints, where the format has them.</summary>
    public BlockStyle Style { get; init; }

    /// <summary>Rows of cells for <see cref="BlockKind.Table"/>; null for other kinds.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Cells { get; init; }

    /// <summary>
    /// The text exactly as the reader produced it, set by normalisation when it changed
    /// <see cref="Text"/>; null when the two are the same. Spans always refer to this printed text.
    /// </summary>
    public string? PrintedText { get; init; }
}
