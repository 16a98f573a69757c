using Ingest.Extract.Citations;
using Ingest.Model;

namespace Ingest.Extract.Tests.Citations;

public sealed class CitationMergerTests
{
    [Fact]
    public void Merge_WhenMentionsRepeatAnId_MakesOneCitationInOrderOfFirstMention()
    {
        var merged = CitationMerger.Merge(
        [
            (Match("21-KL/TW", kindWord: null, symbolKind: "Kết luận"), "I", "21-KL/TW"),
            (Match("01-KL/TW", kindWord: "Kết luận", symbolKind: "Kết luận"), "I", "Kết luận số 01-KL/TW"),
            (Match("21-KL/TW", kindWord: "Kết luận", symbolKind: "Kết luận", date: new DateOnly(2021, 10, 25)), "II", "Kết luận số 21-KL/TW, ngày 25/10/2021"),
        ]);

        merged.Select(c => c.Id).Should().Equal("21-KL/TW", "01-KL/TW");
        merged[0].IssuedOn.Should().Be(new DateOnly(2021, 10, 25));
        merged[0].Mentions.Should().Equal(new CitationMention("21-KL/TW", "I"), new CitationMention("Kết luận số 21-KL/TW, ngày 25/10/2021", "II"));
    }

    [Theory]
    [InlineData("Kế hoạch", "Kết luận", "Kế hoạch")] // the printed word wins (decision 12: 03-KL/TW is "Kế hoạch")
    [InlineData(null, "Kết luận", "Kết luận")] // no word printed: the symbol's kind
    [InlineData(null, null, null)] // party QĐ with no word: unknown
    public void Merge_WhenKindWordAndSymbolKind_PrefersThePrintedWord(string? kindWord, string? symbolKind, string? expected)
    {
        var merged = CitationMerger.Merge([(Match("03-KL/TW", kindWord, symbolKind), null, "03-KL/TW")]);

        merged.Should().ContainSingle().Which.Kind.Should().Be(expected);
    }

    [Fact]
    public void Merge_WhenIssuerOnlyInALaterMention_TakesIt()
    {
        // Seed 004: 37-QĐ/TW has no issuer at IV.6 and gets it from IV.15 (decision 13).
        var merged = CitationMerger.Merge(
        [
            (Match("37-QĐ/TW", "Quy định", null, new DateOnly(2021, 10, 25)), "IV.6", "Quy định số 37-QĐ/TW, ngày 25/10/2021"),
            (Match("37-QĐ/TW", "Quy định", null, issuer: "Ban Chấp hành Trung ương Đảng"), "IV.15", "Quy định số 37-QĐ/TW của Ban Chấp hành Trung ương Đảng"),
        ]);

        var citation = merged.Should().ContainSingle().Subject;
        citation.IssuedOn.Should().Be(new DateOnly(2021, 10, 25));
        citation.Issuer.Should().Be("Ban Chấp hành Trung ương Đảng");
    }

    [Theory]
    [InlineData("BỘ CHÍNH TRỊ", "Bộ Chính trị", "Bộ Chính trị")] // a title line in capitals yields to the body text
    [InlineData("BỘ CHÍNH TRỊ", null, "Bộ Chính trị")] // the normal spelling from another citation of the batch
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII", null, "Ban Chấp Hành Trung Ương Đảng Khóa XIII")] // never seen in normal case: words capitalised, numerals kept
    public void Merge_WhenIssuerPrintedInCapitals_PrefersNormalCase(string capitals, string? laterIssuer, string expected)
    {
        var merged = CitationMerger.Merge(
        [
            (Match("69-QĐ/TW", "Quy định", null, issuer: capitals), null, "QUY ĐỊNH SỐ 69-QĐ/TW"),
            (Match("69-QĐ/TW", "Quy định", null, issuer: laterIssuer), null, "Quy định số 69-QĐ/TW"),
            (Match("22-QĐ/TW", "Quy định", null, issuer: "Bộ Chính trị"), null, "Quy định số 22-QĐ/TW"),
        ]);

        merged[0].Issuer.Should().Be(expected);
    }

    [Fact]
    public void Merge_WhenNoMentions_ReturnsEmpty()
    {
        CitationMerger.Merge([]).Should().BeEmpty();
    }

    private static CitationMatch Match(string id, string? kindWord, string? symbolKind, DateOnly? date = null, string? issuer = null) =>
        new(id, kindWord, symbolKind, date, issuer, null, 0, id.Length);
}
