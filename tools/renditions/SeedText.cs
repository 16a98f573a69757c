using System.Globalization;
using System.Text;

namespace Ingest.Renditions;

/// <summary>A piece of printed text with the emphasis the seed gave it.</summary>
internal sealed record TextRun(string Text, bool Bold, bool Italic, bool Superscript);

/// <summary>One printed line of a seed, with the blank-line group it belongs to.</summary>
internal sealed class SeedLine
{
    public SeedLine(IReadOnlyList<TextRun> runs, int group, int markdownHeading, bool isRule = false)
    {
        IsRule = isRule;
        Runs = runs;
        Group = group;
        MarkdownHeading = markdownHeading;
        Plain = string.Concat(runs.Where(r => !r.Superscript).Select(r => r.Text)).Trim();
    }

    public IReadOnlyList<TextRun> Runs { get; }

    /// <summary>Index of the blank-line separated group; lines of one group belong to one paragraph or block.</summary>
    public int Group { get; }

    /// <summary>A Markdown thematic break ("-----"): a drawn line in the original, not text.</summary>
    public bool IsRule { get; }

    /// <summary>Number of '#' of a Markdown heading line, 0 otherwise.</summary>
    public int MarkdownHeading { get; }

    /// <summary>The visible text without emphasis markers and footnote marks, trimmed.</summary>
    public string Plain { get; }

    /// <summary>True when every letter is bold (a Markdown "**...**" line).</summary>
    public bool AllBold => LetterShare(r => r.Bold);

    public bool StartsWithSuperscript => Runs.SkipWhile(r => r.Text.Trim().Length == 0).FirstOrDefault()?.Superscript == true;

    private bool LetterShare(Func<TextRun, bool> predicate)
    {
        var letters = 0;
        var matching = 0;
        foreach (var run in Runs)
        {
            var count = run.Text.Count(char.IsLetterOrDigit);
            letters += count;
            matching += predicate(run) ? count : 0;
        }

        return letters > 0 && letters == matching;
    }
}

/// <summary>
/// Splits a seed (plain text or the Markdown that document converters write) into printed lines.
/// Emphasis is parsed per blank-line group because converters let "**...**" span a line break.
/// </summary>
internal static class SeedText
{
    public static List<SeedLine> Read(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var markdown = lines.Any(l => l.Contains("**", StringComparison.Ordinal) || l.StartsWith('#') || l.Contains("\\*", StringComparison.Ordinal));
        var result = new List<SeedLine>();
        var group = new List<string>();
        var groupIndex = 0;
        foreach (var raw in lines.Append(string.Empty))
        {
            // A line of spaces or a non-breaking space is as blank as an empty one.
            if (raw.Trim().Trim('\u00A0').Length == 0)
            {
                if (group.Count > 0)
                {
                    result.AddRange(ParseGroup(group, groupIndex++, markdown));
                    group.Clear();
                }

                continue;
            }

            group.Add(raw.TrimEnd());
        }

        return result;
    }

    private static List<SeedLine> ParseGroup(List<string> group, int groupIndex, bool markdown)
    {
        var result = new List<SeedLine>();
        var bold = false;
        var italic = false;
        foreach (var original in group)
        {
            var line = original.Trim();
            var heading = 0;
            if (markdown)
            {
                while (heading < line.Length && line[heading] == '#')
                {
                    heading++;
                }

                if (heading is > 0 and <= 6 && heading < line.Length && line[heading] == ' ')
                {
                    line = line[(heading + 1)..].TrimStart();
                }
                else
                {
                    heading = 0;
                }
            }

            if (markdown && line.Length >= 3 && (line.All(c => c == '-') || line.All(c => c == '_')))
            {
                result.Add(new SeedLine([new TextRun(line, false, false, false)], groupIndex, 0, isRule: true));
                continue;
            }

            // A lone star is the mark under the issuer's name, not an emphasis marker.
            if (line is "*" or "\\*")
            {
                result.Add(new SeedLine([new TextRun("*", false, false, false)], groupIndex, 0));
                continue;
            }

            var runs = new List<TextRun>();
            var buffer = new StringBuilder();
            void Flush()
            {
                if (buffer.Length > 0)
                {
                    runs.Add(new TextRun(buffer.ToString(), bold, italic, false));
                    buffer.Clear();
                }
            }

            void EndLine()
            {
                Flush();
                if (runs.Any(r => r.Text.Trim().Length > 0))
                {
                    result.Add(new SeedLine([.. runs], groupIndex, heading));
                }

                runs = [];
            }

            for (var i = 0; i < line.Length;)
            {
                var c = line[i];
                if (markdown && c == '\\' && i + 1 < line.Length && (char.IsPunctuation(line[i + 1]) || char.IsSymbol(line[i + 1])))
                {
                    buffer.Append(line[i + 1]);
                    i += 2;
                }
                else if (string.CompareOrdinal(line, i, "<sup>", 0, 5) == 0 && line.IndexOf("</sup>", i, StringComparison.Ordinal) is var close and > 0)
                {
                    Flush();
                    runs.Add(new TextRun(line[(i + 5)..close], bold, italic, true));
                    i = close + 6;
                }
                else if (markdown && c == '*')
                {
                    var count = 0;
                    while (i + count < line.Length && line[i + count] == '*')
                    {
                        count++;
                    }

                    var before = i > 0 ? line[i - 1] : ' ';
                    var after = i + count < line.Length ? line[i + count] : ' ';
                    Flush();
                    if ((char.IsLetterOrDigit(before) || before is '.' or ':') && char.IsLetterOrDigit(after))
                    {
                        // Converters glue paragraphs that were separate in the original
                        // ("VĂN PHÒNG****SAO LỤC"): markers between two words close one paragraph's
                        // emphasis and open the next one's.
                        var closing = (bold ? 2 : 0) + (italic ? 1 : 0);
                        EndLine();
                        bold = false;
                        italic = false;
                        Toggle(count - closing, ref bold, ref italic);
                    }
                    else
                    {
                        Toggle(count, ref bold, ref italic);
                    }

                    i += count;
                }
                else
                {
                    buffer.Append(c);
                    i++;
                }
            }

            EndLine();
        }

        return result;
    }

    private static void Toggle(int markers, ref bool bold, ref bool italic)
    {
        switch (markers)
        {
            case 1:
                italic = !italic;
                break;
            case 2:
                bold = !bold;
                break;
            case 3:
                bold = !bold;
                italic = !italic;
                break;
            default:
                // Zero, or "****": an emphasis closed and reopened at once.
                break;
        }
    }

    /// <summary>Upper-case Vietnamese text as printed on issuer, kind and heading lines: letters, none lower case.</summary>
    public static bool IsCaps(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 3;
    }

    public static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
