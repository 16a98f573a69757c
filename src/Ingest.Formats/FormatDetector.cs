using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Formats;

/// <summary>
/// Detects a file's format from its content (magic bytes, markup), never from its name: archives
/// hold PDFs saved as .doc and web pages saved as .txt.
/// </summary>
public static class FormatDetector
{
    private const int SniffLength = 64 * 1024;

    /// <summary>Detects the format of <paramref name="content"/>.</summary>
    public static SourceFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return SourceFormat.Text;
        }

        // PDF allows up to 1024 bytes of junk before the header (ISO 32000-1, 7.5.2 note).
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return SourceFormat.Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return SourceFormat.Doc;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            // Entry names are stored in plain ASCII in the local headers and the central directory.
            return content.IndexOf("word/"u8) >= 0 ? SourceFormat.Docx : SourceFormat.Unknown;
        }

        var sniff = content[..Math.Min(content.Length, SniffLength)];
        if (IsPlainUtf8(sniff))
        {
            // Most files here are UTF-8 web pages: judged on their bytes, they are not decoded
            // twice (here and again by the reader). The answers are those the decoded text gives.
            if (LooksBinaryUtf8(sniff))
            {
                return SourceFormat.Unknown;
            }

            if (LooksLikeHtmlUtf8(sniff))
            {
                return SourceFormat.Html;
            }
        }

        var decoded = TextDecoder.Decode(sniff);
        if (LooksBinary(decoded.Text))
        {
            return SourceFormat.Unknown;
        }

        if (LooksLikeHtml(decoded.Text))
        {
            return SourceFormat.Html;
        }

        return LooksLikeMarkdown(decoded.Text) ? SourceFormat.Markdown : SourceFormat.Text;
    }

    // Text the decoder reads as UTF-8 character for character: no byte-order mark, no zero byte
    // (which would make it guess UTF-16), and well-formed UTF-8.
    private static bool IsPlainUtf8(ReadOnlySpan<byte> bytes) =>
        !bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        && !bytes.Contains((byte)0)
        && System.Text.Unicode.Utf8.IsValid(bytes);

    // LooksBinary over UTF-8 bytes: control characters are single bytes in UTF-8.
    private static bool LooksBinaryUtf8(ReadOnlySpan<byte> bytes)
    {
        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f'))
            {
                control++;
            }
        }

        return control > 8 && control > System.Text.Encoding.UTF8.GetCharCount(bytes) / 100;
    }

    // LooksLikeHtml over UTF-8 bytes. The markers are ASCII without the letters that have non-ASCII
    // case partners (i, k, s), so comparing bytes ignoring ASCII case matches exactly what the
    // string comparison ignoring case matches.
    private static bool LooksLikeHtmlUtf8(ReadOnlySpan<byte> bytes)
    {
        var start = bytes;
        while (!start.IsEmpty && System.Text.Rune.DecodeFromUtf8(start, out var rune, out var used) == System.Buffers.OperationStatus.Done && System.Text.Rune.IsWhiteSpace(rune))
        {
            start = start[used..];
        }

        if (StartsWithIgnoreCase(start, "<!DOCTYPE html"u8) || StartsWithIgnoreCase(start, "<html"u8))
        {
            return true;
        }

        return ContainsIgnoreCase(bytes, "<body"u8) && bytes.IndexOf("</"u8) >= 0;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker) =>
        bytes.Length >= marker.Length && System.Text.Ascii.EqualsIgnoreCase(bytes[..marker.Length], marker);

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> marker)
    {
        // Every marker starts with '<', which has no case.
        for (var at = bytes.IndexOf(marker[0]); at >= 0; at = NextIndexOf(bytes, marker[0], at + 1))
        {
            if (StartsWithIgnoreCase(bytes[at..], marker))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextIndexOf(ReadOnlySpan<byte> bytes, byte value, int from)
    {
        var found = bytes[from..].IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    private static bool LooksBinary(string text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0' || (c < 0x20 && c is not ('\n' or '\r' or '\t' or '\f')))
            {
                control++;
            }
        }

        // A few stray control characters occur in real text exports; binaries are full of them.
        return control > 8 && control > text.Length / 100;
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return text.Contains("<body", StringComparison.OrdinalIgnoreCase) &&
               text.Contains("</", StringComparison.Ordinal);
    }

    /// <summary>
    /// Markdown needs two independent signals: one "**" or one "#" line is common in plain text
    /// exports, ATX headings together with emphasis or escapes are not.
    /// </summary>
    private static bool LooksLikeMarkdown(string text)
    {
        var signals = 0;
        var lines = text.Split('\n');
        var headingSeen = false;
        var emphasisSeen = false;
        var escapeSeen = false;
        var htmlInlineSeen = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!headingSeen && line.StartsWith('#') && line.TrimStart('#').StartsWith(' '))
            {
                headingSeen = true;
            }

            if (!emphasisSeen && CountOf(line, "**") >= 2)
            {
                emphasisSeen = true;
            }

            if (!escapeSeen && (line.Contains("\\*", StringComparison.Ordinal) || line.Contains("\\_", StringComparison.Ordinal)))
            {
                escapeSeen = true;
            }

            if (!htmlInlineSeen && line.Contains("<sup>", StringComparison.OrdinalIgnoreCase))
            {
                htmlInlineSeen = true;
            }
        }

        signals += headingSeen ? 1 : 0;
        signals += emphasisSeen ? 1 : 0;
        signals += escapeSeen ? 1 : 0;
        signals += htmlInlineSeen ? 1 : 0;
        return signals >= 2 || (emphasisSeen && CountOf(text, "**") >= 6);
    }

    private static int CountOf(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Decodes a text-like file with the shared decoder; readers of text formats start here.</summary>
    internal static DecodedText DecodeText(byte[] content) => TextDecoder.Decode(content);
}
