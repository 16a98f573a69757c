using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ingest.Vietnamese;

/// <summary>
/// Counts keyed by packed syllable ids (pairs and triples, see <see cref="SyllableLexicon.PairKey"/>):
/// an open-addressing table with linear probing and a multiplicative hash. Not thread-safe while
/// counting; safe for any number of readers once filled.
/// </summary>
/// <remarks>
/// The diacritic repair asks several of these tables for every word of every document, mostly for
/// pairs that are absent, and the general-purpose dictionaries were a tenth of the CPU time of a
/// DOCX or HTML run. Two of their costs are avoided here: <see cref="long.GetHashCode"/> folds the
/// two halves of a key together, so the pairs (a, b) and (b, a) — and every pair whose ids differ in
/// the same bits — share a hash code, and each lookup follows a bucket to an entries array, a second
/// cache miss. This table scatters keys with Fibonacci hashing and keeps key and count side by side,
/// at most half full, so an absent key is usually answered by the first or second slot it reads.
/// A table is reused document after document; each slot carries the number of the reset that
/// filled it, so emptying the table is one increment, not a pass over memory.
/// </remarks>
internal sealed class PairCounts
{
    // Slot arrays up to this size (256 KB) are kept by Reset whatever the next size.
    private const int KeptSlots = 1 << 14;

    private Slot[] _slots;
    private int _mask;
    private int _shift;

    // Slots of earlier generations are empty; a new array is all generation 0, so counting starts at 1.
    private int _generation;

    /// <summary>Creates a table that holds <paramref name="capacity"/> keys without growing.</summary>
    public PairCounts(int capacity = 16)
    {
        _slots = [];
        Reset(capacity);
    }

    /// <summary>Number of distinct keys counted.</summary>
    public int Count { get; private set; }

    /// <summary>The count for <paramref name="key"/>, 0 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(long key)
    {
        var slots = _slots;
        var mask = _mask;
        var generation = _generation;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Generation != generation)
            {
                return 0;
            }

            if (slot.Key == key)
            {
                return slot.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="amount"/> to the count for <paramref name="key"/>.</summary>
    public void Add(long key, int amount = 1)
    {
        if ((Count + 1) * 2 > _mask + 1)
        {
            Grow();
        }

        var slots = _slots;
        var mask = _mask;
        var generation = _generation;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Generation != generation)
            {
                slot.Key = key;
                slot.Count = amount;
                slot.Generation = generation;
                Count++;
                return;
            }

            if (slot.Key == key)
            {
                slot.Count += amount;
                return;
            }
        }
    }

    /// <summary>
    /// Empties the table and sizes it for <paramref name="capacity"/> keys (it still grows past
    /// them). The slot array is kept when it is large enough, unless it is far larger: one huge
    /// document must not hold its memory for the rest of a run.
    /// </summary>
    public void Reset(int capacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(capacity * 2, 16, 1 << 30));
        if (_slots.Length < size || _slots.Length > Math.Max(size * 8, KeptSlots))
        {
            _slots = new Slot[size];
            _generation = 1;
        }
        else if (_generation == int.MaxValue)
        {
            Array.Clear(_slots);
            _generation = 1;
        }
        else
        {
            _generation++;
        }

        _mask = size - 1;
        _shift = 64 - BitOperations.Log2((uint)size);
        Count = 0;
    }

    /// <summary>Every key and its count, in no particular order.</summary>
    public IEnumerable<(long Key, int Count)> Entries()
    {
        for (var i = 0; i <= _mask; i++)
        {
            if (_slots[i].Generation == _generation)
            {
                yield return (_slots[i].Key, _slots[i].Count);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long key) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var old = _slots;
        var oldSize = _mask + 1;
        var oldGeneration = _generation;
        _slots = new Slot[oldSize * 2];
        _mask = (oldSize * 2) - 1;
        _shift--;
        _generation = 1;
        Count = 0;
        for (var i = 0; i < oldSize; i++)
        {
            if (old[i].Generation == oldGeneration)
            {
                Add(old[i].Key, old[i].Count);
            }
        }
    }

    private struct Slot
    {
        public long Key;
        public int Count;
        public int Generation;
    }
}
