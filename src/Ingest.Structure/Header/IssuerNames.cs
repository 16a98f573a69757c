using System.Text.RegularExpressions;
using Ingest.Structure.Data;
using Ingest.Structure.Text;
using Ingest.Vietnamese;

namespace Ingest.Structure.Header;

/// <summary>
/// Turns the body names printed in a header or signature into the issuer as the gold records it:
/// title case in canonical tone style, the term ("KHÓA XIII") dropped, known short forms expanded
/// ("BAN CHẤP HÀNH TRUNG ƯƠNG" → "Ban Chấp hành Trung ương Đảng"), and a sub-unit joined to its
/// committee ("TỈNH ỦY LONG AN / VĂN PHÒNG" → "Văn phòng Tỉnh ủy Long An"). Pure and thread-safe.
/// </summary>
internal static partial class IssuerNames
{
    private static readonly string[] OrganisationStarts = StructureData.ReadList("OrganisationStarts.txt").ToArray();
    private static readonly string[] DependentStarts = StructureData.ReadList("DependentUnits.txt").ToArray();
    private static readonly string[] CommitteeWords = StructureData.ReadList("CommitteeWords.txt").ToArray();
    private static readonly Alias[] Aliases = StructureData.ReadRows("IssuerAliases.tsv")
        .Select(r => new Alias(VietnameseText.Key(r[0]), r[1], r.Length > 2 ? r[2] : r[1])).ToArray();

    /// <summary>A sub-unit of at most this many words joins its committee with a space, a longer one with ", " (gold 02).</summary>
    private const int ShortUnitWords = 4;

    /// <summary>
    /// The issuer named by letterhead lines (top to bottom, motto removed). The last self-contained
    /// body is the issuer ("ĐẢNG BỘ TỈNH LONG AN / HUYỆN ỦY THỦ THỪA" → "Huyện ủy Thủ Thừa"); a
    /// dependent unit under it is joined to it. Lines that do not start a body name continue the
    /// previous one (a name wrapped over two lines).
    /// </summary>
    public static string? FromLetterhead(IReadOnlyList<string> lines)
    {
        var units = new List<string>();
        foreach (var raw in lines)
        {
            var line = TextShape.CollapseSpaces(raw).Trim('*', '-', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            var folded = TextShape.Fold(line);
            if (units.Count == 0 || OrganisationStarts.Any(s => TextShape.StartsWithWords(folded, s)))
            {
                units.Add(line);
            }
            else
            {
                units[^1] = units[^1] + " " + line;
            }
        }

        if (units.Count == 0)
        {
            return null;
        }

        var last = units[^1];
        if (IsDependent(last) && units.Count >= 2)
        {
            var parent = units.Take(units.Count - 1).LastOrDefault(u => !IsDependent(u)) ?? units[^2];
            return Compose(last, parent);
        }

        return Canonical(last);
    }

    /// <summary>
    /// The issuer named by a signature's "T/M &lt;BODY&gt;" line. A dependent body ("BAN THƯỜNG VỤ") is
    /// joined to the letterhead's body; a bare committee word that the letterhead names in full
    /// ("T/M TỈNH ỦY" under "TỈNH ỦY LONG AN") takes the letterhead's name.
    /// </summary>
    public static string FromAuthority(string body, string? letterheadIssuer)
    {
        var canonical = Canonical(body);
        if (letterheadIssuer is null)
        {
            return canonical;
        }

        if (VietnameseText.Key(letterheadIssuer).StartsWith(VietnameseText.Key(canonical), StringComparison.Ordinal))
        {
            return letterheadIssuer;
        }

        return IsDependent(body) ? ComposeCased(canonical, letterheadIssuer) : canonical;
    }

    /// <summary>
    /// One body name in canonical form: the plenum prefix ("HỘI NGHỊ LẦN THỨ TƯ") and a trailing term
    /// ("KHÓA XIII") removed, title case restored when printed in capitals, known short forms expanded.
    /// </summary>
    public static string Canonical(string printed)
    {
        var text = TextShape.CollapseSpaces(printed).Trim('*', '-', ' ', ':', '.', ',');
        text = PlenumPrefixPattern().Replace(text, string.Empty);
        text = TrailingTermPattern().Replace(text, string.Empty).Trim();
        var cased = TextShape.IsCapitals(text) ? NameCasing.ToName(text) : VietnameseText.CanonicalTones(text);
        return WithAlias(cased);
    }

    /// <summary>True for a unit that needs its committee to be named ("VĂN PHÒNG", "BAN THƯỜNG VỤ").</summary>
    public static bool IsDependent(string name)
    {
        var folded = TextShape.Fold(TextShape.CollapseSpaces(name));
        var start = DependentStarts.FirstOrDefault(s => TextShape.StartsWithWords(folded, s));
        if (start is null)
        {
            return false;
        }

        var remainder = folded[start.Length..];
        return !CommitteeWords.Any(w => TextShape.ContainsWords(remainder, w));
    }

    private static string Compose(string unit, string parent) => ComposeCased(Canonical(unit), ParentForm(parent));

    private static string ComposeCased(string unit, string parent)
    {
        var separator = TextShape.WordCount(unit) <= ShortUnitWords ? " " : ", ";
        return WithAlias(unit + separator + parent);
    }

    private static string WithAlias(string name)
    {
        var key = VietnameseText.Key(name);
        foreach (var alias in Aliases)
        {
            if (alias.Key == key)
            {
                return alias.Canonical;
            }
        }

        return name;
    }

    private static string ParentForm(string parent)
    {
        var canonical = Canonical(parent);
        var key = VietnameseText.Key(canonical);
        foreach (var alias in Aliases)
        {
            if (VietnameseText.Key(alias.Canonical) == key || alias.Key == key)
            {
                return alias.ComposedForm;
            }
        }

        return canonical;
    }

    private sealed record Alias(string Key, string Canonical, string ComposedForm);

    [GeneratedRegex(@"^HỘI NGHỊ(?: LẦN THỨ [\p{L}\d]+)?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex PlenumPrefixPattern();

    // Only a term at the end and outside brackets: "(KHÓA XI)" inside a unit's name stays.
    [GeneratedRegex(@"\s+(?:KHÓA|KHOÁ|khóa|khoá)\s+[IVXLC]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTermPattern();
}
