using System.Text;

namespace Ingest.Formats.Docx;

/// <summary>Roman numerals and letter labels as word processors and browsers print them.</summary>
internal static class ListLabels
{
    /// <summary>Upper-case Roman numeral; values above 3999 print as 3999, which no real list reaches.</summary>
    public static string Roman(int value)
    {
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var builder = new StringBuilder();
        var rest = Math.Min(value, 3999);
        for (var i = 0; i < values.Length; i++)
        {
            while (rest >= values[i])
            {
                builder.Append(symbols[i]);
                rest -= values[i];
            }
        }

        return builder.ToString();
    }

    /// <summary>Word letters go a..z, then aa..zz, then aaa (the letter repeats, it does not carry).</summary>
    public static string Letters(int value, char first)
    {
        var letter = (char)(first + ((value - 1) % 26));
        var repeat = Math.Min(((value - 1) / 26) + 1, 10);
        return new string(letter, repeat);
    }
}
