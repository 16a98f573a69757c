using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Structure.Sections;

/// <summary>The numbering systems of party documents, outermost first.</summary>
internal enum LabelStyle
{
    /// <summary>"Phần I", "PHẦN 2".</summary>
    Part,

    /// <summary>"Chương I".</summary>
    Chapter,

    /// <summary>"A-", "B." (some reports put lettered parts above the Roman ones).</summary>
    UpperLetter,

    /// <summary>"I-", "II.", "IV –".</summary>
    Roman,

    /// <summary>"Điều 1." (articles of a Quy định, Quy chế, Quyết định).</summary>
    Article,

    /// <summary>"1.", "2-", "3)".</summary>
    Arabic,

    /// <summary>"2.1.", "1.2.3".</summary>
    Dotted,

    /// <summary>"a)", "b.", "đ)".</summary>
    Letter,
}

/// <summary>
/// A numbering label at the start of a paragraph, one reading of it (a label such as "C." or "I."
/// can be read as a letter or a Roman numeral; the tree builder picks the reading that continues
/// the numbering).
/// </summary>
/// <param name="Style">The numbering system.</param>
/// <param name="Printed">The label as printed without punctuation ("2.1", "IV", "a", "Điều 3").</param>
/// <param name="Ordinal">Position in its sequence (I = 1, b = 2, "2.1" → 1).</param>
/// <param name="Components">For dotted labels, every number ("2.1" → [2, 1]); otherwise [Ordinal].</param>
/// <param name="Heading">Text after the label, or null when the label stands alone.</param>
internal sealed partial record SectionLabel(LabelStyle Style, string Printed, int Ordinal, IReadOnlyList<int> Components, string? Heading)
{
    /// <summary>
    /// Letters of Vietnamese point labels, in order: the alphabet has no f, j, w, z and puts đ after d
    /// (a, b, c, d, đ, e, g, h, ...).
    /// </summary>
    private const string VietnameseLetters = "abcdđeghiklmnopqrstuvxy";

    /// <summary>The path component this label adds to a section id ("2.1" adds "1", "Điều 3" adds "Điều 3").</summary>
    public string IdComponent => Style switch
    {
        LabelStyle.Dotted => Components[^1].ToString(CultureInfo.InvariantCulture),
        _ => Printed,
    };

    /// <summary>Every reading of a label at the start of <paramref name="text"/>; empty when there is none.</summary>
    public static IReadOnlyList<SectionLabel> Parse(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var results = new List<SectionLabel>(2);
        var first = text[0];
        if (first is 'Đ' or 'C' or 'P')
        {
            if (TryNamed(text, results))
            {
                return results;
            }
        }

        if (char.IsDigit(first))
        {
            if (DocumentSymbolPattern().IsMatch(text))
            {
                // "01-KL/TW, ngày 18/5/2021 ..." at the start of a wrapped line is a cited number, not a label.
                return results;
            }

            var dotted = DottedPattern().Match(text);
            if (dotted.Success)
            {
                var parts = dotted.Groups["n"].Value.Split('.');
                var components = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
                results.Add(new SectionLabel(LabelStyle.Dotted, dotted.Groups["n"].Value, components[^1], components, HeadingOf(dotted)));
                return results;
            }

            var arabic = ArabicPattern().Match(text);
            if (arabic.Success)
            {
                var value = int.Parse(arabic.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (value > 0)
                {
                    results.Add(new SectionLabel(LabelStyle.Arabic, value.ToString(CultureInfo.InvariantCulture), value, [value], HeadingOf(arabic)));
                }
            }

            return results;
        }

        if (char.IsUpper(first))
        {
            var upper = UpperPattern().Match(text);
            if (upper.Success)
            {
                var label = upper.Groups["n"].Value;
                var heading = HeadingOf(upper);
                var roman = RomanValue(label);
                if (roman > 0)
                {
                    results.Add(new SectionLabel(LabelStyle.Roman, label, roman, [roman], heading));
                }

                if (label.Length == 1 && label[0] is >= 'A' and <= 'Z')
                {
                    var letter = label[0] - 'A' + 1;
                    results.Add(new SectionLabel(LabelStyle.UpperLetter, label, letter, [letter], heading));
                }
            }

            return results;
        }

        if (char.IsLower(first))
        {
            var lower = LetterPattern().Match(text);
            if (lower.Success)
            {
                var label = lower.Groups["n"].Value;
                var ordinal = VietnameseLetters.IndexOf(label[0], StringComparison.Ordinal) + 1;
                if (ordinal > 0)
                {
                    results.Add(new SectionLabel(LabelStyle.Letter, label, ordinal, [ordinal], HeadingOf(lower)));
                }
            }
        }

        return results;
    }

    /// <summary>
    /// True when <paramref name="next"/> follows this label in its sequence. Letters accept both the
    /// Vietnamese order (d → đ → e) and the Latin one (d → e), since documents use either.
    /// </summary>
    public bool IsFollowedBy(SectionLabel next)
    {
        if (next.Style != Style)
        {
            return false;
        }

        if (Style == LabelStyle.Letter)
        {
            var latinNext = (char)(Printed[0] + 1);
            return next.Ordinal == Ordinal + 1 || (Printed[0] != 'đ' && next.Printed[0] == latinNext) || (Printed[0] == 'đ' && next.Printed[0] == 'e');
        }

        return next.Ordinal == Ordinal + 1;
    }

    /// <summary>True when this label is the first of a sequence (I, A, 1, a, "x.1").</summary>
    public bool IsFirst => Ordinal == 1;

    private static bool TryNamed(string text, List<SectionLabel> results)
    {
        var match = NamedPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var word = match.Groups["w"].Value;
        var style = word[0] is 'Đ' ? LabelStyle.Article : word[0] is 'C' ? LabelStyle.Chapter : LabelStyle.Part;
        var number = match.Groups["n"].Value;
        var value = char.IsDigit(number[0]) ? int.Parse(number, CultureInfo.InvariantCulture) : RomanValue(number);
        if (value <= 0)
        {
            return false;
        }

        var canonicalWord = style switch
        {
            LabelStyle.Article => "Điều",
            LabelStyle.Chapter => "Chương",
            _ => "Phần",
        };
        results.Add(new SectionLabel(style, canonicalWord + " " + number, value, [value], HeadingOf(match)));
        return true;
    }

    private static string? HeadingOf(Match match)
    {
        var heading = match.Groups["h"].Value.Trim();
        return heading.Length == 0 ? null : heading;
    }

    /// <summary>Value of a Roman numeral in canonical form (I..CCCXCIX), or 0 when it is not one.</summary>
    public static int RomanValue(string text)
    {
        if (text.Length is 0 or > 9)
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = Digit(text[i]);
            if (value == 0)
            {
                return 0;
            }

            var next = i + 1 < text.Length ? Digit(text[i + 1]) : 0;
            total += value < next ? -value : value;
        }

        // Only canonical spellings: "IIII" or "IC" are not numbering labels.
        return total > 0 && ToRoman(total) == text ? total : 0;

        static int Digit(char c) => c switch
        {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => 0,
        };
    }

