using System.Text;

namespace Ingest.Vietnamese.Tests;

/// <summary>The syllable list (hunspell-vi) against the tone-placement rules.</summary>
public class WordListTests
{
    [Fact]
    public void CanonicalTones_WhenGivenAnyLexiconSyllable_LeavesItUnchanged()
    {
        var changed = SyllableLexicon.Instance.AllSyllables
            .Where(s => VietnameseText.CanonicalTones(s) != s || VietnameseText.Key(s) != s)
            .ToList();

        changed.Should().BeEmpty();
    }

    [Fact]
    public void CanonicalTones_WhenGivenAnyHunspellEntry_OnlyMovesMarksOfOpenOaOeUy()
    {
        // The Debian list is in the classic style (hoà, thuỷ): canonicalisation may move a mark to the
        // first vowel of an open oa/oe/uy rhyme, and must leave every other entry exactly as it is.
        var unexpected = new List<string>();
        foreach (var entry in ReadHunspellEntries())
        {
            var canonical = VietnameseText.CanonicalTones(entry);
            if (canonical == entry)
            {
                continue;
            }

            var folded = VietnameseText.Fold(entry) == VietnameseText.Fold(canonical);
            var rhyme = VietnameseText.Fold(entry)[^2..];
            var classic = VietnameseText.ApplyToneStyle(canonical, ToneStyle.Classic) == entry;
            if (!folded || rhyme is not ("oa" or "oe" or "uy") || !classic)
            {
                unexpected.Add($"{entry} -> {canonical}");
            }
        }

        unexpected.Should().BeEmpty();
    }

    [Fact]
    public void Lexicon_WhenLoaded_HoldsTheHunspellSyllables()
    {
        var lexicon = SyllableLexicon.Instance;

        // 6,631 entries minus acronyms and foreign words that are not syllables.
        lexicon.Count.Should().BeGreaterThan(6500);
        lexicon.TryGetId("hoà", out var classic).Should().BeTrue();
        lexicon.TryGetId("HÒA", out var canonical).Should().BeTrue();
        classic.Should().Be(canonical);
        lexicon.TryGetId("chuân", out _).Should().BeFalse();
        lexicon.UnigramTotal.Should().BeGreaterThan(100_000);
    }

    [Theory]
    [InlineData("hòa")] // canonical, as the lexicon stores it
    [InlineData("hoà")] // classic tone style
    [InlineData("Hoà")] // capitalised
    [InlineData("HOÀ")] // capitals
    [InlineData("hOà")] // mixed case: not a common spelling, found by shaping
    [InlineData("hòà")] // doubled tone mark: found by shaping
    public void TryGetId_WhenGivenAnySpellingOfASyllable_FindsTheSameId(string spelling)
    {
        var lexicon = SyllableLexicon.Instance;
        lexicon.TryGetId("hòa", out var expected).Should().BeTrue();

        lexicon.TryGetId(spelling, out var id).Should().BeTrue();

        id.Should().Be(expected);
    }

    [Theory]
    [InlineData("chuân")] // not a syllable
    [InlineData("email")] // foreign
    [InlineData("TW")] // acronym
    [InlineData("nghiêngnghiêng")] // longer than any syllable
    public void TryGetId_WhenGivenAWordThatIsNotASyllable_ReturnsFalse(string word)
    {
        SyllableLexicon.Instance.TryGetId(word, out var id).Should().BeFalse();
        id.Should().Be(-1);
    }

    [Fact]
    public void SpellingTable_WhenBuilt_FindsEveryEntryAndNothingElse()
    {
        var syllables = SyllableLexicon.Instance.AllSyllables;
        var table = new SpellingTable([.. syllables.Select((syllable, id) => (syllable, id)), ("hòa", -5)]);

        table.Count.Should().Be(syllables.Count, "a spelling given twice keeps its first value");
        for (var id = 0; id < syllables.Count; id++)
        {
            table.TryGetValue(syllables[id], out var found).Should().BeTrue();
            found.Should().Be(id);
        }

        table.TryGetValue("chuân", out _).Should().BeFalse();
        table.TryGetValue(string.Empty, out _).Should().BeFalse();
    }

    private static IEnumerable<string> ReadHunspellEntries()
    {
        using var stream = typeof(SyllableLexicon).Assembly.GetManifestResourceStream("Ingest.Vietnamese.Data.vi_VN.dic")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
