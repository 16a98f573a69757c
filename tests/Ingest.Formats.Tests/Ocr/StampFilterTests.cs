using System.Text;
using Ingest.Formats.Ocr;

namespace Ingest.Formats.Tests.Ocr;

public sealed class StampFilterTests
{
    [Theory]
    // Solid seal ink.
    [InlineData(228, 40, 60, true, true, true)]
    // The faint pink rim of a seal, which would otherwise come back as a ring of specks.
    [InlineData(245, 205, 210, true, true, true)]
    // Black text with JPEG colour noise.
    [InlineData(40, 28, 30, true, true, false)]
    // Black text crossing the seal: dark red-brown belongs to the text.
    [InlineData(70, 10, 20, true, true, false)]
    // The dense centre of the seal's lettering is dark too, but far redder than any text.
    [InlineData(120, 20, 40, true, true, true)]
    // Grey anti-aliasing at a letter's edge is neutral.
    [InlineData(150, 150, 150, true, true, false)]
    // Blue stamp ink, removed when asked, faint or dense.
    [InlineData(90, 120, 200, true, true, true)]
    [InlineData(40, 60, 170, true, true, true)]
    // Blue stamp ink kept when only red is removed.
    [InlineData(40, 60, 170, true, false, false)]
    // Red ink kept when red removal is off.
    [InlineData(228, 40, 60, false, true, false)]
    // White paper stays white either way (and is not "ink").
    [InlineData(255, 255, 255, true, true, false)]
    public void IsStampInk_WhenPixelHasColour_TellsStampInkFromText(int r, int g, int b, bool red, bool blue, bool expected)
    {
        StampFilter.IsStampInk(r, g, b, red, blue).Should().Be(expected);
    }

    [Theory]
    // The whole image in one read.
    [InlineData(1 << 16)]
    // Reads that cut pixels apart (and the header too), as a pipe may deliver them.
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void ReadGreyWithoutStamps_WhenImageHasTextAndSealPixels_WhitensTheSealAndKeepsLuminanceElsewhere(int bytesPerRead)
    {
        byte[] pixels = [0, 0, 0, 228, 40, 60, 200, 200, 200, 255, 255, 255];
        var ppm = Ppm("P6\n# pdftoppm\n2 2\n255\n", pixels);

        using var pgm = StampFilter.ReadGreyWithoutStamps(new TrickleStream(ppm, bytesPerRead), removeRed: true, removeBlue: true);

        pgm.Should().NotBeNull();
        var bytes = pgm!.Span.ToArray();
        var header = Encoding.ASCII.GetBytes("P5\n2 2\n255\n");
        bytes[..header.Length].Should().Equal(header);
        bytes[header.Length..].Should().Equal(0, 255, 200, 255);
    }

    [Theory]
    // A grey page needs no conversion: the same bytes come back, so the OCR cache key does not change.
    [InlineData("P5\n2 1\n255\n", 2, true)]
    // Truncated pixel data.
    [InlineData("P6\n2 2\n255\n", 5, false)]
    // 16-bit samples are not what pdftoppm writes.
    [InlineData("P6\n1 1\n65535\n", 6, false)]
    // Not a binary PNM at all.
    [InlineData("%PDF-1.7\n", 4, false)]
    // Nothing at all (pdftoppm failed before writing).
    [InlineData("", 0, false)]
    public void ReadGreyWithoutStamps_WhenImageIsGreyOrMalformed_ReturnsItOrNullAndReadsToTheEnd(string header, int dataBytes, bool returnsInput)
    {
        var image = Ppm(header, new byte[dataBytes]);
        using var stream = new MemoryStream(image);

        using var result = StampFilter.ReadGreyWithoutStamps(stream, removeRed: true, removeBlue: true);

        if (returnsInput)
        {
            result!.Span.ToArray().Should().Equal(image);
        }
        else
        {
            result.Should().BeNull();
        }

        stream.Position.Should().Be(image.Length, "a writer blocked on a full pipe would never exit");
    }

    private static byte[] Ppm(string header, byte[] pixels) => [.. Encoding.ASCII.GetBytes(header), .. pixels];
}
