using Ingest.Model;

namespace Ingest.Structure.Lines;

/// <summary>
/// One line of text as the structure stage sees it: a line of a block (blocks keep '\n' between
/// the lines the source broke), or a line of a table cell. Every later decision (header, joining,
/// sections) is made on these, so a header that an export collapsed into one block is still read
/// line by line.
/// </summary>
/// <param name="Text">The line, NFC, white space collapsed, trimmed; never empty.</param>
/// <param name="Span">Where the line is in the source (the block's span when the exact offset is unknown).</param>
/// <param name="BlockIndex">Index of the block the line came from.</param>
/// <param name="IndexInBlock">0-based position among the block's lines.</param>
/// <param name="Block">The block the line came from (kind, style, level).</param>
internal sealed record SourceLine(string Text, SourceSpan Span, int BlockIndex, int IndexInBlock, Block Block)
{
    /// <summary>True when the line came from a table cell.</summary>
    public bool InTable => Block.Kind == BlockKind.Table;

    /// <summary>True when the line came from a heading block.</summary>
    public bool InHeading => Block.Kind == BlockKind.Heading;

    /// <summary>True when the whole block is bold or italic: titles and headings are styled, body text is not.</summary>
    public bool IsStyled => (Block.Style & (BlockStyle.Bold | BlockStyle.Italic)) != 0;
}
