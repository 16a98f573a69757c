using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Structure.Header;

/// <summary>
/// The number and symbol of a document (số, ký hiệu): "Số: 03-KH/TW", "Số 116-BS/VPTU",
/// "Số: 1847/QĐ-TTg". Pure and thread-safe.
/// </summary>
internal static partial class DocumentNumber
{
    /// <summary>
    /// Reads a number line: "Số" (any case, OCR slips such as "Sổ", "Sô"), an optional ':' or '.', then the
    /// symbol. <paramref name="rest"/> is what follows the symbol on the same line (a date line when a
    /// two-column header was flattened).
    /// </summary>
    public static bool TryParseLine(string line, out string number, out string rest)
    {
        var match = NumberLinePattern().Match(line);
        if (match.Success && HasLetter(match.Groups["num"].Value))
        {
            number = Canonicalize(match.Groups["num"].Value);
            rest = match.Groups["rest"].Value.Trim();
            return true;
        }

        number = string.Empty;
        rest = string.Empty;
        return false;
    }

    /// <summary>Finds the first symbol in running text ("... Quyết định số 331-QĐ/TW, ngày ...").</summary>
    public static string? FindIn(string text)
    {
        foreach (Match match in SymbolPattern().Matches(text))
        {
            if (HasLetter(match.Value))
            {
                return Canonicalize(match.Value);
            }
        }

        return null;
    }

    /// <summary>
    /// Canonical form: spaces removed; a party symbol "n-TYPE/ISSUER" upper-cased with "Đ" kept
    /// (GOLD.md citation ids: "19-KL/TW", "52-KH/BTCTW"); a state symbol "n/TYPE-ISSUER" kept as printed
    /// ("1847/QĐ-TTg").
    /// </summary>
    public static string Canonicalize(string printed)
    {
        var builder = new StringBuilder(printed.Length);
        foreach (var c in printed)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c is '–' or '—' or '‑' ? '-' : c);
            }
        }

        var compact = builder.ToString().TrimEnd('.', ',', ';', ')');
        return PartySymbolPattern().IsMatch(compact) ? compact.ToUpperInvariant() : compact;
    }

    private static bool HasLetter(string text) => text.Any(char.IsLetter);

    // "Số" and its OCR look-alikes ("Sổ", "Sô", "Só"): S followed by any o with marks.
    [GeneratedRegex(@"^[Ss][oóòỏõọôốồổỗộOÓÒỎÕỌÔỐỒỔỖỘ]\s*[:.]?\s*(?<num>\d{1,6}\s*[-–/]\s*[\p{L}\d]{1,12}(?:\s*[-–/]\s*[\p{L}\d]{1,12}){0,3})(?<rest>.*)$")]
    private static partial Regex NumberLinePattern();

    [GeneratedRegex(@"(?<![\p{L}\d/-])\d{1,6}[-/][\p{L}\d]{1,12}(?:[-/][\p{L}\d]{1,12}){1,3}(?![\p{L}\d])")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex(@"^\d+-[^/]+/.+$")]
    private static partial Regex PartySymbolPattern();
}
