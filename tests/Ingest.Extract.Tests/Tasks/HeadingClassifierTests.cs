using Ingest.Extract.Tasks;

namespace Ingest.Extract.Tests.Tasks;

public sealed class HeadingClassifierTests
{
    [Theory]
    // Purpose section of a plan (gold README decision 2).
    [InlineData("MỤC ĐÍCH, YÊU CẦU", 1, "Purpose")]
    // Goal sub-section of a Kết luận (gold 003 I.1).
    [InlineData("Mục tiêu", 2, "Purpose")]
    // A mixed heading holds tasks under its "nhiệm vụ" part (gold 003 I).
    [InlineData("MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP", 1, "Operative")]
    // Views and situation sections of a resolution.
    [InlineData("QUAN ĐIỂM, MỤC TIÊU", 1, "Purpose")]
    [InlineData("TÌNH HÌNH VÀ NGUYÊN NHÂN", 1, "Purpose")]
    // "Những kết quả đạt được": the article is skipped.
    [InlineData("Những kết quả đạt được", 2, "Purpose")]
    // Targets and orientations of a congress resolution are not tasks; their "nhiệm vụ" sibling is.
    [InlineData("Các chỉ tiêu chủ yếu", 2, "Purpose")]
    [InlineData("PHƯƠNG HƯỚNG, NHIỆM VỤ", 1, "Operative")]
    // Organisation of implementation.
    [InlineData("TỔ CHỨC THỰC HIỆN", 1, "Operative")]
    // A body heading says nothing about the role.
    [InlineData("Ban Tổ chức Trung ương", 2, "Neutral")]
    // "Đánh giá" is background only for a top-level heading.
    [InlineData("ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN", 1, "Purpose")]
    [InlineData("Đánh giá cán bộ", 2, "Neutral")]
    // "yêu cầu" is purpose only as a whole topic: an item opening with "Yêu cầu các cấp ủy" is not.
    [InlineData("Yêu cầu các cấp ủy thực hiện", 2, "Neutral")]
    // A numbered sentence is an item, not a title, even when it opens with a purpose word.
    [InlineData("Kết quả thực hiện Nghị quyết phải được đánh giá hằng năm, báo cáo Bộ Chính trị trước ngày 15 tháng 12 hằng năm để tổng hợp.", 2, "Neutral")]
    public void Classify_ReadsTheTopicsOfTitleHeadings(string heading, int depth, string expected)
    {
        HeadingClassifier.Classify(heading, depth, TaskGrammar.Default).Should().Be(Enum.Parse<SectionRole>(expected));
    }
}
