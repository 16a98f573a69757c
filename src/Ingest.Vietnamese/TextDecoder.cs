using System.Text;

namespace Ingest.Vietnamese;

/// <summary>The result of turning a text file's bytes into a string.</summary>
/// <param name="Text">Decoded text (not yet normalised, except that legacy encodings come out in NFC).</param>
/// <param name="Encoding">Name of the encoding used: "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "tcvn3", "vni", "viscii", "windows-1258", "windows-1252".</param>
/// <param name="Confident">False when no candidate decoded the bytes cleanly and the best guess was taken.</param>
public sealed record DecodedText(string Text, string Encoding, bool Confident);

/// <summary>An encoding a text file can be read in; <see cref="Auto"/> lets <see cref="TextDecoder"/> detect it.</summary>
public enum SourceEncoding
{
    /// <summary>Detect: byte-order mark, UTF-16, UTF-8, then the single-byte encoding with the most valid Vietnamese.</summary>
    Auto = 0,

    /// <summary>UTF-8 ("utf-8").</summary>
    Utf8,

    /// <summary>UTF-16 little-endian ("utf-16le").</summary>
    Utf16LittleEndian,

    /// <summary>UTF-16 big-endian ("utf-16be").</summary>
    Utf16BigEndian,

    /// <summary>TCVN 5712 / TCVN3 / ABC, the .VnTime fonts ("tcvn3").</summary>
    Tcvn3,

    /// <summary>VNI-Windows, the VNI-Times fonts ("vni").</summary>
    Vni,

    /// <summary>VISCII, RFC 1456 ("viscii").</summary>
    Viscii,

    /// <summary>Windows-1258, base letters plus combining tones ("windows-1258").</summary>
    Windows1258,

    /// <summary>Windows-1252, Western European ("windows-1252"); the fallback when nothing reads as Vietnamese.</summary>
    Windows1252,
}

