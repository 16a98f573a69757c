using System.Text;
using Ingest.Model;

namespace Ingest.Formats.Tests;

public sealed class DocumentReadersTests
{
    [Theory]
    // A DOCX saved under a .doc name is read as DOCX: content decides, not the extension.
    [InlineData("04-qd-264-qdtw-2025.docx", "misnamed.doc", SourceFormat.Docx)]
    // A PDF named .docx.
    [InlineData("layout-pdf-fixture.pdf", "misnamed.docx", SourceFormat.Pdf)]
    public void Read_WhenFileNameLies_DetectsTheFormatFromContent(string testData, string name, SourceFormat expected)
    {
        var result = DocumentReaders.CreateDefault().Read(new SourceFile(name, File.ReadAllBytes(RequiredTools.TestData(testData))), CancellationToken.None);

        result.Format.Should().Be(expected);
        result.Failure.Should().BeNull();
        result.Blocks.Should().NotBeEmpty();
    }

    [Fact]
    public void CreateDefault_RegistersEveryFormatReader()
    {
        DocumentReaders.CreateDefault().SupportedFormats.Should().Contain(
            [SourceFormat.Docx, SourceFormat.Doc, SourceFormat.Html, SourceFormat.Pdf]);
    }

    [Fact]
    public void Read_WhenWebPageIsSavedAsText_ReadsItAsHtml()
    {
        var page = "<!-- saved from url=(0020)https://example.vn/ --><html><body><article><p>Nội dung văn bản đủ dài để đọc.</p></article></body></html>";

        var result = DocumentReaders.CreateDefault().Read(new SourceFile("page.txt", Encoding.UTF8.GetBytes(page)), CancellationToken.None);

        result.Format.Should().Be(SourceFormat.Html);
        result.Blocks.Single().Text.Should().Be("Nội dung văn bản đủ dài để đọc.");
    }
}
