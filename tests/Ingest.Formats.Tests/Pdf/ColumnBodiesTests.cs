using Ingest.Formats.Pdf;
using Ingest.Model;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Ingest.Formats.Tests.Pdf;

public sealed class ColumnBodiesTests
{
    private const double Size = 13;

    private static readonly string[] LeftColumn =
    [
        "Ban Thường vụ yêu cầu các", "cấp ủy tổ chức đảng tập", "trung lãnh đạo chỉ đạo", "thực hiện tốt các nhiệm vụ", "trọng tâm sau đây bảo đảm", "thiết thực và hiệu quả.",
    ];

    private static readonly string[] RightColumn =
    [
        "Văn phòng theo dõi tổng", "hợp tình hình thực hiện", "tham mưu sơ kết tổng kết", "rút kinh nghiệm đề xuất", "những nội dung cần sửa", "đổi cho phù hợp.",
    ];

    [Fact]
    public void Build_WhenBodyIsSetInTwoColumns_ReadsTheLeftColumnThenTheRight()
    {
        var words = Centred("BÁO CÁO", 297, 740).ToList();
        for (var k = 0; k < LeftColumn.Length; k++)
        {
            var last = k == LeftColumn.Length - 1;
            words.AddRange(ColumnLine(LeftColumn[k], 85, 290, 700 - (16 * k), justified: !last));
            words.AddRange(ColumnLine(RightColumn[k], 310, 510, 700 - (16 * k), justified: !last));
        }

        var blocks = PdfLayout.Build([new PageText(1, 595, 842, words)], CancellationToken.None);

        blocks.Select(b => b.Text).Should().Equal(
            "BÁO CÁO",
            "Ban Thường vụ yêu cầu các cấp ủy tổ chức đảng tập trung lãnh đạo chỉ đạo thực hiện tốt các nhiệm vụ trọng tâm sau đây bảo đảm thiết thực và hiệu quả.",
            "Văn phòng theo dõi tổng hợp tình hình thực hiện tham mưu sơ kết tổng kết rút kinh nghiệm đề xuất những nội dung cần sửa đổi cho phù hợp.");
    }

    [Fact]
    public void Build_WhenOnlyTheSignatureBlockLeavesTheMiddleEmpty_KeepsItAsATable()
    {
        // "Nơi nhận" on the left, short centred lines on the right: two columns, but not running text.
        string[] left = ["Nơi nhận:", "- Các tỉnh ủy, thành ủy, đảng ủy", "trực thuộc Trung ương,", "- Các ban đảng Trung ương,", "- Các đảng ủy bộ, ngành,", "- Lưu Văn phòng Trung ương Đảng."];
        string[] right = ["T/M BAN BÍ THƯ", "", "", "", "", "Trần Cẩm Tú"];
        var words = new List<PageWord>();
        for (var k = 0; k < left.Length; k++)
        {
            words.AddRange(ColumnLine(left[k], 85, 290, 400 - (16 * k), justified: false));
            words.AddRange(Centred(right[k], 420, 400 - (16 * k)));
        }

        var blocks = PdfLayout.Build([new PageText(1, 595, 842, words)], CancellationToken.None);

        blocks.Should().ContainSingle().Which.Kind.Should().Be(BlockKind.Table);
    }

    [Fact]
    public void Read_WhenGeneratedPdfHasATwoColumnBody_ReadsColumnByColumn()
    {
        string[] left =
        [
            "The committee asks every branch office to", "carry out the tasks that were set for this", "year and to report on the progress made",
            "in each quarter to the standing office", "so that the results can be reviewed in", "good time.",
        ];
        string[] right =
        [
            "The office follows the work of each branch", "and prepares a short summary of results", "for the standing committee at the end of",
            "every quarter and at the close of the", "year with proposals for the next period", "of work.",
        ];
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.TimesRoman);
        var page = builder.AddPage(595, 842);
        page.AddText("ANNUAL PLAN", 14, new PdfPoint(255, 760), font);
        for (var k = 0; k < left.Length; k++)
        {
            var last = k == left.Length - 1;
            AddColumnLine(page, font, left[k], 72, 287, 720 - (15 * k), !last);
            AddColumnLine(page, font, right[k], 308, 523, 720 - (15 * k), !last);
        }

        var blocks = new PdfReader().Read(new SourceFile("columns.pdf", builder.Build()), CancellationToken.None).Blocks;

        blocks.Select(b => b.Text).Should().Equal(
            "ANNUAL PLAN",
            string.Join(' ', left),
            string.Join(' ', right));
    }

    [Fact]
    public void Build_WhenAWordLiesFarOffThePage_ReadsEveryWordWithoutMeasuringAGutterAsWideAsTheCoordinate()
    {
        // A hostile coordinate: measured in quarter-size bins, the middle third of this "text" would
        // need an array of billions of counters.
        var words = new List<PageWord>();
        for (var k = 0; k < LeftColumn.Length; k++)
        {
            words.AddRange(ColumnLine(LeftColumn[k], 85, 290, 700 - (16 * k), justified: false));
        }

        words.Add(new PageWord("xa", 1e12, 1e12 + 13, 400, 400 + Size, Size, Bold: false, Italic: false));

        var blocks = PdfLayout.Build([new PageText(1, 595, 842, words)], CancellationToken.None);

        string.Join(' ', blocks.Select(b => b.Text)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Should().BeEquivalentTo(words.Select(w => w.Text));
    }

    /// <summary>Words of a line in a column, spread to both edges when justified; each character half a font size wide.</summary>
    private static IEnumerable<PageWord> ColumnLine(string text, double left, double right, double y, bool justified)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var natural = parts.Sum(p => p.Length * Size * 0.5);
        var space = justified && parts.Length > 1 ? (right - left - natural) / (parts.Length - 1) : Size * 0.3;
        var x = left;
        foreach (var part in parts)
        {
            var width = part.Length * Size * 0.5;
            yield return new PageWord(part, x, x + width, y, y + Size, Size, Bold: false, Italic: false);
            x += width + space;
        }
    }

    private static IEnumerable<PageWord> Centred(string text, double centre, double y)
    {
        var width = (text.Length * Size * 0.5) + (Math.Max(0, text.Split(' ').Length - 1) * Size * 0.3);
        return ColumnLine(text, centre - (width / 2), centre + (width / 2), y, justified: false);
    }

    /// <summary>Draws a column line word by word, justified by spreading the spaces between the words.</summary>
    private static void AddColumnLine(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font, string text, double left, double right, double y, bool justified)
    {
        const double fontSize = 11;
        var parts = text.Split(' ');
        var widths = parts.Select(p => page.MeasureText(p, fontSize, new PdfPoint(0, y), font)[^1].EndBaseLine.X).ToList();
        var space = justified ? (right - left - widths.Sum()) / (parts.Length - 1) : fontSize * 0.25;
        var x = left;
        for (var i = 0; i < parts.Length; i++)
        {
            page.AddText(parts[i], fontSize, new PdfPoint(x, y), font);
            x += widths[i] + space;
        }
    }
}
