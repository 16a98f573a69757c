using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Structure.Sections;

/// <summary>
/// What follows a paragraph in its document, for repairs that must be confirmed by the numbering after
/// them: the paragraph's text and the first later label of each numbering system.
/// </summary>
/// <param name="Text">The paragraph's text, label included.</param>
/// <param name="NextByStyle">For each label style, the first reading of that style in a later paragraph.</param>
internal sealed record LabelLookahead(string Text, IReadOnlyDictionary<LabelStyle, SectionLabel> NextByStyle)
{
    /// <summary>For each paragraph (given by its label readings), the first label of each style in the paragraphs after it.</summary>
    public static IReadOnlyDictionary<LabelStyle, SectionLabel>[] NextLabelsByStyle(IReadOnlyList<IReadOnlyList<SectionLabel>> readings)
    {
        var result = new IReadOnlyDictionary<LabelStyle, SectionLabel>[readings.Count];
        var next = new Dictionary<LabelStyle, SectionLabel>();
        for (var i = readings.Count - 1; i >= 0; i--)
        {
            result[i] = new Dictionary<LabelStyle, SectionLabel>(next);
            foreach (var reading in readings[i])
            {
                next[reading.Style] = reading;
            }
        }

        return result;
    }
}

/// <summary>
/// Reads a section label that OCR damaged as the label its sequence expects. Scans of party documents
/// lose the second stroke of "II-" ("I-"), read the dot after a number as a comma or semicolon ("9,",
/// "9;") and confuse digits of similar shape ("5" read as "9"). Such a line breaks the numbering, so the
/// tree builder would drop the section and every task under it. A repair is made only when the line sits
/// exactly where the expected label is missing and the numbering after it confirms the expected label:
/// the next later label of the same system must be the one after it. A confirmed sequence cannot arise in
/// clean text, where the line would already have continued the sequence or started a new one (repairs are
/// tried only after those readings fail). Pure and thread-safe.
/// </summary>
internal static partial class OcrLabelRepair
{
    /// <summary>
    /// Digits and letters Tesseract confuses in typed numbering, each pair both ways: closed and open
    /// loops (5/9, 3/8, 6/8, 0/8), the bare stroke (1/7) and letters of the same shape (l, I, | for 1; O for 0).
    /// </summary>
    private static readonly (char A, char B)[] ConfusablePairs =
    [
        ('5', '9'), ('1', '7'), ('0', '8'), ('3', '8'), ('6', '8'), ('1', 'l'), ('1', 'I'), ('1', '|'), ('0', 'O'),
    ];

    /// <summary>
    /// The label <paramref name="text"/> stands for when it is a damaged form of the label that follows
    /// <paramref name="open"/>, or null. <paramref name="printed"/> is the damaged label as printed.
    /// </summary>
    /// <param name="text">The paragraph text.</param>
    /// <param name="open">The open section whose sequence the line may continue.</param>
    /// <param name="nextByStyle">The first later label of each style (the confirmation).</param>
    /// <param name="mayBeRunningText">True when the line may be a wrapped line of running text: then even a
    /// damaged dot needs the confirmation.</param>
    /// <param name="printed">The damaged label with its punctuation, as printed ("9,", "I-").</param>
    public static SectionLabel? TryRepair(string text, SectionLabel open, IReadOnlyDictionary<LabelStyle, SectionLabel> nextByStyle, bool mayBeRunningText, out string printed)
    {
        printed = string.Empty;
        if (open.Style is not (LabelStyle.Roman or LabelStyle.Arabic))
        {
            return null;
        }

        var match = DamagedLabelPattern().Match(text);
        if (!match.Success || !char.IsUpper(match.Groups["h"].Value[0]))
        {
            // Headings and items of both systems start with a capital; "9, 10 và 11 ..." is a number in text.
            return null;
        }

        var token = match.Groups["n"].Value;
        var punctuation = match.Groups["p"].Value;
        var heading = match.Groups["h"].Value.Trim();
        var expectedOrdinal = open.Ordinal + 1;
        nextByStyle.TryGetValue(open.Style, out var next);
        SectionLabel expected;
        bool needsConfirmation;
        if (open.Style == LabelStyle.Roman)
        {
            var roman = SectionLabel.ToRoman(expectedOrdinal);
            // A look-alike of I counts only beside a real numeral letter: a bare "1." is an Arabic item.
            var hasNumeral = token.Any(c => c is 'I' or 'V' or 'X' or 'L' or 'C');
            var read = hasNumeral ? string.Concat(token.Select(c => c is '1' or 'l' or '|' ? 'I' : c)) : token;
            var lostStroke = Enumerable.Range(0, roman.Length).Any(i => roman[i] == 'I' && roman.Remove(i, 1) == read);
            if (read != roman && !lostStroke)
            {
                return null;
            }

            expected = new SectionLabel(LabelStyle.Roman, roman, expectedOrdinal, [expectedOrdinal], heading);
            needsConfirmation = true;
        }
        else
        {
            var digits = expectedOrdinal.ToString(CultureInfo.InvariantCulture);
            if (token.Length != digits.Length || !token.Any(char.IsAsciiDigit))
            {
                return null;
            }

            var changed = 0;
            for (var i = 0; i < token.Length; i++)
            {
                if (token[i] == digits[i])
                {
                    continue;
                }

                if (!Confusable(token[i], digits[i]))
                {
                    return null;
                }

                changed++;
            }

            if (changed == 0 && punctuation is not ("," or ";"))
            {
                // The number and its dot are right: the ordinary reading already refused it for a reason.
                return null;
            }

            expected = new SectionLabel(LabelStyle.Arabic, digits, expectedOrdinal, [expectedOrdinal], heading);
            needsConfirmation = changed > 0 || mayBeRunningText;
            if (next is not null && next.Ordinal == expectedOrdinal)
            {
                // The expected number is printed further on: this line is something else.
                return null;
            }
        }

        if (needsConfirmation && (next is null || !expected.IsFollowedBy(next)))
        {
            return null;
        }

        printed = token + punctuation;
        return expected;
    }

    private static bool Confusable(char printed, char expected) =>
        ConfusablePairs.Any(p => (p.A == printed && p.B == expected) || (p.B == printed && p.A == expected));

    // A label-like token of digits, Roman letters and their OCR look-alikes, then punctuation that
    // includes the comma and semicolon OCR makes of a dot, then the heading.
    [GeneratedRegex(@"^(?<n>[0-9IVXLCOl|]{1,7})\s*(?<p>[.,;:\-–—)])\s*(?<h>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex DamagedLabelPattern();
}
