using System.IO.Compression;
using System.Xml;
using Ingest.Model;

namespace Ingest.Formats.Docx;

/// <summary>
/// Inspects a ZIP package before the Open XML SDK touches it: counts the bytes every entry really
/// inflates to (declared sizes can lie), rejects DTDs and bounds XML nesting depth. The SDK loads
/// parts into a recursive DOM, so a deeply nested part could overflow the stack, which no catch
/// can recover from; checking with a streaming reader first keeps that out.
/// </summary>
internal static class PackageGuard
{
    /// <summary>Total inflated size allowed; real Word documents stay far below this.</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>Entry count allowed; a document has tens of parts, not thousands.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Element nesting allowed in an XML part. Word itself writes fewer than 40 levels.</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>Returns null when the package may be opened, otherwise the reason it may not.</summary>
    public static RecordError? Check(byte[] content, CancellationToken cancellationToken) =>
        Check(content, MaxUncompressedBytes, cancellationToken);

    /// <summary>As <see cref="Check(byte[], CancellationToken)"/> with another inflation budget (tests use a small one).</summary>
    public static RecordError? Check(byte[] content, long maxUncompressedBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return new RecordError(DiagnosticCodes.LimitExceeded, $"The package has {archive.Entries.Count} entries; the limit is {MaxEntries}.");
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ||
                            entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                using var entryStream = entry.Open();
                using var counting = new CountingStream(entryStream, maxUncompressedBytes - total);
                if (isXml)
                {
                    var depthError = CheckXml(counting, entry.FullName);
                    if (depthError is not null)
                    {
                        return depthError;
                    }

                    // Drain what the XML reader did not consume so the count is complete.
                    while (counting.Read(buffer, 0, buffer.Length) > 0)
                    {
                    }
                }
                else
                {
                    while (counting.Read(buffer, 0, buffer.Length) > 0)
                    {
                    }
                }

                total += counting.BytesRead;
            }

            return null;
        }
        catch (UncompressedLimitException)
        {
            return new RecordError(DiagnosticCodes.LimitExceeded, $"The package inflates to more than {maxUncompressedBytes} bytes.");
        }
        catch (InvalidDataException ex)
        {
            return new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container is damaged: {ex.Message}");
        }
        catch (IOException ex)
        {
            return new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container could not be read: {ex.Message}");
        }
    }

    private static RecordError? CheckXml(Stream stream, string entryName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth > MaxXmlDepth)
                {
                    return new RecordError(DiagnosticCodes.LimitExceeded, $"Part {entryName} nests elements deeper than {MaxXmlDepth} levels.");
                }
            }

            return null;
        }
        catch (XmlException ex)
        {
            // DTDs are prohibited above, so a DOCTYPE lands here too: never resolved, never expanded.
            return new RecordError(DiagnosticCodes.Corrupt, $"Part {entryName} is not well-formed XML or declares a DTD: {ex.Message}");
        }
    }

    private sealed class UncompressedLimitException : Exception
    {
    }

    /// <summary>Counts bytes read through it and stops the read once the budget is spent.</summary>
    private sealed class CountingStream(Stream inner, long budget) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            if (BytesRead > budget)
            {
                throw new UncompressedLimitException();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
