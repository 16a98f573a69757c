using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Structure.Data;
using Ingest.Structure.Text;
using Ingest.Vietnamese;

namespace Ingest.Structure.Header;

/// <summary>What one piece of a header line is.</summary>
internal enum HeaderFactKind
{
    /// <summary>Part of the issuing body's name on the letterhead, in capitals ("TỈNH ỦY LONG AN").</summary>
    Letterhead,

    /// <summary>Other text in capitals before the kind line (a body name not in the word list).</summary>
    Capitals,

    /// <summary>The party's name printed opposite the letterhead ("ĐẢNG CỘNG SẢN VIỆT NAM").</summary>
    Motto,

    /// <summary>"Số: 03-KH/TW".</summary>
    Number,

    /// <summary>"Hà Nội, ngày 01 tháng 12 năm 2021".</summary>
    Date,

    /// <summary>The kind line ("KẾ HOẠCH", "SAO LỤC"), possibly with "CỦA BỘ CHÍNH TRỊ".</summary>
    Kind,

    /// <summary>A decoration ("*", "-----").</summary>
    Separator,

    /// <summary>A secrecy, urgency or draft mark ("MẬT", "KHẨN", "DỰ THẢO").</summary>
    Mark,
}

/// <summary>One recognised piece of a header line.</summary>
internal sealed record HeaderFact(HeaderFactKind Kind, string Text)
{
    public string? Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Place { get; init; }

    public DocumentKind? DocumentKind { get; init; }

    /// <summary>For a kind line: the text after the kind word ("CỦA BỘ CHÍNH TRỊ").</summary>
    public string? Rest { get; init; }
}

/// <summary>
/// Recognises the lines of a party document's header and signature block (Hướng dẫn 36-HD/VPTW on
/// the layout of party documents): letterhead, party name, number, place and date, kind line,
/// recipients, signature authority, positions and names. Pure and thread-safe.
/// </summary>
internal static partial class HeaderLine
{
    /// <summary>Header lines are short; longer lines are body text and are never parsed as header facts.</summary>
    public const int MaxHeaderLineLength = 300;

    private const string PartyNameFolded = "dang cong san viet nam";

    private static readonly string[] MottoFolded =
    [
        PartyNameFolded,
        "cong hoa xa hoi chu nghia viet nam",
        "doc lap - tu do - hanh phuc",
    ];

    private static readonly string[] OrganisationStarts = StructureData.ReadList("OrganisationStarts.txt").ToArray();
    private static readonly string[] PositionStarts = StructureData.ReadList("Positions.txt").ToArray();
    private static readonly HashSet<string> Surnames = new(StructureData.ReadList("Surnames.txt"), StringComparer.Ordinal);
    private static readonly HashSet<string> Marks = new(StructureData.ReadList("HeaderMarks.txt"), StringComparer.Ordinal);
    private static readonly string[] SiteMetadataLabels = StructureData.ReadList("SiteMetadataLabels.txt")
        .OrderByDescending(l => l.Length).ToArray();

    /// <summary>
    /// Splits a header line into the facts it holds, or returns null when some part of it is not a
    /// header fact. A line can hold several facts when an export collapsed a two-column header:
    /// "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM", "Số 264-QĐ/TW Hà Nội, ngày 14 tháng 02 năm 2025".
    /// </summary>
    public static IReadOnlyList<HeaderFact>? Parse(string line)
    {
        if (line.Length > MaxHeaderLineLength)
        {
            return null;
        }

        var facts = new List<HeaderFact>();
        return TryParseInto(line.Trim(), facts) && facts.Count > 0 ? facts : null;
    }

    /// <summary>"*", "-----", "___", "* * *": decorations between header parts.</summary>
    public static bool IsSeparator(string line) => line.Length > 0 && TextShape.HasNoWords(line) && line.Length <= 80;

