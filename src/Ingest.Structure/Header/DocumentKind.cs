using Ingest.Structure.Data;
using Ingest.Structure.Text;

namespace Ingest.Structure.Header;

/// <summary>
/// A document type (thể loại văn bản) from <c>Data/DocumentKinds.tsv</c>: its printed name in title
/// case, the symbol codes that imply it, and whether it is a copy notice.
/// </summary>
internal sealed record DocumentKind(string Name, IReadOnlyList<string> Symbols, bool IsCopyNotice)
{
    /// <summary>Kind of a text with no header at all (a news report), per GOLD.md.</summary>
    public const string NewsArticle = "Bài báo";

    /// <summary>Kind of a letter (công văn): no kind line, a "V/v" subject or a "-CV/" symbol.</summary>
    public const string Letter = "Công văn";

    /// <summary>Kind of a document whose header names no type at all.</summary>
    public const string Unspecified = "Văn bản";

    /// <summary>Every kind, longest folded name first so "Sao y bản chính" is tried before "Sao y".</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = Load();

    /// <summary>The name without diacritics, lower case, for matching OCR'd capitals ("KÉ HOẠCH").</summary>
    public string Folded { get; } = TextShape.Fold(Name);

    /// <summary>The kind a symbol's type code implies ("03-KH/TW" → Kế hoạch), or null.</summary>
    public static DocumentKind? FromNumber(string? number)
    {
        if (number is null)
        {
            return null;
        }

        var dash = number.IndexOf('-', StringComparison.Ordinal);
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        if (dash < 0 || slash < dash)
        {
            return null;
        }

        var code = number[(dash + 1)..slash].ToUpperInvariant();
        return All.Where(k => k.Symbols.Contains(code, StringComparer.Ordinal)).OrderBy(k => k.Order).FirstOrDefault();
    }

    /// <summary>Finds a kind by its printed name, in any case or tone style ("Kế hoạch", "KẾ HOẠCH").</summary>
    public static DocumentKind? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var folded = TextShape.Fold(name.Trim());
        return All.FirstOrDefault(k => k.Folded == folded);
    }

    /// <summary>Position in the data file: the first kind listed for a shared symbol ("QĐ") wins.</summary>
    private int Order { get; init; }

    private static DocumentKind[] Load()
    {
        var rows = StructureData.ReadRows("DocumentKinds.tsv");
        var kinds = new List<DocumentKind>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var symbols = row.Length > 1 && row[1].Length > 0 ? row[1].Split(',', StringSplitOptions.TrimEntries) : [];
            var isCopy = row.Length > 2 && row[2] == "copy";
            kinds.Add(new DocumentKind(row[0], symbols, isCopy) { Order = i });
        }

        return kinds.OrderByDescending(k => k.Folded.Length).ThenBy(k => k.Order).ToArray();
    }
}
