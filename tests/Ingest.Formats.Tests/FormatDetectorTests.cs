using System.Text;
using Ingest.Model;

namespace Ingest.Formats.Tests;

public class FormatDetectorTests
{
    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>Kết luận</p></body></html>", SourceFormat.Html)]
    [InlineData("<!doctype HTML><p>Kết luận</p>", SourceFormat.Html)] // case does not matter
    [InlineData("\u00A0\u2003 \n<html><p>Kết luận</p></html>", SourceFormat.Html)] // non-ASCII white space before the markup
    [InlineData("Trang lưu về: <BODY><p>Kết luận số 19</p></BODY>", SourceFormat.Html)] // a body element anywhere
    [InlineData("Trang lưu về: <BoDy> không có thẻ đóng", SourceFormat.Text)] // a body element but no closing tag
    [InlineData("Kết luận <bod y>...</p>", SourceFormat.Text)]
    [InlineData("# Kế hoạch\n\n**Điều 1** và **Điều 2**, \\* ghi chú", SourceFormat.Markdown)]
    [InlineData("KẾT LUẬN\nSố 19-KL/TW", SourceFormat.Text)]
    public void Detect_WhenGivenUtf8Text_JudgesItByItsMarkup(string text, SourceFormat expected)
    {
        FormatDetector.Detect(Encoding.UTF8.GetBytes(text)).Should().Be(expected);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-16le-no-bom")]
    [InlineData("windows-1252")]
    public void Detect_WhenPageIsNotPlainUtf8_StillFindsHtml(string encoding)
    {
        const string Page = "  <html><body><p>Cộng hòa xã hội chủ nghĩa Việt Nam</p></body></html>";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Page)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Page)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Page)],
            "utf-16le-no-bom" => Encoding.Unicode.GetBytes(Page),
            _ => Encoding.Latin1.GetBytes("  <html><body><p>Caf\u00e9 cr\u00e8me</p></body></html>"),
        };

        FormatDetector.Detect(bytes).Should().Be(SourceFormat.Html);
    }

    [Fact]
    public void Detect_WhenUtf8TextIsFullOfControlCharacters_IsUnknown()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><body>" + new string('\u0001', 40) + "</body></html>");

        FormatDetector.Detect(bytes).Should().Be(SourceFormat.Unknown);
    }
}
