using System.Globalization;
using System.Text;
using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>What the head of a <see cref="BodyPhrase"/> is.</summary>
internal enum BodyPhraseKind
{
    /// <summary>A named body from the gazetteer ("Ban Tổ chức Trung ương").</summary>
    Named,

    /// <summary>A class of bodies ("các cấp ủy", "đảng ủy trực thuộc Trung ương").</summary>
    Generic,

    /// <summary>A head word with a capitalised name ("Sở Nội vụ", "Ban Tổ chức Huyện ủy").</summary>
    Proper,

    /// <summary>A person noun governing bodies ("bí thư các tỉnh ủy, thành ủy").</summary>
    Person,
}

/// <summary>
/// One responsible body found in a token list: the tokens of its printed name, and where the
/// parse continues (after a dropped scope phrase).
/// </summary>
/// <param name="Start">Index of the first token of the name.</param>
/// <param name="HeadEnd">Index one past the head noun (and its determiner).</param>
/// <param name="NameEnd">Index one past the last token of the name.</param>
/// <param name="Next">Index where parsing continues; past <paramref name="NameEnd"/> when a scope phrase was dropped.</param>
/// <param name="Kind">What the head is.</param>
/// <param name="IsBareIncomplete">A head like "cơ quan" with nothing after it, which pairs with the next noun.</param>
/// <param name="LowerFirst">Print the first letter in lower case: a sentence-initial generic noun (gold README conventions).</param>
internal sealed record BodyPhrase(int Start, int HeadEnd, int NameEnd, int Next, BodyPhraseKind Kind, bool IsBareIncomplete, bool LowerFirst)
{
    /// <summary>
    /// Token ranges [From, To) whose printed words are replaced by a gazetteer name: the parts
    /// that only matched with diacritics ignored, because OCR misspelt them.
    /// </summary>
    public IReadOnlyList<(int From, int To, string Name)> Corrections { get; init; } = [];

    /// <summary>The name as printed in <paramref name="text"/>: spaces collapsed, canonical tones, OCR slips in listed names corrected.</summary>
    public string Name(string text, IReadOnlyList<TextToken> tokens)
    {
        if (Corrections.Count == 0)
        {
            // Most names needed no correction: they are the printed text from the first token to the last.
            return Finish(NameEnd > Start ? text[tokens[Start].Start..tokens[NameEnd - 1].End] : string.Empty);
        }

        var printed = new StringBuilder();
        var from = Start;
        foreach (var (correctedFrom, correctedTo, name) in Corrections.Where(c => c.From >= Start && c.To <= NameEnd).OrderBy(c => c.From))
        {
            if (correctedFrom > from)
            {
                printed.Append(text, tokens[from].Start, tokens[correctedFrom - 1].End - tokens[from].Start).Append(' ');
            }

            // Keep the printed capitalisation of the first letter: "Ban Thường vụ" stays capitalised.
            var first = text[tokens[correctedFrom].Start];
            printed.Append(char.IsUpper(first) ? char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..] : name).Append(' ');
            from = correctedTo;
        }

        if (from < NameEnd)
        {
            printed.Append(text, tokens[from].Start, tokens[NameEnd - 1].End - tokens[from].Start);
        }

        return Finish(printed.ToString());
    }

    private string Finish(string raw)
    {
        var name = VietnameseText.CanonicalTones(VietnameseText.CollapseWhiteSpace(raw));
        return LowerFirst && name.Length > 0 && char.IsUpper(name[0])
            ? char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..]
            : name;
    }
}

/// <summary>Bodies coordinated in one list ("Bộ Chính trị, Ban Bí thư").</summary>
/// <param name="Items">The bodies, in order.</param>
/// <param name="Start">Index of the first token of the list (before any dropped honorific).</param>
/// <param name="End">Index one past the list.</param>
internal sealed record BodyList(IReadOnlyList<BodyPhrase> Items, int Start, int End)
{
    /// <summary>True when no body was found.</summary>
    public bool IsEmpty => Items.Count == 0;

    /// <summary>A list with no bodies at <paramref name="index"/>.</summary>
    public static BodyList Empty(int index) => new([], index, index);

    /// <summary>The printed names, in order.</summary>
    public IReadOnlyList<string> Names(string text, IReadOnlyList<TextToken> tokens) =>
        [.. Items.Select(item => item.Name(text, tokens))];
}
