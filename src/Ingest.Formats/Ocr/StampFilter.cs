using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ingest.Formats.Ocr;

/// <summary>
/// Turns a colour page image (binary PPM, as pdftoppm writes it) into the greyscale image (binary
/// PGM) Tesseract reads, with the ink of seals and stamps removed. Party documents carry a red
/// round seal over the signer's name and signature and often red or blue stamps ("MẬT", "KHẨN",
/// "SAO Y"); Tesseract reads their rims and lettering as stray characters and loses the text they
/// cover. Printed text is black, so a pixel whose one colour channel clearly outweighs the other
/// two is stamp ink and becomes white; every other pixel keeps its luminance. On a page without
/// coloured ink the result is the plain greyscale render, so grey scans read as before.
/// </summary>
internal static class StampFilter
{
    /// <summary>
    /// How far red must exceed the stronger of green and blue (0-255) for a pixel to count as seal
    /// ink. Scanned seals run from (230, 60, 70) in solid areas to (200, 140, 140) at faint edges;
    /// black text, even with JPEG colour noise, stays within about 30.
    /// </summary>
    private const int RedExcess = 55;

    /// <summary>The same for blue stamp ink, which is darker and less saturated than red seal ink.</summary>
    private const int BlueExcess = 50;

    /// <summary>
    /// At the faint rim of a seal the ink thins into pale pink (about (245, 205, 210)): above this
    /// luminance a smaller excess (<see cref="PaleExcess"/>) already marks stamp ink, since text is
    /// never pale and tinted at once. Left grey, the rim reappears as a ring of specks.
    /// </summary>
    private const int PaleLuminance = 150;

    /// <summary>The colour excess that marks a pale pixel as stamp ink.</summary>
    private const int PaleExcess = 20;

    /// <summary>
    /// Colour ink darker than this luminance is kept unless its colour is strong (see
    /// <see cref="StrongExcess"/>): where black text crosses the seal the pixel is a dark
    /// red-brown, and it belongs to the text.
    /// </summary>
    private const int MinStampLuminance = 70;

    /// <summary>
    /// A colour excess no black ink shows, however dark the pixel: the dense centre of a seal's
    /// lettering (120, 20, 40) or of a blue stamp (40, 60, 170).
    /// </summary>
    private const int StrongExcess = 80;

    /// <summary>Bytes read from the stream at a time (one pipe buffer on Linux).</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>How far into the stream the header must end.</summary>
    private const int HeaderWindow = 4 * 1024;

