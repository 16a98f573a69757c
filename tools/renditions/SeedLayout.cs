using System.Text.RegularExpressions;

namespace Ingest.Renditions;

/// <summary>What a paragraph of a document is, which decides how an office document lays it out.</summary>
internal enum ParaRole
{
    /// <summary>Running text.</summary>
    Text,

    /// <summary>A website's title line above a saved document.</summary>
    SiteTitle,

    /// <summary>A website's metadata line ("Số hiệu 03-KH/TW").</summary>
    SiteMeta,

    /// <summary>A digital-signature stamp ("Ký bởi: ...").</summary>
    Stamp,

    /// <summary>The kind line (tên loại: "KẾ HOẠCH").</summary>
    Kind,

    /// <summary>Lines under the kind line saying what the document is about (trích yếu).</summary>
    Subject,

    /// <summary>A typed rule ("-----").</summary>
    Separator,

    /// <summary>A Roman-numbered heading ("I- MỤC ĐÍCH, YÊU CẦU").</summary>
    Roman,

    /// <summary>A decimal-numbered paragraph ("1.", or "2.1." at level 2).</summary>
    Numbered,

    /// <summary>A dash item.</summary>
    Bullet,

    /// <summary>"Kính gửi: ..." (addressees of a letter).</summary>
    Addressee,

    /// <summary>"Nơi nhận:" (distribution list label).</summary>
    RecipientsLabel,

    /// <summary>A dash item of a distribution or addressee list (small print).</summary>
    Recipient,

    /// <summary>A line of the signature block.</summary>
    Signature,

    /// <summary>A footnote's body.</summary>
    Footnote,
}

/// <summary>One paragraph to write: its role, its lines (joined by line breaks) and its numbering.</summary>
internal sealed class Para
{
    public required ParaRole Role { get; init; }

    public List<List<TextRun>> Lines { get; } = [];

    /// <summary>Numbers of a numbered paragraph, outermost first ([2, 1] for "2.1."; [4] for "IV-").</summary>
    public int[] Numbers { get; init; } = [];

    /// <summary>Markdown heading depth, 0 when not a Markdown heading.</summary>
    public int MarkdownHeading { get; init; }

    /// <summary>A separator drawn as a line rather than typed (a Markdown thematic break in the seed).</summary>
    public bool Drawn { get; init; }

    /// <summary>Footnote number, for <see cref="ParaRole.Footnote"/>.</summary>
    public string? FootnoteMark { get; init; }

    public string Plain => string.Join(" ", Lines.Select(l => string.Concat(l.Where(r => !r.Superscript).Select(r => r.Text)).Trim()));

    public bool AllBold => Lines.SelectMany(l => l).Where(r => r.Text.Any(char.IsLetterOrDigit)).All(r => r.Bold)
        && Lines.SelectMany(l => l).Any(r => r.Text.Any(char.IsLetterOrDigit));
}

/// <summary>The letterhead of a party document: issuer side (left) and motto side (right).</summary>
internal sealed class Letterhead
{
    public List<(List<TextRun> Line, HeaderLine Kind)> Left { get; } = [];

    public List<(List<TextRun> Line, HeaderLine Kind)> Right { get; } = [];

    public string? Number { get; set; }

    public string? PlaceDate { get; set; }

    public List<string> Issuer { get; } = [];

    /// <summary>A kind line printed inside the letterhead ("SAO LỤC" between issuer and number).</summary>
    public Para? KindInside { get; set; }
}

/// <summary>What a letterhead line is, which decides its typography.</summary>
internal enum HeaderLine
{
    Issuer,
    Motto,
    Star,
    Separator,
    Number,
    PlaceDate,
    About,
}

/// <summary>A seed read as documents; <paramref name="RomanSeparator"/> is what follows Roman numerals ("-" or ".").</summary>
internal sealed record SeedFile(List<SeedDocument> Documents, string RomanSeparator);

/// <summary>One document of a file (a file may hold a cover letter, a plan and a copy notice).</summary>
internal sealed class SeedDocument
{
    public Letterhead? Letterhead { get; set; }

    public List<Para> Before { get; } = [];

    public List<Para> Paras { get; } = [];

    /// <summary>Number of paragraphs, to tell a file's main document from its cover letter and copy notice.</summary>
    public int Size => Paras.Count;

