using System.Globalization;

namespace Ingest.Extract.Deadlines;

/// <summary>What a <see cref="TimeToken"/> is.</summary>
internal enum TimeTokenKind
{
    /// <summary>A run of letters (folded to lower-case ASCII).</summary>
    Word,

    /// <summary>A run of ASCII digits.</summary>
    Number,

    /// <summary>One punctuation character ("/", "-", ",", "." ...).</summary>
    Symbol,
}

/// <summary>One token of a folded time expression, with its offsets in the text it came from.</summary>
internal readonly record struct TimeToken(TimeTokenKind Kind, int Start, string Text)
{
    public int End => Start + Text.Length;

    public bool IsWord(string word) => Kind == TimeTokenKind.Word && string.Equals(Text, word, StringComparison.Ordinal);

    public bool IsSymbol(char symbol) => Kind == TimeTokenKind.Symbol && Text[0] == symbol;

    /// <summary>The value of a number token; numbers longer than 6 digits are never dates, so they read as -1.</summary>
    public int Number => Kind == TimeTokenKind.Number && Text.Length <= 6
        ? int.Parse(Text, NumberStyles.None, CultureInfo.InvariantCulture)
        : -1;
}

/// <summary>Splits folded text (see <see cref="FoldedText"/>) into words, numbers and punctuation.</summary>
internal static class TimeTokenizer
{
    /// <summary>
    /// Tokens of <paramref name="folded"/> between <paramref name="start"/> and <paramref name="end"/>.
    /// Markdown emphasis ("*", "_") is skipped like white space, so "(*thực hiện thường xuyên*)"
    /// reads as its words.
    /// </summary>
    public static List<TimeToken> Tokenize(string folded, int start, int end)
    {
        var tokens = new List<TimeToken>();
        var i = start;
        while (i < end)
        {
            var c = folded[i];
            if (char.IsWhiteSpace(c) || c is '*' or '_')
            {
                i++;
                continue;
            }

            var runStart = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < end && char.IsAsciiDigit(folded[i]))
                {
                    i++;
                }

                tokens.Add(new TimeToken(TimeTokenKind.Number, runStart, folded[runStart..i]));
            }
            else if (char.IsLetter(c))
            {
                while (i < end && char.IsLetter(folded[i]))
                {
                    i++;
                }

                tokens.Add(new TimeToken(TimeTokenKind.Word, runStart, folded[runStart..i]));
            }
            else
            {
                i++;
                tokens.Add(new TimeToken(TimeTokenKind.Symbol, runStart, folded[runStart..i]));
            }
        }

        return tokens;
    }
}
