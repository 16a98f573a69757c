using System.Text;

namespace Ingest.Extract.Deadlines;

/// <summary>
/// Folds Vietnamese text to lower-case ASCII letters one UTF-16 unit at a time ("Quý I/2022" →
/// "quy i/2022", "Đ"/"Ð" → "d"), so that an offset in the folded text is the same offset in the
/// original. Matching on the folded form makes the rules indifferent to case, tone style and the
/// tone slips of OCR ("Ket luận", "quý" vs "quí") while spans still point into the printed text.
/// </summary>
/// <remarks>
/// Input is expected in NFC (the normalisation stage guarantees it); a stray combining mark is
/// kept as it is and simply breaks the word it sits in. Typographic dashes fold to '-', and the
/// no-break space to ' '. Pure and thread-safe: the table is built once.
/// </remarks>
internal static class FoldedText
{
    // Latin, Latin-1, Latin Extended A/B and Latin Extended Additional (where the precomposed
    // Vietnamese letters live) end before U+1F00.
    private const int TableSize = 0x1F00;

    private static readonly char[] Table = BuildTable();

    /// <summary>The folded form of one character.</summary>
    public static char Fold(char c) => c switch
    {
        < (char)TableSize => Table[c],
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        '\u202F' => ' ',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>The folded form of <paramref name="text"/>, of the same length.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            table[i] = FoldOne((char)i);
        }

        return table;
    }

    private static char FoldOne(char c)
    {
        switch (c)
        {
            case 'đ' or 'Đ' or 'ð' or 'Ð':
                return 'd';
            case '\u00A0':
                return ' ';
        }

        if (c < 0x80)
        {
            return char.ToLowerInvariant(c);
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
