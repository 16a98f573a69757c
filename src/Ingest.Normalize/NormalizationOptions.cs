using Ingest.Vietnamese;

namespace Ingest.Normalize;

/// <summary>What <see cref="TextNormalizer"/> does besides the steps it always takes.</summary>
public sealed record NormalizationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static NormalizationOptions Default { get; } = new();

    /// <summary>
    /// Tone-mark position in "oa", "oe", "uy" (hòa/hoà). <see cref="ToneStyle.AsPrinted"/> by default:
    /// body names and titles are canonicalised later by extraction, and deadline text is kept as printed.
    /// </summary>
    public ToneStyle ToneStyle { get; init; } = ToneStyle.AsPrinted;

    /// <summary>Repair OCR diacritic slips with <see cref="DiacriticRepair"/> (default true).</summary>
    public bool RepairOcr { get; init; } = true;

    /// <summary>
    /// Detect text that is TCVN3/VNI/VISCII/Windows-1258 bytes shown as Windows-1252 characters and
    /// decode it (default true). Off for input known to be Unicode, e.g. when the CLI was told the encoding.
    /// </summary>
    public bool DecodeLegacyText { get; init; } = true;

    /// <summary>Parses a tone style as typed on a command line: "as-printed" (or "printed"), "canonical", "classic"; case-insensitive.</summary>
    public static bool TryParseToneStyle(string? value, out ToneStyle style)
    {
        style = ToneStyle.AsPrinted;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "as-printed" or "asprinted" or "printed":
                style = ToneStyle.AsPrinted;
                return true;
            case "canonical":
                style = ToneStyle.Canonical;
                return true;
            case "classic":
                style = ToneStyle.Classic;
                return true;
            default:
                return false;
        }
    }
}
