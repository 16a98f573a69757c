using Ingest.Model;
using Ingest.Structure.Tests.Support;
using Ingest.Vietnamese;

namespace Ingest.Structure.Tests;

/// <summary>
/// Every seed, read and normalised as the pipeline does, compared with its gold annotation
/// (corpus/gold): the fields the structure stage owns.
/// </summary>
public sealed class SeedDocumentTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var stem in Corpus.SeedStems())
        {
            data.Add(stem);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Split_WhenSeedIsRead_FindsTheGoldDocumentsInOrder(string stem)
    {
        var documents = Corpus.Split(stem).Documents;

        documents.Select(d => d.Kind).Should().Equal(Corpus.Gold(stem).Select(g => g.Kind));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Split_WhenSeedIsRead_HeaderFieldsMatchGold(string stem)
    {
        var documents = Corpus.Split(stem).Documents;
        var gold = Corpus.Gold(stem);

        documents.Should().HaveSameCount(gold);
        for (var i = 0; i < gold.Count; i++)
        {
            var because = $"document {i} of {stem} is {gold[i].Kind} {gold[i].Number}";
            documents[i].Number.Should().Be(gold[i].Number, because);
            documents[i].IssuedOn.Should().Be(gold[i].IssuedOn, because);
            documents[i].Place.Should().Be(gold[i].Place, because);
            documents[i].Issuer.Should().Be(gold[i].Issuer, because);
            documents[i].Signers.Should().Equal(gold[i].Signers, because);
            documents[i].Forwards.Should().Be(gold[i].Forwards, because);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Split_WhenSeedIsRead_SectionIdsMatchGold(string stem)
    {
        var documents = Corpus.Split(stem).Documents;
        var gold = Corpus.Gold(stem);

        documents.Should().HaveSameCount(gold);
        for (var i = 0; i < gold.Count; i++)
        {
            documents[i].AllSections().Select(s => s.Id).Should().Equal(gold[i].Sections, $"document {i} of {stem}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Split_WhenSeedIsRead_TitleStartsLikeGold(string stem)
    {
        var documents = Corpus.Split(stem).Documents;
        var gold = Corpus.Gold(stem);

        for (var i = 0; i < gold.Count; i++)
        {
            if (gold[i].Title is null)
            {
                documents[i].Title.Should().BeNull($"document {i} of {stem} prints no subject");
                continue;
            }

            // Gold titles are the first ~80 characters, cut with " ...".
            var expected = gold[i].Title!.Replace("...", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(',');
            documents[i].Title.Should().NotBeNull();
            VietnameseText.Key(documents[i].Title!).Should().StartWith(VietnameseText.Key(expected), $"document {i} of {stem}");
        }
    }

    [Fact]
    public void Split_WhenKetLuanHasFootnoteAndClosingLine_KeepsThemOutOfSections()
    {
        // Seed 003: "<sup>1</sup> Nguy cơ ..." is a footnote; "Kết luận này được phổ biến đến chi bộ." closes the text.
        var conclusion = Corpus.Split("003_2db8125d1e88a77c").Documents[0];

        conclusion.Footnotes.Should().ContainSingle().Which.Text.Should().StartWith("Nguy cơ tụt hậu");
        conclusion.Closing.Should().ContainSingle().Which.Text.Should().Be("Kết luận này được phổ biến đến chi bộ.");
        conclusion.AllSections().SelectMany(s => s.Paragraphs).Should().NotContain(p => p.Text.StartsWith("Kết luận này", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_WhenPageBreakSplitsParagraph_JoinsItBack()
    {
        // Seed 003 I.2.2: "... giữ vững vị thế\n\ncầm quyền ..." and "... nhất là cán bộ\n\ncấp chiến lược ...".
        var section = Corpus.Split("003_2db8125d1e88a77c").Documents[0].AllSections().Single(s => s.Id == "I.2.2");

        section.Paragraphs.Should().HaveCount(5);
        section.Paragraphs.Should().Contain(p => p.Text.Contains("giữ vững vị thế cầm quyền", StringComparison.Ordinal));
        section.Paragraphs.Should().Contain(p => p.Text.Contains("nhất là cán bộ cấp chiến lược", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_WhenPlanIsHardWrapped_JoinsWrappedLinesIntoParagraphs()
    {
        // Seed 004 wraps the preamble and the bullets of I at about 75 characters.
        var plan = Corpus.Split("004_43a41352d9a36873").Documents[1];

        plan.Preamble.Should().ContainSingle().Which.Text.Should().Be(
            "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, " +
            "chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư " +
            "tưởng chính trị, đạo đức, lối sống, biểu hiện \"tự diễn biến\", \"tự chuyển hoá\" (sau đây gọi là Kết luận), " +
            "Bộ Chính trị ban hành Kế hoạch thực hiện như sau:");
        var purpose = plan.Sections[0];
        purpose.Paragraphs.Should().HaveCount(3).And.OnlyContain(p => p.Bullet == "-");
        purpose.Paragraphs[1].Text.Should().Contain("Kết luận số 01-KL/TW, ngày 18/5/2021");
    }

    [Fact]
    public void Split_WhenPlanItemContinuesAfterPageBreak_KeepsItInOneParagraph()
    {
        // Seed 004 IV.7 bullet 8 breaks "... nền tảng tư tưởng của\n\nĐảng, đấu tranh ..." before a capital.
        var section = Corpus.Split("004_43a41352d9a36873").Documents[1].AllSections().Single(s => s.Id == "IV.7");

        section.Paragraphs.Should().HaveCount(8);
        section.Paragraphs[7].Text.Should().Contain("tư tưởng của Đảng, đấu tranh phản bác");
    }

    [Fact]
    public void Split_WhenCoverLetterHasSalutation_ReadsRecipientsAndBody()
    {
        // Seed 004: "Kính gửi: - Các đồng chí Huyện ủy viên," followed by list items, then the letter's two paragraphs.
        var letter = Corpus.Split("004_43a41352d9a36873").Documents[0];

        letter.Recipients.Should().StartWith(["Các đồng chí Huyện ủy viên", "Các Đảng bộ, chi bộ trực thuộc", "Các ban, ngành, Mặt trận - Đoàn thể huyện"]);
        letter.Preamble.Should().HaveCount(2);
        letter.Preamble[1].Text.Should().StartWith("Giao Ban Tổ chức Huyện ủy");
    }

    [Fact]
    public void Split_WhenFileHasSiteMetadata_KeepsItAsMetadataNotAsDocument()
    {
        // Seed 001 is a legal-database page: its metadata block is not a document, and "Người ký" fills in the cut signature.
        var documents = Corpus.Split("001_3c65a1fe10e1c98c").Documents;

        documents.Should().ContainSingle();
        documents[0].SiteMetadata.Should().Contain("Số hiệu", "03-KH/TW").And.Contain("Người ký", "Võ Văn Thưởng");
    }

    [Fact]
    public void Split_WhenSeedsAreRead_ReportsNoNumberingGaps()
    {
        foreach (var stem in Corpus.SeedStems())
        {
            Corpus.Split(stem).Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.SectionNumberingGap, stem);
        }
    }
}
