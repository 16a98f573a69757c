using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tasks;

/// <summary>What a section heading says about the section's content.</summary>
internal enum SectionRole
{
    /// <summary>Nothing: the section takes the role of its parent.</summary>
    Neutral,

    /// <summary>Purpose, goals, views, situation or results: not tasks (GOLD.md "Tasks").</summary>
    Purpose,

    /// <summary>Tasks, solutions, organisation of implementation.</summary>
    Operative,
}

/// <summary>
/// Classifies section headings by their topics (Data/task-grammar.tsv). A heading is split into
/// topics at commas and "và"; it is operative when any topic opens with an operative keyword
/// ("MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" holds tasks under its "Nhiệm vụ" part) and purpose when it
/// opens with a purpose keyword and has no operative topic ("MỤC ĐÍCH, YÊU CẦU", "1. Mục tiêu").
/// Only title-like headings are classified: a numbered sentence ("Đánh giá kết quả 5 năm thực
/// hiện ...") is an item, not a title. Stateless and thread-safe.
/// </summary>
internal static class HeadingClassifier
{
    // Headings this short are titles whatever their punctuation ("1. Mục tiêu.").
    private const int ShortTitleWords = 8;

    // A title without a final period may run this long; longer ones are sentences.
    private const int TitleWords = 15;
    private const int TopLevelTitleWords = 25;

    /// <summary>Classifies <paramref name="heading"/> of a section at <paramref name="depth"/> (1 = top level).</summary>
    public static SectionRole Classify(string? heading, int depth, TaskGrammar grammar)
    {
        ArgumentNullException.ThrowIfNull(grammar);
        if (string.IsNullOrWhiteSpace(heading))
        {
            return SectionRole.Neutral;
        }

        var cleaned = AnalyzedText.CleanLine(heading).Trim();
        var tokens = AnalyzedText.FromCleanLine(cleaned).Tokens;
        var upperCase = IsUpperCase(cleaned);
        if (!IsTitle(cleaned, tokens, depth))
        {
            return SectionRole.Neutral;
        }

        var purpose = false;
        var operative = false;
        var topicIndex = 0;
        foreach (var (start, end) in Topics(tokens))
        {
            var first = SkipArticles(tokens, start, end);
            if (grammar.Operative.StartsAt(tokens, first))
            {
                operative = true;
            }

            if (grammar.Purpose.TryMatch(tokens, first, out var scope, out var length))
            {
                purpose |= scope switch
                {
                    PurposeScope.Any => topicIndex == 0,
                    PurposeScope.TopLevel => topicIndex == 0 && (depth == 1 || upperCase),
                    PurposeScope.Exact => first + length == end,
                    _ => false,
                };
            }

            topicIndex++;
        }

        return operative ? SectionRole.Operative : purpose ? SectionRole.Purpose : SectionRole.Neutral;
    }

    /// <summary>
    /// True when <paramref name="heading"/> reads as a title ("Công tác kiểm tra", "MỤC ĐÍCH, YÊU
    /// CẦU") rather than as a numbered sentence ("Tập trung rà soát ... (thực hiện thường xuyên).").
    /// </summary>
    public static bool IsTitle(string? heading, int depth)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return false;
        }

        var cleaned = AnalyzedText.CleanLine(heading).Trim();
        return IsTitle(cleaned, AnalyzedText.FromCleanLine(cleaned).Tokens, depth);
    }

    /// <summary>True when most letters of <paramref name="text"/> are upper case ("MỤC ĐÍCH, YÊU CẦU").</summary>
    public static bool IsUpperCase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        // Four letters at least, so that "I" or "II" alone is not taken for a shouted heading.
        return letters >= 4 && upper * 10 >= letters * 8;
    }

    private static bool IsTitle(string cleaned, IReadOnlyList<TextToken> tokens, int depth)
    {
        var words = 0;
        foreach (var token in tokens)
        {
            if (token.IsWord)
            {
                words++;
            }
        }

        var endsAsSentence = cleaned.EndsWith('.') || cleaned.EndsWith(';');
        return IsUpperCase(cleaned) || words <= ShortTitleWords || (!endsAsSentence && words <= (depth == 1 ? TopLevelTitleWords : TitleWords));
    }

    private static IEnumerable<(int Start, int End)> Topics(IReadOnlyList<TextToken> tokens)
    {
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Key is "," or ";" or ":" or "và")
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }

        if (tokens.Count > start)
        {
            yield return (start, tokens.Count);
        }
    }

    private static int SkipArticles(IReadOnlyList<TextToken> tokens, int start, int end)
    {
        // "Những kết quả đạt được", "Một số nhiệm vụ trọng tâm".
        var i = start;
        if (i < end && tokens[i].Key is "những" or "các")
        {
            i++;
        }
        else if (i + 1 < end && tokens[i].Key == "một" && tokens[i + 1].Key == "số")
        {
            i += 2;
        }

        return i;
    }
}
