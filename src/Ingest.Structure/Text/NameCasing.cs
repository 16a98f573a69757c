using System.Text;
using Ingest.Structure.Data;
using Ingest.Vietnamese;

namespace Ingest.Structure.Text;

/// <summary>
/// Restores the case of names and subject lines printed in capitals, following the capitalisation
/// rules for party documents: a body name starts with a capital and keeps its proper-noun words
/// ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG" → "Ban Chấp hành Trung ương Đảng"); a place after a committee or
/// administrative word is capitalised syllable by syllable ("TỈNH ỦY LONG AN" → "Tỉnh ủy Long An");
/// a subject line is in sentence case with a lower-case first word ("thực hiện Kết luận số ...").
/// The phrases come from <c>Data/CasingLexicon.tsv</c>. Output uses canonical tone placement (ủy, hóa).
/// Pure and thread-safe.
/// </summary>
internal static class NameCasing
{
    private static readonly Lexicon Phrases = Lexicon.Load();

    /// <summary>Words after which a token made of I, V, X, L, C is a Roman numeral ("KHÓA XIII", "QUÝ I").</summary>
    private static readonly HashSet<string> RomanNumeralContext = new(StringComparer.Ordinal)
    {
        "khóa", "khoá", "thứ", "quý", "phần", "chương", "mục", "hội", "lần",
    };

    /// <summary>Cases a body name printed in capitals ("HUYỆN ỦY THỦ THỪA" → "Huyện ủy Thủ Thừa").</summary>
    public static string ToName(string text) => Apply(text, isName: true);

    /// <summary>Cases a subject line printed in capitals, lower-case first word ("VỀ ĐẨY MẠNH ..." → "về đẩy mạnh ...").</summary>
    public static string ToSentence(string text) => Apply(text, isName: false);

    private static string Apply(string text, bool isName)
    {
        var tokens = Tokenize(VietnameseText.Nfc(TextShape.CollapseSpaces(text)));
        var output = new string?[tokens.Count];
        var inPlace = false;
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Core.Length == 0)
            {
                output[i] = token.Core;
                i++;
                continue;
            }

            if (token.Core.Any(char.IsDigit) || token.Core.Contains('/', StringComparison.Ordinal))
            {
                // Numbers and symbols ("21-KL/TW", "TW4", "I/2022") are printed as they must stay.
                output[i] = token.Core;
                inPlace = false;
                i++;
                continue;
            }

            if (IsRomanNumeral(token.Core) && i > 0 && RomanNumeralContext.Contains(tokens[i - 1].Lower))
            {
                output[i] = token.Core.ToUpperInvariant();
                i++;
                continue;
            }

            var match = Phrases.LongestMatch(tokens, i);
            if (match is not null && (isName || !match.NameOnly) && (!match.IsDocumentType || NamesDocument(tokens, i, match.Words.Length)))
            {
                for (var k = 0; k < match.Words.Length; k++)
                {
                    output[i + k] = match.Words[k];
                }

                inPlace = isName && match.PlaceFollows;
                i += match.Words.Length;
                continue;
            }

            output[i] = inPlace ? TextShape.CapitaliseFirst(token.Lower) : token.Lower;
            if (token.EndsPhrase)
            {
                inPlace = false;
            }

