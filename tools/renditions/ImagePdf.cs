using System.Globalization;
using System.Text;

namespace Ingest.Renditions;

/// <summary>
/// Assembles JPEG page images into an image-only PDF, one page per image, no text layer: what a
/// scanner writes. Written here because ImageMagick's default security policy on Debian refuses
/// to write PDF, and the output has no timestamps, so it is byte-stable.
/// </summary>
internal static class ImagePdf
{
    public static byte[] Write(IReadOnlyList<string> jpegPaths, int dotsPerInch)
    {
        var objects = new List<byte[]>();
        var pageIds = new List<int>();

        // Objects 1 and 2 are the catalog and the page tree; pages follow, three objects each.
        var nextId = 3;
        foreach (var path in jpegPaths)
        {
            var jpeg = File.ReadAllBytes(path);
            var (width, height, components) = JpegSize(jpeg);
            var pageWidth = width * 72.0 / dotsPerInch;
            var pageHeight = height * 72.0 / dotsPerInch;
            int pageId = nextId, contentId = nextId + 1, imageId = nextId + 2;
            nextId += 3;
            pageIds.Add(pageId);
            var colorSpace = components == 1 ? "/DeviceGray" : "/DeviceRGB";
            objects.Add(Ascii(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pageWidth:0.##} {pageHeight:0.##}] /Resources << /XObject << /Im0 {imageId} 0 R >> >> /Contents {contentId} 0 R >>")));
            var content = string.Create(CultureInfo.InvariantCulture, $"q {pageWidth:0.##} 0 0 {pageHeight:0.##} 0 0 cm /Im0 Do Q");
            objects.Add(Ascii(string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream")));
            var image = new List<byte>(Ascii(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {colorSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>\nstream\n")));
            image.AddRange(jpeg);
            image.AddRange(Ascii("\nendstream"));
            objects.Add([.. image]);
        }

        var kids = string.Join(" ", pageIds.Select(id => SeedText.Invariant(id) + " 0 R"));
        objects.Insert(0, Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Insert(1, Ascii($"<< /Type /Pages /Kids [{kids}] /Count {SeedText.Invariant(pageIds.Count)} >>"));

        using var output = new MemoryStream();
        output.Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            output.Write(Ascii(SeedText.Invariant(i + 1) + " 0 obj\n"));
            output.Write(objects[i]);
            output.Write(Ascii("\nendobj\n"));
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(SeedText.Invariant(objects.Count + 1)).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        table.Append("trailer\n<< /Size ").Append(SeedText.Invariant(objects.Count + 1)).Append(" /Root 1 0 R >>\nstartxref\n")
            .Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        output.Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    /// <summary>Width, height and colour components from the JPEG's start-of-frame marker.</summary>
    private static (int Width, int Height, int Components) JpegSize(byte[] jpeg)
    {
        var i = 2;
        while (i + 9 < jpeg.Length)
        {
            if (jpeg[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                var height = (jpeg[i + 5] << 8) | jpeg[i + 6];
                var width = (jpeg[i + 7] << 8) | jpeg[i + 8];
                return (width, height, jpeg[i + 9]);
            }

            i += 2 + length;
        }

        throw new InvalidDataException("No JPEG frame header found.");
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);
}
