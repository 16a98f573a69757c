using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ingest.Vietnamese;

/// <summary>
/// An immutable map from spellings of at most <see cref="MaxLength"/> characters to syllable ids,
/// looked up by span. Thread-safe.
/// </summary>
/// <remarks>
/// Every word of every text is looked up three times on its way through normalisation (legacy
/// detection, diacritic repair, text quality). A syllable fits in 128 bits (seven UTF-16 characters
/// and the length), so the key is packed into two integers and stored in the slot itself: a lookup
/// reads one slot (or a few neighbours, linear probing) and touches no other memory, where the
/// general frozen dictionary follows a bucket to an entry and the entry to a string. Holding the
/// capitalised and upper-case spellings too answers the words that start sentences and fill
/// headings without the shaping memo behind.
/// </remarks>
internal sealed class SpellingTable
{
    /// <summary>The longest spelling the table can hold.</summary>
    public const int MaxLength = 7;

    private readonly Slot[] _slots;
    private readonly int _shift;

    /// <summary>Builds the table; a spelling given twice keeps its first value.</summary>
    public SpellingTable(IReadOnlyList<(string Spelling, int Value)> entries)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 2));
        _slots = new Slot[size];
        _shift = 64 - BitOperations.Log2((uint)size);
        foreach (var (spelling, value) in entries)
        {
            if (spelling.Length is 0 or > MaxLength)
            {
                throw new ArgumentException($"Spellings must be 1 to {MaxLength} characters long: \"{spelling}\".", nameof(entries));
            }

            var (low, high) = Pack(spelling);
            var slot = Home(low, high);
            while (_slots[slot].High != 0 && !(_slots[slot].Low == low && _slots[slot].High == high))
            {
                slot = (slot + 1) & (size - 1);
            }

            if (_slots[slot].High == 0)
            {
                _slots[slot] = new Slot { Low = low, High = high, Value = value };
                Count++;
            }
        }
    }

    /// <summary>Number of spellings held.</summary>
    public int Count { get; }

    /// <summary>The value for <paramref name="spelling"/>, if the table holds it.</summary>
    public bool TryGetValue(ReadOnlySpan<char> spelling, out int value)
    {
        if (spelling.Length is 0 or > MaxLength)
        {
            value = -1;
            return false;
        }

        var (low, high) = Pack(spelling);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var slot = Home(low, high); ; slot = (slot + 1) & mask)
        {
            ref readonly var candidate = ref slots[slot];
            if (candidate.Low == low && candidate.High == high)
            {
                value = candidate.Value;
                return true;
            }

            // An empty slot has High == 0; every key has its length (at least 1) in High.
            if (candidate.High == 0)
            {
                value = -1;
                return false;
            }
        }
    }

    // Characters 0-3 in the low word; 4-6 and the length in the high word.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Pack(ReadOnlySpan<char> spelling)
    {
        ulong low = 0, high = (ulong)spelling.Length << 48;
        for (var i = 0; i < spelling.Length; i++)
        {
            if (i < 4)
            {
                low |= (ulong)spelling[i] << (16 * i);
            }
            else
            {
                high |= (ulong)spelling[i] << (16 * (i - 4));
            }
        }

        return (low, high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong low, ulong high) =>
        (int)(unchecked(((low * 0x9E3779B97F4A7C15UL) ^ high) * 0xC2B2AE3D27D4EB4FUL) >> _shift);

    private struct Slot
    {
        public ulong Low;
        public ulong High;
        public int Value;
    }
}