    /// <summary>
    /// Reads the PPM that <paramref name="ppm"/> delivers and returns the PGM with stamp ink
    /// removed, in a pooled array the caller disposes, or null when the bytes are not a complete
    /// binary 8-bit PPM (a PGM is returned as it is). The colour image is converted chunk by chunk
    /// as it arrives, so it is never held whole: at 300 dpi it is three times the size of the
    /// grey one. The stream is always read to its end, so its writer never blocks.
    /// </summary>
    public static PooledBytes? ReadGreyWithoutStamps(Stream ppm, bool removeRed, bool removeBlue)
    {
        ArgumentNullException.ThrowIfNull(ppm);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        PooledBytes? pgm = null;
        try
        {
            var held = 0;
            int read;
            char magic;
            int width, height, dataStart;
            while (!TryReadHeader(chunk.AsSpan(0, held), out magic, out width, out height, out dataStart))
            {
                read = held < HeaderWindow ? ppm.Read(chunk, held, chunk.Length - held) : 0;
                if (read == 0)
                {
                    Drain(ppm, chunk);
                    return null;
                }

                held += read;
            }

            var channels = magic == '6' ? 3 : 1;
            var pixels = (long)width * height;
            byte[] header = channels == 1 ? chunk[..dataStart]
                : Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{width} {height}\n255\n"));
            if (pixels > Array.MaxLength - header.Length)
            {
                Drain(ppm, chunk);
                return null;
            }

            pgm = PooledBytes.Rent(header.Length + (int)pixels);
            header.CopyTo(pgm.Span);
            var target = pgm.Span[header.Length..];
            var written = 0;
            var pending = chunk.AsSpan(dataStart, held - dataStart);
            while (true)
            {
                // Whole pixels only; the one to three bytes of a pixel cut by the chunk wait for the next read.
                var whole = Math.Min(pending.Length / channels, target.Length - written);
                Convert(pending[..(whole * channels)], target.Slice(written, whole), channels, removeRed, removeBlue);
                written += whole;
                var rest = pending.Length - (whole * channels);
                if (written == target.Length)
                {
                    Drain(ppm, chunk);
                    var complete = pgm;
                    pgm = null;
                    return complete;
                }

                pending[(whole * channels)..].CopyTo(chunk);
                read = ppm.Read(chunk, rest, chunk.Length - rest);
                if (read == 0)
                {
                    // Cut short: fewer pixels than the header announced.
                    return null;
                }

                pending = chunk.AsSpan(0, rest + read);
            }
        }
        finally
        {
            pgm?.Dispose();
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static void Convert(ReadOnlySpan<byte> source, Span<byte> target, int channels, bool removeRed, bool removeBlue)
    {
        if (channels == 1)
        {
            source.CopyTo(target);
            return;
        }

        for (var i = 0; i < target.Length; i++)
        {
            int r = source[3 * i], g = source[(3 * i) + 1], b = source[(3 * i) + 2];
            target[i] = IsStampInk(r, g, b, removeRed, removeBlue) ? (byte)255 : Luminance(r, g, b);
        }
    }

    private static void Drain(Stream stream, byte[] scratch)
    {
        while (stream.Read(scratch, 0, scratch.Length) > 0)
        {
            // Discarded: only the writer's end of the pipe matters now.
        }
    }

    /// <summary>ITU-R BT.601 luma in integer arithmetic (weights 77, 150, 29 out of 256), as Poppler's greyscale output uses.</summary>
    internal static byte Luminance(int r, int g, int b) => (byte)(((77 * r) + (150 * g) + (29 * b) + 128) >> 8);

    /// <summary>True for a pixel of red or blue stamp ink (each when asked) that is not dark enough to be text crossing it.</summary>
    internal static bool IsStampInk(int r, int g, int b, bool removeRed, bool removeBlue)
    {
        var luminance = Luminance(r, g, b);
        var pale = luminance >= PaleLuminance;
        var dark = luminance < MinStampLuminance;
        var red = r - Math.Max(g, b);
        var blue = b - Math.Max(r, g);
        return (removeRed && IsInk(red, RedExcess, pale, dark)) || (removeBlue && IsInk(blue, BlueExcess, pale, dark));
    }

    private static bool IsInk(int excess, int threshold, bool pale, bool dark) =>
        excess >= StrongExcess || (!dark && (excess >= threshold || (pale && excess >= PaleExcess)));

    /// <summary>
    /// Parses "P6 width height 255" (or P5), with comments, up to the single white-space byte
    /// before the pixels; <paramref name="dataStart"/> is where the pixels begin. False for any
    /// other header, or one cut short.
    /// </summary>
    internal static bool TryReadHeader(ReadOnlySpan<byte> image, out char magic, out int width, out int height, out int dataStart)
    {
        magic = '\0';
        width = height = dataStart = 0;
        if (image.Length < 2 || image[0] != 'P' || image[1] is not ((byte)'5' or (byte)'6'))
        {
            return false;
        }

        magic = (char)image[1];
        var position = 2;
        Span<int> values = stackalloc int[3];
        for (var v = 0; v < 3; v++)
        {
            while (position < image.Length && (IsWhiteSpace(image[position]) || image[position] == '#'))
            {
                if (image[position] == '#')
                {
                    while (position < image.Length && image[position] != '\n')
                    {
                        position++;
                    }
                }
                else
                {
                    position++;
                }
            }

            var start = position;
            var value = 0L;
            while (position < image.Length && image[position] is >= (byte)'0' and <= (byte)'9' && value <= int.MaxValue)
            {
                value = (value * 10) + (image[position] - '0');
                position++;
            }

            if (position == start || value is <= 0 or > int.MaxValue)
            {
                return false;
            }

            values[v] = (int)value;
        }

        if (position >= image.Length || !IsWhiteSpace(image[position]) || values[2] != 255)
        {
            return false;
        }

        width = values[0];
        height = values[1];
        dataStart = position + 1;
        return true;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';
}
