using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ingest.Vietnamese;

/// <summary>
/// Immutable counts for pairs of syllable ids (or of an id and a spelling group), built once from a
/// <see cref="PairCounts"/>: eight bytes a slot, so the clean-text tables the diacritic repair asks
/// for nearly every word stay small enough for the processor's caches. Thread-safe.
/// </summary>
internal sealed class PairTable
{
    /// <summary>The largest id either side of a pair may have (the lexicon has some 7,000 syllables).</summary>
    public const int MaxId = 0x7FFF;

    // Each slot: (key + 1) in the high half, the count in the low half; 0 is an empty slot.
    private readonly ulong[] _slots;
    private readonly int _shift;

    /// <summary>Builds the table from counts keyed by <see cref="SyllableLexicon.PairKey"/>; both halves of each key must be at most <see cref="MaxId"/>.</summary>
    public PairTable(PairCounts counts)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, counts.Count * 2));
        _slots = new ulong[size];
        _shift = 32 - BitOperations.Log2((uint)size);
        foreach (var (key, count) in counts.Entries())
        {
            var (first, second) = ((int)(key >> 32), (int)(key & 0xFFFF_FFFF));
            if (first is < 0 or > MaxId || second is < 0 or > MaxId || count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), $"Pair ({first}, {second}) or its count {count} does not fit a pair table.");
            }

            var stored = Stored(first, second);
            var slot = Home(stored);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            _slots[slot] = ((ulong)stored << 32) | (uint)count;
        }
    }

    /// <summary>The count for the pair, 0 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(int first, int second)
    {
        if (first is < 0 or > MaxId || second is < 0 or > MaxId)
        {
            return 0;
        }

        var stored = Stored(first, second);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = Home(stored); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if ((uint)(entry >> 32) == stored)
            {
                return unchecked((int)(uint)entry);
            }

            if (entry == 0)
            {
                return 0;
            }
        }
    }

    private static uint Stored(int first, int second) => ((uint)first << 16 | (uint)second) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(uint stored) => (int)(unchecked(stored * 0x9E3779B9u) >> _shift);
}
