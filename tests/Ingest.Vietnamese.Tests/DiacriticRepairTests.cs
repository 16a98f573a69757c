namespace Ingest.Vietnamese.Tests;

public class DiacriticRepairTests
{
    [Theory]
    [InlineData("thực hiện Ket luận của Bộ Chính trị", "thực hiện Kết luận của Bộ Chính trị")] // marks dropped from a capitalised word
    [InlineData("địa phương, tố chức, cơ quan", "địa phương, tổ chức, cơ quan")] // hỏi read as sắc
    [InlineData("tạo sự chuyển biến; tạo sự chuyến biến", "tạo sự chuyển biến; tạo sự chuyển biến")] // the same phrase elsewhere in the document
    [InlineData("kế hoạch phù họp với chức năng", "kế hoạch phù hợp với chức năng")] // horn dropped from ợ
    [InlineData("công tác tự kiếm tra", "công tác tự kiểm tra")] // hỏi read as sắc
    [InlineData("đơn vị; bố sung nội dung", "đơn vị; bổ sung nội dung")] // hỏi read as sắc
    [InlineData("việc sửa chừa, khắc phục", "việc sửa chữa, khắc phục")] // ngã read as huyền
    [InlineData("bầu và phê chuân (năm thứ 3)", "bầu và phê chuẩn (năm thứ 3)")] // tone dropped: not a syllable
    [InlineData("chủ trương bổ trí chức danh", "chủ trương bố trí chức danh")] // sắc read as hỏi
    public void RepairDocument_WhenTextHasTypicalOcrSlip_RepairsIt(string text, string expected)
    {
        DiacriticRepair.RepairDocument([text]).Texts.Should().Equal(expected);
    }

    [Theory]
    [InlineData("Võ Văn Thường")] // a name, even if it is an OCR slip for Thưởng
    [InlineData("Số: 03-KH/TW")] // document number
    [InlineData("hoàn thành trong quý 1/2022")] // a date that reads "quý 1", not "quý I"
    [InlineData("thực hiện hằng năm từ năm 2022")] // both "hằng năm" and "hàng năm" are correct
    [InlineData("nói chưa đi đôi với làm")] // "đôi" is right here although "đối với" is frequent
    [InlineData("tinh chiến đấu cao, trọng danh dự")] // "trọng" keeps its dot: removing a mark needs strong evidence
    [InlineData("chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh")] // foreign name that is not a syllable
    [InlineData("gửi email qua web")] // loanwords without diacritics
    [InlineData("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XIII")] // all capitals: headings and acronyms
    [InlineData("bốn nguy cơ<sup>1</sup> mà Đảng")] // markup remnants
    public void RepairDocument_WhenTextIsCorrect_LeavesIt(string text)
    {
        var result = DiacriticRepair.RepairDocument([text]);

        result.Texts.Should().Equal(text);
        result.Corrections.Should().BeEmpty();
    }

    [Fact]
    public void RepairDocument_WhenGivenCleanSeed001_ChangesNothing()
    {
        var lines = Clean(Seeds.Read("001_"));

        DiacriticRepair.RepairDocument(lines).Corrections.Should().BeEmpty();
    }

    [Theory]
    [InlineData("000_")]
    [InlineData("003_")]
    public void RepairDocument_GivesTheQualityThatMeasuringTheRepairedTextGives(string seed)
    {
        string[] extra = ["TW XIII HOA tố chức", "Ket luận số 19", "a b c", "hòa\u0301 (combining mark)", "email internet"];
        var lines = Clean(Seeds.Read(seed)).Concat(extra).ToList();

        var result = DiacriticRepair.RepairDocument(lines);

        result.Quality.Should().HaveCount(lines.Count);
        result.Quality.Count(q => q is null).Should().BeGreaterThan(0, "repaired and combining-mark texts are left to the caller");
        for (var t = 0; t < lines.Count; t++)
        {
            if (result.Quality[t] is { } quality)
            {
                quality.Should().Be(TextQuality.Measure(result.Texts[t]), "text {0}: {1}", t, result.Texts[t]);
            }
        }
    }

    [Fact]
    public void RepairDocument_WhenGivenSeed003_RepairsOnlyItsDocumentedSlip()
    {
        // The gold notes "kip thời" (item 2.5) as an OCR slip of the source; nothing else may change.
        var lines = Clean(Seeds.Read("003_"));

        var corrections = DiacriticRepair.RepairDocument(lines).Corrections;

        corrections.Select(c => (c.Printed, c.Repaired)).Should().Equal(("kip", "kịp"));
    }

    [Fact]
    public void RepairDocument_WhenGivenCorrection_ReportsWhereItIs()
    {
        var result = DiacriticRepair.RepairDocument(["Trang 1", "các cấp ủy, tố chức đảng"]);

        result.Corrections.Should().Equal(new DiacriticCorrection(1, 12, "tố", "tổ"));
    }

    [Theory]
    [InlineData("tổ", "tố", 1, false)] // hỏi read as sắc: a substitution, not a removal
    [InlineData("trong", "trọng", 1, false)] // the candidate adds a mark
    [InlineData("trọng", "trong", 1, true)] // the candidate removes the printed dot
    [InlineData("ket", "kết", 2, false)] // circumflex and tone added
    [InlineData("dân", "đần", 2, false)] // stroke and tone
    public void Compare_WhenGivenTwoSpellings_CountsDiacriticFeatures(string printed, string candidate, int distance, bool removesMark)
    {
        DiacriticRepair.Compare(printed, candidate).Should().Be((distance, removesMark));
    }

    private static List<string> Clean(string seed)
    {
        var normalizer = new Ingest.Normalize.TextNormalizer(new Ingest.Normalize.NormalizationOptions { RepairOcr = false });
        return [.. seed.Split('\n').Select(normalizer.NormalizeText)];
    }
}