    /// <summary>
    /// Reads "&lt;Place&gt;, ngày D tháng M năm YYYY". The whole line must be the date line, so a date in
    /// running text is never taken for the header date.
    /// </summary>
    public static bool TryParseDate(string line, out DateOnly date, out string? place)
    {
        date = default;
        place = null;
        var match = DateLinePattern().Match(line);
        if (!match.Success)
        {
            match = NumericDateLinePattern().Match(line);
            if (!match.Success)
            {
                return false;
            }
        }

        var day = OcrNumber(match.Groups["d"].Value);
        var month = OcrNumber(match.Groups["m"].Value);
        var year = OcrNumber(match.Groups["y"].Value);
        if (year is < 1930 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        var printedPlace = match.Groups["place"].Value.Trim().TrimEnd(',').Trim();
        place = printedPlace.Length == 0 ? null : VietnameseText.CanonicalTones(TextShape.CollapseSpaces(printedPlace));
        return true;
    }

    /// <summary>A number whose digits OCR may have read as look-alike letters: l and I for 1, O and o for 0.</summary>
    private static int OcrNumber(string printed)
    {
        var value = 0;
        foreach (var c in printed)
        {
            var digit = c switch
            {
                'l' or 'I' => 1,
                'O' or 'o' => 0,
                _ => c - '0',
            };
            value = (value * 10) + digit;
        }

        return value;
    }

    /// <summary>
    /// Reads a kind line: the type word in capitals, alone or followed by more capitals ("KẾ HOẠCH CỦA
    /// BỘ CHÍNH TRỊ", "SAO LỤC") or by a subject in lower case when a reader joined the centred title
    /// lines ("QUY TRÌNH giám sát tổ chức đảng ..."). <paramref name="rest"/> is the text after the type word.
    /// </summary>
    public static bool TryParseKind(string line, out DocumentKind kind, out string rest)
    {
        kind = default!;
        rest = string.Empty;
        if (line.Length == 0 || !char.IsUpper(line[0]))
        {
            return false;
        }

        var folded = TextShape.Fold(line);
        foreach (var candidate in DocumentKind.All)
        {
            if (!TextShape.StartsWithWords(folded, candidate.Folded))
            {
                continue;
            }

            var printedKind = line[..candidate.Folded.Length];
            var after = line[candidate.Folded.Length..].Trim();
            if (!TextShape.IsCapitals(printedKind) || (after.Length > 0 && !TextShape.IsCapitals(after) && !TextShape.StartsLowerCase(after)))
            {
                return false;
            }

            kind = candidate;
            rest = after;
            return true;
        }

        return false;
    }

    /// <summary>A line in capitals that starts like a body name ("TỈNH ỦY LONG AN", "VĂN PHÒNG", "BAN CHẤP HÀNH TRUNG ƯƠNG").</summary>
    public static bool IsOrganisationLine(string line)
    {
        if (line.Length > 120 || !TextShape.IsCapitals(line) || line.EndsWith(':'))
        {
            return false;
        }

        var folded = TextShape.Fold(line);
        return OrganisationStarts.Any(start => TextShape.StartsWithWords(folded, start));
    }

    /// <summary>A position line in capitals in a signature block ("TỔNG BÍ THƯ", "PHÓ CHÁNH VĂN PHÒNG").</summary>
    public static bool IsPositionLine(string line)
    {
        if (line.Length > 120 || !TextShape.IsCapitals(line))
        {
            return false;
        }

        var folded = TextShape.Fold(line);
        return PositionStarts.Any(start => TextShape.StartsWithWords(folded, start));
    }

    /// <summary>
    /// Reads a signature authority line: "T/M BỘ CHÍNH TRỊ", "TM. BAN THƯỜNG VỤ" (on behalf of a body),
    /// "T/L", "TUQ." (by order of a body), "K/T CHÁNH VĂN PHÒNG", "Q. ..." (for a position).
    /// <paramref name="namesBody"/> is true when the rest names a body rather than a position.
    /// </summary>
    public static bool TryParseAuthority(string line, out string rest, out bool namesBody)
    {
        rest = string.Empty;
        namesBody = false;
        if (line.Length > 150)
        {
            return false;
        }

        // OCR often puts a speck before the marker ("_T/M BAN BÍ THƯ").
        var match = AuthorityPattern().Match(line.TrimStart('_', '*', '-', '.', ' ', '\'', '"'));
        if (!match.Success || !TextShape.IsCapitals(match.Groups["rest"].Value))
        {
            return false;
        }

        rest = match.Groups["rest"].Value.Trim();
        var marker = match.Groups["a"].Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal);
        namesBody = marker is "TM" or "TL" or "TUQ";
        return true;
    }

    /// <summary>"Đã ký: Nguyễn Phú Trọng", "(Đã ký)", "ĐÃ KÝ". <paramref name="name"/> is empty when no name follows.</summary>
    public static bool TryParseSignedMark(string line, out string name)
    {
        name = string.Empty;
        if (line.Length > 80)
        {
            return false;
        }

        var match = SignedMarkPattern().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var rest = match.Groups["name"].Value.Trim().TrimEnd(')').Trim();
        if (TryParsePersonName(rest, requireSurname: false, out var person))
        {
            name = person;
        }

        return true;
    }

