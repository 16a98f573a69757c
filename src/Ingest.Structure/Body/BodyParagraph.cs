using Ingest.Model;
using Ingest.Structure.Lines;

namespace Ingest.Structure.Body;

/// <summary>A paragraph of body text after hard-wrapped lines were joined, before sections are built.</summary>
/// <param name="Text">The joined text (lines separated by one space).</param>
/// <param name="Span">Covers every joined line.</param>
/// <param name="FirstLine">The paragraph's first line (block kind and style hints).</param>
internal sealed record BodyParagraph(string Text, SourceSpan Span, SourceLine FirstLine)
{
    /// <summary>
    /// True when the paragraph starts inside the same block as the previous one and the previous line
    /// did not end a clause: a label at its start may be a number inside running text ("... trong\n2. ...").
    /// </summary>
    public bool MayContinuePrevious { get; init; }

    /// <summary>True when the paragraph is styled as a heading: a heading block, a bold or italic block, or capitals.</summary>
    public bool LooksLikeHeading { get; init; }
}
