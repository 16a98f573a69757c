using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Ingest.Extract.Citations;

/// <summary>
/// The type word printed before a cited number ("Kết luận số 19-KL/TW", "QUY ĐỊNH SỐ 69-QĐ/TW",
/// OCR "Ket luận số ..."), matched on folded text and returned in its title-case spelling.
/// Generic words ("văn bản số ...") belong to the mention but name no kind.
/// </summary>
internal static partial class KindWords
{
    // Room for the longest type word plus "số:" and spaces.
    private const int Lookback = 40;

    /// <summary>Folded type word → title-case kind (the document types of party and state documents).</summary>
    private static readonly FrozenDictionary<string, string?> Kinds = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        // "Thông báo kết luận số 123-TB/TW" is a Thông báo (the "TB" code), not a Kết luận.
        ["thong bao ket luan"] = "Thông báo",
        ["ket luan"] = "Kết luận",
        ["nghi quyet lien tich"] = "Nghị quyết liên tịch",
        ["nghi quyet"] = "Nghị quyết",
        ["chi thi"] = "Chỉ thị",
        ["ke hoach"] = "Kế hoạch",
        ["huong dan"] = "Hướng dẫn",
        ["thong bao"] = "Thông báo",
        ["cong van"] = "Công văn",
        ["cong dien"] = "Công điện",
        ["bao cao"] = "Báo cáo",
        ["quy dinh"] = "Quy định",
        ["quyet dinh"] = "Quyết định",
        ["quy che"] = "Quy chế",
        ["quy trinh"] = "Quy trình",
        ["thong tri"] = "Thông tri",
        ["to trinh"] = "Tờ trình",
        ["chuong trinh"] = "Chương trình",
        ["de an"] = "Đề án",
        ["nghi dinh"] = "Nghị định",
        ["thong tu lien tich"] = "Thông tư liên tịch",
        ["thong tu"] = "Thông tư",
        ["luat"] = "Luật",
        ["phap lenh"] = "Pháp lệnh",
        ["sao luc"] = "Sao lục",
        ["van ban"] = null,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The type word ending just before <paramref name="symbolIndex"/> in <paramref name="folded"/>.
    /// </summary>
    /// <param name="folded">The folded text.</param>
    /// <param name="symbolIndex">Where the printed symbol starts.</param>
    /// <param name="kind">The kind in title case; null for a generic word or none.</param>
    /// <param name="wordIndex">Where the type word starts; <paramref name="symbolIndex"/> when there is none.</param>
    public static bool TryFindBefore(string folded, int symbolIndex, out string? kind, out int wordIndex)
    {
        kind = null;
        wordIndex = symbolIndex;
        var start = Math.Max(0, symbolIndex - Lookback);
        var match = TypeWordAtEnd().Match(folded[start..symbolIndex]);
        if (!match.Success)
        {
            return false;
        }

        var word = match.Groups["word"];
        kind = Kinds[CollapseSpaces(word.Value)];
        wordIndex = start + word.Index;
        return true;
    }

    private static string CollapseSpaces(string value) => WhiteSpaceRun().Replace(value, " ");

    // Folded text; the type word, then optional "số" / "số:" / "so." right before the symbol.
    [GeneratedRegex(@"(?<![a-z])(?<word>thong\s+bao\s+ket\s+luan|nghi\s+quyet\s+lien\s+tich|thong\s+tu\s+lien\s+tich|ket\s+luan|nghi\s+quyet|chi\s+thi|ke\s+hoach|huong\s+dan|thong\s+bao|cong\s+van|cong\s+dien|bao\s+cao|quy\s+dinh|quyet\s+dinh|quy\s+che|quy\s+trinh|thong\s+tri|to\s+trinh|chuong\s+trinh|de\s+an|nghi\s+dinh|thong\s+tu|luat|phap\s+lenh|sao\s+luc|van\s+ban)(?:\s+so)?\s*[:.]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeWordAtEnd();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();
}
