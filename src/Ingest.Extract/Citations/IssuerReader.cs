using System.Collections.Frozen;
using System.Text;
using Ingest.Vietnamese;

namespace Ingest.Extract.Citations;

/// <summary>
/// Reads the name of an issuing body printed after "của" ("của Ban Chấp hành Trung ương Đảng
/// khóa XII về ..." → "Ban Chấp hành Trung ương Đảng"). The name starts with a capital and runs
/// until punctuation, a function word that starts the next phrase ("về", "và", "tại", "thực
/// hiện", "quy định" ...) or the term ("khóa XII"), which is dropped (gold README decision 13).
/// </summary>
internal static class IssuerReader
{
    // The longest body names ("Ban Chỉ đạo Trung ương về ...", "Bộ phận Thường trực chỉ đạo thực
    // hiện Nghị quyết Trung ương 4 (khóa XI) của tỉnh") stay under this; longer runs are prose.
    private const int MaxWords = 18;

    /// <summary>
    /// Single folded words that end a name when printed in lower case. Words that also occur in
    /// lower case inside names are left out: "đảng" (Ban cán sự đảng), "đồng" (Hội đồng), "thị"
    /// (thị xã), "sáu" (Hội nghị lần thứ sáu).
    /// </summary>
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "ve", "va", "voi", "tai", "theo", "trong", "nham", "de", "gan", "cho", "da", "se", "duoc",
        "la", "ngay", "so", "ma", "nhu", "den", "truoc", "khi", "nay", "do", "cung", "hoac", "ky",
        "nam",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Stop words that also end a name printed in capitals ("CỦA BỘ CHÍNH TRỊ VỀ KỶ LUẬT ..."),
    /// where case cannot tell a function word from a name ("BỘ TÀI CHÍNH"), so the set is small.
    /// </summary>
    private static readonly FrozenSet<string> CapitalStopWords = FrozenSet.ToFrozenSet(
        ["ve", "va", "ngay", "theo", "nham"], StringComparer.Ordinal);

    /// <summary>Folded two-word verbs that end a name ("của Bộ Chính trị thực hiện Kết luận ...").</summary>
    private static readonly FrozenSet<string> StopPairs = FrozenSet.ToFrozenSet(
    [
        "thuc hien", "quy dinh", "huong dan", "ban hanh", "doi voi", "sua doi", "bo sung", "thi hanh",
        "phe duyet", "trien khai", "tiep tuc", "yeu cau", "kem theo", "chu tri", "phoi hop", "nhiem ky",
        "chi dao", "ket luan", "nghi quyet", "quyet dinh", "ke hoach", "chi thi",
    ], StringComparer.Ordinal);

    /// <summary>The verbs that end a name printed in capitals.</summary>
    private static readonly FrozenSet<string> CapitalStopPairs = FrozenSet.ToFrozenSet(
        ["thuc hien", "quy dinh", "huong dan", "ban hanh"], StringComparer.Ordinal);