    /// <summary>
    /// Reads a person's name: 2-6 syllables in title case ("Nguyễn Thị Thu Thủy") or in capitals with a
    /// known family name ("NGUYỄN PHÚ TRỌNG", returned in title case). With
    /// <paramref name="requireSurname"/>, a title-case line must also start with a known family name.
    /// </summary>
    public static bool TryParsePersonName(string line, bool requireSurname, out string name)
    {
        name = string.Empty;
        var text = TextShape.CollapseSpaces(line).Trim('*', '_', ' ', '.');

        // An academic title before the name ("TS. Lê Thị Kim Út", "PGS.TS. ...") is not part of it.
        text = AcademicTitlePattern().Replace(text, string.Empty);
        if (text.Length is < 4 or > 60)
        {
            return false;
        }

        var firstWord = text.Split(' ')[0];
        var knownSurname = Surnames.Contains(TextShape.Fold(firstWord));
        if (TitleCaseNamePattern().IsMatch(text))
        {
            if (requireSurname && !knownSurname)
            {
                return false;
            }

            name = text;
            return true;
        }

        if (CapitalsNamePattern().IsMatch(text) && knownSurname && !IsPositionLine(text) && !IsOrganisationLine(text))
        {
            name = TextShape.CapitaliseEachWord(text);
            return true;
        }

        return false;
    }

    /// <summary>"Kính gửi: ..." or "Nơi nhận: ..."; <paramref name="rest"/> is the text after the colon.</summary>
    public static bool TryParseRecipientsIntro(string line, out bool isKinhGui, out string rest)
    {
        var folded = TextShape.Fold(line);
        isKinhGui = TextShape.StartsWithWords(folded, "kinh gui");
        var isNoiNhan = TextShape.StartsWithWords(folded, "noi nhan");
        rest = string.Empty;
        if (!isKinhGui && !isNoiNhan)
        {
            return false;
        }

        rest = line[8..].TrimStart(' ', ':', '.').Trim();
        return true;
    }

    /// <summary>"V/v ..." or "Về việc ...": the subject line of a letter (công văn), printed under the number.</summary>
    public static bool IsLetterSubject(string line)
    {
        var folded = TextShape.Fold(line);
        return folded.StartsWith("v/v", StringComparison.Ordinal) || TextShape.StartsWithWords(folded, "ve viec");
    }

    /// <summary>
    /// "(Kèm theo Quyết định số 331-QĐ/TW, ngày 18/6/2025 của Ban Bí thư)": the note under the title of
    /// an attachment. Gives the parent's number and, when printed, its issuer.
    /// </summary>
    public static bool TryParseAttachmentNote(string line, out string? parentNumber, out string? parentIssuer)
    {
        parentNumber = null;
        parentIssuer = null;
        if (line.Length > MaxHeaderLineLength)
        {
            return false;
        }

        var folded = TextShape.Fold(line).TrimStart('(', ' ', '*', '_');
        if (!folded.StartsWith("kem theo", StringComparison.Ordinal) && !folded.StartsWith("ban hanh kem theo", StringComparison.Ordinal))
        {
            return false;
        }

        ReadAttachmentNote(line, out parentNumber, out parentIssuer);
        return true;
    }

    /// <summary>
    /// Where an attachment note starts inside a line ("... phụ trách (Kèm theo Quyết định số ..."), or -1.
    /// The note is the bracketed text from there on.
    /// </summary>
    public static int FindAttachmentNote(string line)
    {
        var folded = TextShape.Fold(line);
        foreach (var opening in (string[])["(kem theo", "(ban hanh kem theo"])
        {
            var at = folded.IndexOf(opening, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the parent's number and issuer from an attachment note's text: the symbol anywhere in
    /// it, the issuer after its last "của" ("... ngày 18/6/2025 của Ban Bí thư)").
    /// </summary>
    public static void ReadAttachmentNote(string note, out string? parentNumber, out string? parentIssuer)
    {
        parentNumber = DocumentNumber.FindIn(note);
        parentIssuer = null;
        var padded = " " + note;
        var of = padded.LastIndexOf(" của ", StringComparison.OrdinalIgnoreCase);
        if (of >= 0)
        {
            var issuer = padded[(of + 5)..].Trim().TrimEnd(')', '.', ' ');
            parentIssuer = issuer.Length > 0 ? issuer : null;
        }
    }

    /// <summary>The first line of an electronic signature stamp ("Ký bởi: Thành ủy Hà Nội"): transmission metadata.</summary>
    public static bool IsSignatureStampStart(string line) => TextShape.StartsWithWords(TextShape.Fold(line), "ky boi");

    /// <summary>Other lines of an electronic signature stamp ("Email: ...", "Ngày ký: 05.11.2021 15:00:30", "+07:00").</summary>
    public static bool IsSignatureStampLine(string line) => StampLinePattern().IsMatch(line);

    /// <summary>A line of a website's metadata block: "Số hiệu 03-KH/TW", "Người ký Võ Văn Thưởng".</summary>
    public static bool TryParseSiteMetadata(string line, out string label, out string value)
    {
        label = string.Empty;
        value = string.Empty;
        if (line.Length > 200)
        {
            return false;
        }

        foreach (var candidate in SiteMetadataLabels)
        {
            if (line.StartsWith(candidate, StringComparison.Ordinal) && line.Length > candidate.Length + 1)
            {
                var separator = line[candidate.Length];
                if (separator is not (' ' or ':' or '\t'))
                {
                    continue;
                }

                var rest = line[candidate.Length..].TrimStart(' ', ':', '\t').Trim();
                if (rest.Length == 0)
                {
                    continue;
                }

                label = candidate;
                value = rest;
                return true;
            }
        }

        return false;
    }

    private static bool TryParseInto(string text, List<HeaderFact> facts)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (IsSeparator(text))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Separator, text));
            return true;
        }

