using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>
/// Splits text into words, numbers and punctuation for phrase matching. Linear in the text;
/// stateless and thread-safe.
/// </summary>
internal static class TextTokenizer
{
    // Word forms repeat endlessly across an archive (Vietnamese has a few thousand syllables), so
    // their keys are cached. The cap bounds memory on odd input; past it keys are computed anew.
    private const int KeyCacheCapacity = 100_000;
    private static readonly ConcurrentDictionary<string, (string Key, string Folded)> KeyCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Key, string Folded)>.AlternateLookup<ReadOnlySpan<char>> KeyCacheBySpan =
        KeyCache.GetAlternateLookup<ReadOnlySpan<char>>();

    // A scratch list past this many tokens is not kept for the next text: one huge text must not
    // pin its buffer for the rest of the run.
    private const int MaxKeptScratchTokens = 16_384;

    // Tokens are collected in a per-thread scratch list and copied out at their exact count. The
    // count cannot be told from the length (syllables are short, punctuation dense), and a list
    // grown by doubling copies itself and leaves arrays past the large-object threshold behind.
    [ThreadStatic]
    private static List<TextToken>? _scratch;

    private static int _keyCacheCount;

    /// <summary>Tokens of <paramref name="text"/>, in order.</summary>
    public static List<TextToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = _scratch ??= new List<TextToken>(256);
        scratch.Clear();
        AddTokens(text, scratch);
        var tokens = new List<TextToken>(scratch.Count);
        tokens.AddRange(CollectionsMarshal.AsSpan(scratch));
        if (scratch.Capacity > MaxKeptScratchTokens)
        {
            _scratch = null;
        }

        return tokens;
    }

    private static void AddTokens(string text, List<TextToken> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                tokens.Add(new TextToken(i, 1, "\n", TokenKind.LineBreak, false));
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                i++;
                while (i < text.Length && (IsWordChar(text[i]) || (IsInnerJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }

                var word = text.AsSpan(start, i - start);
                var kind = char.IsDigit(c) ? TokenKind.Number : TokenKind.Word;
                var capitalized = kind == TokenKind.Word && char.IsUpper(c);
                var (key, folded) = KeysOf(word);
                tokens.Add(new TextToken(start, i - start, key, kind, capitalized, capitalized && IsAllUpper(word), folded));
                continue;
            }

            tokens.Add(new TextToken(i, 1, PunctuationKey(c), TokenKind.Punctuation, false));
            i++;
        }
    }

    /// <summary>Keys of the words of a phrase, for building phrase tables.</summary>
    public static string[] Keys(string phrase) => [.. Tokenize(phrase).Select(t => t.Key)];

    /// <summary>Keys without diacritics of the words of a phrase.</summary>
    public static string[] FoldedKeys(string phrase) => [.. Tokenize(phrase).Select(t => t.FoldedKey)];

    private static (string Key, string Folded) KeysOf(ReadOnlySpan<char> word)
    {
        if (KeyCacheBySpan.TryGetValue(word, out var keys))
        {
            return keys;
        }

        var text = word.ToString();
        var key = VietnameseText.Key(text);
        keys = (key, VietnameseText.Fold(key));

        // The count is kept apart because ConcurrentDictionary.Count takes every lock.
        if (Volatile.Read(ref _keyCacheCount) < KeyCacheCapacity && KeyCache.TryAdd(text, keys))
        {
            Interlocked.Increment(ref _keyCacheCount);
        }

        return keys;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 1;
    }

    // ASCII first: most characters of Vietnamese text are, and the Unicode tables cost more.
    private static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // "trị-xã", "đ/c", "21-KL/TW", "2.1": joiners only inside a word, never at its edges.
    private static bool IsInnerJoiner(char c) => c is '-' or '/' or '.' or '\'';

    private static string PunctuationKey(char c) => c switch
    {
        '\u2013' or '\u2014' or '\u2012' or '\u2212' => "-",
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => "\"",
        '\u2018' or '\u2019' => "'",
        '\u2026' => ".",
        _ => c.ToString(),
    };
}
