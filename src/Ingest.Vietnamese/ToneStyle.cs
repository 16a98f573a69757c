namespace Ingest.Vietnamese;

/// <summary>
/// Where the tone mark goes in the open rhymes "oa", "oe", "uy" — the only place the two spelling
/// styles in use differ (hòa/hoà, khỏe/khoẻ, thủy/thuỷ, ủy/uỷ). Every other syllable has one
/// correct position, which every style uses ("hoàn", "quý", "thuở", "người").
/// </summary>
public enum ToneStyle
{
    /// <summary>Keep the position the text was printed with.</summary>
    AsPrinted = 0,

    /// <summary>Tone on the first vowel: "hòa", "khỏe", "thủy", "ủy". The comparison form (<see cref="VietnameseText.Key"/>) and the style of the gold annotations.</summary>
    Canonical = 1,

    /// <summary>Tone on the second vowel: "hoà", "khoẻ", "thuỷ", "uỷ"; the style of hunspell-vi and of many party documents.</summary>
    Classic = 2,
}
