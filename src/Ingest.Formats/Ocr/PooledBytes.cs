using System.Buffers;

namespace Ingest.Formats.Ocr;

/// <summary>
/// Bytes held in an array rented from <see cref="ArrayPool{T}.Shared"/> and given back on
/// <see cref="Dispose"/>. A 300 dpi page image is 9 MB in grey and 27 MB in colour; allocated
/// afresh per page, each would land on the large-object heap and only be reclaimed by a full
/// collection, so a long scan would hold several of them at once for nothing.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    /// <summary>Room for the first read from a pipe (one pipe buffer on Linux).</summary>
    private const int InitialCapacity = 64 * 1024;

    /// <summary>How far into the stream the image header is looked for to learn the image's size.</summary>
    private const int HeaderWindow = 4 * 1024;

    private byte[]? _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    /// <summary>Number of bytes in use, from the start of <see cref="Array"/>.</summary>
    public int Length { get; private set; }

    /// <summary>The rented array; it may be longer than <see cref="Length"/>.</summary>
    public byte[] Array => _array ?? throw new ObjectDisposedException(nameof(PooledBytes));

    /// <summary>The bytes in use.</summary>
    public Span<byte> Span => Array.AsSpan(0, Length);

    /// <summary>Rents room for exactly <paramref name="length"/> bytes (their content is not cleared).</summary>
    public static PooledBytes Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new PooledBytes(ArrayPool<byte>.Shared.Rent(length), length);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end. When it starts with a PNM header (what pdftoppm
    /// writes), the array is sized from the header at once, so the image is read without being
    /// copied into ever larger arrays. Throws <see cref="InvalidDataException"/> when the stream
    /// holds more than an array can; it is then still read to its end, so the writer never blocks.
    /// </summary>
    public static PooledBytes ReadToEnd(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var result = new PooledBytes(ArrayPool<byte>.Shared.Rent(InitialCapacity), 0);
        try
        {
            var sized = false;
            while (true)
            {
                if (result.Length == result.Array.Length && !result.TryGrow((long)result.Length * 2))
                {
                    Drain(stream);
                    throw new InvalidDataException("The output is larger than an array can hold.");
                }

                var read = stream.Read(result.Array, result.Length, result.Array.Length - result.Length);
                if (read == 0)
                {
                    return result;
                }

                result.Length += read;
                if (!sized)
                {
                    var window = result.Span[..Math.Min(result.Length, HeaderWindow)];
                    if (StampFilter.TryReadHeader(window, out var magic, out var width, out var height, out var dataStart))
                    {
                        sized = true;
                        var channels = magic == '6' ? 3 : 1;
                        result.TryGrow(dataStart + ((long)width * height * channels));
                    }
                    else
                    {
                        // No header in the window: not a PNM, so it grows by doubling.
                        sized = result.Length >= HeaderWindow;
                    }
                }
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Moves the bytes to a rented array of at least <paramref name="capacity"/> bytes; false when no array is that long.</summary>
    private bool TryGrow(long capacity)
    {
        if (capacity <= Array.Length)
        {
            return true;
        }

        if (Array.Length >= System.Array.MaxLength)
        {
            return false;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(capacity, System.Array.MaxLength));
        Span.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(Array);
        _array = larger;
        return true;
    }

    private static void Drain(Stream stream)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        try
        {
            while (stream.Read(scratch, 0, scratch.Length) > 0)
            {
                // Discarded: only the writer's end of the pipe matters now.
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