    public string? Kind => Paras.Concat(Letterhead?.KindInside is { } k ? [k] : []).FirstOrDefault(p => p.Role == ParaRole.Kind)?.Plain;

    public string? Signer => Paras.LastOrDefault(p => p.Role == ParaRole.Signature)?.Plain.Replace("Đã ký:", string.Empty, StringComparison.Ordinal).Trim();
}

/// <summary>
/// Reads the structure of a seed generically from its lines: letterheads, kind and subject
/// lines, numbered headings and items, dash items, distribution lists, signature blocks and
/// footnotes; joins lines that a text export hard-wrapped or a page break split.
/// </summary>
internal sealed partial class SeedLayout
{
    private const int LetterheadLookahead = 8;

    private readonly List<SeedLine> _lines;
    private readonly HashSet<string> _kinds;
    private int _next;

    private SeedLayout(List<SeedLine> lines, HashSet<string> kinds)
    {
        _lines = lines;
        _kinds = kinds;
    }

    public static SeedFile Parse(string text, HashSet<string> kinds)
    {
        var layout = new SeedLayout(SeedText.Read(text), kinds);
        var documents = layout.Documents();
        return new SeedFile(documents, layout.RomanSeparator ?? "-");
    }

    private List<SeedDocument> Documents()
    {
        var documents = new List<SeedDocument>();
        var current = new SeedDocument();
        documents.Add(current);
        ReadPreamble(current);
        var afterRecipients = false;
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            if (StartsLetterhead(_next))
            {
                if (current.Letterhead is not null || current.Paras.Count > 0)
                {
                    current = new SeedDocument();
                    documents.Add(current);
                }

                current.Letterhead = ReadLetterhead();
                ReadKindAndSubject(current);
                afterRecipients = false;
                continue;
            }

            if (SignatureStart().IsMatch(line.Plain) || (afterRecipients && SeedText.IsCaps(line.Plain) && !IsLabelled(line.Plain)))
            {
                ReadSignature(current);
                afterRecipients = false;
                continue;
            }

            if (RecipientsLabel().IsMatch(line.Plain))
            {
                current.Paras.Add(Single(ParaRole.RecipientsLabel, line));
                _next++;
                ReadRecipients(current);
                afterRecipients = true;
                continue;
            }

            if (Addressee().IsMatch(line.Plain))
            {
                current.Paras.Add(Single(ParaRole.Addressee, line));
                _next++;
                ReadRecipients(current);
                continue;
            }

            if (line.StartsWithSuperscript)
            {
                var mark = line.Runs.First(r => r.Superscript).Text.Trim();
                var body = line.Runs.SkipWhile(r => r.Text.Trim().Length == 0).Skip(1).ToList();
                var note = new Para { Role = ParaRole.Footnote, FootnoteMark = mark };
                note.Lines.Add(TrimStart(body));
                current.Paras.Add(note);
                _next++;
                continue;
            }

            if (Separator().IsMatch(line.Plain))
            {
                current.Paras.Add(Single(ParaRole.Separator, line));
                _next++;
                continue;
            }

            ReadBodyParagraph(current);
        }

