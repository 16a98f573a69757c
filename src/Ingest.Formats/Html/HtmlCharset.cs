using System.Text;
using System.Text.RegularExpressions;
using Ingest.Vietnamese;

namespace Ingest.Formats.Html;

/// <summary>
/// Decodes a saved web page: a byte-order mark wins, then a charset declared in a meta element
/// within the first bytes (the HTML prescan window), then the shared text decoder's guess.
/// A declared charset that does not decode the bytes cleanly is distrusted: pages re-saved as
/// UTF-8 often keep their old "windows-1258" meta.
/// </summary>
internal static partial class HtmlCharset
{
    /// <summary>HTML's encoding prescan looks at the first 1024 bytes; saved pages put long comments first, so 4 KiB.</summary>
    private const int PrescanBytes = 4096;

    static HtmlCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static DecodedText Decode(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ||
            bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TextDecoder.Decode(bytes);
        }

        var declared = DeclaredCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        if (declared is not null && !IsUtf8(declared))
        {
            var encoding = TryGetEncoding(declared);
            if (encoding is not null)
            {
                var strict = (Encoding)encoding.Clone();
                strict.DecoderFallback = DecoderFallback.ExceptionFallback;
                try
                {
                    // Bytes that are valid UTF-8 with non-ASCII content are UTF-8 whatever the meta says.
                    var guess = TextDecoder.Decode(bytes);
                    if (guess.Encoding == "utf-8" && HasNonAscii(bytes))
                    {
                        return guess;
                    }

                    return new DecodedText(strict.GetString(bytes), encoding.WebName, true);
                }
                catch (DecoderFallbackException)
                {
                    // Fall through to the guess below.
                }
            }
        }

        return TextDecoder.Decode(bytes);
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUtf8(string name) =>
        name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        // The prescan window is ASCII-compatible in every charset a meta element can declare.
        var text = Encoding.Latin1.GetString(head);
        var match = MetaCharset().Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex("""<meta[^>]*?charset\s*=\s*["']?\s*(?<name>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
