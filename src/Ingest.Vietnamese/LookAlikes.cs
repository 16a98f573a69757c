using System.Text;

namespace Ingest.Vietnamese;

/// <summary>
/// Letters of other scripts that print like Latin letters and creep into Vietnamese text through
/// OCR, keyboard layouts or copy-paste: Icelandic eth (Ð U+00D0, ð U+00F0) for Đ/đ, and Cyrillic or
/// Greek letters for a, e, o, c, p, x, y... They make equal words compare unequal, so inside a
/// Vietnamese word they are replaced by the Latin letter.
/// </summary>
internal static class LookAlikes
{
    /// <summary>The Latin letter <paramref name="c"/> imitates, or '\0'.</summary>
    public static char ToLatin(char c) => c switch
    {
        'Ð' => 'Đ',
        'ð' => 'đ',

        // Cyrillic.
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O', 'Р' => 'P',
        'С' => 'C', 'Т' => 'T', 'У' => 'Y', 'Х' => 'X', 'І' => 'I', 'Ј' => 'J', 'Ѕ' => 'S',
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x', 'і' => 'i',
        'ј' => 'j', 'ѕ' => 's', 'һ' => 'h', 'ԁ' => 'd',

        // Greek.
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K', 'Μ' => 'M',
        'Ν' => 'N', 'Ο' => 'O', 'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X', 'ο' => 'o', 'ν' => 'v',
        'α' => 'a',
        _ => '\0',
    };

    /// <summary>
    /// Replaces look-alikes inside words that become Vietnamese syllables, and inside words that
    /// already hold Latin letters. A word entirely in another script is replaced only when it then
    /// reads as a Vietnamese syllable and the text around it is Latin, so Russian or Greek quotations
    /// stay as printed. Eth (ð) is replaced only where the result is a Vietnamese syllable, which keeps
    /// Icelandic names.
    /// </summary>
    public static string Replace(string text)
    {
        if (!ContainsLookAlike(text))
        {
            return text;
        }

        var mostlyLatin = IsMostlyLatin(text);
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            AppendWord(builder, text.AsSpan(start, i - start), mostlyLatin);
        }

        return builder.ToString();
    }

    private static void AppendWord(StringBuilder builder, ReadOnlySpan<char> word, bool mostlyLatin)
    {
        var hasLookAlike = false;
        var hasEth = false;
        var hasLatin = false;
        foreach (var c in word)
        {
            if (ToLatin(c) != '\0')
            {
                hasLookAlike = true;
                hasEth |= c is 'Ð' or 'ð';
            }
            else if (VietnameseLetters.TryDecode(c, out _))
            {
                hasLatin = true;
            }
        }

        if (!hasLookAlike)
        {
            builder.Append(word);
            return;
        }

        Span<char> mapped = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (var k = 0; k < word.Length; k++)
        {
            var latin = ToLatin(word[k]);
            mapped[k] = latin == '\0' ? word[k] : latin;
        }

        var isSyllable = IsSyllable(mapped);
        var replace = isSyllable ? hasLatin || mostlyLatin : hasLatin && !hasEth;
        builder.Append(replace ? mapped : word);
    }

    private static bool IsSyllable(ReadOnlySpan<char> word)
    {
        var composed = MarkComposer.HasCombiningMarks(word) ? MarkComposer.Compose(word.ToString()) : word.ToString();
        Span<Letter> letters = stackalloc Letter[Syllables.MaxLength];
        return Syllables.TryParse(composed, letters, out _);
    }

    private static bool ContainsLookAlike(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00D0' && ToLatin(c) != '\0')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMostlyLatin(string text)
    {
        int latin = 0, other = 0;
        foreach (var c in text)
        {
            if (VietnameseLetters.TryDecode(c, out _))
            {
                latin++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        // Four Latin letters to one other keeps a stray Cyrillic word in a Vietnamese page, not a Russian passage.
        return latin > 4 * other;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is >= '\u0300' and <= '\u036F';
}
