namespace Ingest.Vietnamese;

/// <summary>The outcome of <see cref="LegacyText.DecodeMisread"/>.</summary>
/// <param name="Texts">The texts, decoded where they were legacy text; same count and order as the input.</param>
/// <param name="Encoding">The legacy encoding found, or null when none was.</param>
/// <param name="Converted">How many texts were decoded.</param>
public sealed record LegacyDecoding(IReadOnlyList<string> Texts, SourceEncoding? Encoding, int Converted);

/// <summary>
/// Finds text that is really TCVN3, VNI, VISCII or Windows-1258 bytes shown as Windows-1252
/// characters ("Céng hßa x· héi" for "Cộng hòa xã hội"), as left by a reader that did not know the
/// font or the file's encoding, and decodes it. Pure and thread-safe; never throws on bad input.
/// </summary>
public static class LegacyText
{
    // A document must gain at least this many valid words before its encoding is called legacy.
    private const int MinimumGain = 2;

    /// <summary>
    /// Decides, over all <paramref name="texts"/> of one document together, which legacy encoding
    /// (if any) makes the most words valid Vietnamese, then decodes each text that this improves.
    /// Texts whose non-ASCII words are (nearly) all valid syllables are never touched, and a text is
    /// only decoded when that makes more of its words valid, so clean Unicode text comes back unchanged. Soft hyphens must still be in the texts (TCVN3 "ư" is byte 0xAD).
    /// </summary>
    public static LegacyDecoding DecodeMisread(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var candidates = LegacyDetection.Candidates;
        var decoded = new string?[texts.Count][];
        var gains = new int[texts.Count][];
        var current = new int[texts.Count];
        var totals = new long[candidates.Length];
        for (var t = 0; t < texts.Count; t++)
        {
            var counts = LegacyDetection.Count(texts[t]);
            if (!LegacyDetection.IsSuspicious(counts))
            {
                continue;
            }

            current[t] = counts.Valid - counts.Invalid;
            decoded[t] = new string?[candidates.Length];
            gains[t] = new int[candidates.Length];
            for (var c = 0; c < candidates.Length; c++)
            {
                var candidate = LegacyCodec.DecodeMisread(texts[t], candidates[c]);
                decoded[t][c] = candidate;
                gains[t][c] = LegacyDetection.Evidence(candidate) - current[t];
                totals[c] += gains[t][c];
            }
        }

        var best = 0;
        for (var c = 1; c < candidates.Length; c++)
        {
            if (totals[c] > totals[best])
            {
                best = c;
            }
        }

        if (totals[best] < MinimumGain)
        {
            return new LegacyDecoding(texts, null, 0);
        }

        var result = new string[texts.Count];
        var converted = 0;
        for (var t = 0; t < texts.Count; t++)
        {
            result[t] = texts[t];
            if (decoded[t] is not { } options)
            {
                continue;
            }

            // A text is decoded when that helps it, or when it is garbage either way and the
            // document as a whole is in this encoding (short headings, lone symbols).
            if (gains[t][best] > 0 || (gains[t][best] == 0 && current[t] < 0))
            {
                result[t] = options[best]!;
                converted += result[t] == texts[t] ? 0 : 1;
            }
        }

        return new LegacyDecoding(result, converted == 0 ? null : candidates[best], converted);
    }
}