        return documents;
    }

    /// <summary>Site title and metadata lines, and a signature stamp, before the first letterhead.</summary>
    private void ReadPreamble(SeedDocument document)
    {
        var stampGroup = -1;
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            if (line.Plain.StartsWith("Ký bởi:", StringComparison.Ordinal))
            {
                stampGroup = line.Group;
            }

            if (line.Group == stampGroup)
            {
                AppendOrAdd(document.Before, ParaRole.Stamp, line);
                _next++;
                continue;
            }

            if (SiteMeta().IsMatch(line.Plain))
            {
                document.Before.Add(Single(ParaRole.SiteMeta, line));
                _next++;
                continue;
            }

            // A website title: a long first line followed by metadata lines.
            if (_next == 0 && _next + 1 < _lines.Count && SiteMeta().IsMatch(_lines[_next + 1].Plain))
            {
                document.Before.Add(Single(ParaRole.SiteTitle, line));
                _next++;
                continue;
            }

            break;
        }
    }

    private bool StartsLetterhead(int index)
    {
        var plain = _lines[index].Plain;
        if (!(SeedText.IsCaps(plain) || Motto().IsMatch(plain)) || IsLabelled(plain) || SignatureStart().IsMatch(plain) || _kinds.Contains(plain))
        {
            return false;
        }

        var seen = 0;
        for (var i = index + 1; i < _lines.Count && seen < LetterheadLookahead; i++, seen++)
        {
            var candidate = _lines[i].Plain;
            if (NumberLine().IsMatch(candidate) || PlaceDate().IsMatch(candidate))
            {
                return true;
            }

            var headerLike = SeedText.IsCaps(candidate) || Motto().IsMatch(candidate) || candidate == "*" || Separator().IsMatch(candidate) || _kinds.Contains(candidate);
            if (!headerLike)
            {
                return false;
            }
        }

        return false;
    }

    private Letterhead ReadLetterhead()
    {
        var head = new Letterhead();
        var lastRight = false;
        var aboutGroup = -1;
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            var plain = line.Plain;
            var runs = line.Runs.ToList();
            if (line.Group == aboutGroup && !NumberLine().IsMatch(plain) && !PlaceDate().IsMatch(plain))
            {
                head.Left.Add((runs, HeaderLine.About));
            }
            else if (Motto().IsMatch(plain) && !head.Left.Any(l => l.Kind == HeaderLine.Number))
            {
                head.Right.Add((runs, HeaderLine.Motto));
                lastRight = true;
            }
            else if (PlaceDate().IsMatch(plain))
            {
                head.Right.Add((runs, HeaderLine.PlaceDate));
                head.PlaceDate = plain;
                lastRight = true;
            }
            else if (NumberLine().IsMatch(plain))
            {
                head.Left.Add((runs, HeaderLine.Number));
                head.Number = NumberLine().Match(plain).Groups["number"].Value;
                lastRight = false;
            }
            else if (plain == "*")
            {
                head.Left.Add((runs, HeaderLine.Star));
                lastRight = false;
            }
            else if (Separator().IsMatch(plain))
            {
                (lastRight ? head.Right : head.Left).Add((runs, HeaderLine.Separator));
            }
            else if (About().IsMatch(plain))
            {
                head.Left.Add((runs, HeaderLine.About));
                aboutGroup = line.Group;
            }
            else if (_kinds.Contains(plain) && (head.Number is null || head.PlaceDate is null))
            {
                head.KindInside = Single(ParaRole.Kind, line);
            }
            else if (SeedText.IsCaps(plain) && head.Number is null && head.PlaceDate is null && !_kinds.Contains(plain))
            {
                head.Left.Add((runs, HeaderLine.Issuer));
                head.Issuer.Add(plain);
                lastRight = false;
            }
            else
            {
                break;
            }

            _next++;
        }

        return head;
    }

    private void ReadKindAndSubject(SeedDocument document)
    {
        if (_next >= _lines.Count || !_kinds.Contains(_lines[_next].Plain))
        {
            return;
        }

        var kindLine = _lines[_next];
        document.Paras.Add(Single(ParaRole.Kind, kindLine));
        _next++;
        Para? subject = null;
        var subjectGroup = -1;
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            var plain = line.Plain;
            if (Separator().IsMatch(plain))
            {
                document.Paras.Add(Single(ParaRole.Separator, line));
                _next++;
                return;
            }

            var subjectLike = (SeedText.IsCaps(plain) || line.AllBold || SeedText.StartsLower(plain))
                && !IsLabelled(plain) && !RecipientsLabel().IsMatch(plain) && !SignatureStart().IsMatch(plain) && !StartsLetterhead(_next);
            if (!subjectLike && !(subject is not null && line.Group == subjectGroup))
            {
                return;
            }

            if (subject is null || line.Group != subjectGroup)
            {
                subject = new Para { Role = ParaRole.Subject };
                document.Paras.Add(subject);
                subjectGroup = line.Group;
            }

            subject.Lines.Add([.. line.Runs]);
            _next++;
        }
    }

    private void ReadSignature(SeedDocument document)
    {
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            if (StartsLetterhead(_next))
            {
                return;
            }

            document.Paras.Add(Single(ParaRole.Signature, line));
            _next++;
            var isTitle = SeedText.IsCaps(line.Plain) || SignatureStart().IsMatch(line.Plain);
            if (!isTitle)
            {
                // The signer's name ends the block.
                return;
            }
        }
    }

    private void ReadRecipients(SeedDocument document)
    {
        while (_next < _lines.Count && Bullet().Match(_lines[_next].Plain) is { Success: true })
        {
            var line = _lines[_next];
            var para = new Para { Role = ParaRole.Recipient };
            para.Lines.Add(StripLabel(line.Runs, Bullet().Match(line.Plain).Groups["text"].Value));
            document.Paras.Add(para);
            _next++;
        }
    }

    private void ReadBodyParagraph(SeedDocument document)
    {
        var line = _lines[_next];
        var plain = line.Plain;
        Para para;
        if (Roman().Match(plain) is { Success: true } roman && RomanValue(roman.Groups["number"].Value) is > 0 and var value)
        {
            para = new Para { Role = ParaRole.Roman, Numbers = [value], MarkdownHeading = line.MarkdownHeading };
            para.Lines.Add(StripLabel(line.Runs, roman.Groups["text"].Value));
            RomanSeparator ??= roman.Groups["separator"].Value;
        }
        else if (SubNumbered().Match(plain) is { Success: true } sub)
        {
            para = new Para { Role = ParaRole.Numbered, Numbers = [int.Parse(sub.Groups["outer"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(sub.Groups["inner"].Value, System.Globalization.CultureInfo.InvariantCulture)], MarkdownHeading = line.MarkdownHeading };
            para.Lines.Add(StripLabel(line.Runs, sub.Groups["text"].Value));
        }
        else if (Numbered().Match(plain) is { Success: true } numbered)
        {
            para = new Para { Role = ParaRole.Numbered, Numbers = [int.Parse(numbered.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture)], MarkdownHeading = line.MarkdownHeading };
            para.Lines.Add(StripLabel(line.Runs, numbered.Groups["text"].Value));
        }
        else if (Bullet().Match(plain) is { Success: true } bullet)
        {
            para = new Para { Role = ParaRole.Bullet, MarkdownHeading = line.MarkdownHeading };
            para.Lines.Add(StripLabel(line.Runs, bullet.Groups["text"].Value));
        }
        else
        {
            // A paragraph a page break split: the previous one stops mid-sentence and this one
            // goes on in lower case, or a long paragraph stops on a word or comma (the next line
            // then starts with a proper noun, "Đảng", "Chính trị"). In the original document
            // they are one paragraph.
            var previous = document.Paras.LastOrDefault();
            var previousEnd = previous?.Plain.TrimEnd() is { Length: > 0 } end ? end[^1] : '.';
            var stopsMidSentence = char.IsLetterOrDigit(previousEnd) || previousEnd == ',';
            if (previous is { Role: ParaRole.Text or ParaRole.Numbered or ParaRole.Bullet } && _next > 0
                && _lines[_next - 1].Group != line.Group && !EndsSentence(previous.Plain)
                && (SeedText.StartsLower(plain) || (stopsMidSentence && previous.Plain.Length >= 100)))
            {
                AppendText(previous.Lines[^1], line.Runs);
                _next++;
                JoinWrappedLines(previous, line);
                return;
            }

            para = new Para { Role = ParaRole.Text, MarkdownHeading = line.MarkdownHeading };
            para.Lines.Add([.. line.Runs]);
        }

        document.Paras.Add(para);
        _next++;
        JoinWrappedLines(para, line);
    }

    /// <summary>The Roman heading separator the document uses ("-" or "."), from its first Roman heading.</summary>
    public string? RomanSeparator { get; private set; }

    /// <summary>Joins the following lines of the same group that a text export hard-wrapped.</summary>
    private void JoinWrappedLines(Para para, SeedLine first)
    {
        var previous = first;
        while (_next < _lines.Count)
        {
            var line = _lines[_next];
            if (line.Group != first.Group || IsLabelled(line.Plain) || Bullet().IsMatch(line.Plain)
                || SignatureStart().IsMatch(line.Plain) || RecipientsLabel().IsMatch(line.Plain) || line.StartsWithSuperscript
                || line.MarkdownHeading != first.MarkdownHeading)
            {
                return;
            }

            // A line that ends a sentence followed by one that starts a new one is a paragraph of
            // its own (exports that put one paragraph per line, without blank lines).
            if (EndsSentence(previous.Plain) && !SeedText.StartsLower(line.Plain))
            {
                return;
            }

            AppendText(para.Lines[^1], line.Runs);
            previous = line;
            _next++;
        }
    }

    private static void AppendText(List<TextRun> target, IReadOnlyList<TextRun> runs)
    {
        target.Add(new TextRun(" ", false, false, false));
        target.AddRange(runs);
    }

    private static bool EndsSentence(string text) => text.TrimEnd().Length > 0 && text.TrimEnd()[^1] is '.' or ':' or ';' or '!' or '?' or '…';

    private static bool IsLabelled(string plain) => Roman().IsMatch(plain) || Numbered().IsMatch(plain) || SubNumbered().IsMatch(plain);

    private static Para Single(ParaRole role, SeedLine line)
    {
        var para = new Para { Role = role, MarkdownHeading = line.MarkdownHeading, Drawn = line.IsRule };
        para.Lines.Add([.. line.Runs]);
        return para;
    }

    private static void AppendOrAdd(List<Para> paras, ParaRole role, SeedLine line)
    {
        if (paras.LastOrDefault() is { } last && last.Role == role)
        {
            last.Lines.Add([.. line.Runs]);
        }
        else
        {
            paras.Add(Single(role, line));
        }
    }

    /// <summary>Removes a typed label from the runs, keeping the emphasis of the text after it.</summary>
    private static List<TextRun> StripLabel(IReadOnlyList<TextRun> runs, string textAfterLabel)
    {
        var visible = string.Concat(runs.Where(r => !r.Superscript).Select(r => r.Text));
        var skip = visible.Length - visible.TrimStart().Length + visible.Trim().Length - textAfterLabel.Length;
        var result = new List<TextRun>();
        foreach (var run in runs)
        {
            if (skip > 0 && !run.Superscript)
            {
                if (run.Text.Length <= skip)
                {
                    skip -= run.Text.Length;
                    continue;
                }

                result.Add(run with { Text = run.Text[skip..] });
                skip = 0;
                continue;
            }

            result.Add(run);
        }

        return TrimStart(result);
    }

    private static List<TextRun> TrimStart(List<TextRun> runs)
    {
        var result = runs.SkipWhile(r => r.Text.Trim().Length == 0).ToList();
        if (result.Count > 0)
        {
            result[0] = result[0] with { Text = result[0].Text.TrimStart() };
        }

        return result;
    }

    public static int RomanValue(string roman)
    {
        var values = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100 };
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var value = values[roman[i]];
            total += i + 1 < roman.Length && values[roman[i + 1]] > value ? -value : value;
        }

        return total;
    }

    [GeneratedRegex(@"^ĐẢNG C[ỘÔO]NG SẢN VIỆT NAM\s*$")]
    private static partial Regex Motto();

    [GeneratedRegex(@"^Số\s*:?\s*(?<number>\d+[-/]\S+)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^[\p{L} .]{2,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(V/v|Về việc)\b")]
    private static partial Regex About();

    [GeneratedRegex(@"^[-_–—]{3,}$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(T/M|TM\.|K/T|KT\.|T/L|TL\.|Q\.|T/U)\s")]
    private static partial Regex SignatureStart();

    [GeneratedRegex(@"^Nơi nhận\s*:?")]
    private static partial Regex RecipientsLabel();

    [GeneratedRegex(@"^Kính gửi\s*:")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"^(Số hiệu|Ngày ban hành|Ngày có hiệu lực|Loại văn bản|Cơ quan ban hành|Người ký|Lĩnh vực|Tình trạng)\s+\S")]
    private static partial Regex SiteMeta();

    [GeneratedRegex(@"^(?<number>[IVXL]{1,6})\s*(?<separator>[-.–])\s+(?<text>\S.*)$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?<outer>\d{1,2})\.(?<inner>\d{1,2})\.?\s+(?<text>\S.*)$")]
    private static partial Regex SubNumbered();

    [GeneratedRegex(@"^(?<number>\d{1,2})\.\s+(?<text>\S.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^[-–+•]\s+(?<text>\S.*)$")]
    private static partial Regex Bullet();
}
