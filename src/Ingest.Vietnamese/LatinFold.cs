using System.Globalization;
using System.Text;

namespace Ingest.Vietnamese;

/// <summary>
/// Accent folding for Latin letters outside the Vietnamese alphabet (ñ, ç, ü, ø...) found in names
/// and foreign words. The table is built once from canonical decomposition; where the runtime cannot
/// decompose (invariant mode) those letters are only lower-cased.
/// </summary>
internal static class LatinFold
{
    // Latin-1 Supplement, Latin Extended-A and -B: the blocks Western names are spelled in.
    private const int TableEnd = 0x0250;

    private static readonly char[] Table = Build();

    /// <summary>The base letter of <paramref name="c"/>, lower-cased.</summary>
    public static char Fold(char c)
    {
        return c < TableEnd ? Table[c] : char.ToLowerInvariant(c);
    }

    private static char[] Build()
    {
        var table = new char[TableEnd];
        for (var c = 0; c < TableEnd; c++)
        {
            var ch = (char)c;
            table[c] = char.ToLowerInvariant(ch);
            if (c < 0xC0 || !char.IsLetter(ch))
            {
                continue;
            }

            try
            {
                var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark)
                {
                    table[c] = char.ToLowerInvariant(decomposed[0]);
                }
            }
            catch (PlatformNotSupportedException)
            {
                // Invariant mode without normalisation: lower-casing is the best left to do.
            }
        }

        table['ø'] = 'o';
        table['Ø'] = 'o';
        table['ł'] = 'l';
        table['Ł'] = 'l';
        return table;
    }
}
