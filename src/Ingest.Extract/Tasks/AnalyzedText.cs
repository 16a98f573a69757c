using System.Buffers;
using System.Text;
using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tasks;

/// <summary>
/// A text prepared for clause analysis: Markdown emphasis and HTML tags removed, tokenised,
/// and cut into sentences. Immutable.
/// </summary>
internal sealed class AnalyzedText
{
    private const int RecentCapacity = 256;

    // Every character Clean removes or starts a removal with.
    private static readonly SearchValues<char> CleanedCharacters = SearchValues.Create("*_\r<");

    [ThreadStatic]
    private static Dictionary<string, AnalyzedText>? _recent;

    private AnalyzedText(string text, List<TextToken> tokens, List<(int Start, int End)> sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    /// <summary>The cleaned text the tokens point into.</summary>
    public string Text { get; }

    /// <summary>Tokens of <see cref="Text"/>.</summary>
    public IReadOnlyList<TextToken> Tokens { get; }

    /// <summary>Sentences as token ranges [Start, End), without their final punctuation.</summary>
    public IReadOnlyList<(int Start, int End)> Sentences { get; }

    /// <summary>Prepares one paragraph; line breaks inside it are wraps, not sentence ends.</summary>
    public static AnalyzedText Create(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Analyze(CleanLine(raw));
    }

    /// <summary>
    /// Prepares paragraphs read as one text: a heading and the paragraphs under it. Every
    /// paragraph starts a new sentence; line breaks inside a paragraph are wraps.
    /// </summary>
    public static AnalyzedText FromParagraphs(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        return Analyze(string.Join("\n", paragraphs.Select(CleanLine)));
    }

    /// <summary>
    /// Prepares a line that <see cref="CleanLine"/> has already cleaned (a heading read by several
    /// rules), without cleaning it a second time: that could remove a tag the first pass formed.
    /// </summary>
    public static AnalyzedText FromCleanLine(string cleaned)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        return Analyze(cleaned);
    }

    private static AnalyzedText Analyze(string text)
    {
        // The task finder asks about the same item text several times (is it a report, an attribute
        // line, whose intro is it), and a section's text again inside its parent's: one analysis
        // serves them all. Per thread, so parallel files never share or lock; bounded, so one huge
        // document cannot hold on to memory.
        var cache = _recent ??= new Dictionary<string, AnalyzedText>(StringComparer.Ordinal);
        if (cache.TryGetValue(text, out var analyzed))
        {
            return analyzed;
        }

        if (cache.Count >= RecentCapacity)
        {
            cache.Clear();
        }

        var tokens = TextTokenizer.Tokenize(text);
        analyzed = new AnalyzedText(text, tokens, SplitSentences(tokens));
        cache[text] = analyzed;
        return analyzed;
    }

    /// <summary>
    /// Starts a new document: analyses are shared within one document only, so that the cost of a
    /// document never depends on which documents the same thread read before it.
    /// </summary>
    public static void ForgetRecent() => _recent?.Clear();

    /// <summary>
    /// Removes what formats leave in running text but is not part of it: Markdown emphasis markers
    /// ("**2.5. ...**", "(*thực hiện thường xuyên*)") and HTML tags, with the footnote number of
    /// a "&lt;sup&gt;" tag.
    /// </summary>
    public static string Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);

        // Most paragraphs hold none of the characters removed below; they are returned as they are.
        if (raw.AsSpan().IndexOfAny(CleanedCharacters) < 0)
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c is '*' or '_' or '\r')
            {
                i++;
                continue;
            }

            if (c == '<' && TryTagEnd(raw, i, out var tagEnd))
            {
                var tag = raw[i..tagEnd];
                i = tagEnd;
                if (tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase))
                {
                    var close = raw.IndexOf("</sup>", i, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? i : close + "</sup>".Length;
                }

                continue;
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    /// <summary><see cref="Clean"/>, with line breaks turned into spaces: a wrapped heading or paragraph is one line.</summary>
    public static string CleanLine(string raw) => Clean(raw).Replace('\n', ' ');

    private static bool TryTagEnd(string text, int start, out int end)
    {
        end = -1;
        if (start + 1 >= text.Length || !(char.IsAsciiLetter(text[start + 1]) || text[start + 1] == '/'))
        {
            return false;
        }

        // Tags are short; a '<' in prose ("< 5 năm") is not followed by a '>' this soon.
        var close = text.IndexOf('>', start);
        if (close < 0 || close - start > 40)
        {
            return false;
        }

        end = close + 1;
        return true;
    }

    private static List<(int Start, int End)> SplitSentences(List<TextToken> tokens)
    {
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == TokenKind.LineBreak)
            {
                Close(sentences, start, i);
                start = i + 1;
                continue;
            }

            if (token.Kind == TokenKind.Punctuation && token.Key is "." or "!" or "?")
            {
                var next = i + 1 < tokens.Count ? tokens[i + 1] : default;
                if (i + 1 == tokens.Count || next.Kind == TokenKind.LineBreak || next.IsCapitalized || next.Key == "\"")
                {
                    Close(sentences, start, i);
                    start = i + 1;
                }
            }
        }

        Close(sentences, start, tokens.Count);
        return sentences;
    }

    private static void Close(List<(int Start, int End)> sentences, int start, int end)
    {
        if (end > start)
        {
            sentences.Add((start, end));
        }
    }
}
