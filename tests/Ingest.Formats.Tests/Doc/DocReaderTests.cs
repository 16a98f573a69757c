using Ingest.Formats.Doc;
using Ingest.Formats.Docx;
using Ingest.Model;

namespace Ingest.Formats.Tests.Doc;

public sealed class DocReaderTests
{
    [Fact]
    public void Read_WhenDocIsTheSameDocumentAsADocx_GivesTheSameBlockTexts()
    {
        RequiredTools.Require("soffice", "libreoffice-writer-nogui");
        var doc = new DocReader().Read(new SourceFile("03.doc", File.ReadAllBytes(RequiredTools.TestData("03-qd-264-qdtw-2025.doc"))), CancellationToken.None);
        var docx = new DocxReader().Read(new SourceFile("04.docx", File.ReadAllBytes(RequiredTools.TestData("04-qd-264-qdtw-2025.docx"))), CancellationToken.None);

        doc.Failure.Should().BeNull();
        doc.Format.Should().Be(SourceFormat.Doc);
        doc.Blocks.Select(b => (b.Kind, b.Text)).Should().Equal(docx.Blocks.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void Read_WhenConvertingConcurrently_EachConversionUsesItsOwnProfileAndSucceeds()
    {
        RequiredTools.Require("soffice", "libreoffice-writer-nogui");
        var content = File.ReadAllBytes(RequiredTools.TestData("03-qd-264-qdtw-2025.doc"));
        var reader = new DocReader();

        var results = new ReadResult[3];
        Parallel.For(0, results.Length, i => results[i] = reader.Read(new SourceFile("03.doc", content), CancellationToken.None));

        results.Should().OnlyContain(r => r.Failure == null && r.Blocks.Count == results[0].Blocks.Count);
    }

    [Fact]
    public void Read_WhenSofficeIsMissing_FailsWithInstallHint()
    {
        var reader = new DocReader(new DocReaderOptions { SofficePath = "/nonexistent/soffice" });

        var result = reader.Read(new SourceFile("a.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), CancellationToken.None);

        result.Failure!.Code.Should().Be(DiagnosticCodes.ConverterUnavailable);
        result.Failure.Message.Should().Contain("apt-get install libreoffice-writer-nogui");
    }

    [Fact]
    public void Read_WhenOle2HoldsAnEncryptedPackage_FailsAsEncryptedWithoutConverting()
    {
        var content = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }
            .Concat(System.Text.Encoding.Unicode.GetBytes("EncryptedPackage")).ToArray();
        var reader = new DocReader(new DocReaderOptions { SofficePath = "/nonexistent/soffice" });

        reader.Read(new SourceFile("secret.doc", content), CancellationToken.None).Failure!.Code.Should().Be(DiagnosticCodes.Encrypted);
    }

    [Fact]
    public void Read_WhenOle2IsGarbage_FailsWithoutThrowing()
    {
        RequiredTools.Require("soffice", "libreoffice-writer-nogui");
        var content = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.Concat(Enumerable.Repeat((byte)0x5A, 4096)).ToArray();

        var result = new DocReader().Read(new SourceFile("bad.doc", content), CancellationToken.None);

        result.Failure.Should().NotBeNull();
        result.Failure!.Code.Should().BeOneOf(DiagnosticCodes.Corrupt, DiagnosticCodes.Empty);
    }

    [Fact]
    public void Read_WhenCancelled_Throws()
    {
        RequiredTools.Require("soffice", "libreoffice-writer-nogui");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => new DocReader().Read(new SourceFile("03.doc", File.ReadAllBytes(RequiredTools.TestData("03-qd-264-qdtw-2025.doc"))), cancelled.Token);

        act.Should().Throw<OperationCanceledException>();
    }
}
