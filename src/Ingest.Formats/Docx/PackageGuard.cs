using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using Ingest.Model;

namespace Ingest.Formats.Docx;

/// <summary>
/// Keeps a hostile package within limits, around the Open XML SDK's package layer. Before the SDK
/// opens the ZIP, <see cref="CheckContainer"/> bounds the entry count, refuses XML entries whose
/// declared size alone is over the budget, and inflates the only entries the package layer reads
/// by itself ([Content_Types].xml and the relationship parts) through the same byte, DTD and
/// nesting limits, because the SDK reads them with no limit of its own. Afterwards
/// <see cref="Load"/> builds the tree of each part the reader needs from its stream, counting the
/// bytes it really inflates to (declared sizes can lie) against what is left of the budget,
/// rejecting DTDs and bounding element nesting, so a hostile part fails as
/// <see cref="DiagnosticCodes.LimitExceeded"/> or <see cref="DiagnosticCodes.Corrupt"/> instead of
/// exhausting memory or the stack. Media, headers, themes and anything else the reader does not
/// need are never inflated, whatever their size.
/// </summary>
internal sealed class PackageGuard(long maxUncompressedBytes)
{
    /// <summary>Total inflated size of the entries read; real Word documents stay far below this.</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>Entry count allowed; a document has tens of parts, not thousands.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Element nesting allowed in an XML part. Word itself writes fewer than 40 levels.</summary>
    public const int MaxXmlDepth = 256;

    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The content types entry of an Open Packaging Conventions ZIP (ECMA-376 Part 2, 10.1.2.2).</summary>
    private const string ContentTypesEntry = "[Content_Types].xml";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,

        // Whitespace-only text outside xml:space="preserve" is layout, not content (w:t " " without
        // preserve renders nothing); inside preserve the reader reports it as significant and keeps it.
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private long _inflated;

    /// <summary>The error that stopped loading, when a limit was hit or a part was damaged.</summary>
    public RecordError? Error { get; private set; }

    /// <summary>
    /// Inspects the ZIP before the SDK opens it. Null when the SDK may open it, otherwise the reason
    /// not to (also kept in <see cref="Error"/>). Every byte inflated here counts against the budget.
    /// </summary>
    public RecordError? CheckContainer(byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            if (archive.Entries.Count > MaxEntries)
            {
                return Error = new RecordError(DiagnosticCodes.LimitExceeded, $"The package has {archive.Entries.Count} entries; the limit is {MaxEntries}.");
            }

            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = entry.FullName;
                if (name.Equals(ContentTypesEntry, StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    using var entryStream = entry.Open();
                    Scan(entryStream, name);
                }
                else if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && entry.Length > maxUncompressedBytes - _inflated)
                {
                    // An honest size over the budget fails here, before any inflating; a lying one
                    // is caught by the count in Load if the reader ever reads that part.
                    Error = new RecordError(DiagnosticCodes.LimitExceeded, $"Part {name} declares {entry.Length} bytes; the package limit is {maxUncompressedBytes}.");
                }

                if (Error is not null)
                {
                    return Error;
                }
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return Error = new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container is damaged: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Error = new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container could not be read: {ex.Message}");
        }
    }

    /// <summary>
    /// The root element of the XML part read from <paramref name="partStream"/>, built without
    /// recursion; null when the part cannot be loaded, with <see cref="Error"/> set to why.
    /// Inflated bytes count against the package budget: no part stream is read past what is left of it.
    /// </summary>
    public XElement? Load(Stream partStream, string partName, CancellationToken cancellationToken) =>
        Guarded(partStream, partName, counting => Build(counting, partName, cancellationToken));

    /// <summary>Reads an entry through the limits without building anything, to the end so its full size is counted.</summary>
    private void Scan(Stream entryStream, string entryName) =>
        _ = Guarded(entryStream, entryName, counting =>
        {
            using (var reader = XmlReader.Create(counting, ReaderSettings))
            {
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth > MaxXmlDepth)
                    {
                        Error = new RecordError(DiagnosticCodes.LimitExceeded, $"Part {entryName} nests elements deeper than {MaxXmlDepth} levels.");
                        return null;
                    }
                }
            }

            counting.CopyTo(Stream.Null);
            return null;
        });

    private XElement? Guarded(Stream stream, string name, Func<CountingStream, XElement?> read)
    {
        if (Error is not null)
        {
            return null;
        }

        try
        {
            using var counting = new CountingStream(stream, maxUncompressedBytes - _inflated);
            try
            {
                return read(counting);
            }
            finally
            {
                _inflated += counting.BytesRead;
            }
        }
        catch (UncompressedLimitException)
        {
            Error = new RecordError(DiagnosticCodes.LimitExceeded, $"The package inflates to more than {maxUncompressedBytes} bytes.");
        }
        catch (XmlException ex)
        {
            // DTDs are prohibited, so a DOCTYPE lands here too: never resolved, never expanded.
            Error = new RecordError(DiagnosticCodes.Corrupt, $"Part {name} is not well-formed XML or declares a DTD: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            Error = new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container is damaged: {ex.Message}");
        }
        catch (IOException ex)
        {
            Error = new RecordError(DiagnosticCodes.Corrupt, $"The ZIP container could not be read: {ex.Message}");
        }

        return null;
    }

    private XElement? Build(Stream stream, string partName, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, ReaderSettings);
        XElement? root = null;
        XElement? current = null;
        var elements = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth > MaxXmlDepth)
                    {
                        Error = new RecordError(DiagnosticCodes.LimitExceeded, $"Part {partName} nests elements deeper than {MaxXmlDepth} levels.");
                        return null;
                    }

                    if ((++elements & 0xFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            // Namespace declarations are already resolved into the names; the tree is never written back.
                            if (reader.NamespaceURI != XmlnsNamespace)
                            {
                                element.Add(new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (current is null)
                    {
                        root ??= element;
                    }
                    else
                    {
                        current.Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    current = current?.Parent;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    current?.Add(reader.Value);
                    break;
                default:
                    break;
            }
        }

        return root;
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
