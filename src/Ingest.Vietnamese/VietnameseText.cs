using System.Globalization;
using System.Text;

namespace Ingest.Vietnamese;

/// <summary>
/// Comparison helpers for Vietnamese text. All methods are pure and thread-safe, and none throws on
/// odd input (only on null arguments).
/// </summary>
/// <remarks>
/// Canonical tone style: in the open rhymes "oa", "oe", "uy" the tone mark goes on the first vowel
/// ("hòa", "khỏe", "thủy", "ủy"), the style of the gold annotations; see <see cref="ToneStyle"/>.
/// "qu" and "gi" are initials, so "quý" and "già" never change. Records keep text as printed;
/// <see cref="Key"/> is what two names are compared by.
/// </remarks>
public static class VietnameseText
{
    private const char CombiningGrave = '\u0300';
    private const char CombiningAcute = '\u0301';
    private const char CombiningTilde = '\u0303';
    private const char CombiningHook = '\u0309';
    private const char CombiningDotBelow = '\u0323';

    // Keys are asked for the same names and words over and over (every body name of every task).
    private const int MaxCachedKeyLength = 80;
    private static readonly WordCache<string> Keys = new(100_000);

    // One memo per (tone style, horn repair) combination that RewriteSyllables is called with.
    private static readonly WordCache<string?>[] ShapedWords =
        [.. Enumerable.Range(0, (Enum.GetValues<ToneStyle>().Max(s => (int)s) + 1) * 2).Select(_ => new WordCache<string?>(100_000))];

    private static readonly Lazy<bool> RuntimeComposes = new(() => ComposesCorrectly(s => s.Normalize(NormalizationForm.FormC)));

    /// <summary>True for the five combining tone marks of Vietnamese.</summary>
    public static bool IsToneMark(char c) =>
        c is CombiningGrave or CombiningAcute or CombiningTilde or CombiningHook or CombiningDotBelow;

