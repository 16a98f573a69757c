namespace Ingest.Vietnamese;

/// <summary>Where the parts of a parsed syllable are.</summary>
/// <param name="Length">Number of letters.</param>
/// <param name="VowelStart">Index of the first letter of the vowel cluster (after the initial consonant, "qu" or "gi").</param>
/// <param name="VowelCount">Number of vowel letters in the cluster (1-3).</param>
/// <param name="HasCoda">True when a final consonant (c, ch, m, n, ng, nh, p, t) follows the vowels.</param>
/// <param name="Tone">The syllable's tone, wherever it was printed.</param>
/// <param name="PrintedToneIndex">Index of the letter the tone was printed on, -1 for the level tone.</param>
internal readonly record struct SyllableParts(int Length, int VowelStart, int VowelCount, bool HasCoda, Tone Tone, int PrintedToneIndex);

/// <summary>
/// Splits one written syllable into initial, vowel cluster and final consonant, and writes it back
/// with the tone mark where Vietnamese spelling puts it. Works on spans without allocating.
/// </summary>
/// <remarks>
/// Tone position rules (Quy định chính tả, Bộ Giáo dục 1984/2018; the same rules Unikey applies):
/// a vowel with a modifier (ă â ê ô ơ ư) takes the mark, the second one in "ươ"; otherwise the last
/// vowel before a final consonant ("toán", "huỳnh"); otherwise the middle of three vowels ("ngoài",
/// "khuỷu"); otherwise the first of two ("mái", "mùa"), except in the open rhymes "oa", "oe", "uy",
/// where the two styles differ (<see cref="ToneStyle"/>). "qu" and "gi" are initials, so the u of
/// "quý" and the i of "già" never carry the mark.
/// </remarks>
internal static class Syllables
{
    /// <summary>The longest Vietnamese syllable has seven letters ("nghiêng").</summary>
    public const int MaxLength = 7;

    /// <summary>Parses <paramref name="word"/> (NFC letters only) into <paramref name="letters"/>, which must hold <see cref="MaxLength"/> items.</summary>
    /// <returns>False when the word is not shaped like a Vietnamese syllable, or carries two different tones.</returns>
    public static bool TryParse(ReadOnlySpan<char> word, Span<Letter> letters, out SyllableParts parts)
    {
        parts = default;
        if (word.IsEmpty || word.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (!VietnameseLetters.TryDecode(word[i], out var letter) || letter.Base is 'f' or 'j' or 'w' or 'z')
            {
                return false;
            }

            letters[i] = letter;
        }

        var used = letters[..word.Length];
        var vowelStart = OnsetLength(used);
        if (vowelStart < 0)
        {
            return false;
        }

        var vowelEnd = vowelStart;
        while (vowelEnd < used.Length && used[vowelEnd].IsVowel)
        {
            vowelEnd++;
        }

        var vowelCount = vowelEnd - vowelStart;
        if (vowelCount is < 1 or > 3 || !IsCoda(used[vowelEnd..]))
        {
            return false;
        }

        var tone = Tone.None;
        var toneIndex = -1;
        for (var i = 0; i < used.Length; i++)
        {
            if (used[i].Tone == Tone.None)
            {
                continue;
            }

            if (tone != Tone.None && used[i].Tone != tone)
            {
                return false;
            }

            if (toneIndex < 0)
            {
                toneIndex = i;
            }

            tone = used[i].Tone;
        }

        parts = new SyllableParts(used.Length, vowelStart, vowelCount, vowelEnd < used.Length, tone, toneIndex);
        return true;
    }

    /// <summary>
    /// Writes <paramref name="word"/> with its tone where <paramref name="style"/> puts it, doubled
    /// marks merged; with <paramref name="repairHorn"/>, also restores the horn OCR drops from "ươ"
    /// ("luơng" → "lương"). <paramref name="output"/> receives exactly <c>word.Length</c> characters.
    /// </summary>
    /// <returns>False (output untouched) when the word is not a syllable.</returns>
    public static bool TryShape(ReadOnlySpan<char> word, Span<char> output, ToneStyle style, bool repairHorn, bool lowerCase)
    {
        Span<Letter> letters = stackalloc Letter[MaxLength];
        if (!TryParse(word, letters, out var parts))
        {
            return false;
        }

        var used = letters[..parts.Length];
        if (repairHorn)
        {
            RepairHorn(used, parts);
        }

        var target = ToneIndex(used, parts, style);
        for (var i = 0; i < used.Length; i++)
        {
            var letter = used[i];
            var composed = VietnameseLetters.Compose(letter.Base, letter.Modifier, i == target ? parts.Tone : Tone.None, letter.Upper && !lowerCase);
            if (composed == '\0')
            {
                return false;
            }

            output[i] = composed;
        }

        return true;
    }

