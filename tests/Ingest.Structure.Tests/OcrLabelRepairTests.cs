using Ingest.Model;
using Ingest.Structure.Sections;

namespace Ingest.Structure.Tests;

public sealed class OcrLabelRepairTests
{
    public static TheoryData<string, string[], string[], int> Sequences() => new()
    {
        {
            // Clean plan numbering: nothing is damaged, nothing is repaired.
            "clean",
            ["I- MỤC ĐÍCH", "II- NHIỆM VỤ", "1. Một", "2. Hai", "III- TỔ CHỨC", "1. Một", "2. Hai"],
            ["I", "II", "II.1", "II.2", "III", "III.1", "III.2"],
            0
        },
        {
            // A genuine restart: "1." under a new Roman part opens a new sequence and stays "1".
            "restart",
            ["I- MỘT", "1. Một", "2. Hai", "II- HAI", "1. Một", "3. Ba là số trong câu"],
            ["I", "I.1", "I.2", "II", "II.1"],
            0
        },
        {
            // Scanned seed 004: "II-" lost a stroke and reads "I-"; "III-" after it confirms II.
            "roman-lost-stroke",
            ["I- MỤC ĐÍCH", "Nội dung.", "I- CÔNG TÁC QUÁN TRIỆT", "Nội dung.", "III- NHIỆM VỤ", "1. Một"],
            ["I", "II", "III", "III.1"],
            1
        },
        {
            // "II" with its first stroke read as the digit one.
            "roman-digit-one",
            ["I- MỘT", "1I- HAI", "III- BA"],
            ["I", "II", "III"],
            1
        },
        {
            // Scanned seed 004: the dot after 9 read as a comma.
            "comma-for-dot",
            [.. Items(8), "9, Ban Nội chính Trung ương", "10. Ban Dân vận Trung ương"],
            [.. Ids(8), "9", "10"],
            1
        },
        {
            // The dot read as a semicolon, at the end of the sequence: a damaged dot needs no confirmation.
            "semicolon-for-dot",
            ["I- MỘT", "1. Một", "2; Hai", "II- HAI"],
            ["I", "I.1", "I.2", "II"],
            1
        },
        {
            // 5 read as 9 (closed loop opened); "6." after it confirms 5.
            "five-as-nine",
            [.. Items(4), "9. Năm", "6. Sáu"],
            [.. Ids(4), "5", "6"],
            1
        },
        {
            // 7 read as 1: "1." cannot start a new sequence while an Arabic one is open.
            "seven-as-one",
            [.. Items(6), "1. Bảy", "8. Tám"],
            [.. Ids(6), "7", "8"],
            1
        },
        {
            // 6 read as 8: repaired before the skip could be taken as a numbering gap.
            "six-as-eight",
            [.. Items(5), "8. Sáu", "7. Bảy"],
            [.. Ids(5), "6", "7"],
            1
        },
        {
            // 3 read as 8.
            "three-as-eight",
            [.. Items(2), "8. Ba", "4. Bốn"],
            [.. Ids(2), "3", "4"],
            1
        },
        {
            // 0 read as the letter O inside 10.
            "zero-as-letter-o",
            [.. Items(9), "1O. Mười", "11. Mười một"],
            [.. Ids(9), "10", "11"],
            1
        },
        {
            // 1 read as the letter l inside 11.
            "one-as-letter-l",
            [.. Items(10), "l1. Mười một", "12. Mười hai"],
            [.. Ids(10), "11", "12"],
            1
        },
        {
            // A confusable number with nothing after it to confirm: left as text.
            "unconfirmed-last-item",
            [.. Items(4), "9. Chín"],
            Ids(4),
            0
        },
        {
            // "9." where 5 is expected but "5." follows: a number in running text, not a damaged 5.
            "expected-number-follows",
            [.. Items(4), "9. Chín người dự họp", "5. Năm", "6. Sáu"],
            [.. Ids(4), "5", "6"],
            0
        },
        {
            // "2, 3 và 4" at the start of a line is a list of numbers, not a damaged "2.".
            "numbers-in-text",
            ["1. Một", "2, 3 và 4 là các số", "2. Hai"],
            ["1", "2"],
            0
        },
        {
            // A second "I-" whose following part is "II-" is a restart under a parent the builder does not
            // know, not a damaged II: left as text rather than renumbered.
            "unrecognised-restart",
            ["I- MỘT", "1. Một", "I- MỘT LẦN NỮA", "1. Một", "II- HAI"],
            ["I", "I.1", "II"],
            0
        },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Build_WhenLabelsMayBeDamaged_RepairsOnlyConfirmedMisreads(string name, string[] paragraphs, string[] expectedIds, int expectedRepairs)
    {
        var tree = Build(paragraphs, out var diagnostics);

        tree.Sections.SelectMany(s => s.DescendantsAndSelf()).Select(s => s.Id).Should().Equal(expectedIds, name);
        diagnostics.Count(d => d.Code == DiagnosticCodes.SectionLabelRepaired).Should().Be(expectedRepairs, name);
    }

    [Fact]
    public void Build_WhenLabelIsRepaired_ReportsPrintedAndRepairedLabel()
    {
        var tree = Build([.. Items(8), "9, Ban Nội chính Trung ương", "10. Mười"], out var diagnostics);

        var repaired = tree.Sections[8];
        repaired.Label.Should().Be("9");
        repaired.Heading.Should().Be("Ban Nội chính Trung ương");
        var diagnostic = diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(DiagnosticCodes.SectionLabelRepaired);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Info);
        diagnostic.SectionId.Should().Be("9");
        diagnostic.Message.Should().Contain("\"9,\"");
    }

