using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Extract.Citations;

/// <summary>
/// Reads document numbers and symbols (số và ký hiệu) and writes them in canonical form:
/// party style "&lt;number&gt;-&lt;TYPE&gt;/&lt;ISSUER&gt;" ("19-KL/TW", "52-KH/BTCTW", "738-CV/HU"), upper-case,
/// with "Đ"; state style as printed ("1847/QĐ-TTg", "15/2023/NĐ-CP", "55/2019/QH14"). OCR variants
/// are repaired: spaces around "/" and "-" ("03 - KH / TW"), the look-alike "Ð" (U+00D0) for "Đ",
/// typographic dashes, lower case ("03-kh/tw"). Pure and thread-safe.
/// </summary>
public static partial class DocumentSymbols
{
    // Every character NormaliseLetters replaces.
    private static readonly SearchValues<char> LookAlikes = SearchValues.Create("\u00D0\u00F0\u2013\u2014\u2010\u2011\u2212");

    /// <summary>
    /// Finds the first document symbol in <paramref name="printed"/> (a bare symbol, or a header
    /// line such as "Số: 03-KH/TW") and returns it in canonical form. False when there is none.
    /// A state-shaped symbol with an unknown type code and no year ("123/UBND-NC") is accepted
    /// only when it is all the text holds, optionally after "Số"/"Số:", since inside other text
    /// it cannot be told from slashed words.
    /// </summary>
    public static bool TryParse(string printed, out string canonicalId)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var numberLine = NumberLine().Match(printed);
        foreach (var symbol in FindAll(printed))
        {
            var isWholeLine = numberLine.Success && symbol.Index == numberLine.Groups["symbol"].Index
                && symbol.Length == numberLine.Groups["symbol"].Length;
            if (symbol.Certain || isWholeLine)
            {
                canonicalId = symbol.Id;
                return true;
            }
        }

