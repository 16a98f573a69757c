namespace Ingest.Vietnamese;

/// <summary>
/// Converts text runs set in pre-Unicode Vietnamese fonts, for the DOCX and PDF readers. Such a
/// font draws Vietnamese letters at code points that mean something else in Windows-1252, so the
/// run's characters are the Windows-1252/Latin-1 reading of the legacy bytes ("Céng hßa" for
/// "Cộng hòa" in .VnTime). Pure and thread-safe.
/// </summary>
/// <remarks>
/// Font families recognised (name compared ignoring case, leading and trailing spaces):
/// <list type="bullet">
/// <item>TCVN3 / ABC: names starting ".Vn" (".VnTime", ".VnArial", ".VnCentury Schoolbook"). A family
/// ending in an upper-case "H" (".VnTimeH", ".VnArialH") is the capitals variant: the same codes
/// drawn as capital letters, so the converted run is upper-cased.</item>
/// <item>VNI-Windows: names starting "VNI-", "VNI " or "VNI_" ("VNI-Times", "VNI-Helve").</item>
/// <item>VISCII: names containing "VISCII".</item>
/// </list>
/// </remarks>
public static class LegacyFonts
{
    /// <summary>
    /// Converts <paramref name="text"/>, a run set in <paramref name="fontName"/>, to Unicode (NFC).
    /// </summary>
    /// <param name="text">The run's characters as the document stores them: Latin-1 or Windows-1252
    /// characters (symbol-font code points U+F020-U+F0FF are accepted too). Soft hyphens must not have
    /// been removed: TCVN3 "ư" is byte 0xAD.</param>
    /// <param name="fontName">The run's font family as the document names it (w:rFonts, PDF BaseFont
    /// without the subset prefix).</param>
    /// <param name="converted">The Unicode text when the method returns true; otherwise
    /// <paramref name="text"/> unchanged.</param>
    /// <returns>True when the font names a legacy Vietnamese encoding and the run was decoded from it.
    /// False when the font is not a legacy font, or when the run already holds Unicode Vietnamese
    /// (documents converted to Unicode often keep the old font name), decided by which reading has
    /// more valid Vietnamese syllables. Never throws for bad text.</returns>
    public static bool TryConvertRun(string text, string fontName, out string converted)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fontName);
        converted = text;
        var (encoding, capitals) = Classify(fontName);
        if (encoding is null || text.Length == 0 || HoldsUnicodeVietnamese(text))
        {
            return false;
        }

        var decoded = LegacyCodec.DecodeMisread(text, encoding.Value);
        if (LegacyDetection.Evidence(decoded) < LegacyDetection.Evidence(text))
        {
            return false;
        }

        converted = capitals ? decoded.ToUpperInvariant() : decoded;
        return true;
    }

    /// <summary>The legacy encoding a font family uses, or null; <c>Capitals</c> for TCVN3 "H" fonts.</summary>
    public static (SourceEncoding? Encoding, bool Capitals) Classify(string fontName)
    {
        ArgumentNullException.ThrowIfNull(fontName);
        var name = fontName.Trim();
        if (name.StartsWith(".Vn", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceEncoding.Tcvn3, name.Length > 3 && name[^1] == 'H');
        }

        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI_", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceEncoding.Vni, false);
        }

        if (name.Contains("VISCII", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceEncoding.Viscii, false);
        }

        return (null, false);
    }

    private static bool HoldsUnicodeVietnamese(string text)
    {
        // Letters beyond Latin-1 (ộ, ư, đ, ă ...) cannot come from a legacy font's byte codes.
        foreach (var c in text)
        {
            if (c is >= '\u0100' and < '\uF000' && VietnameseLetters.TryDecode(c, out _))
            {
                return true;
            }
        }

        return false;
    }
}
