using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tests.Bodies;

public sealed class TextTokenizerTests
{
    [Fact]
    public void Tokenize_WhenCalledAgain_EarlierTokensAreUnchanged()
    {
        // Tokens are gathered in a scratch list reused by the next call: what a caller holds must be its own copy.
        var first = TextTokenizer.Tokenize("Ban Tổ chức Trung ương chủ trì.");
        TextTokenizer.Tokenize("Bộ Chính trị, Ban Bí thư");

        first.Select(t => t.Key).Should().Equal("ban", "tổ", "chức", "trung", "ương", "chủ", "trì", ".");
    }

    [Theory]
    // Past the scratch size that is kept between calls: the list is dropped, the tokens are whole.
    [InlineData(20_000)]
    // Well under it: the usual case.
    [InlineData(3)]
    public void Tokenize_WhenTextIsLong_KeepsEveryToken(int words)
    {
        var text = string.Join(' ', Enumerable.Repeat("cấp ủy", words));

        var tokens = TextTokenizer.Tokenize(text);
        var after = TextTokenizer.Tokenize("các cấp ủy");

        tokens.Should().HaveCount(2 * words);
        tokens[^1].End.Should().Be(text.Length);
        after.Select(t => t.Key).Should().Equal("các", "cấp", "ủy");
    }
}
