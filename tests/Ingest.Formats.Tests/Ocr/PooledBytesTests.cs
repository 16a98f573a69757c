using System.Text;
using Ingest.Formats.Ocr;

namespace Ingest.Formats.Tests.Ocr;

public sealed class PooledBytesTests
{
    [Theory]
    // A grey image larger than the first read: sized from its header, then filled.
    [InlineData("P5\n400 300\n255\n", 400 * 300, 1 << 16)]
    // The same delivered a few bytes at a time, the header cut apart.
    [InlineData("P5\n40 30\n255\n", 40 * 30, 7)]
    // Not an image: no size to learn, the array grows as bytes arrive.
    [InlineData("plain text\n", 200_000, 1 << 16)]
    // A header announcing fewer bytes than arrive: the rest is kept, not cut.
    [InlineData("P5\n2 2\n255\n", 100_000, 1 << 16)]
    public void ReadToEnd_WhenStreamHoldsAnImageOrAnythingElse_ReturnsEveryByte(string header, int bodyBytes, int bytesPerRead)
    {
        var body = Enumerable.Range(0, bodyBytes).Select(i => (byte)(i % 251)).ToArray();
        byte[] content = [.. Encoding.ASCII.GetBytes(header), .. body];

        using var bytes = PooledBytes.ReadToEnd(new TrickleStream(content, bytesPerRead));

        bytes.Span.ToArray().Should().Equal(content);
    }

    [Fact]
    public void Dispose_WhenCalledTwice_GivesTheArrayBackOnce()
    {
        var bytes = PooledBytes.Rent(10);

        bytes.Dispose();
        bytes.Dispose();

        var reading = () => bytes.Array;
        reading.Should().Throw<ObjectDisposedException>();
    }
}
