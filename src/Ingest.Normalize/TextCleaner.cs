using System.Text;

namespace Ingest.Normalize;

/// <summary>
/// Typographic clean-up that makes equal text compare equal without losing any of it: curly quotes
/// and dash variants to ASCII, every kind of horizontal space to one space, line separators to
/// '\n'. Lines are never merged: the structure stage reads them.
/// </summary>
internal static class TextCleaner
{
    /// <summary>Cleans <paramref name="text"/>; see the class summary.</summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (IsLineBreak(c))
            {
                // Spaces at the end of a line are dropped; the break is kept.
                pendingSpace = false;
                builder.Append('\n');
                continue;
            }

            if (IsHorizontalSpace(c))
            {
                // Spaces at the start of the text or of a line are dropped.
                pendingSpace = builder.Length > 0 && builder[^1] != '\n';
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Unify(c));
        }

        return builder.ToString();
    }

    // Most lines need nothing: answer that without copying them.
    private static bool IsClean(string text)
    {
        if (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (text[i + 1] is ' ' or '\n' || (i > 0 && text[i - 1] == '\n'))
                {
                    return false;
                }
            }
            else if ((c != '\n' && IsLineBreak(c)) || IsHorizontalSpace(c) || Unify(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private static char Unify(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',

        // Figure dash, en dash, em dash, horizontal bar, minus, hyphen, non-breaking hyphen: all read
        // as "-" by the structure and extraction stages (bullets, ranges, "chính trị - xã hội").
        '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u2010' or '\u2011' => '-',
        _ => c,
    };

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u000B' or '\u000C' or '\u0085';

    private static bool IsHorizontalSpace(char c) =>
        c is ' ' or '\t' or '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' or (>= '\u2000' and <= '\u200A');
}
