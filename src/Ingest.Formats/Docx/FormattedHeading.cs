namespace Ingest.Formats.Docx;

/// <summary>
/// Recognises a heading typed as an ordinary paragraph. Party offices seldom use Word's heading
/// styles: the kind line ("KẾ HOẠCH"), the subject under it and article titles ("Điều 2. Hiệu lực
/// thi hành") are ordinary paragraphs made bold, or centred in capitals. Any reader that knows a
/// paragraph's formatting (DOCX runs, PDF fonts) can apply the same rule, so that one document gives
/// the same blocks in every format.
/// </summary>
internal static class FormattedHeading
{
    /// <summary>
    /// Longest paragraph read as a heading by its formatting. Kind lines and article titles run to a
    /// line or two; a longer bold paragraph is an emphasised passage of text.
    /// </summary>
    public const int MaxLength = 160;

    /// <summary>
    /// Heading level of a paragraph from its formatting: 1 for a centred title, 2 for a heading
    /// inside the text, 0 for body text. A heading is bold throughout, or centred and in capitals;
    /// it is short, has letters, and is neither a sentence nor a lead-in (no closing '.', ';', ',',
    /// ':', '!', '?' or '…': "Nơi nhận:" introduces a list). A paragraph placed to the right
    /// (right-aligned, or set in the right half of the page) is a signature block line (a signer's
    /// title or name), never a heading.
    /// </summary>
    public static int Level(string text, bool allBold, bool allCapitals, bool centered, bool placedRight)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        var formatted = allBold || (centered && allCapitals);
        if (!formatted || placedRight || trimmed.IsEmpty || trimmed.Length > MaxLength || !HasLetter(trimmed))
        {
            return 0;
        }

        if (trimmed[^1] is '.' or ';' or ',' or ':' or '!' or '?' or '\u2026')
        {
            return 0;
        }

        return centered ? 1 : 2;
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
