using System.Collections.Frozen;
using System.Globalization;

namespace Ingest.Vietnamese;

/// <summary>
/// The attested Vietnamese syllables (Data/vi_VN.dic, from hunspell-vi) in canonical tone style,
/// each with an id, and how often each syllable and each pair of adjacent syllables occurs in clean
/// text (Data/syllable-counts.tsv). Loaded once, on first use; immutable and thread-safe.
/// See Data/README.md for sources and licences.
/// </summary>
internal sealed class SyllableLexicon
{
    private const string DictionaryResource = "Ingest.Vietnamese.Data.vi_VN.dic";
    private const string CountsResource = "Ingest.Vietnamese.Data.syllable-counts.tsv";

    private static readonly Lazy<SyllableLexicon> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _syllables;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _ids;

    // The canonical spellings, their classic tone-style variants, and those capitalised and in capitals.
    private readonly SpellingTable _spellings;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _bySpelling;
    private readonly int[] _unigrams;
    private readonly PairTable _bigrams;
    private readonly int[] _spellingGroups;
    private readonly int[][] _groupMembers;
    private readonly PairTable _groupAfter;
    private readonly PairTable _groupBefore;

    // Capitalised, old-style and unattested spellings seen in text, with their id or -1.
    private readonly WordCache<int> _otherSpellings = new(200_000);

    private SyllableLexicon(string[] syllables, int[] unigrams, PairCounts bigrams)
    {
        _syllables = syllables;
        _unigrams = unigrams;
        _bigrams = new PairTable(bigrams);
        var ids = new Dictionary<string, int>(syllables.Length, StringComparer.Ordinal);
        var bySpelling = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < syllables.Length; id++)
        {
            ids[syllables[id]] = id;
            var spelling = VietnameseText.Fold(syllables[id]);
            if (!bySpelling.TryGetValue(spelling, out var group))
            {
                bySpelling[spelling] = group = [];
            }

            group.Add(id);
        }

        _ids = ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _bySpelling = bySpelling.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _spellings = new SpellingTable(CommonSpellings(syllables));
        UnigramTotal = unigrams.Sum(c => (long)c);

        // Groups of same-spelling syllables, numbered in ordinal order of their spelling.
        _spellingGroups = new int[syllables.Length];
        _groupMembers = new int[bySpelling.Count][];
        var groupNumber = 0;
        foreach (var group in bySpelling.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var id in group.Value)
            {
                _spellingGroups[id] = groupNumber;
            }

