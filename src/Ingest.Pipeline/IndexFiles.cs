using System.Text;
using System.Text.Json;
using Ingest.Output;

namespace Ingest.Pipeline;

/// <summary>
/// Where each archive file's line sits in the index.jsonl of the previous run: two numbers per
/// file instead of the lines themselves, so an unchanged archive of any size is re-run in flat
/// memory. Lines are read back (and checked) only when a file is skipped or a cancelled run keeps them.
/// </summary>
internal sealed class PreviousIndex : IDisposable
{
    private readonly FileStream? _stream;
    private readonly IReadOnlyList<string> _files;
    private readonly long[] _offsets;
    private readonly int[] _lengths;

    private PreviousIndex(FileStream? stream, IReadOnlyList<string> files)
    {
        _stream = stream;
        _files = files;
        _offsets = new long[files.Count];
        _lengths = new int[files.Count];
    }

    /// <summary>Indexes the previous index file against the archive's files (sorted ordinally).</summary>
    public static PreviousIndex Open(string path, IReadOnlyList<string> files)
    {
        if (!File.Exists(path))
        {
            return new PreviousIndex(null, files);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        var index = new PreviousIndex(stream, files);
        try
        {
            index.Scan();
        }
        catch
        {
            index.Dispose();
            throw;
        }

        return index;
    }

    /// <summary>True when the previous index has a line for the file at this position of the archive list.</summary>
    public bool Has(int file) => _lengths[file] > 0;

    /// <summary>The file's previous line with its line end, or null when there is none or it no longer reads back as that file's line.</summary>
    public byte[]? Line(int file)
    {
        if (_stream is null || _lengths[file] == 0)
        {
            return null;
        }

        var bytes = new byte[_lengths[file]];
        if (RandomAccess.Read(_stream.SafeFileHandle, bytes, _offsets[file]) != bytes.Length)
        {
            return null;
        }

        return PathOf(bytes) == _files[file] ? bytes : null;
    }

    public void Dispose() => _stream?.Dispose();

    private void Scan()
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        long position = 0;
        long lineStart = 0;
        int read;
        while ((read = _stream!.Read(buffer)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                line.Write(buffer, start, i + 1 - start);
                Record(line, lineStart);
                lineStart = position + i + 1;
                line.SetLength(0);
                start = i + 1;
            }

            line.Write(buffer, start, read - start);
            position += read;
        }

        // A final line without its line end is what a run killed mid-write leaves: it is not used.
    }

    private void Record(MemoryStream line, long offset)
    {
        var path = PathOf(line.GetBuffer().AsSpan(0, (int)line.Length));
        var file = path is null ? -1 : Find(path);
        if (file >= 0)
        {
            _offsets[file] = offset;
            _lengths[file] = (int)line.Length;
        }
    }

    private int Find(string path)
    {
        int low = 0, high = _files.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(_files[middle], path);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The "path" of an index line; null when the line is not one whole JSON object with one (a
    /// damaged line only costs re-processing that file). The whole line is checked, not just up to
    /// the path: a line cut short by a killed run may still hold its path.
    /// </summary>
    internal static string? PathOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? path = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPath = reader.ValueTextEquals("path"u8);
                reader.Read();
                if (isPath && reader.TokenType == JsonTokenType.String)
                {
                    path = reader.GetString();
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? path : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The index lines of the files done in a run, spilled to a temporary file as they finish (in any
/// order) and written out in archive order at the end: memory holds two numbers per file, not the lines.
/// </summary>
internal sealed class IndexSpill : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly long[] _offsets;
    private readonly int[] _lengths;

    public IndexSpill(string outputDirectory, int files)
    {
        _stream = new FileStream(Path.Combine(outputDirectory, $".ingest-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _offsets = new long[files];
        _lengths = new int[files];
    }

    /// <summary>Stores the line of a file (with its line end).</summary>
    public void Set(int file, ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            _offsets[file] = _stream.Position;
            _lengths[file] = line.Length;
            _stream.Write(line);
        }
    }

    /// <summary>Stores the line of a file from its JSON text (no line end).</summary>
    public void Set(int file, string line) => Set(file, Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>The stored line of a file, or null when it was not reached. Call after the run's writes are over.</summary>
    public byte[]? Line(int file)
    {
        if (_lengths[file] == 0)
        {
            return null;
        }

        lock (_gate)
        {
            _stream.Flush();
        }

        var bytes = new byte[_lengths[file]];
        return RandomAccess.Read(_stream.SafeFileHandle, bytes, _offsets[file]) == bytes.Length ? bytes : null;
    }

    public void Dispose() => _stream.Dispose();
}
