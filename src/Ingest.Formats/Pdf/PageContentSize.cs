using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Ingest.Formats.Pdf;

/// <summary>
/// Measures the decoded size of each page's content stream before PdfPig interprets it. PdfPig
/// builds every letter and path of a page at once, at about a second and a few hundred megabytes
/// per megabyte of dense text operators, and cannot be interrupted meanwhile; a page whose
/// content is larger than any printed page needs is therefore skipped before it is parsed. The
/// page tree is walked here only to find each page's /Contents; when the walk does not find the
/// pages PdfPig counts (a damaged tree PdfPig repairs), no page is measured.
/// </summary>
internal sealed class PageContentSize
{
    /// <summary>Size of the buffer inflated content is counted through.</summary>
    private const int BufferSize = 64 * 1024;

    private readonly PdfDocument _document;
    private readonly List<DictionaryToken>? _pages;

    public PageContentSize(PdfDocument document)
    {
        _document = document;
        try
        {
            var pages = new List<DictionaryToken>();
            if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, out IToken? root) &&
                Collect(root, pages, new HashSet<IndirectReference>(), document.NumberOfPages) &&
                pages.Count == document.NumberOfPages)
            {
                _pages = pages;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A tree this walk cannot follow is left to PdfPig's own repair; its pages go unmeasured.
            _pages = null;
        }
    }

    /// <summary>
    /// True when page <paramref name="number"/>'s decoded content is larger than
    /// <paramref name="limit"/> bytes; counting stops at the limit, so a compressed bomb is never
    /// inflated whole. Content in a filter other than Flate is counted as stored.
    /// </summary>
    public bool Exceeds(int number, long limit)
    {
        if (_pages is null)
        {
            return false;
        }

        try
        {
            if (!_pages[number - 1].TryGet(NameToken.Contents, out IToken? contents))
            {
                return false;
            }

            var size = 0L;
            foreach (var stream in Streams(Resolve(contents)))
            {
                size += DecodedSize(stream, limit - size);
                if (size > limit)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Content this measure cannot read is left to PdfPig, which reports damage its own way.
            return false;
        }
    }

    private bool Collect(IToken? token, List<DictionaryToken> pages, HashSet<IndirectReference> seen, int expected)
    {
        if (token is IndirectReferenceToken reference && !seen.Add(reference.Data))
        {
            // A node listed twice (a cycle in a hostile tree): PdfPig's count will not match.
            return false;
        }

        if (Resolve(token) is not DictionaryToken node)
        {
            return false;
        }

        if (!node.TryGet(NameToken.Kids, out IToken? kids))
        {
            pages.Add(node);
            return pages.Count <= expected;
        }

        if (Resolve(kids) is not ArrayToken array)
        {
            return false;
        }

        foreach (var kid in array.Data)
        {
            if (!Collect(kid, pages, seen, expected))
            {
                return false;
            }
        }

        return true;
    }

    private IToken? Resolve(IToken? token)
    {
        // Chains of references are legal but short; a loop of them is cut off.
        for (var hops = 0; hops < 8 && token is IndirectReferenceToken reference; hops++)
        {
            token = _document.Structure.GetObject(reference.Data).Data;
        }

        return token;
    }

    private IEnumerable<StreamToken> Streams(IToken? contents)
    {
        if (contents is StreamToken single)
        {
            yield return single;
        }
        else if (contents is ArrayToken parts)
        {
            foreach (var part in parts.Data)
            {
                if (Resolve(part) is StreamToken stream)
                {
                    yield return stream;
                }
            }
        }
    }

    private static long DecodedSize(StreamToken stream, long budget)
    {
        var data = stream.Data;
        var filter = stream.StreamDictionary.TryGet(NameToken.Filter, out IToken? named) ? named : null;
        if (filter is ArrayToken { Data.Count: 1 } chain)
        {
            filter = chain.Data[0];
        }

        if (filter is not NameToken name || name.Data != NameToken.FlateDecode.Data)
        {
            return data.Length;
        }

        using var inflate = new ZLibStream(new MemoryStream(data.ToArray(), writable: false), CompressionMode.Decompress);
        var buffer = new byte[BufferSize];
        var size = 0L;
        try
        {
            int read;
            while (size <= budget && (read = inflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                size += read;
            }
        }
        catch (InvalidDataException)
        {
            // A damaged or truncated stream counts as far as it inflates: the measure never blocks a page PdfPig may still repair.
        }

        return size;
    }
}