    [Fact]
    public void Find_WhenLineMayBeRunningText_RepairsDamagedDotOnlyWhenConfirmed()
    {
        // A wrapped line "3, Ban ..." inside running text is repaired only when "4." follows.
        var builder = new SectionTreeBuilder([], 0);
        builder.Open(builder.Find(SectionLabel.Parse("1. Một"), false, false)!, SourceSpan.None);
        builder.Open(builder.Find(SectionLabel.Parse("2. Hai"), false, false)!, SourceSpan.None);
        var readings = SectionLabel.Parse("3, Ban Tổ chức");

        var unconfirmed = new LabelLookahead("3, Ban Tổ chức", new Dictionary<LabelStyle, SectionLabel>());
        builder.Find(readings, looksLikeHeading: false, continuationOnly: true, unconfirmed).Should().BeNull();

        var confirmed = new LabelLookahead("3, Ban Tổ chức", new Dictionary<LabelStyle, SectionLabel> { [LabelStyle.Arabic] = SectionLabel.Parse("4. Bốn")[0] });
        builder.Find(readings, looksLikeHeading: false, continuationOnly: true, confirmed)!.Label.Printed.Should().Be("3");
    }

    /// <summary>Clean items "1. Mục 1" .. "n. Mục n": the numbering before a damaged label.</summary>
    private static string[] Items(int count) => Enumerable.Range(1, count).Select(n => $"{n}. Mục {n}").ToArray();

    private static string[] Ids(int count) => Enumerable.Range(1, count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static SectionTree Build(string[] paragraphs, out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        var builder = new SectionTreeBuilder(diagnostics, 0);
        var readings = paragraphs.Select(SectionLabel.Parse).ToArray();
        var next = LabelLookahead.NextLabelsByStyle(readings);
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var lookahead = new LabelLookahead(paragraphs[i], next[i]);
            if (builder.Find(readings[i], looksLikeHeading: false, continuationOnly: false, lookahead) is { } placement)
            {
                builder.Open(placement, SourceSpan.None);
            }
            else
            {
                builder.AddParagraph(new Paragraph(paragraphs[i], SourceSpan.None));
            }
        }

        return builder.Build();
    }
}
