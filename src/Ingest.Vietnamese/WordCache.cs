using System.Collections.Concurrent;

namespace Ingest.Vietnamese;

/// <summary>
/// A process-wide memo from short strings (words, names) to what a pure function computed for
/// them. Vietnamese text is made of a few thousand syllables repeated endlessly, so the same word
/// is shaped, looked up and keyed millions of times in an archive; remembering the answer turns a
/// syllable parse into one hash lookup. Thread-safe; looks up by span without allocating.
/// </summary>
/// <remarks>
/// The cache stops growing at its capacity, so odd input (random letters, long OCR garbage) costs
/// memory only up to that bound; past it values are computed anew each time. Entries are never
/// evicted: the words that fill it first are the common ones.
/// </remarks>
internal sealed class WordCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _capacity;
    private int _count;

    /// <summary>Creates a cache that holds at most <paramref name="capacity"/> entries.</summary>
    public WordCache(int capacity)
    {
        _capacity = capacity;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The remembered value for <paramref name="key"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out TValue value) => _bySpan.TryGetValue(key, out value!);

    /// <summary>The remembered value for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> unless the cache is full.</summary>
    public void Add(ReadOnlySpan<char> key, TValue value)
    {
        // The count is kept apart because ConcurrentDictionary.Count takes every lock.
        if (Volatile.Read(ref _count) < _capacity && _bySpan.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> unless the cache is full.</summary>
    public void Add(string key, TValue value)
    {
        if (Volatile.Read(ref _count) < _capacity && _entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
