using Ingest.Formats.Ocr;

namespace Ingest.Formats.Tests.Ocr;

public sealed class TesseractTsvTests
{
    private const string Tsv =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t\n" +
        "4\t1\t1\t1\t1\t0\t100\t200\t500\t60\t-1\t\n" +
        "5\t1\t1\t1\t1\t1\t100\t210\t120\t40\t96.5\tĐảng\n" +
        "5\t1\t1\t1\t1\t2\t240\t205\t80\t50\t91.5\tbộ\n" +
        "5\t1\t1\t1\t1\t3\t400\t200\t10\t60\t20.0\t|\n" +
        "5\t1\t1\t1\t1\t4\t500\t210\t90\t44\t12.0\tnhiễu\n";

    [Fact]
    public void Parse_WhenTsvHasWordsAndNoise_FlipsBoxesKeepsConfidencesAndDropsNoise()
    {
        var (words, width, height, confidences) = TesseractTsv.Parse(Tsv);

        (width, height).Should().Be((1000d, 2000d));
        words.Select(w => w.Text).Should().Equal("Đảng", "bộ");
        words[0].Should().Match<Ingest.Formats.Pdf.PageWord>(w => w.Left == 100 && w.Right == 220 && w.Top == 1790 && w.Bottom == 1750);
        words.Should().OnlyContain(w => w.Size == 50, "the size is the median height of the line's words (40, 44, 50, 60)");
        confidences.Should().Equal(96.5, 91.5, 20.0, 12.0);
    }

    [Fact]
    public void Parse_WhenTsvIsEmpty_GivesNoWords()
    {
        TesseractTsv.Parse(string.Empty).Words.Should().BeEmpty();
    }
}