    /// <summary>
    /// Unicode NFC, plus composition of Vietnamese letters whose marks came in a non-canonical order
    /// (tone before circumflex). Vietnamese letters are composed from an internal table even where the
    /// runtime cannot normalise (globalization-invariant mode), so this never returns Vietnamese text
    /// decomposed.
    /// </summary>
    public static string Nfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsTriviallyComposed(text))
        {
            return text;
        }

        var composed = text;
        try
        {
            if (RuntimeComposes.Value && !text.IsNormalized(NormalizationForm.FormC))
            {
                composed = text.Normalize(NormalizationForm.FormC);
            }
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate from a damaged file): Unicode normalisation refuses
            // it, so only the Vietnamese letters are composed.
        }

        return MarkComposer.Compose(composed);
    }

    /// <summary>
    /// True when NFC cannot change the text: every character is below the combining marks
    /// (U+0300), a precomposed Vietnamese letter (U+1EA0-U+1EFF) or general punctuation
    /// (U+2000-U+20FF), none of which compose or decompose on their own. Almost all Vietnamese
    /// text in Unicode passes, so the expensive normalisation runs only where it can matter.
    /// </summary>
    private static bool IsTriviallyComposed(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && (c < '\u1EA0' || c > '\u1EFF') && (c < '\u2000' || c > '\u20FF'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Throws when the runtime cannot compose Unicode: in globalization-invariant mode
    /// <see cref="string.Normalize()"/> returns its input unchanged, which would silently break
    /// every comparison of non-Vietnamese accented text. Call once at start-up.
    /// </summary>
    /// <exception cref="InvalidOperationException">Normalisation does not compose on this runtime.</exception>
    public static void EnsureNormalizationWorks()
    {
        EnsureNormalizationWorks(s => s.Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// Moves tone marks to the canonical position (<see cref="ToneStyle.Canonical"/>): "hoà" → "hòa",
    /// "Uỷ" → "Ủy", "hoạ" → "họa"; and puts misplaced or doubled marks where spelling puts them
    /// ("qúy" → "quý", "baỏ" → "bảo", "dàì" → "dài"). Case is kept. Words that are not Vietnamese
    /// syllables are returned as they were. The result is in NFC.
    /// </summary>
    public static string CanonicalTones(string text) => ApplyToneStyle(text, ToneStyle.Canonical);

    /// <summary>
    /// Writes every Vietnamese syllable of <paramref name="text"/> with its tone mark where
    /// <paramref name="style"/> puts it, repairing misplaced and doubled marks on the way (with
    /// <see cref="ToneStyle.AsPrinted"/>, only those). The result is in NFC.
    /// </summary>
    public static string ApplyToneStyle(string text, ToneStyle style)
    {
        var nfc = Nfc(text);
        return RewriteSyllables(nfc, style, repairHorn: false) ?? nfc;
    }

    /// <summary>Runs of white space (line breaks included) become one space; leading and trailing white space goes.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A comparison key: NFC, look-alike letters and invisible characters removed, canonical tones,
    /// lower case, white space collapsed to single spaces, trimmed. Two names that differ only in tone
    /// style, case, spacing or such invisible differences get the same key.
    /// </summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCachedKeyLength)
        {
            return ComputeKey(text);
        }

        if (!Keys.TryGet(text, out var key))
        {
            key = ComputeKey(text);
            Keys.Add(text, key);
        }

        return key;
    }

    private static string ComputeKey(string text)
    {
        var cleaned = Nfc(LookAlikes.Replace(RemoveInvisible(text)));
        var shaped = RewriteSyllables(cleaned, ToneStyle.Canonical, repairHorn: true) ?? cleaned;
        return CollapseWhiteSpace(shaped).ToLowerInvariant();
    }

    /// <summary>
    /// Diacritic-free lower-case key for ids, names and search: "Ủy ban Kiểm tra" → "uy ban kiem tra".
    /// Đ/đ (and the look-alike Ð/ð) fold to d; other Latin letters lose their accents too. White space is kept.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(CountFolded(text), text, static (span, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (c is >= '\u0300' and <= '\u036F')
                {
                    continue;
                }

                span[written++] = FoldChar(c);
            }
        });
    }

    /// <summary>The diacritic-free lower-case form of one character (combining marks are the caller's to drop).</summary>
    internal static char FoldChar(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is 'ð' or 'Ð')
        {
            return 'd';
        }

        if (VietnameseLetters.TryDecode(c, out var letter))
        {
            return letter.Base == 'đ' ? 'd' : letter.Base;
        }

        return LatinFold.Fold(c);
    }

    /// <summary>Zero-width and other invisible format characters that never belong in running text.</summary>
    /// <remarks>The soft hyphen is included: callers must only use this once the encoding is known,
    /// because TCVN3 stores "ư" as byte 0xAD, which single-byte decoders turn into a soft hyphen.</remarks>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u180E' or '\u200E' or '\u200F';

    /// <summary>
    /// Removes zero-width spaces and joiners, BOMs, soft hyphens and direction marks
    /// (<see cref="IsInvisible"/>). Only for text whose encoding is settled: TCVN3 "ư" (byte 0xAD)
    /// reads as a soft hyphen until the text is decoded.
    /// </summary>
    public static string RemoveInvisible(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return text;
        }

        return string.Create(text.Length - count, text, static (span, source) =>
        {
            var written = 0;
            foreach (var c in source)
            {
                if (!IsInvisible(c))
                {
                    span[written++] = c;
                }
            }
        });
    }

    /// <summary>
    /// Replaces letters of other scripts that print like Latin ones inside Vietnamese words: Ð/ð
    /// (U+00D0/U+00F0) by Đ/đ, Cyrillic and Greek a, e, o, c, p, x, y... by Latin. Words entirely in
    /// another script, and names such as "Guðrún", stay as they are.
    /// </summary>
    public static string ReplaceLookAlikes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LookAlikes.Replace(text);
    }

    /// <summary>
    /// Puts misplaced and doubled tone marks where spelling puts them ("lựơng" → "lượng",
    /// "baỏ" → "bảo", "dàì" → "dài", "qúy" → "quý") and restores the horn OCR drops from "ươ"
    /// ("luơng" → "lương"), keeping the printed tone style. Expects NFC (see <see cref="Nfc"/>).
    /// </summary>
    public static string RepairMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RewriteSyllables(text, ToneStyle.AsPrinted, repairHorn: true) ?? text;
    }

    /// <summary>
    /// Rewrites each syllable-shaped word with <see cref="Syllables.TryShape"/>; null when nothing
    /// changed, so callers can return their input without copying.
    /// </summary>
    internal static string? RewriteSyllables(string text, ToneStyle style, bool repairHorn)
    {
        var cache = ShapedWords[((int)style * 2) + (repairHorn ? 1 : 0)];
        StringBuilder? builder = null;
        Span<char> shaped = stackalloc char[Syllables.MaxLength];
        var copiedUpTo = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);

            // A word without marks has no tone to move and no horn to restore: shaping gives it back
            // unchanged, so the memo is not asked (a third of running Vietnamese words are plain ASCII).
            if (word.Length > Syllables.MaxLength || Ascii.IsValid(word))
            {
                continue;
            }

            if (!cache.TryGet(word, out var rewritten))
            {
                // Null stands for "leave the word as it is": not a syllable, or already well shaped.
                rewritten = Syllables.TryShape(word, shaped, style, repairHorn, lowerCase: false) && !shaped[..word.Length].SequenceEqual(word)
                    ? shaped[..word.Length].ToString()
                    : null;
                cache.Add(word, rewritten);
            }

            if (rewritten is null)
            {
                continue;
            }

            var result = rewritten.AsSpan();

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copiedUpTo, start - copiedUpTo).Append(result);
            copiedUpTo = i;
        }

        if (builder is null)
        {
            return null;
        }

        builder.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return builder.ToString();
    }

    /// <summary>Testable core of <see cref="EnsureNormalizationWorks()"/>: the check runs against any composing function.</summary>
    internal static void EnsureNormalizationWorks(Func<string, string> composeC)
    {
        if (!ComposesCorrectly(composeC))
        {
            throw new InvalidOperationException(
                "Unicode normalisation does not compose on this runtime (globalization-invariant mode?). " +
                "Install ICU (Debian: libicu) or unset DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.");
        }
    }

    private static bool ComposesCorrectly(Func<string, string> composeC)
    {
        try
        {
            // a + circumflex + acute must become ấ (U+1EA5), and the result must not be the input.
            return composeC("a\u0302\u0301") == "\u1EA5";
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static int CountFolded(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is < '\u0300' or > '\u036F')
            {
                count++;
            }
        }

        return count;
    }
}
