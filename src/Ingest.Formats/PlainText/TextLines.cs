using Ingest.Model;

namespace Ingest.Formats.PlainText;

/// <summary>
/// Splits decoded text into paragraphs at blank lines, keeping '\n' between the lines of a
/// paragraph (the structure stage decides which lines belong together) and exact spans.
/// </summary>
internal static class TextLines
{
    public static List<Block> ToParagraphs(string text)
    {
        var blocks = new List<Block>();
        var lineNumber = 0;
        var position = 0;
        var paragraphStart = -1;
        var paragraphLine = 0;
        var paragraphEnd = 0;
        var lines = new List<string>();

        void Flush()
        {
            if (lines.Count > 0)
            {
                var joined = string.Join('\n', lines);
                blocks.Add(new Block(BlockKind.Paragraph, joined, new SourceSpan(paragraphStart, paragraphEnd - paragraphStart, paragraphLine, 0)));
                lines.Clear();
            }

            paragraphStart = -1;
        }

        while (position <= text.Length)
        {
            var newline = text.IndexOf('\n', position);
            var end = newline < 0 ? text.Length : newline;
            var line = text.AsSpan(position, end - position).TrimEnd('\r');
            lineNumber++;
            if (line.IsWhiteSpace())
            {
                Flush();
            }
            else
            {
                if (paragraphStart < 0)
                {
                    paragraphStart = position;
                    paragraphLine = lineNumber;
                }

                // Trailing spaces are Markdown-style hard breaks or noise; the line break itself is kept.
                lines.Add(line.TrimEnd().ToString());
                paragraphEnd = position + line.Length;
            }

            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
        }

        Flush();
        return blocks;
    }
}