    /// <summary>The canonical Roman numeral of <paramref name="value"/> (1..399).</summary>
    public static string ToRoman(int value)
    {
        ReadOnlySpan<(int Value, string Symbol)> table =
        [
            (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var result = string.Empty;
        foreach (var (v, s) in table)
        {
            while (value >= v)
            {
                result += s;
                value -= v;
            }
        }

        return result;
    }

    // "Điều 1.", "ĐIỀU 2:", "Chương II", "PHẦN I -". The word must be followed by the number.
    [GeneratedRegex(@"^(?<w>Điều|ĐIỀU|Chương|CHƯƠNG|Phần|PHẦN)\s+(?<n>\d{1,3}|[IVXLC]{1,7})(?![\p{L}\d])\s*[.:\-–—]?\s*(?<h>.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedPattern();

    // "2.1.", "2.1", "1.2.3." followed by space and text; components of one or two digits.
    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){1,4})\.?(?:\s*[\-–—):]\s*|\s+)(?<h>.*)$", RegexOptions.Singleline)]
    private static partial Regex DottedPattern();

    // "1.", "1-", "1)", "1/" then space or a letter; never "1.000" or "25/10/2021".
    [GeneratedRegex(@"^(?<n>\d{1,3})\s*[.\-–—)/](?![\d/.])\s*(?<h>.*)$", RegexOptions.Singleline)]
    private static partial Regex ArabicPattern();

    // "I-", "II.", "IV –", "A.", "B)". The punctuation is required: "I" alone is a word.
    [GeneratedRegex(@"^(?<n>[IVXLC]{1,7}|[A-Z])\s*[.\-–—):](?![\d.])\s*(?<h>.*)$", RegexOptions.Singleline)]
    private static partial Regex UpperPattern();

    // A document symbol: digits, a dash or slash, letters, then another dash or slash ("03-KH/TW", "1847/QĐ-TTg").
    [GeneratedRegex(@"^\d{1,6}\s*[-/–]\s*\p{L}[\p{L}\d]*\s*[-/]")]
    private static partial Regex DocumentSymbolPattern();

    // "a)", "b.", "đ)" followed by a space.
    [GeneratedRegex(@"^(?<n>[a-zđ])\s*[).]\s+(?<h>.*)$", RegexOptions.Singleline)]
    private static partial Regex LetterPattern();
}

/// <summary>Bullet markers of party documents: "-", "+", "•" and their look-alikes.</summary>
internal static class BulletMarker
{
    /// <summary>
    /// Reads a bullet at the start of <paramref name="text"/>: the marker and the text after it.
    /// The marker must be followed by a space ("-5%" is not a bullet).
    /// </summary>
    public static bool TryParse(string text, out string marker, out string rest)
    {
        marker = string.Empty;
        rest = text;
        if (text.Length < 2 || text[1] != ' ')
        {
            return false;
        }

        var c = text[0];
        if (c is '-' or '+' or '•' or '*' or '–' or '—' or '·' or '▪' or '●' or '◦' or '\uF0B7' or '\uF0A7')
        {
            // Dashes are one bullet kind whatever their width: the normaliser may not have run.
            marker = c is '–' or '—' ? "-" : c is '·' or '▪' or '●' or '◦' or '\uF0B7' or '\uF0A7' ? "•" : c.ToString();
            rest = text[2..].TrimStart();
            return true;
        }

        return false;
    }
}
