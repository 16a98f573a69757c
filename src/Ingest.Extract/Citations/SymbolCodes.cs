using System.Collections.Frozen;

namespace Ingest.Extract.Citations;

/// <summary>
/// The type codes of document symbols and the document kinds they stand for. These are closed
/// sets fixed by the rules for the format of documents (party: Hướng dẫn 36-HD/VPTW on the
/// format of party documents; state: Nghị định 30/2020/NĐ-CP, Phụ lục III), part of the symbol
/// grammar rather than an open word list.
/// </summary>
internal static class SymbolCodes
{
    /// <summary>
    /// Party type codes ("19-KL/TW"), keyed by the upper-case code, with the kind they imply.
    /// "QĐ" is both Quy định and Quyết định in party numbering, so it implies no kind (null);
    /// "QĐi" was used for Quy định for a time.
    /// </summary>
    public static readonly FrozenDictionary<string, string?> PartyKinds = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["KL"] = "Kết luận",
        ["NQ"] = "Nghị quyết",
        ["NQLT"] = "Nghị quyết liên tịch",
        ["CT"] = "Chỉ thị",
        ["KH"] = "Kế hoạch",
        ["HD"] = "Hướng dẫn",
        ["TB"] = "Thông báo",
        ["CV"] = "Công văn",
        ["BC"] = "Báo cáo",
        ["QĐ"] = null,
        ["QĐI"] = "Quy định",
        ["QC"] = "Quy chế",
        ["TT"] = "Thông tri",
        ["TTR"] = "Tờ trình",
        ["CTR"] = "Chương trình",
        ["ĐA"] = "Đề án",
        ["BS"] = "Sao lục",
        ["SL"] = "Sao lục",
        ["CĐ"] = "Công điện",
        ["GM"] = "Giấy mời",
        ["BB"] = "Biên bản",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>State type codes ("1847/QĐ-TTg", "15/2023/NĐ-CP"), keyed by the upper-case code.</summary>
    public static readonly FrozenDictionary<string, string> StateKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["QĐ"] = "Quyết định",
        ["NĐ"] = "Nghị định",
        ["TT"] = "Thông tư",
        ["TTLT"] = "Thông tư liên tịch",
        ["NQ"] = "Nghị quyết",
        ["NQLT"] = "Nghị quyết liên tịch",
        ["CT"] = "Chỉ thị",
        ["KH"] = "Kế hoạch",
        ["HD"] = "Hướng dẫn",
        ["TB"] = "Thông báo",
        ["BC"] = "Báo cáo",
        ["CV"] = "Công văn",
        ["TTR"] = "Tờ trình",
        ["CTR"] = "Chương trình",
        ["ĐA"] = "Đề án",
        ["QC"] = "Quy chế",
        ["CĐ"] = "Công điện",
        ["SL"] = "Sao lục",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Codes written in mixed case by convention, keyed by their upper-case form: an all-capital
    /// or all-lower-case (OCR) print is restored to this spelling ("TTG" → "TTg").
    /// </summary>
    public static readonly FrozenDictionary<string, string> MixedCaseSpellings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TTG"] = "TTg",
        ["TTR"] = "TTr",
        ["CTR"] = "CTr",
        ["QĐI"] = "QĐi",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
