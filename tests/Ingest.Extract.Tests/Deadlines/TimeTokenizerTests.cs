using Ingest.Extract.Deadlines;

namespace Ingest.Extract.Tests.Deadlines;

public sealed class TimeTokenizerTests
{
    [Theory]
    // A quarter with its year: word, numeral, slash, number; offsets into the whole text.
    [InlineData("trong quy ii/2022.", 6, 17, "quy|ii|/|2022")]
    // Markdown emphasis is skipped like white space.
    [InlineData("(*thuong xuyen*)", 1, 15, "thuong|xuyen")]
    public void Tokenize_ReadsWordsNumbersAndSymbolsOfTheWindow(string folded, int start, int end, string expected)
    {
        var tokens = TimeTokenizer.Tokenize(folded, start, end);

        tokens.Select(t => t.Text).Should().Equal(expected.Split('|'));
        tokens.Should().OnlyContain(t => folded.Substring(t.Start, t.Text.Length) == t.Text);
    }

    [Fact]
    public void Tokenize_IntoAList_ReplacesWhatItHeld()
    {
        // One list serves every window after a scheduling word: tokens of the last window must not linger.
        var tokens = new List<TimeToken>();
        TimeTokenizer.Tokenize("thang 12/2021 va thang 1/2022", 0, 29, tokens);
        TimeTokenizer.Tokenize("nam 2023", 0, 8, tokens);

        tokens.Select(t => t.Text).Should().Equal("nam", "2023");
    }
}