    /// <summary>Index of the letter that carries the tone mark in <paramref name="style"/>.</summary>
    public static int ToneIndex(ReadOnlySpan<Letter> letters, SyllableParts parts, ToneStyle style)
    {
        var first = parts.VowelStart;
        var count = parts.VowelCount;
        var lastModified = -1;
        for (var i = first; i < first + count; i++)
        {
            if (letters[i].Modifier != VowelModifier.None)
            {
                lastModified = i;
            }
        }

        if (lastModified >= 0)
        {
            return lastModified;
        }

        if (count == 1)
        {
            return first;
        }

        if (parts.HasCoda)
        {
            return first + count - 1;
        }

        if (count == 3)
        {
            return first + 1;
        }

        if (!IsStyleDependentRhyme(letters[first].Base, letters[first + 1].Base))
        {
            return first;
        }

        return style switch
        {
            ToneStyle.Classic => first + 1,
            ToneStyle.AsPrinted when parts.PrintedToneIndex == first + 1 => first + 1,
            _ => first,
        };
    }

    /// <summary>True for the open rhymes whose tone position depends on the style: oa, oe, uy.</summary>
    public static bool IsStyleDependentRhyme(char firstVowel, char secondVowel) =>
        (firstVowel, secondVowel) is ('o', 'a') or ('o', 'e') or ('u', 'y');

    private static int OnsetLength(ReadOnlySpan<Letter> letters)
    {
        var first = letters[0];
        if (first.IsVowel)
        {
            return 0;
        }

        var second = letters.Length > 1 ? letters[1].Base : '\0';
        var third = letters.Length > 2 ? letters[2].Base : '\0';
        return first.Base switch
        {
            'n' when second == 'g' => third == 'h' ? 3 : 2,
            'n' or 'c' or 'k' or 'p' when second == 'h' => 2,
            'g' when second == 'h' => 2,
            't' when second is 'h' or 'r' => 2,

            // "gi" is an initial only when another vowel follows: "già" = gi + à, but "gìn" = g + ìn.
            'g' when second == 'i' && letters[1].Modifier == VowelModifier.None => HasVowelFrom(letters, 2) ? 2 : 1,
            'q' => second == 'u' && letters[1].Modifier == VowelModifier.None && HasVowelFrom(letters, 2) ? 2 : -1,
            'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'v' or 'x' => 1,
            _ => -1,
        };
    }

    private static bool HasVowelFrom(ReadOnlySpan<Letter> letters, int start)
    {
        return start < letters.Length && letters[start].IsVowel;
    }

    private static bool IsCoda(ReadOnlySpan<Letter> letters) => letters.Length switch
    {
        0 => true,
        1 => letters[0].Base is 'c' or 'm' or 'n' or 'p' or 't',
        2 => (letters[0].Base, letters[1].Base) is ('c', 'h') or ('n', 'g') or ('n', 'h'),
        _ => false,
    };

    private static void RepairHorn(Span<Letter> letters, SyllableParts parts)
    {
        // "ươ" is the only rhyme where u and o meet before more letters; "uơ" is only complete at
        // the end of a syllable ("thuở", "huơ"), so a dropped horn is unambiguous elsewhere.
        var end = parts.VowelStart + parts.VowelCount;
        for (var i = parts.VowelStart; i + 1 < end; i++)
        {
            var u = letters[i];
            var o = letters[i + 1];
            if (u.Base != 'u' || o.Base != 'o')
            {
                continue;
            }

            var followed = i + 2 < parts.Length;
            if (u.Modifier == VowelModifier.None && o.Modifier == VowelModifier.Horn && followed)
            {
                letters[i] = u with { Modifier = VowelModifier.Horn };
            }
            else if (u.Modifier == VowelModifier.Horn && o.Modifier == VowelModifier.None)
            {
                letters[i + 1] = o with { Modifier = VowelModifier.Horn };
            }
        }
    }
}