        canonicalId = string.Empty;
        return false;
    }

    /// <summary>
    /// The document kind the symbol's type code implies ("19-KL/TW" → "Kết luận",
    /// "1847/QĐ-TTg" → "Quyết định"); null when the code is unknown or ambiguous (party "QĐ" is
    /// used for both Quy định and Quyết định; "QH" numbers both laws and resolutions).
    /// </summary>
    public static string? KindOfSymbol(string canonicalId)
    {
        ArgumentNullException.ThrowIfNull(canonicalId);
        var dash = canonicalId.IndexOf('-', StringComparison.Ordinal);
        var slash = canonicalId.IndexOf('/', StringComparison.Ordinal);
        if (dash > 0 && (slash < 0 || dash < slash))
        {
            // Party: the type sits between the dash and the first slash after it.
            var typeEnd = canonicalId.IndexOf('/', dash + 1);
            if (typeEnd < 0)
            {
                return null;
            }

            var code = Upper(canonicalId[(dash + 1)..typeEnd]);
            return SymbolCodes.PartyKinds.GetValueOrDefault(code);
        }

        if (dash > 0 && slash > 0)
        {
            // State: the type is the last slash-separated part before the dash.
            var left = canonicalId[..dash];
            var code = Upper(left[(left.LastIndexOf('/') + 1)..]);
            return SymbolCodes.StateKinds.GetValueOrDefault(code);
        }

        return null;
    }

    /// <summary>
    /// Every symbol in <paramref name="text"/>, in order, not overlapping.
    /// <see cref="FoundSymbol.Certain"/> is false for state-shaped text with an unknown type code
    /// and no year ("123/UBND-NC"), which counts only after a type word ("Công văn số ...").
    /// </summary>
    internal static List<FoundSymbol> FindAll(string text)
    {
        // Every shape below has a slash (party "19-KL/TW", state "1847/QĐ-TTg", law "55/2019/QH14");
        // most paragraphs have none, and one vectorised search spares them three regex scans.
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<FoundSymbol>();
        foreach (Match match in PartySymbol().Matches(text))
        {
            if (TryCanonicalParty(match, out var id))
            {
                found.Add(new FoundSymbol(id, match.Index, match.Length, Certain: true));
            }
        }

        foreach (Match match in StateSymbol().Matches(text))
        {
            var code = Upper(NormaliseLetters(match.Groups["type"].Value));
            var certain = SymbolCodes.StateKinds.ContainsKey(code) || match.Groups["year"].Success;
            found.Add(new FoundSymbol(CanonicalState(match), match.Index, match.Length, certain));
        }

        foreach (Match match in LawSymbol().Matches(text))
        {
            var id = string.Concat(match.Groups["num"].Value, "/", match.Groups["year"].Value, "/", Upper(match.Groups["body"].Value));
            found.Add(new FoundSymbol(id, match.Index, match.Length, Certain: true));
        }

        found.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var result = new List<FoundSymbol>(found.Count);
        var covered = -1;
        foreach (var symbol in found)
        {
            if (symbol.Index >= covered)
            {
                result.Add(symbol);
                covered = symbol.Index + symbol.Length;
            }
        }

        return result;
    }

    /// <summary>
    /// True when the text up to and including <paramref name="index"/>, ignoring trailing white
    /// space, ends with a document symbol ("... số 19-KL/TW (" with the index before "(").
    /// </summary>
    internal static bool EndsWithSymbol(string text, int index)
    {
        var end = index;
        while (end >= 0 && char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        if (end < 0)
        {
            return false;
        }

        const int LongestSymbol = 48;
        var start = Math.Max(0, end + 1 - LongestSymbol);
        var window = text[start..(end + 1)];
        foreach (var symbol in FindAll(window))
        {
            if (symbol.Index + symbol.Length == window.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryCanonicalParty(Match match, out string id)
    {
        id = string.Empty;
        var printedType = NormaliseLetters(match.Groups["type"].Value);
        var printedIssuer = NormaliseLetters(match.Groups["issuer"].Value);
        var code = Upper(printedType);
        var known = SymbolCodes.PartyKinds.ContainsKey(code);

        // An unknown code is believed only when printed in capitals, as symbols are; lower-case
        // symbols are an OCR reading and must use a known code ("03-kh/tw").
        if (!known && !(IsCapitals(printedType) && IsCapitals(printedIssuer)))
        {
            return false;
        }

        var builder = new StringBuilder(match.Length);
        builder.Append(match.Groups["num"].Value).Append('-')
            .Append(SymbolCodes.MixedCaseSpellings.GetValueOrDefault(code, code))
            .Append('/').Append(Upper(printedIssuer));
        if (match.Groups["sub"].Success)
        {
            builder.Append('/').Append(Upper(NormaliseLetters(match.Groups["sub"].Value)));
        }

        id = builder.ToString();
        return true;
    }

    private static string CanonicalState(Match match)
    {
        var type = NormaliseLetters(match.Groups["type"].Value);
        var issuer = NormaliseLetters(match.Groups["issuer"].Value);
        var typeCode = Upper(type);
        var typeKnown = SymbolCodes.StateKinds.ContainsKey(typeCode);

        // State symbols keep the case they were printed in ("TTg"); a print in one case only
        // (all capitals, or lower case from OCR) is restored to the conventional spelling.
        var oneCase = IsCapitals(type + issuer) || IsLower(type + issuer);
        var canonicalType = typeKnown || oneCase ? SymbolCodes.MixedCaseSpellings.GetValueOrDefault(typeCode, typeCode) : type;
        var canonicalIssuer = oneCase
            ? string.Join('-', Upper(issuer).Split('-').Select(part => SymbolCodes.MixedCaseSpellings.GetValueOrDefault(part, part)))
            : issuer;

        var builder = new StringBuilder(match.Length);
        builder.Append(match.Groups["num"].Value).Append('/');
        if (match.Groups["year"].Success)
        {
            builder.Append(match.Groups["year"].Value).Append('/');
        }

        return builder.Append(canonicalType).Append('-').Append(canonicalIssuer).ToString();
    }

    /// <summary>"Ð" (U+00D0, Icelandic eth, a common OCR and font slip) and "ð" read as "Đ"/"đ"; dashes as "-".</summary>
    private static string NormaliseLetters(string value)
    {
        // Most symbols are printed with the right letters and dashes: they are kept as they are.
        if (value.AsSpan().IndexOfAny(LookAlikes) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\u00D0' => '\u0110',
                '\u00F0' => '\u0111',
                '\u2013' or '\u2014' or '\u2010' or '\u2011' or '\u2212' => '-',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string Upper(string value) => NormaliseLetters(value).ToUpperInvariant();

    private static bool IsCapitals(string value) => value.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool IsLower(string value) => value.All(c => !char.IsLetter(c) || char.IsLower(c));

    // A number line: the symbol alone, optionally after "Số", "Số:", "So." (any case).
    [GeneratedRegex(@"^\s*(?:[Ss][ốoỐO]\s*[:.]?\s*)?(?<symbol>\S(?:.*\S)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine();

    // Party: number, dash, 1-5 letter type, slash, issuer code, optional sub-code ("45-CV/VPTW/nb").
    // Bounded quantifiers only, so matching stays linear.
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}/.\-])(?<num>\d{1,4})[ \t]{0,2}[-\u2010-\u2014\u2212][ \t]{0,2}(?<type>\p{L}{1,5})[ \t]{0,2}/[ \t]{0,2}(?<issuer>\p{L}[\p{L}\p{Nd}]{0,11})(?:/(?<sub>\p{L}{1,4}))?(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex PartySymbol();

    // State: number, optional year, slash, type code, dash, issuer code(s) ("15/2023/NĐ-CP",
    // "01/2015/TTLT-BTC-BNV").
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}/.\-])(?<num>\d{1,5})(?:[ \t]{0,2}/[ \t]{0,2}(?<year>(?:19|20)\d{2}))?[ \t]{0,2}/[ \t]{0,2}(?<type>\p{L}{1,8})[ \t]{0,2}[-\u2010-\u2014\u2212][ \t]{0,2}(?<issuer>\p{L}[\p{L}\p{Nd}]{0,14}(?:-\p{L}[\p{L}\p{Nd}]{0,14}){0,3})(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex StateSymbol();

    // Acts of the National Assembly and its Standing Committee: "55/2019/QH14", "12/2021/UBTVQH15".
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}/.\-])(?<num>\d{1,3})/(?<year>(?:19|20)\d{2})/(?<body>(?:QH|UBTVQH)\d{1,2})(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LawSymbol();
}

/// <summary>A symbol found in a text, canonicalised.</summary>
/// <param name="Id">Canonical id.</param>
/// <param name="Index">Offset of the printed symbol.</param>
/// <param name="Length">Length of the printed symbol.</param>
/// <param name="Certain">False when the shape alone does not prove it is a symbol (state shape, unknown type, no year).</param>
internal readonly record struct FoundSymbol(string Id, int Index, int Length, bool Certain);
