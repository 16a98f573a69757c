using Ingest.Model;
using Ingest.Structure.Sections;

namespace Ingest.Structure.Tests;

public sealed class SectionTreeBuilderTests
{
    public static TheoryData<string, string[], string[]> Trees() => new()
    {
        {
            // A plan: Roman parts with Arabic items that restart under each part (seed 004).
            "roman-arabic",
            ["I- MỤC ĐÍCH", "II- NHIỆM VỤ", "1. Một", "2. Hai", "III- TỔ CHỨC", "1. Một", "2. Hai"],
            ["I", "II", "II.1", "II.2", "III", "III.1", "III.2"]
        },
        {
            // Dotted labels nest under the Arabic item they extend, whatever their heading level (seed 003).
            "dotted",
            ["I- MỤC TIÊU", "1. Mục tiêu", "2. Nhiệm vụ", "2.1. Một", "2.2. Hai", "II- TỔ CHỨC", "1. Một"],
            ["I", "I.1", "I.2", "I.2.1", "I.2.2", "II", "II.1"]
        },
        {
            // Points under clauses under Roman parts: three levels.
            "three-levels",
            ["I. CHUNG", "1. Khoản", "a) Điểm", "b) Điểm", "2. Khoản", "a) Điểm", "II. RIÊNG"],
            ["I", "I.1", "I.1.a", "I.1.b", "I.2", "I.2.a", "II"]
        },
        {
            // No header, items only (seed 000): the items are top-level sections.
            "flat",
            ["Theo đó, yêu cầu thực hiện các nhiệm vụ sau:", "1. Một.", "2. Hai.", "3. Ba."],
            ["1", "2", "3"]
        },
        {
            // A number that does not continue any sequence is text ("3." under item 1's open sequence).
            "stray-number",
            ["1. Một", "3. Ba là số trong câu", "2. Hai"],
            ["1", "2"]
        },
        {
            // Articles with clauses and points; the article is the citable unit ("Điều 2").
            "articles",
            ["Điều 1. Phạm vi", "1. Khoản một", "a) Điểm", "2. Khoản hai", "Điều 2. Hiệu lực"],
            ["Điều 1", "Điều 1.1", "Điều 1.1.a", "Điều 1.2", "Điều 2"]
        },
        {
            // Chapters contain their articles.
            "chapters",
            ["Chương I QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Điều 2. Đối tượng", "Chương II NỘI DUNG", "Điều 3. Nội dung"],
            ["Chương I", "Chương I.Điều 1", "Chương I.Điều 2", "Chương II", "Chương II.Điều 3"]
        },
        {
            // Quoted amended points start with a quote and are text; the unquoted "b)" after them cannot start a sequence.
            "quoted-points",
            ["Điều 1. Sửa đổi", "1. Sửa đổi Điểm e như sau:", "\"a) Nội dung mới.", "b) Nội dung tiếp.\".", "2. Sửa đổi Điểm g như sau:"],
            ["Điều 1", "Điều 1.1", "Điều 1.2"]
        },
        {
            // Lettered parts above Roman ones: "C." is read as the letter after B, not Roman 100.
            "upper-letters",
            ["A. PHẦN MỘT", "I. Mục", "B. PHẦN HAI", "I. Mục", "C. PHẦN BA"],
            ["A", "A.I", "B", "B.I", "C"]
        },
    };

    [Theory]
    [MemberData(nameof(Trees))]
    public void Build_WhenLabelsAreGiven_NestsByLabelSystem(string name, string[] paragraphs, string[] expectedIds)
    {
        var tree = Build(paragraphs, headings: false, out _);

        tree.Sections.SelectMany(s => s.DescendantsAndSelf()).Select(s => s.Id).Should().Equal(expectedIds, name);
    }

    [Fact]
    public void Build_WhenHeadingSkipsANumber_AcceptsItAndReportsGap()
    {
        // A heading-styled "III." after "I." (II lost in conversion) is still the next part.
        var tree = Build(["I. MỘT", "III. BA"], headings: true, out var diagnostics);

        tree.Sections.Select(s => s.Id).Should().Equal("I", "III");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.SectionNumberingGap);
    }

    [Fact]
    public void Build_WhenPlainParagraphSkipsANumber_KeepsItAsText()
    {
        // Without heading style, a skipped number is more likely running text than a lost section.
        var tree = Build(["I. MỘT", "III. BA"], headings: false, out var diagnostics);

        tree.Sections.Select(s => s.Id).Should().Equal("I");
        tree.Sections[0].Paragraphs.Should().ContainSingle().Which.Text.Should().Be("III. BA");
        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Find_WhenOnlyContinuationIsAllowed_RejectsNewSequence()
    {
        // "2. ..." at the start of a wrapped line inside running text may only continue an open sequence.
        var builder = new SectionTreeBuilder([], 0);
        builder.Open(builder.Find(SectionLabel.Parse("I. MỘT"), false, false)!, SourceSpan.None);

        builder.Find(SectionLabel.Parse("1. một"), looksLikeHeading: false, continuationOnly: true).Should().BeNull();
        builder.Find(SectionLabel.Parse("II. HAI"), looksLikeHeading: false, continuationOnly: true).Should().NotBeNull();
    }

    [Fact]
    public void Build_WhenSentenceItemIsFollowedByText_MovesTextToClosing()
    {
        // Seed 003: "4. Các cơ quan ... thực hiện." then "Kết luận này được phổ biến đến chi bộ."
        var tree = Build(["1. Một việc.", "2. Hai việc.", "Văn bản này được phổ biến đến chi bộ."], headings: false, out _);

        tree.Closing.Should().ContainSingle().Which.Text.Should().StartWith("Văn bản này");
        tree.Sections[1].Paragraphs.Should().BeEmpty();
    }

    [Fact]
    public void Build_WhenHeadingSectionHasText_KeepsTextInSection()
    {
        // Seed 004 IV.13: "13. Học viện Chính trị quốc gia Hồ Chí Minh" then its paragraph.
        var tree = Build(["1. Ban Tổ chức Trung ương", "Tham mưu ban hành quy định."], headings: false, out _);

        tree.Closing.Should().BeEmpty();
        tree.Sections[0].Paragraphs.Should().ContainSingle();
    }

    [Fact]
    public void Build_WhenTextPrecedesFirstLabel_PutsItInPreamble()
    {
        var tree = Build(["Căn cứ Điều lệ Đảng;", "I. MỘT"], headings: false, out _);

        tree.Preamble.Should().ContainSingle().Which.Text.Should().Be("Căn cứ Điều lệ Đảng;");
    }

    private static SectionTree Build(IEnumerable<string> paragraphs, bool headings, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var builder = new SectionTreeBuilder(diagnostics, 0);
        foreach (var text in paragraphs)
        {
            if (builder.Find(SectionLabel.Parse(text), headings, continuationOnly: false) is { } placement)
            {
                builder.Open(placement, SourceSpan.None);
            }
            else
            {
                builder.AddParagraph(new Paragraph(text, SourceSpan.None));
            }
        }

        return builder.Build();
    }
}
