using Ingest.Extract.Tasks;

namespace Ingest.Extract.Tests.Tasks;

public sealed class AnalyzedTextTests
{
    [Theory]
    // Nothing to remove: the text comes back as it is.
    [InlineData("Ban Tổ chức Trung ương chủ trì", "Ban Tổ chức Trung ương chủ trì")]
    // Markdown emphasis of a bold heading.
    [InlineData("**2.5. Nhiệm vụ**", "2.5. Nhiệm vụ")]
    // A carriage return of a Windows line break.
    [InlineData("dòng một\r\ndòng hai", "dòng một\ndòng hai")]
    // A footnote reference with its number.
    [InlineData("cấp ủy<sup>1</sup> các cấp", "cấp ủy các cấp")]
    // A '<' in prose is not a tag.
    [InlineData("dưới < 5 năm", "dưới < 5 năm")]
    public void Clean_RemovesEmphasisAndTags(string raw, string expected)
    {
        AnalyzedText.Clean(raw).Should().Be(expected);
    }

    [Fact]
    public void FromCleanLine_WhenCleaningFormedATag_DoesNotCleanAgain()
    {
        // "<*b>" cleans to "<b>"; a second pass would take that for a tag and drop it.
        var cleaned = AnalyzedText.CleanLine("<*b> Ban Bí thư");

        var analyzed = AnalyzedText.FromCleanLine(cleaned);

        cleaned.Should().Be("<b> Ban Bí thư");
        analyzed.Text.Should().Be(cleaned);
        analyzed.Tokens.Select(t => t.Key).Should().Equal("<", "b", ">", "ban", "bí", "thư");
    }

    [Fact]
    public void FromCleanLine_WhenTheTextWasAnalysedAsAParagraph_GivesTheSameTokens()
    {
        // Headings share their analysis with the rules that read them as paragraphs.
        AnalyzedText.ForgetRecent();
        var asParagraph = AnalyzedText.Create("Ban Tuyên giáo Trung ương");
        var asLine = AnalyzedText.FromCleanLine("Ban Tuyên giáo Trung ương");

        asLine.Tokens.Should().Equal(asParagraph.Tokens);
        asLine.Sentences.Should().Equal(asParagraph.Sentences);
    }
}
