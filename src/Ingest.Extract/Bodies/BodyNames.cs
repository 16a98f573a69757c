using System.Globalization;
using System.Text;
using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>
/// Normalises printed body names the way the gold annotations write them (gold README,
/// "Conventions"): canonical tone placement (ủy, hóa, khóa, Tòa), single spaces, no honorific
/// ("Các đồng chí"), and a sentence-initial plural article in lower case ("Các cấp ủy" →
/// "các cấp ủy"). Pure and thread-safe.
/// </summary>
public static class BodyNames
{
    private static readonly string[] Honorifics = ["các đồng chí ", "đồng chí ", "các đ/c ", "đ/c "];
    private static readonly string[] PluralArticles = ["Các ", "Những ", "Mọi "];

    /// <summary>The canonical form of a printed body name; empty for blank input.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = VietnameseText.CollapseWhiteSpace(VietnameseText.CanonicalTones(name)).Trim(' ', ',', ';', ':', '.', '-', '*');
        foreach (var honorific in Honorifics)
        {
            if (text.StartsWith(honorific, StringComparison.OrdinalIgnoreCase))
            {
                text = text[honorific.Length..];
                break;
            }
        }

        foreach (var article in PluralArticles)
        {
            if (text.StartsWith(article, StringComparison.Ordinal))
            {
                return char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];
            }
        }

        return text;
    }

    /// <summary>True when two printed names denote the same body name (tone style, case, spacing ignored).</summary>
    public static bool SameName(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return string.Equals(VietnameseText.Key(Canonical(left)), VietnameseText.Key(Canonical(right)), StringComparison.Ordinal);
    }
}
