using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>How a head noun behaves (Data/body-grammar.tsv, categories "head-*", "person*").</summary>
internal enum HeadClass
{
    /// <summary>A class noun that names bodies by itself ("chính quyền").</summary>
    Generic,

    /// <summary>A class noun that pairs with the next one before its modifiers ("cơ quan, tổ chức có liên quan").</summary>
    Incomplete,

    /// <summary>Also a common verb ("tổ chức"): a body only after a determiner, before a classifier, or paired.</summary>
    Weak,

    /// <summary>Needs a capitalised name after it ("Bộ Tư pháp").</summary>
    Proper,

    /// <summary>A person noun that governs the bodies after it ("bí thư").</summary>
    Person,

    /// <summary>A person noun that is also a verb ("lãnh đạo"): only inside a list.</summary>
    WeakPerson,
}

/// <summary>What a determiner does to the phrase it starts.</summary>
internal enum DeterminerClass
{
    /// <summary>"các", "những": a plural or collective body.</summary>
    Plural,

    /// <summary>"từng", "mỗi": refers back to bodies already named.</summary>
    Distributive,
}

/// <summary>
/// The word lists that recognise body names not in the gazetteer (Data/body-grammar.tsv).
/// Immutable and thread-safe; loaded once.
/// </summary>
internal sealed class BodyGrammar
{
    private static readonly Lazy<BodyGrammar> LazyDefault = new(() => new BodyGrammar(EmbeddedData.ReadRows("body-grammar.tsv")));

    private BodyGrammar(IReadOnlyList<string[]> rows)
    {
        foreach (var row in rows)
        {
            if (row.Length < 2)
            {
                throw new FormatException($"A body-grammar row needs a phrase and a category: '{string.Join("\\t", row)}'.");
            }

            var phrase = row[0].Trim();
            switch (row[1].Trim())
            {
                case "head-generic": AddHead(phrase, HeadClass.Generic); break;
                case "head-incomplete": AddHead(phrase, HeadClass.Incomplete); break;
                case "head-weak": AddHead(phrase, HeadClass.Weak); break;
                case "head-proper": Heads.Add(phrase, HeadClass.Proper); break;
                case "person": Heads.Add(phrase, HeadClass.Person); break;
                case "person-weak": Heads.Add(phrase, HeadClass.WeakPerson); break;
                case "determiner": Determiners.Add(phrase, DeterminerClass.Plural); break;
                case "distributive": Determiners.Add(phrase, DeterminerClass.Distributive); break;
                case "drop-prefix": DropPrefixes.Add(phrase, true); break;
                case "classifier":
                    var heads = row.Length > 2
                        ? row[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(VietnameseText.Key).ToHashSet(StringComparer.Ordinal)
                        : null;
                    Classifiers.Add(phrase, heads is { Count: > 0 } ? heads : null);
                    break;
                case "relational": Relational.Add(phrase, true); break;
                case "preposition": Prepositions.Add(phrase, true); break;
                case "scope": Scopes.Add(phrase, true); break;
                case "non-body": NonBodies.Add(phrase, true); break;
                case "name-word": NameWords.Add(phrase, true); break;
                case "whole-capital": WholeCapitals.Add(VietnameseText.Key(phrase)); break;
                default: throw new FormatException($"Unknown body-grammar category '{row[1]}' for '{phrase}'.");
            }
        }
    }

    /// <summary>The grammar shipped with Ingest, loaded on first use.</summary>
    public static BodyGrammar Default => LazyDefault.Value;

    /// <summary>Head nouns of body names not in the gazetteer.</summary>
    public PhraseTable<HeadClass> Heads { get; } = new();

    /// <summary>
    /// Generic head nouns of two words or more, compared without diacritics, for names OCR
    /// misspelt ("tố chức đảng"); the value also gives the spelling to restore.
    /// </summary>
    public PhraseTable<(HeadClass Class, string Spelling)> FoldedHeads { get; } = new(ignoreDiacritics: true);

    /// <summary>Articles before a head.</summary>
    public PhraseTable<DeterminerClass> Determiners { get; } = new();

    /// <summary>Honorifics dropped from names.</summary>
    public PhraseTable<bool> DropPrefixes { get; } = new();

    /// <summary>Modifiers that follow a generic head directly; the value lists the heads allowed (null: any).</summary>
    public PhraseTable<HashSet<string>?> Classifiers { get; } = new();

    /// <summary>Modifiers that may follow any head.</summary>
    public PhraseTable<bool> Relational { get; } = new();

    /// <summary>Prepositions before a capitalised complement.</summary>
    public PhraseTable<bool> Prepositions { get; } = new();

    /// <summary>Compounds that start like body words but are not bodies ("đảng viên").</summary>
    public PhraseTable<bool> NonBodies { get; } = new();

    /// <summary>Lower-case words that continue a capitalised name ("Cựu chiến binh").</summary>
    public PhraseTable<bool> NameWords { get; } = new();

    /// <summary>Keys of capitalised words complete in one syllable ("Đảng").</summary>
    public HashSet<string> WholeCapitals { get; } = new(StringComparer.Ordinal);

    /// <summary>Scope phrases dropped from names.</summary>
    public PhraseTable<bool> Scopes { get; } = new();

    private void AddHead(string phrase, HeadClass headClass)
    {
        Heads.Add(phrase, headClass);
        // One-word heads ("ban", "bộ") are never compared without diacritics: too many words fold to them.
        if (TextTokenizer.Tokenize(phrase).Count(t => t.IsWord) >= 2)
        {
            FoldedHeads.Add(phrase, (headClass, VietnameseText.CanonicalTones(phrase)));
        }
    }
}