    /// <summary>
    /// Reads a name starting at <paramref name="start"/> (just after "của ").
    /// </summary>
    /// <param name="text">The printed text.</param>
    /// <param name="folded">Its folded form (same offsets).</param>
    /// <param name="start">Where the name should start.</param>
    /// <param name="limit">Where reading must stop.</param>
    /// <param name="issuer">The name, tone marks canonical, white space collapsed.</param>
    /// <param name="end">End of what belongs to the issuer in the text, the dropped term included.</param>
    public static bool TryRead(string text, string folded, int start, int limit, out string issuer, out int end)
    {
        issuer = string.Empty;
        end = start;
        var words = new List<(int Start, int End)>();
        var capitals = false;
        var i = start;
        while (true)
        {
            var wordStart = SkipSpaces(text, i, limit);
            if (wordStart >= limit)
            {
                break;
            }

            var c = text[wordStart];
            if (c == '(')
            {
                // "(khóa XI)" inside a name that goes on with "của ..." is part of it; otherwise
                // it is the term and closes the name.
                if (TryTerm(folded, wordStart + 1, limit, out var termEnd) && termEnd < limit && text[termEnd] == ')')
                {
                    var after = SkipSpaces(text, termEnd + 1, limit);
                    if (words.Count > 0 && StartsWithWord(folded, after, limit, "cua"))
                    {
                        words.Add((wordStart, termEnd + 1));
                        i = termEnd + 1;
                        continue;
                    }

                    end = termEnd + 1;
                }

                break;
            }

            if (!char.IsLetterOrDigit(c))
            {
                break;
            }

            var wordEnd = wordStart;
            while (wordEnd < limit && char.IsLetterOrDigit(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = folded[wordStart..wordEnd];
            if (words.Count == 0)
            {
                // A body's name is capitalised; "của các cấp ủy" names no issuer.
                if (!char.IsUpper(c))
                {
                    return false;
                }

                capitals = wordEnd - wordStart > 1 && IsCapitals(text, wordStart, wordEnd);
            }

            var lower = char.IsLower(c);
            if (word is "khoa" && TryTerm(folded, wordStart, limit, out var termAfter))
            {
                end = termAfter;
                break;
            }

            if (words.Count > 0 && (lower || capitals) && IsStop(folded, word, wordEnd, limit, capitals, words, text))
            {
                break;
            }

            if (word == "cua" && !(words.Count > 0 && text[words[^1].End - 1] == ')'))
            {
                break;
            }

            words.Add((wordStart, wordEnd));
            if (words.Count > MaxWords)
            {
                return false;
            }

            i = wordEnd;
            end = wordEnd;
        }

        if (words.Count == 0)
        {
            return false;
        }

        var builder = new StringBuilder();
        foreach (var (wordStart, wordEnd) in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(text, wordStart, wordEnd - wordStart);
        }

        issuer = VietnameseText.CanonicalTones(builder.ToString());
        end = Math.Max(end, words[^1].End);
        return true;
    }

    /// <summary>
    /// True when the text from <paramref name="start"/> to <paramref name="end"/> is exactly one issuer name with nothing after it
    /// ("Bộ Chính trị" in "theo chỉ đạo của Bộ Chính trị tại Kết luận số ...").
    /// </summary>
    public static bool TryReadWhole(string text, string folded, int start, int end, out string issuer) =>
        TryRead(text, folded, start, end, out issuer, out var readEnd) && SkipSpaces(text, readEnd, end) >= end;

    private static bool IsStop(string folded, string word, int wordEnd, int limit, bool capitals, List<(int Start, int End)> words, string text)
    {
        if ((capitals ? CapitalStopWords : StopWords).Contains(word))
        {
            return true;
        }

        var nextStart = SkipSpaces(folded, wordEnd, limit);
        var nextEnd = nextStart;
        while (nextEnd < limit && char.IsLetter(folded[nextEnd]))
        {
            nextEnd++;
        }

        if (nextEnd == nextStart)
        {
            return false;
        }

        var pair = string.Concat(word, " ", folded.AsSpan(nextStart, nextEnd - nextStart));
        if (capitals)
        {
            return CapitalStopPairs.Contains(pair);
        }

        if (!StopPairs.Contains(pair))
        {
            return false;
        }

        // "Bộ phận Thường trực chỉ đạo thực hiện Nghị quyết ..." names a body: a lower-case
        // "chỉ đạo thực hiện" continues the name.
        if (pair == "chi dao" && NextPairIs(folded, nextEnd, limit, "thuc hien"))
        {
            return false;
        }

        if (pair == "thuc hien" && words.Count >= 2
            && string.Concat(folded.AsSpan(words[^2].Start, words[^2].End - words[^2].Start), " ", folded.AsSpan(words[^1].Start, words[^1].End - words[^1].Start)) == "chi dao")
        {
            return false;
        }

        // A capitalised kind word inside a name ("... Nghị quyết Trung ương 4") is part of it.
        return !char.IsUpper(text[wordEnd - word.Length]);
    }

    private static bool NextPairIs(string folded, int from, int limit, string pair)
    {
        var start = SkipSpaces(folded, from, limit);
        return folded.AsSpan(start, Math.Min(pair.Length, limit - start)).SequenceEqual(pair)
            && (start + pair.Length >= limit || !char.IsLetter(folded[start + pair.Length]));
    }

    // "khóa XII", "khoá XIII", "KHÓA XI", "khóa 12": the term of the issuing body.
    private static bool TryTerm(string folded, int start, int limit, out int end)
    {
        end = start;
        var i = SkipSpaces(folded, start, limit);
        if (!StartsWithWord(folded, i, limit, "khoa"))
        {
            return false;
        }

        i = SkipSpaces(folded, i + 4, limit);
        var numeralStart = i;
        while (i < limit && (folded[i] is 'i' or 'v' or 'x' or 'l' or 'c' || char.IsAsciiDigit(folded[i])))
        {
            i++;
        }

        if (i == numeralStart || (i < limit && char.IsLetter(folded[i])))
        {
            return false;
        }

        end = i;
        return true;
    }

    private static bool StartsWithWord(string folded, int index, int limit, string word) =>
        index + word.Length <= limit
        && folded.AsSpan(index, word.Length).SequenceEqual(word)
        && (index + word.Length == limit || !char.IsLetter(folded[index + word.Length]));

    private static int SkipSpaces(string text, int i, int limit)
    {
        while (i < limit && (char.IsWhiteSpace(text[i]) || text[i] is '*' or '_'))
        {
            i++;
        }

        return i;
    }

    private static bool IsCapitals(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetter(text[i]) && !char.IsUpper(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
