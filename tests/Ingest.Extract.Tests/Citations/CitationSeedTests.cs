using Ingest.Extract.Citations;
using Ingest.Extract.Tests.Deadlines;

namespace Ingest.Extract.Tests.Citations;

public sealed class CitationSeedTests
{
    private readonly CitationFinder _finder = new();

    [Theory]
    [InlineData("000_e8d2ea5daa605cb4")] // no numbered citation
    [InlineData("001_3c65a1fe10e1c98c")] // plan, web rendition: 21-KL/TW, 01-KL/TW, 19-KL/TW
    [InlineData("002_b32dc4e3d7d5ddd9")] // news article: aside before the issuer, issuer as subject of "ban hành"
    [InlineData("003_2db8125d1e88a77c")] // Kết luận and copy notice
    [InlineData("004_43a41352d9a36873")] // cover letter (3), plan (25 ids), copy notice (0)
    public void FindAll_WhenRunOverSeedDocuments_MatchesGoldCitations(string seed)
    {
        foreach (var (document, text) in SeedCorpus.Documents(seed))
        {
            var ownNumber = SeedCorpus.StringOrNull(document, "number");
            var gold = document.GetProperty("citations").EnumerateArray()
                .Select(c => (
                    Id: c.GetProperty("id").GetString()!,
                    Kind: SeedCorpus.StringOrNull(c, "kind"),
                    IssuedOn: SeedCorpus.DateOrNull(c, "issuedOn"),
                    Issuer: SeedCorpus.StringOrNull(c, "issuer")))
                .ToList();

            // As the extraction stage does: every paragraph, the document's own number left out.
            var mentions = SeedCorpus.Paragraphs(text)
                .SelectMany(p => _finder.FindAll(p.Text).Select(m => (Match: m, SectionId: (string?)null, MentionText: p.Text.Substring(m.Index, m.Length))))
                .Where(m => m.Match.Id != ownNumber);
            var found = CitationMerger.Merge(mentions).Select(c => (c.Id, c.Kind, c.IssuedOn, c.Issuer)).ToList();

            found.Should().Equal(gold, "document {0} of {1}", ownNumber ?? "(no number)", seed);
        }
    }
}