/// <summary>
/// Decodes the bytes of a plain-text file. Byte-order marks win; then UTF-16 without BOM when
/// every other byte is zero; then strict UTF-8; then the single-byte encoding (TCVN3, VNI, VISCII,
/// Windows-1258, Windows-1252) whose reading has the most valid Vietnamese syllables. Pure,
/// thread-safe, never throws on bad input.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly (SourceEncoding Encoding, string Name)[] Names =
    [
        (SourceEncoding.Auto, "auto"),
        (SourceEncoding.Utf8, "utf-8"),
        (SourceEncoding.Utf16LittleEndian, "utf-16le"),
        (SourceEncoding.Utf16BigEndian, "utf-16be"),
        (SourceEncoding.Tcvn3, "tcvn3"),
        (SourceEncoding.Vni, "vni"),
        (SourceEncoding.Viscii, "viscii"),
        (SourceEncoding.Windows1258, "windows-1258"),
        (SourceEncoding.Windows1252, "windows-1252"),
    ];

    // Aliases a user may type on the command line.
    private static readonly (string Alias, SourceEncoding Encoding)[] Aliases =
    [
        ("utf8", SourceEncoding.Utf8), ("utf16le", SourceEncoding.Utf16LittleEndian), ("utf16be", SourceEncoding.Utf16BigEndian),
        ("tcvn", SourceEncoding.Tcvn3), ("abc", SourceEncoding.Tcvn3), ("tcvn5712", SourceEncoding.Tcvn3),
        ("vni-windows", SourceEncoding.Vni), ("cp1258", SourceEncoding.Windows1258), ("cp1252", SourceEncoding.Windows1252),
    ];

    /// <summary>Decodes <paramref name="bytes"/>, detecting the encoding; never throws on bad input.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes) => Decode(bytes, SourceEncoding.Auto);

    /// <summary>
    /// Decodes <paramref name="bytes"/> in <paramref name="encoding"/>; <see cref="SourceEncoding.Auto"/>
    /// detects it. A forced encoding is always "confident"; invalid UTF-8 becomes U+FFFD.
    /// </summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, SourceEncoding encoding)
    {
        switch (encoding)
        {
            case SourceEncoding.Auto:
                return Detect(bytes);
            case SourceEncoding.Utf8:
                var withoutBom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
                return new DecodedText(Encoding.UTF8.GetString(withoutBom), EncodingName(encoding), true);
            case SourceEncoding.Utf16LittleEndian:
                return new DecodedText(Encoding.Unicode.GetString(SkipBom(bytes, 0xFF, 0xFE)), EncodingName(encoding), true);
            case SourceEncoding.Utf16BigEndian:
                return new DecodedText(Encoding.BigEndianUnicode.GetString(SkipBom(bytes, 0xFE, 0xFF)), EncodingName(encoding), true);
            default:
                return new DecodedText(LegacyCodec.DecodeBytes(bytes, encoding), EncodingName(encoding), true);
        }
    }

    /// <summary>The name used in <see cref="DecodedText.Encoding"/> and on the command line ("tcvn3", "windows-1258"...).</summary>
    public static string EncodingName(SourceEncoding encoding)
    {
        foreach (var (known, name) in Names)
        {
            if (known == encoding)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown encoding.");
    }

    /// <summary>Parses an encoding name as typed on a command line ("auto", "utf-8", "tcvn3", "abc", "vni", "viscii", "windows-1258", "cp1258"...); case-insensitive.</summary>
    public static bool TryParseEncoding(string? name, out SourceEncoding encoding)
    {
        encoding = SourceEncoding.Auto;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        foreach (var (known, knownName) in Names)
        {
            if (string.Equals(knownName, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                encoding = known;
                return true;
            }
        }

        foreach (var (alias, known) in Aliases)
        {
            if (string.Equals(alias, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                encoding = known;
                return true;
            }
        }

        return false;
    }

    private static DecodedText Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "utf-8-bom", true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", true);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", true);
        }

        // UTF-16 first: ASCII text in UTF-16 is also valid UTF-8 (full of NULs), which real UTF-8 text never is.
        if (GuessUtf16WithoutBom(bytes) is { } utf16)
        {
            return utf16;
        }

        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8", true);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: one of the single-byte encodings.
        }

        return GuessSingleByte(bytes);
    }

    private static DecodedText GuessSingleByte(ReadOnlySpan<byte> bytes)
    {
        // Windows-1252 goes last so that it wins only when no Vietnamese reading scores better.
        SourceEncoding[] candidates = [.. LegacyDetection.Candidates, SourceEncoding.Windows1252];
        string? bestText = null;
        var best = SourceEncoding.Windows1252;
        int bestScore = int.MinValue, secondScore = int.MinValue;
        foreach (var candidate in candidates)
        {
            var text = LegacyCodec.DecodeBytes(bytes, candidate);
            var score = LegacyDetection.Evidence(text);
            if (score > bestScore)
            {
                secondScore = bestScore;
                bestScore = score;
                bestText = text;
                best = candidate;
            }
            else if (score > secondScore)
            {
                secondScore = score;
            }
        }

        if (bestScore <= 0)
        {
            // Nothing reads as Vietnamese: Western text, or damage. Keep the Western reading.
            return new DecodedText(LegacyCodec.DecodeBytes(bytes, SourceEncoding.Windows1252), EncodingName(SourceEncoding.Windows1252), false);
        }

        return new DecodedText(bestText!, EncodingName(best), bestScore > secondScore);
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> bytes, byte first, byte second)
    {
        return bytes.Length >= 2 && bytes[0] == first && bytes[1] == second ? bytes[2..] : bytes;
    }

    private static DecodedText? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        // Text without a single zero byte (nearly all of it) is not UTF-16: one vectorised search decides.
        if (bytes.Length < 4 || bytes.Length % 2 != 0 || !bytes.Contains((byte)0))
        {
            return null;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    zeroEven++;
                }
                else
                {
                    zeroOdd++;
                }
            }
        }

        var half = bytes.Length / 2;
        // ASCII-heavy UTF-16 has a zero in almost every high byte.
        if (zeroOdd > half * 0.3 && zeroEven < half * 0.05)
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes), "utf-16le", true);
        }

        if (zeroEven > half * 0.3 && zeroOdd < half * 0.05)
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes), "utf-16be", true);
        }

        return null;
    }
}
