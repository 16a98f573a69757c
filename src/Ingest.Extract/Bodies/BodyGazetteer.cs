using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>
/// The gazetteer of party and state bodies: names with their aliases, spelling variants and
/// old names, level and kind, read from Data/bodies.tsv. Names are matched whatever their tone
/// style, case or spacing ("Uỷ"/"Ủy", "Toà"/"Tòa"). Immutable and thread-safe; load once.
/// </summary>
public sealed class BodyGazetteer
{
    private static readonly Lazy<BodyGazetteer> LazyDefault = new(() => Parse(EmbeddedData.ReadRows("bodies.tsv")));

    // OCR often swaps tone marks ("Ủy ban Kiếm tra", "Mặt trận Tố quốc", "tinh uỷ"). Named bodies of
    // three words or more and generic ones of two are also matched without diacritics; shorter
    // names would collide with ordinary words.
    private const int MinFuzzyWordsNamed = 3;
    private const int MinFuzzyWordsGeneric = 2;

    private readonly PhraseTable<GazetteerEntry> _phrases = new();
    private readonly PhraseTable<(GazetteerEntry Entry, string Spelling)> _foldedPhrases = new(ignoreDiacritics: true);
    private readonly Dictionary<string, GazetteerEntry> _byKey = new(StringComparer.Ordinal);

    private BodyGazetteer(IReadOnlyList<GazetteerEntry> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            foreach (var name in entry.Aliases.Prepend(entry.Name))
            {
                _phrases.Add(name, entry);
                _byKey.TryAdd(VietnameseText.Key(name), entry);
                if (TextTokenizer.Tokenize(name).Count(t => t.IsWord) >= (entry.IsGeneric ? MinFuzzyWordsGeneric : MinFuzzyWordsNamed))
                {
                    _foldedPhrases.Add(name, (entry, name));
                }
            }
        }
    }

    /// <summary>The gazetteer shipped with Ingest, loaded on first use.</summary>
    public static BodyGazetteer Default => LazyDefault.Value;

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>
    /// Reads a gazetteer from TSV rows (name, aliases separated by '|', level, kind, form).
    /// Throws <see cref="FormatException"/> on a malformed row: the data ships with the build.
    /// </summary>
    public static BodyGazetteer Parse(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = new List<GazetteerEntry>();
        foreach (var row in rows)
        {
            if (row.Length != 5 || string.IsNullOrWhiteSpace(row[0]))
            {
                throw new FormatException($"A gazetteer row needs 5 tab-separated columns: '{string.Join("\\t", row)}'.");
            }

            var aliases = row[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(VietnameseText.CanonicalTones)
                .ToArray();
            var level = Enum.TryParse<BodyLevel>(row[2].Trim(), ignoreCase: true, out var parsed)
                ? parsed
                : throw new FormatException($"Unknown level '{row[2]}' for '{row[0]}'.");
            var form = row[4].Trim().ToLower(CultureInfo.InvariantCulture);
            if (form is not ("named" or "generic"))
            {
                throw new FormatException($"Unknown form '{row[4]}' for '{row[0]}' (named or generic).");
            }

            entries.Add(new GazetteerEntry(VietnameseText.CanonicalTones(row[0].Trim()), aliases, level, row[3].Trim(), form == "generic"));
        }

        return new BodyGazetteer(entries);
    }

    /// <summary>
    /// Finds the longest name or alias at the start of <paramref name="text"/>, whole words only
    /// ("Ban Tổ chức Trung ương chủ trì ..." gives Ban Tổ chức Trung ương).
    /// </summary>
    public bool TryMatch(string text, [NotNullWhen(true)] out GazetteerMatch? match)
    {
        ArgumentNullException.ThrowIfNull(text);
        match = null;
        var tokens = TextTokenizer.Tokenize(text);
        if (!TryMatchAt(tokens, 0, out var entry, out var count))
        {
            return false;
        }

        match = new GazetteerMatch(entry, tokens[count - 1].End);
        return true;
    }

    /// <summary>The entry whose name or alias is exactly <paramref name="name"/> (tone style, case and spacing ignored).</summary>
    public bool TryFind(string name, [NotNullWhen(true)] out GazetteerEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byKey.TryGetValue(VietnameseText.Key(name), out entry);
    }

    /// <summary>The longest entry whose tokens start at <paramref name="index"/>.</summary>
    internal bool TryMatchAt(IReadOnlyList<TextToken> tokens, int index, out GazetteerEntry entry, out int tokenCount) =>
        _phrases.TryMatch(tokens, index, out entry, out tokenCount);

    /// <summary>
    /// The longest entry whose tokens start at <paramref name="index"/> when diacritics are
    /// ignored (named bodies of three words or more, generic ones of two): a name OCR misspelt.
    /// </summary>
    /// <param name="tokens">Tokens of the text.</param>
    /// <param name="index">Where the name should start.</param>
    /// <param name="entry">The entry found.</param>
    /// <param name="spelling">The listed name or alias that matched, to print instead of the misspelt words.</param>
    /// <param name="tokenCount">Number of tokens the name covers.</param>
    internal bool TryMatchIgnoringDiacriticsAt(IReadOnlyList<TextToken> tokens, int index, out GazetteerEntry entry, out string spelling, out int tokenCount)
    {
        var found = _foldedPhrases.TryMatch(tokens, index, out var match, out tokenCount);
        (entry, spelling) = found ? match : (null!, string.Empty);
        return found;
    }
}
