using System.Globalization;
using System.Text;
using Ingest.Vietnamese;

namespace Ingest.Structure.Text;

/// <summary>
/// Cheap facts about the shape of a line of Vietnamese text (capitals, first letter, how it ends)
/// and a diacritic-free fold that keeps character positions. Pure and thread-safe.
/// </summary>
internal static class TextShape
{
    // Precomposed Vietnamese letters live in Latin-1 Supplement .. Latin Extended Additional.
    private const char FoldTableStart = '\u00C0';
    private const char FoldTableEnd = '\u1EFF';
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// Lower case without diacritics, one output character per input character, so an index
    /// found in the fold is an index in the original ("Đảng" → "dang").
    /// </summary>
    public static string Fold(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldChar(source[i]);
            }
        });
    }

    public static char FoldChar(char c)
    {
        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        return c is >= FoldTableStart and <= FoldTableEnd ? FoldTable[c - FoldTableStart] : char.ToLowerInvariant(c);
    }

    /// <summary>True when the text has at least two letters and none of them is lower case ("KẾ HOẠCH", "T/M BỘ CHÍNH TRỊ").</summary>
    public static bool IsCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    /// <summary>The first letter or digit of the text, or '\0'.</summary>
    public static char FirstLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return c;
            }
        }

        return '\0';
    }

    /// <summary>True when the first letter or digit is a lower-case letter ("quản lý nhận thức ...").</summary>
    public static bool StartsLowerCase(string text) => char.IsLower(FirstLetterOrDigit(text));

    /// <summary>
    /// True when the text ends a sentence or clause: '.', '!', '?', '…', ':' or ';', looking
    /// through closing quotes and brackets ("... (thực hiện thường xuyên).", "... "tự chuyển hóa".").
    /// </summary>
    public static bool EndsClause(string text) => LastMeaningful(text) is '.' or '!' or '?' or '…' or ':' or ';';

    /// <summary>True when the text ends a sentence ('.', '!', '?', '…'), looking through closing quotes and brackets.</summary>
    public static bool EndsSentence(string text) => LastMeaningful(text) is '.' or '!' or '?' or '…';

    /// <summary>True when the last visible character is a letter or digit: the text stops mid-sentence.</summary>
    public static bool EndsInWord(string text)
    {
        var trimmed = text.AsSpan().TrimEnd();
        return trimmed.Length > 0 && char.IsLetterOrDigit(trimmed[^1]);
    }

    /// <summary>Collapses runs of white space to one space and trims.</summary>
    public static string CollapseSpaces(string text) => VietnameseText.CollapseWhiteSpace(text);

    /// <summary>True when the text has no letter or digit at all ("*", "-----", "[...]").</summary>
    public static bool HasNoWords(string text) => FirstLetterOrDigit(text) == '\0';

    /// <summary>Number of space-separated words.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// True when <paramref name="folded"/> starts with <paramref name="prefix"/> (both folded) followed
    /// by the end of the text or a non-letter, so "ban to chuc" does not match "ban to chuc x" wrongly
    /// split inside a word.
    /// </summary>
    public static bool StartsWithWords(string folded, string prefix)
    {
        if (!folded.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        return folded.Length == prefix.Length || !char.IsLetterOrDigit(folded[prefix.Length]);
    }

    /// <summary>True when <paramref name="folded"/> contains <paramref name="words"/> as whole words.</summary>
    public static bool ContainsWords(string folded, string words)
    {
        var start = 0;
        while (start <= folded.Length - words.Length)
        {
            var index = folded.IndexOf(words, start, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            var end = index + words.Length;
            var leftOk = index == 0 || !char.IsLetterOrDigit(folded[index - 1]);
            var rightOk = end == folded.Length || !char.IsLetterOrDigit(folded[end]);
            if (leftOk && rightOk)
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }

    /// <summary>Upper-cases the first character, leaves the rest.</summary>
    public static string CapitaliseFirst(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]))
        {
            return text;
        }

        return string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
    }

    /// <summary>Each space-separated syllable with its first letter upper case and the rest lower ("NGUYỄN VĂN A" → "Nguyễn Văn A").</summary>
    public static string CapitaliseEachWord(string text)
    {
        var lower = text.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        var atWordStart = true;
        foreach (var c in lower)
        {
            builder.Append(atWordStart && char.IsLetter(c) ? char.ToUpperInvariant(c) : c);
            atWordStart = c == ' ' || (atWordStart && !char.IsLetter(c));
        }

        return builder.ToString();
    }

    private static char LastMeaningful(string text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '*' or '_')
            {
                // A closing bracket after a full stop still ends the sentence; without one it does not:
                // "(năm 2022)" alone ends in a word.
                if (c == ')' && i > 0 && !(text[i - 1] is '.' or '!' or '?'))
                {
                    return ')';
                }

                continue;
            }

            return c;
        }

        return '\0';
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[FoldTableEnd - FoldTableStart + 1];
        for (var c = FoldTableStart; c <= FoldTableEnd; c++)
        {
            char folded;
            if (c is 'đ' or 'Đ')
            {
                folded = 'd';
            }
            else
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                folded = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
                    ? char.ToLowerInvariant(decomposed[0])
                    : char.ToLowerInvariant(c);
            }

            table[c - FoldTableStart] = folded;
        }

        return table;
    }
}
