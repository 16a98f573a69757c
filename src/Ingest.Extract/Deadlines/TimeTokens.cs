using System.Collections.Concurrent;
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
    // Folded words, numbers and symbols repeat endlessly (a few thousand toneless syllables, the
    // years and months), and every scheduling word of a text is tokenised again: their strings
    // are shared instead of cut anew. The cap bounds memory on odd input; past it they are cut.
    private const int TextCacheCapacity = 50_000;
    private static readonly ConcurrentDictionary<string, string> TextCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TextCacheBySpan =
        TextCache.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _textCacheCount;

    /// <summary>
    /// Tokens of <paramref name="folded"/> between <paramref name="start"/> and <paramref name="end"/>.
    /// Markdown emphasis ("*", "_") is skipped like white space, so "(*thực hiện thường xuyên*)"
    /// reads as its words.
    /// </summary>
    public static List<TimeToken> Tokenize(string folded, int start, int end)
    {
        // Tokens are at least a character each and mostly separated by spaces: half the length
        // is room for nearly every text.
        var tokens = new List<TimeToken>(((end - start) / 2) + 1);
        Tokenize(folded, start, end, tokens);
        return tokens;
    }

    /// <summary>
    /// <see cref="Tokenize(string, int, int)"/> into <paramref name="tokens"/>, which is cleared
    /// first: a caller that reads many short windows reuses one list.
    /// </summary>
    public static void Tokenize(string folded, int start, int end, List<TimeToken> tokens)
    {
        tokens.Clear();
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

                tokens.Add(new TimeToken(TimeTokenKind.Number, runStart, TextOf(folded, runStart, i)));
            }
            else if (char.IsLetter(c))
            {
                while (i < end && char.IsLetter(folded[i]))
                {
                    i++;
                }

                tokens.Add(new TimeToken(TimeTokenKind.Word, runStart, TextOf(folded, runStart, i)));
            }
            else
            {
                i++;
                tokens.Add(new TimeToken(TimeTokenKind.Symbol, runStart, TextOf(folded, runStart, i)));
            }
        }
    }

    private static string TextOf(string folded, int start, int end)
    {
        var span = folded.AsSpan(start, end - start);
        if (TextCacheBySpan.TryGetValue(span, out var text))
        {
            return text;
        }

        text = span.ToString();

        // The count is kept apart because ConcurrentDictionary.Count takes every lock.
        if (Volatile.Read(ref _textCacheCount) < TextCacheCapacity && TextCache.TryAdd(text, text))
        {
            Interlocked.Increment(ref _textCacheCount);
        }

        return text;
    }
}
