namespace Ingest.Formats.Tests.Ocr;

/// <summary>Delivers at most a given number of bytes per read, as a pipe may.</summary>
internal sealed class TrickleStream(byte[] content, int bytesPerRead) : MemoryStream(content)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);
}
