using System.Globalization;
using System.IO.Compression;
using System.Text;
using Ingest.Formats.Ocr;
using Ingest.Formats.Pdf;
using Ingest.Model;

namespace Ingest.Formats.Tests.Pdf;

/// <summary>
/// Hostile PDFs (issue #7, "never crash, never hang"): a page that draws the same text tens of
/// thousands of times, limits on letters per page and per file, and cancellation.
/// </summary>
public sealed class PdfLimitsTests
{
    /// <summary>One text-show operator drawing 37 letters (30 visible) at the same place every time.</summary>
    private const string ShowText = "BT /F1 12 Tf 72 700 Td (Tang cuong cong tac kiem tra giam sat) Tj ET\n";

    private const int LettersPerShow = 37;

    private static readonly PdfReaderOptions NoOcr = new() { Ocr = new OcrOptions { Enabled = false } };

    private static ReadResult Read(byte[] content, PdfReaderOptions options, CancellationToken cancellationToken = default) =>
        new PdfReader(options).Read(new SourceFile("hostile.pdf", content), cancellationToken);

    [Fact]
    public void Read_WhenOnePageDrawsFiftyThousandTexts_SkipsThePageUnparsedAndFailsWithLimitExceeded()
    {
        // 3.4 MB of text operators, over the 2 MB a page may hold: PdfPig never parses it.
        var result = Read(PdfOfPages(50_000), NoOcr);

        result.Failure!.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        result.Blocks.Should().BeEmpty();
        result.Reading!.Pages.Should().Be(1);
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("Page 1 holds more than 2097152 bytes");
    }

    [Fact]
    public void Read_WhenOnePageDrawsTwentyThousandTexts_ReadsTheFirstLettersOnlyAndWarns()
    {
        // 1.4 MB of text operators, under the content limit, drawing 740,000 letters: over the letter limit.
        var options = NoOcr;
        var result = Read(PdfOfPages(20_000), options);

        result.Failure.Should().BeNull();
        result.Reading!.Pages.Should().Be(1);
        var warning = result.Diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be(DiagnosticCodes.LimitExceeded);
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Message.Should().Contain("Page 1 draws 740000 letters").And.Contain("200000");

        VisibleLetters(result).Should().Be(VisibleAmongFirst(options.MaxLettersPerPage));
    }

    [Theory]
    // Under the page limit: every letter is read, no warning.
    [InlineData(new[] { 3 }, 1000, 1000, 3 * LettersPerShow, 0)]
    // Over the page limit: the page is cut at the limit, the file is still read.
    [InlineData(new[] { 10 }, 100, 1000, 100, 1)]
    // The file limit is reached on page 2: page 2 is cut and page 3 is never opened.
    [InlineData(new[] { 2, 2, 2 }, 1000, 100, 100, 2)]
    // The file limit is reached exactly at the end of page 2: page 3 is left unread with one warning.
    [InlineData(new[] { 1, 1, 1 }, 1000, 2 * LettersPerShow, 2 * LettersPerShow, 1)]
    public void Read_WhenLettersExceedALimit_KeepsLettersUpToItWithOneWarningPerCut(int[] showsPerPage, int perPage, int perFile, int lettersRead, int warnings)
    {
        var result = Read(PdfOfPages(showsPerPage), NoOcr with { MaxLettersPerPage = perPage, MaxLettersPerFile = perFile });

        result.Failure.Should().BeNull();
        result.Diagnostics.Select(d => (d.Code, d.Severity)).Should().Equal(Enumerable.Repeat((DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning), warnings));

        VisibleLetters(result).Should().Be(VisibleAmongFirst(lettersRead));
    }

    [Fact]
    public void Read_WhenOnePageHoldsMoreContentThanTheLimit_SkipsThatPageAndReadsTheOthers()
    {
        // One show is 69 bytes of content: page 2's 20 shows exceed 1,000 bytes, pages 1 and 3 do not.
        var result = Read(PdfOfPages(2, 20, 1), NoOcr with { MaxContentBytesPerPage = 1000 });

        result.Failure.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.LimitExceeded && d.Severity == DiagnosticSeverity.Warning && d.Message.StartsWith("Page 2 ", StringComparison.Ordinal));
        result.Reading!.Pages.Should().Be(3);
        VisibleLetters(result).Should().Be(VisibleAmongFirst(3 * LettersPerShow));
    }

    [Fact]
    public void Read_WhenTokenIsCancelledBeforehand_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        var read = () => Read(PdfOfPages(1, 1), NoOcr, source.Token);

        read.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Read_WhenTokenIsCancelledWhileADensePageIsRead_ThrowsOperationCanceled()
    {
        // Parsing 50,000 text operators alone takes PdfPig seconds, so the token fires during the read
        // and the reader must notice it between pages or inside its own loops.
        using var source = new CancellationTokenSource();
        source.CancelAfter(TimeSpan.FromMilliseconds(50));

        var read = () => Read(PdfOfPages(50_000, 1), NoOcr with { MaxLettersPerPage = int.MaxValue, MaxLettersPerFile = int.MaxValue, MaxContentBytesPerPage = long.MaxValue }, source.Token);

        read.Should().Throw<OperationCanceledException>();
    }

    private static int VisibleLetters(ReadResult result) => result.Blocks.Sum(b => b.Text.Count(c => !char.IsWhiteSpace(c)));

    /// <summary>Visible letters among the first <paramref name="letters"/> letters the shows draw (each show: 30 visible, 7 spaces).</summary>
    private static int VisibleAmongFirst(int letters)
    {
        const string shown = "Tang cuong cong tac kiem tra giam sat";
        return (letters / LettersPerShow * shown.Count(c => c != ' ')) + shown[..(letters % LettersPerShow)].Count(c => c != ' ');
    }

    /// <summary>
    /// A PDF whose page k draws <see cref="ShowText"/> <paramref name="showsPerPage"/>[k] times, each
    /// page's content deflated (the hostile file of issue #7 is 1.7 MB of content in a few kilobytes).
    /// </summary>
    private static byte[] PdfOfPages(params int[] showsPerPage)
    {
        // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content for every page.
        var objects = new List<byte[]>
        {
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            Ascii(Invariant($"<< /Type /Pages /Kids [{string.Join(' ', showsPerPage.Select((_, k) => Invariant($"{4 + (2 * k)} 0 R")))}] /Count {showsPerPage.Length} >>")),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"u8.ToArray(),
        };
        var show = Encoding.ASCII.GetBytes(ShowText);
        for (var k = 0; k < showsPerPage.Length; k++)
        {
            using var packed = new MemoryStream();
            using (var deflate = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var i = 0; i < showsPerPage[k]; i++)
                {
                    deflate.Write(show);
                }
            }

            objects.Add(Ascii(Invariant($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * k)} 0 R >>")));
            objects.Add([.. Ascii(Invariant($"<< /Length {packed.Length} /Filter /FlateDecode >>\nstream\n")), .. packed.ToArray(), .. "\nendstream"u8]);
        }

        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        foreach (var body in objects)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii(Invariant($"{offsets.Count} 0 obj\n")));
            pdf.Write(body);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var tail = new StringBuilder(Invariant($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            tail.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        tail.Append(Invariant($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        pdf.Write(Ascii(tail.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
