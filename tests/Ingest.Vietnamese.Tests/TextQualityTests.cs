namespace Ingest.Vietnamese.Tests;

public class TextQualityTests
{
    [Theory]
    [InlineData("Các cấp ủy, tổ chức đảng thực hiện nghiêm", 9, 9)] // clean text
    [InlineData("Uỷ ban Kiểm tra Trung ương", 6, 6)] // either tone style is valid
    [InlineData("Kết luận số 21-KL/TW của Bộ Chính trị", 7, 7)] // acronyms and numbers are not words
    [InlineData("Céng hßa x· héi chñ nghÜa ViÖt Nam", 7, 1)] // TCVN3 read as Windows-1252: only "Nam" survives
    [InlineData("", 0, 0)] // nothing
    public void Measure_WhenGivenText_CountsValidSyllables(string text, int words, int valid)
    {
        TextQuality.Measure(text).Should().Be(new TextQualityScore(words, valid));
    }

    [Theory]
    [InlineData(100, 30, true)] // mostly invalid
    [InlineData(100, 60, false)] // mostly valid
    [InlineData(10, 0, false)] // too few words to judge
    public void IsMostlyInvalid_WhenGivenScore_AppliesThreshold(int words, int valid, bool expected)
    {
        new TextQualityScore(words, valid).IsMostlyInvalid.Should().Be(expected);
    }
}