            _groupMembers[groupNumber] = [.. group.Value];
            groupNumber++;
        }

        var groupAfter = new PairCounts(bigrams.Count);
        var groupBefore = new PairCounts(bigrams.Count);
        foreach (var (key, count) in bigrams.Entries())
        {
            var (first, second) = ((int)(key >> 32), (int)(key & 0xFFFF_FFFF));
            groupAfter.Add(PairKey(first, _spellingGroups[second]), count);
            groupBefore.Add(PairKey(_spellingGroups[first], second), count);
        }

        _groupAfter = new PairTable(groupAfter);
        _groupBefore = new PairTable(groupBefore);
    }

    /// <summary>The shared instance, loaded from the embedded data on first use.</summary>
    public static SyllableLexicon Instance => Shared.Value;

    /// <summary>Number of attested syllables.</summary>
    public int Count => _syllables.Length;

    /// <summary>Sum of all unigram counts.</summary>
    public long UnigramTotal { get; }

    /// <summary>Every attested syllable, lower case, canonical tone style, in ordinal order (the order of ids).</summary>
    public IReadOnlyList<string> AllSyllables => _syllables;

    /// <summary>The syllable with id <paramref name="id"/>.</summary>
    public string this[int id] => _syllables[id];

    /// <summary>Occurrences of the syllable in the clean-text counts.</summary>
    public int Unigram(int id) => _unigrams[id];

    /// <summary>Occurrences of <paramref name="first"/> directly followed by <paramref name="second"/>.</summary>
    public int Bigram(int first, int second) => _bigrams.Get(first, second);

    /// <summary>Number of the group of syllables spelled like <paramref name="id"/> once diacritics are dropped.</summary>
    public int SpellingGroup(int id) => _spellingGroups[id];

    /// <summary>Number of spelling groups (<see cref="SpellingGroup"/> is below it).</summary>
    public int GroupCount => _groupMembers.Length;

    /// <summary>The syllables of spelling group <paramref name="group"/>, in id order.</summary>
    public ReadOnlySpan<int> GroupMembers(int group) => _groupMembers[group];

    /// <summary>How often <paramref name="first"/> is followed by any syllable of spelling group <paramref name="group"/>.</summary>
    public int GroupAfter(int first, int group) => _groupAfter.Get(first, group);

    /// <summary>How often any syllable of spelling group <paramref name="group"/> is followed by <paramref name="second"/>.</summary>
    public int GroupBefore(int group, int second) => _groupBefore.Get(group, second);

    /// <summary>Packs an ordered pair of ids into one dictionary key.</summary>
    public static long PairKey(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// Looks up a word in any case and tone style ("Hoà", "HÒA", "hòa" all find "hòa").
    /// False for words that are not shaped like a syllable or are not attested.
    /// </summary>
    public bool TryGetId(ReadOnlySpan<char> word, out int id)
    {
        if (word.Length > Syllables.MaxLength)
        {
            id = -1;
            return false;
        }

        // Nearly all running text is spelled one of the ways the table holds; other spellings
        // (mixed case, doubled marks) and words that are not syllables are shaped once per
        // process and remembered.
        if (_spellings.TryGetValue(word, out id))
        {
            return true;
        }

        if (!_otherSpellings.TryGet(word, out id))
        {
            id = Shaped(word);
            _otherSpellings.Add(word, id);
        }

        return id >= 0;
    }

    // The id of a spelling by the rules (canonical tones, lower case), -1 when it is not a syllable.
    private int Shaped(ReadOnlySpan<char> word)
    {
        if (_ids.TryGetValue(word, out var id))
        {
            return id;
        }

        Span<char> key = stackalloc char[Syllables.MaxLength];
        return Syllables.TryShape(word, key, ToneStyle.Canonical, repairHorn: false, lowerCase: true)
            && _ids.TryGetValue(key[..word.Length], out id)
            ? id
            : -1;
    }

    // Each syllable as canonical and classic, each lower case, capitalised and in capitals, kept
    // only where shaping gives the syllable back: the table must answer exactly as shaping would.
    private List<(string Spelling, int Id)> CommonSpellings(string[] syllables)
    {
        var spellings = new List<(string, int)>(syllables.Length * 4);
        Span<char> classic = stackalloc char[Syllables.MaxLength];
        for (var id = 0; id < syllables.Length; id++)
        {
            var canonical = syllables[id];
            var forms = Syllables.TryShape(canonical, classic, ToneStyle.Classic, repairHorn: false, lowerCase: true)
                && !classic[..canonical.Length].SequenceEqual(canonical)
                ? new[] { canonical, classic[..canonical.Length].ToString() }
                : [canonical];
            foreach (var form in forms)
            {
                foreach (var spelling in new[] { form, char.ToUpperInvariant(form[0]) + form[1..], form.ToUpperInvariant() })
                {
                    if (Shaped(spelling) == id)
                    {
                        spellings.Add((spelling, id));
                    }
                }
            }
        }

        return spellings;
    }

    /// <summary>Ids of the syllables spelled with the same letters once diacritics are dropped ("to" → to, tô, tố, tổ, tơ...).</summary>
    public ReadOnlySpan<int> SameSpelling(ReadOnlySpan<char> foldedWord)
    {
        return _bySpelling.TryGetValue(foldedWord, out var ids) ? ids : [];
    }

    private static SyllableLexicon Load()
    {
        var assembly = typeof(SyllableLexicon).Assembly;
        var set = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = OpenResource(assembly, DictionaryResource))
        {
            // The first line of a hunspell .dic file is the entry count.
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                // Entries that are not syllables (acronyms, "email", "internet") do not parse and are skipped.
                if (TryCanonical(line.Trim(), out var canonical))
                {
                    set.Add(canonical);
                }
            }
        }

        var syllables = set.Order(StringComparer.Ordinal).ToArray();
        var byName = new Dictionary<string, int>(syllables.Length, StringComparer.Ordinal);
        for (var id = 0; id < syllables.Length; id++)
        {
            byName[syllables[id]] = id;
        }

        var ids = byName.GetAlternateLookup<ReadOnlySpan<char>>();

        var unigrams = new int[syllables.Length];
        var bigrams = new PairCounts(1 << 16);
        using (var reader = OpenResource(assembly, CountsResource))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab < 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    continue;
                }

                var words = line.AsSpan(0, tab);
                var space = words.IndexOf(' ');
                if (space < 0)
                {
                    if (TryId(ids, words, out var id))
                    {
                        unigrams[id] += count;
                    }
                }
                else if (TryId(ids, words[..space], out var first) && TryId(ids, words[(space + 1)..], out var second))
                {
                    bigrams.Add(PairKey(first, second), count);
                }
            }
        }

        return new SyllableLexicon(syllables, unigrams, bigrams);
    }

    private static bool TryId(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids, ReadOnlySpan<char> word, out int id)
    {
        // The counts file is re-canonicalised here so that it cannot disagree with the shaping rules.
        id = -1;
        if (MarkComposer.HasCombiningMarks(word))
        {
            return TryCanonical(word.ToString(), out var composed) && ids.TryGetValue(composed, out id);
        }

        Span<char> key = stackalloc char[Syllables.MaxLength];
        return word.Length <= Syllables.MaxLength
            && Syllables.TryShape(word, key, ToneStyle.Canonical, repairHorn: false, lowerCase: true)
            && ids.TryGetValue(key[..word.Length], out id);
    }

    private static bool TryCanonical(string word, out string canonical)
    {
        canonical = string.Empty;
        var nfc = VietnameseText.Nfc(word);
        if (nfc.Length == 0 || nfc.Length > Syllables.MaxLength)
        {
            return false;
        }

        Span<char> key = stackalloc char[Syllables.MaxLength];
        if (!Syllables.TryShape(nfc, key, ToneStyle.Canonical, repairHorn: false, lowerCase: true))
        {
            return false;
        }

        canonical = key[..nfc.Length].ToString();
        return true;
    }

    private static StreamReader OpenResource(System.Reflection.Assembly assembly, string name)
    {
        var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
        return new StreamReader(stream, System.Text.Encoding.UTF8);
    }
}