        var glued = LeadingDecorationPattern().Match(text);
        if (glued.Success && glued.Length < text.Length)
        {
            // "* Hà Nội, ngày ..." or "--- Số: 03-KH/TW": a decoration printed on the same line.
            facts.Add(new HeaderFact(HeaderFactKind.Separator, glued.Value.Trim()));
            return TryParseInto(text[glued.Length..], facts);
        }

        var folded = TextShape.Fold(text);
        if (Marks.Contains(folded.Trim('(', ')', ' ')))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Mark, text));
            return true;
        }

        foreach (var motto in MottoFolded)
        {
            var at = folded.IndexOf(motto, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !char.IsLetter(folded[at - 1])))
            {
                var end = at + motto.Length;
                if (!TryParseInto(text[..at], facts))
                {
                    return false;
                }

                facts.Add(new HeaderFact(HeaderFactKind.Motto, text[at..end]));
                return TryParseInto(text[end..], facts);
            }
        }

        if (DocumentNumber.TryParseLine(text, out var number, out var rest))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Number, text) { Number = number });
            return TryParseInto(rest.TrimStart(',', ';', ' '), facts);
        }

        if (TryParseDate(text, out var date, out var place))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Date, text) { Date = date, Place = place });
            return true;
        }

        if (TryParseKind(text, out var kind, out var kindRest))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Kind, text) { DocumentKind = kind, Rest = kindRest });
            return true;
        }

        if (IsOrganisationLine(text))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Letterhead, text));
            return true;
        }

        if (TextShape.IsCapitals(text) && text.Length <= 120 && !text.EndsWith(':'))
        {
            facts.Add(new HeaderFact(HeaderFactKind.Capitals, text));
            return true;
        }

        return false;
    }

    // Place: up to 40 letters, spaces and dots before ", ngày"; bounded and lazy so long lines cannot blow up.
    // Digits may come from OCR as look-alike letters ("ngày l8"), read by OcrNumber.
    [GeneratedRegex(@"^(?:(?<place>\p{L}[\p{L}\p{M} .'’-]{0,40}?)\s*,?\s+)?ngày\s+(?<d>[\dlIOo]{1,2})\s+tháng\s+(?<m>[\dlIOo]{1,2})\s+năm\s+(?<y>[\dlIOo]{4})\s*[.)]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLinePattern();

    // A single "-" is a bullet, not a decoration, so dashes count only in runs.
    [GeneratedRegex(@"^(?:[*_=~]{1,20}|[\-–—]{2,20})\s+")]
    private static partial Regex LeadingDecorationPattern();

    // "Hà Nội, ngày 01/12/2021": web and OCR renditions sometimes print the date in figures.
    [GeneratedRegex(@"^(?:(?<place>\p{L}[\p{L}\p{M} .'’-]{0,40}?)\s*,?\s+)?ngày\s+(?<d>[\dlIOo]{1,2})\s*[/.\-]\s*(?<m>[\dlIOo]{1,2})\s*[/.\-]\s*(?<y>[\dlIOo]{4})\s*[.)]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumericDateLinePattern();

    [GeneratedRegex(@"^(?<a>T/M|T\.M\.?|TM\.|TM(?=\s)|K/T|K\.T\.?|KT\.|KT(?=\s)|T/L|TL\.|TL(?=\s)|TUQ\.?|Q\.)\s*(?<rest>\S.*)$")]
    private static partial Regex AuthorityPattern();

    [GeneratedRegex(@"^\(?\s*đã\s+ký\s*\)?\s*[:.]?\s*(?<name>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignedMarkPattern();

    [GeneratedRegex(@"^(?:(?:GS|PGS|TS|TSKH|ThS|Ths|THS|CN|KS|BS)\.\s*)+")]
    private static partial Regex AcademicTitlePattern();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,5}$")]
    private static partial Regex TitleCaseNamePattern();

    [GeneratedRegex(@"^\p{Lu}+(?: \p{Lu}+){1,5}$")]
    private static partial Regex CapitalsNamePattern();

    [GeneratedRegex(@"^(?:(?:Email|E-mail|Cơ quan|Ngày ký|Thời gian ký|Chức vụ|Đơn vị)\s*:|[+-]\d{2}:\d{2}$)", RegexOptions.CultureInvariant)]
    private static partial Regex StampLinePattern();
}
