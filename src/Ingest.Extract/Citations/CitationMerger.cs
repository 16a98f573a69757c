using System.Globalization;
using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Extract.Citations;

/// <summary>
/// Merges the mentions of a document into one <see cref="Citation"/> per distinct id (GOLD.md:
/// "every distinct cited numbered document"; gold README decision 13: date and issuer merged over
/// all mentions). Pure and thread-safe.
/// </summary>
public static class CitationMerger
{
    /// <summary>
    /// One citation per distinct id, in order of first mention. Kind is the first printed type
    /// word, else the kind the symbol implies; date, issuer and subject are the first printed in
    /// any mention. An issuer printed in capitals (a title line) yields to one printed in normal
    /// case, for this or any other citation of the batch ("BỘ CHÍNH TRỊ" → "Bộ Chính trị").
    /// </summary>
    public static IReadOnlyList<Citation> Merge(IEnumerable<(CitationMatch Match, string? SectionId, string MentionText)> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var order = new List<string>();
        var byId = new Dictionary<string, List<(CitationMatch Match, string? SectionId, string MentionText)>>(StringComparer.Ordinal);
        var normalCaseNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            if (!byId.TryGetValue(mention.Match.Id, out var list))
            {
                list = [];
                byId.Add(mention.Match.Id, list);
                order.Add(mention.Match.Id);
            }

            list.Add(mention);
            if (mention.Match.Issuer is { } issuer && !IsCapitals(issuer))
            {
                normalCaseNames.TryAdd(VietnameseText.Key(issuer), issuer);
            }
        }

        var citations = new List<Citation>(order.Count);
        foreach (var id in order)
        {
            var list = byId[id];
            var kind = list.Select(m => m.Match.KindWord).FirstOrDefault(k => k is not null)
                ?? list.Select(m => m.Match.SymbolKind).FirstOrDefault(k => k is not null);
            citations.Add(new Citation(id, kind)
            {
                IssuedOn = list.Select(m => m.Match.IssuedOn).FirstOrDefault(d => d is not null),
                Issuer = MergeIssuer(list.Select(m => m.Match.Issuer), normalCaseNames),
                Title = list.Select(m => m.Match.Title).FirstOrDefault(t => t is not null),
                Mentions = list.Select(m => new CitationMention(m.MentionText, m.SectionId)).ToList(),
            });
        }

        return citations;
    }

    private static string? MergeIssuer(IEnumerable<string?> issuers, Dictionary<string, string> normalCaseNames)
    {
        string? capitals = null;
        foreach (var issuer in issuers)
        {
            if (issuer is null)
            {
                continue;
            }

            if (!IsCapitals(issuer))
            {
                return issuer;
            }

            capitals ??= issuer;
        }

        if (capitals is null)
        {
            return null;
        }

        return normalCaseNames.TryGetValue(VietnameseText.Key(capitals), out var spelled) ? spelled : CapitaliseWords(capitals);
    }

    // Last resort for a name seen only in capitals: each word capitalised. Vietnamese names
    // capitalise only some syllables ("Ban Chấp hành"), which cannot be told without a gazetteer.
    private static string CapitaliseWords(string capitals)
    {
        var words = capitals.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length > 1 && !IsRomanNumeral(word))
            {
                words[i] = string.Concat(word.AsSpan(0, 1), word[1..].ToLower(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(' ', words);
    }

    private static bool IsRomanNumeral(string word) => word.Length > 0 && word.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C');

    private static bool IsCapitals(string value) => value.Any(char.IsLetter) && value.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