            i++;
        }

        var builder = new StringBuilder(text.Length);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (k > 0)
            {
                builder.Append(' ');
            }

            builder.Append(tokens[k].Leading).Append(output[k]).Append(tokens[k].Trailing);
        }

        var result = VietnameseText.CanonicalTones(builder.ToString());
        return isName ? TextShape.CapitaliseFirst(result) : result;
    }

    /// <summary>
    /// A document type word names a document when a number or "số" follows, when it is the object of
    /// "ban hành", or when it names a resolution of a plenum or congress ("Nghị quyết Trung ương 4").
    /// </summary>
    private static bool NamesDocument(List<Token> tokens, int start, int length)
    {
        var next = start + length;
        if (next < tokens.Count && !tokens[next - 1].EndsPhrase)
        {
            var following = tokens[next].Lower;
            if (following is "số" || tokens[next].Core.Any(char.IsDigit))
            {
                return true;
            }

            if (next + 1 < tokens.Count && (following, tokens[next + 1].Lower) is ("trung", "ương") or ("đại", "hội") or ("hội", "nghị"))
            {
                return true;
            }
        }

        return start >= 2 && tokens[start - 2].Lower == "ban" && tokens[start - 1].Lower == "hành";
    }

    private static bool IsRomanNumeral(string core)
    {
        foreach (var c in core)
        {
            if (c is not ('I' or 'V' or 'X' or 'L' or 'C'))
            {
                return false;
            }
        }

        return core.Length > 0;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var first = 0;
            while (first < word.Length && !char.IsLetterOrDigit(word[first]))
            {
                first++;
            }

            var last = word.Length - 1;
            while (last >= first && !char.IsLetterOrDigit(word[last]))
            {
                last--;
            }

            var core = first <= last ? word[first..(last + 1)] : string.Empty;
            var leading = first <= last ? word[..first] : word;
            var trailing = first <= last ? word[(last + 1)..] : string.Empty;
            tokens.Add(new Token(leading, core, trailing));
        }

        return tokens;
    }

    /// <summary>One space-separated word: punctuation before, the letters/digits, punctuation after.</summary>
    internal sealed record Token(string Leading, string Core, string Trailing)
    {
        public string Lower { get; } = VietnameseText.CanonicalTones(Core.ToLowerInvariant());

        /// <summary>Punctuation after the word (",", ";", ")") ends a name: phrases never run across it.</summary>
        public bool EndsPhrase => Trailing.Length > 0;

        /// <summary>Punctuation before the word ("(", "\"") starts a new phrase.</summary>
        public bool StartsPhrase => Leading.Length > 0;
    }

    private sealed record Phrase(string[] Words, bool PlaceFollows, bool NameOnly, bool IsDocumentType);

    private sealed class Lexicon
    {
        private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);

        public static Lexicon Load()
        {
            var lexicon = new Lexicon();
            foreach (var row in StructureData.ReadRows("CasingLexicon.tsv"))
            {
                var words = VietnameseText.CanonicalTones(VietnameseText.Nfc(row[0])).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var tags = row.Length > 1 ? row[1].Split(',', StringSplitOptions.TrimEntries) : [];
                var phrase = new Phrase(words, tags.Contains("place"), tags.Contains("name"), tags.Contains("doc"));
                var key = words[0].ToLowerInvariant();
                if (!lexicon._byFirstWord.TryGetValue(key, out var list))
                {
                    list = [];
                    lexicon._byFirstWord[key] = list;
                }

                list.Add(phrase);
            }

            foreach (var list in lexicon._byFirstWord.Values)
            {
                // Longest first, so the first phrase that fits is the longest match.
                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            }

            return lexicon;
        }

        public Phrase? LongestMatch(List<Token> tokens, int start)
        {
            if (!_byFirstWord.TryGetValue(tokens[start].Lower, out var candidates))
            {
                return null;
            }

            foreach (var phrase in candidates)
            {
                if (Fits(phrase, tokens, start))
                {
                    return phrase;
                }
            }

            return null;
        }

        private static bool Fits(Phrase phrase, List<Token> tokens, int start)
        {
            if (start + phrase.Words.Length > tokens.Count)
            {
                return false;
            }

            for (var k = 0; k < phrase.Words.Length; k++)
            {
                var token = tokens[start + k];
                if (!string.Equals(token.Lower, phrase.Words[k].ToLowerInvariant(), StringComparison.Ordinal))
                {
                    return false;
                }

                // A phrase may not run across punctuation: "CÁN BỘ, ĐẢNG VIÊN" is two phrases.
                if (k < phrase.Words.Length - 1 && token.EndsPhrase)
                {
                    return false;
                }

                if (k > 0 && token.StartsPhrase)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
