namespace Ingest.Extract.Citations;

/// <summary>One mention of a numbered document in a text.</summary>
/// <param name="Id">Canonical id ("19-KL/TW", "1847/QĐ-TTg"), see <see cref="DocumentSymbols"/>.</param>
/// <param name="KindWord">The type word printed before the number, in title case ("Kết luận"); null when none is printed.</param>
/// <param name="SymbolKind">The kind the symbol's type code implies ("KL" → "Kết luận"); null when unknown or ambiguous (party "QĐ").</param>
/// <param name="IssuedOn">Date printed with this mention ("ngày 14/10/2021", "ngày 1-12-2021").</param>
/// <param name="Issuer">Issuer printed with this mention ("của Bộ Chính trị"), without the term, tone marks canonical.</param>
/// <param name="Title">Subject printed after it ("về ..."), as printed.</param>
/// <param name="Index">Offset of the mention (type word, or the symbol when there is none) in the searched text.</param>
/// <param name="Length">Length of the mention: type word, number, date and issuer; the subject is not included.</param>
public sealed record CitationMatch(string Id, string? KindWord, string? SymbolKind, DateOnly? IssuedOn, string? Issuer, string? Title, int Index, int Length);

/// <summary>Finds the numbered documents a text cites.</summary>
public interface ICitationFinder
{
    /// <summary>Every mention of a numbered document in <paramref name="text"/>, in order. Never throws on bad text.</summary>
    IReadOnlyList<CitationMatch> FindAll(string text);
}
