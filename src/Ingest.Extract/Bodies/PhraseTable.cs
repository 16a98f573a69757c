using System.Collections.Frozen;

namespace Ingest.Extract.Bodies;

/// <summary>
/// Multi-word phrases keyed by their first token, matched longest first against a token list.
/// Built once from data files; read-only and thread-safe afterwards.
/// </summary>
/// <remarks>
/// The first lookup freezes the table: the readers ask it at nearly every token of every text, and
/// a frozen dictionary answers (mostly "no phrase starts here") without the interface call per
/// comparison that a general dictionary of strings makes. Adding after that is an error.
/// </remarks>
/// <typeparam name="T">What a phrase stands for.</typeparam>
/// <param name="ignoreDiacritics">Compare words without their diacritics (VietnameseText.Fold).</param>
internal sealed class PhraseTable<T>(bool ignoreDiacritics = false)
{
    private readonly Dictionary<string, List<(string[] Keys, T Value)>> _byFirstKey = new(StringComparer.Ordinal);

    // Built from _byFirstKey on first lookup; threads racing to build it build equal tables.
    private FrozenDictionary<string, (string[] Keys, T Value)[]>? _frozen;

    /// <summary>Number of phrases.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a phrase. Phrases that tokenise to nothing are ignored.</summary>
    public void Add(string phrase, T value) => Add(ignoreDiacritics ? TextTokenizer.FoldedKeys(phrase) : TextTokenizer.Keys(phrase), value);

    private void Add(string[] keys, T value)
    {
        if (keys.Length == 0)
        {
            return;
        }

        if (Volatile.Read(ref _frozen) is not null)
        {
            throw new InvalidOperationException("A phrase table cannot change once it has been searched.");
        }

        if (!_byFirstKey.TryGetValue(keys[0], out var list))
        {
            list = [];
            _byFirstKey[keys[0]] = list;
        }

        // Longest first, so the first hit is the longest match; ties keep insertion order.
        var index = list.FindIndex(entry => entry.Keys.Length < keys.Length);
        list.Insert(index < 0 ? list.Count : index, (keys, value));
        Count++;
    }

    /// <summary>The longest phrase that starts at <paramref name="index"/>, if any.</summary>
    public bool TryMatch(IReadOnlyList<TextToken> tokens, int index, out T value, out int tokenCount)
    {
        value = default!;
        tokenCount = 0;
        var byFirstKey = Volatile.Read(ref _frozen) ?? Freeze();
        if (index < 0 || index >= tokens.Count || !byFirstKey.TryGetValue(KeyOf(tokens[index]), out var list))
        {
            return false;
        }

        foreach (var (keys, candidate) in list)
        {
            if (index + keys.Length > tokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < keys.Length; k++)
            {
                if (KeyOf(tokens[index + k]) != keys[k])
                {
                    matches = false;
                    break;
                }
            }

            if (matches)
            {
                value = candidate;
                tokenCount = keys.Length;
                return true;
            }
        }

        return false;
    }

    private FrozenDictionary<string, (string[] Keys, T Value)[]> Freeze()
    {
        var frozen = _byFirstKey.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        Volatile.Write(ref _frozen, frozen);
        return frozen;
    }

    private string KeyOf(TextToken token) => ignoreDiacritics ? token.FoldedKey : token.Key;

    /// <summary>True when a phrase starts at <paramref name="index"/>.</summary>
    public bool StartsAt(IReadOnlyList<TextToken> tokens, int index) => TryMatch(tokens, index, out _, out _);
}
