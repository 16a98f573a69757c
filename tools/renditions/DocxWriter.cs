using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ingest.Renditions;

/// <summary>
/// Writes a seed as the Word file a party office would produce: A4, Times New Roman 14pt, the
/// letterhead as a borderless two-column table, centred kind and subject lines, Word
/// auto-numbering for Roman headings, numbered items and dash items (numbering.xml, so the
/// visible numbers are not in the text), real footnotes, a running header from page 2 and a PAGE
/// field in the footer. Several documents of one file are separated by page breaks.
/// </summary>
internal sealed class DocxWriter
{
    /// <summary>Body font size in half-points (14pt, the size the party's style rules prescribe).</summary>
    private const string BodySize = "28";

    private const string SmallSize = "24";

    /// <summary>Issuer lines at 13pt: long names ("BAN CHẤP HÀNH TRUNG ƯƠNG") then fit the column.</summary>
    private const string IssuerSize = "26";

    private const string StampSize = "20";

    /// <summary>Text width in twips: A4 (11906) less 30 mm left and 20 mm right margins.</summary>
    private const int TextWidth = 11906 - 1701 - 1134;

    private const int FirstLineIndent = 567;

    private const int OutlineAbstract = 1;

    private const int BulletAbstract = 2;

    /// <summary>Fixed package dates, so regenerating gives the same bytes.</summary>
    private static readonly DateTime FixedDate = new(2021, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private readonly SeedFile _seed;
    private readonly List<NumberingInstance> _instances = [];
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly Dictionary<string, int> _footnoteIds = new(StringComparer.Ordinal);
    private readonly List<Footnote> _footnotes = [];
    private int _outlineNum;
    private int _bulletNum;

    private DocxWriter(SeedFile seed)
    {
        _seed = seed;
    }

    public static byte[] Write(SeedFile seed, string title)
    {
        var writer = new DocxWriter(seed);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: true))
        {
            writer.Fill(package, title);
        }

        return Deterministic(stream.ToArray());
    }

    private void Fill(WordprocessingDocument package, string title)
    {
        package.PackageProperties.Title = title;
        package.PackageProperties.Creator = "Văn phòng";
        package.PackageProperties.LastModifiedBy = "Văn phòng";
        package.PackageProperties.Created = FixedDate;
        package.PackageProperties.Modified = FixedDate;
        package.PackageProperties.Revision = "1";

        var main = package.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
        styles.Styles = Styles();
        var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
        settings.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }));

        _bulletNum = NewInstance(BulletAbstract, null, null);
        var body = new Body();
        var first = true;
        foreach (var document in _seed.Documents)
        {
            if (!first)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            }

            first = false;
            foreach (var para in document.Before)
            {
                body.Append(Paragraph(para));
            }

            if (document.Letterhead is { } letterhead)
            {
                body.Append(LetterheadTable(letterhead));
                if (letterhead.KindInside is { } kind)
                {
                    body.Append(Paragraph(kind));
                }
            }

            foreach (var para in document.Paras.Where(p => p.Role != ParaRole.Footnote))
            {
                body.Append(Paragraph(para));
            }
        }

        var numbering = main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");
        numbering.Numbering = Numbering();
        var footnotes = main.AddNewPart<FootnotesPart>("rIdFootnotes");
        footnotes.Footnotes = Footnotes();

        var header = main.AddNewPart<HeaderPart>("rIdHeader");
        header.Header = new Header(Centered(RunningHeader(), italic: true, SmallSize));
        var firstHeader = main.AddNewPart<HeaderPart>("rIdFirstHeader");
        firstHeader.Header = new Header(new Paragraph());
        var footer = main.AddNewPart<FooterPart>("rIdFooter");
        footer.Footer = new Footer(PageNumberParagraph());
        var firstFooter = main.AddNewPart<FooterPart>("rIdFirstFooter");
        firstFooter.Footer = new Footer(new Paragraph());

        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdHeader" },
            new HeaderReference { Type = HeaderFooterValues.First, Id = "rIdFirstHeader" },
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
            new FooterReference { Type = HeaderFooterValues.First, Id = "rIdFirstFooter" },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 },
            new TitlePage()));
        main.Document = new Document(body);
    }

    /// <summary>The running header: what the document is, as offices print it on every page after the first.</summary>
    private string RunningHeader()
    {
        var document = _seed.Documents.Where(d => d.Letterhead?.Number is not null).MaxBy(d => d.Size);
        if (document?.Letterhead?.Number is { } number)
        {
            var kind = document.Kind is { } k ? SentenceCase(k) + " số " : "Số ";
            return kind + number;
        }

        return "Tài liệu lưu hành nội bộ";
    }

    private static string SentenceCase(string text) =>
        text.Length == 0 ? text : text[..1] + text[1..].ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    private static Paragraph PageNumberParagraph() => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(RunFormat(false, false, SmallSize), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(RunFormat(false, false, SmallSize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(RunFormat(false, false, SmallSize), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(RunFormat(false, false, SmallSize), new Text("2")),
        new Run(RunFormat(false, false, SmallSize), new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Paragraph Centered(string text, bool italic, string size) => new(
        new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
        new Run(RunFormat(false, italic, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private Table LetterheadTable(Letterhead letterhead)
    {
        // Letterhead tables in party templates reach into the margins, so the issuer's name and
        // the place-and-date line each fit on one line.
        const int outdent = 567;
        const int tableWidth = TextWidth + (2 * outdent);
        const int leftWidth = 5000;
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = SeedText.Invariant(tableWidth), Type = TableWidthUnitValues.Dxa },
                new TableIndentation { Width = -outdent, Type = TableWidthUnitValues.Dxa },
                none,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = SeedText.Invariant(leftWidth) }, new GridColumn { Width = SeedText.Invariant(tableWidth - leftWidth) }));
        var row = new TableRow(
            Cell(letterhead.Left, leftWidth),
            Cell(letterhead.Right, tableWidth - leftWidth));
        table.Append(row);
        return table;
    }

    private TableCell Cell(List<(List<TextRun> Line, HeaderLine Kind)> lines, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = SeedText.Invariant(width), Type = TableWidthUnitValues.Dxa }));
        foreach (var (line, kind) in lines)
        {
            var (bold, italic, size) = kind switch
            {
                HeaderLine.Issuer => (true, false, IssuerSize),
                HeaderLine.Motto => (true, false, BodySize),
                HeaderLine.PlaceDate => (false, true, BodySize),
                HeaderLine.About => (false, false, SmallSize),
                _ => (false, false, BodySize),
            };
            var paragraph = new Paragraph(new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0" },
                new Justification { Val = JustificationValues.Center }));
            AppendRuns(paragraph, [line], bold, italic, size);
            cell.Append(paragraph);
        }

        if (lines.Count == 0)
        {
            cell.Append(new Paragraph());
        }

        return cell;
    }

    private Paragraph Paragraph(Para para)
    {
        if (para.Drawn)
        {
            // A short centred rule, as under a subject line; no text.
            const int ruleIndent = (TextWidth - 2268) / 2;
            return new Paragraph(new ParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
                new SpacingBetweenLines { Before = "0", After = "240" },
                new Indentation { Left = SeedText.Invariant(ruleIndent), Right = SeedText.Invariant(ruleIndent) }));
        }

        var properties = new ParagraphProperties();
        var bold = false;
        var italic = false;
        var size = BodySize;
        if (para.MarkdownHeading > 0)
        {
            properties.Append(new ParagraphStyleId { Val = "Heading" + SeedText.Invariant(Math.Min(para.MarkdownHeading, 4)) });
        }

        switch (para.Role)
        {
            case ParaRole.Roman:
                properties.Append(Numbered(0, para.Numbers));
                bold = true;
                break;
            case ParaRole.Numbered:
                properties.Append(Numbered(para.Numbers.Length, para.Numbers));
                bold = para.MarkdownHeading > 0 || (para.Plain.Length < 100 && !para.Plain.TrimEnd().EndsWith('.'));
                break;
            case ParaRole.Bullet:
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = _bulletNum }));
                break;
            case ParaRole.Recipient:
                properties.Append(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = _bulletNum }));
                size = SmallSize;
                break;
            default:
                break;
        }

        var (alignment, indent, spacing) = para.Role switch
        {
            ParaRole.Kind => (JustificationValues.Center, 0, "240"),
            ParaRole.Subject or ParaRole.Separator => (JustificationValues.Center, 0, "0"),
            ParaRole.Signature => (JustificationValues.Right, 0, "0"),
            ParaRole.Stamp => (JustificationValues.Right, 0, "0"),
            ParaRole.SiteTitle or ParaRole.SiteMeta or ParaRole.RecipientsLabel or ParaRole.Recipient => (JustificationValues.Left, 0, "0"),
            ParaRole.Addressee => (JustificationValues.Left, 1701, "120"),
            _ => (JustificationValues.Both, FirstLineIndent, "120"),
        };
        properties.Append(new SpacingBetweenLines { Before = para.Role == ParaRole.Kind ? "240" : "0", After = spacing });
        if (indent > 0 && para.Role is ParaRole.Text)
        {
            properties.Append(new Indentation { FirstLine = SeedText.Invariant(indent) });
        }
        else if (para.Role is ParaRole.Addressee)
        {
            properties.Append(new Indentation { Left = SeedText.Invariant(indent) });
        }

        properties.Append(new Justification { Val = alignment });
        switch (para.Role)
        {
            case ParaRole.Kind or ParaRole.Subject or ParaRole.SiteTitle or ParaRole.RecipientsLabel:
                bold = true;
                break;
            case ParaRole.Signature:
                bold = !para.Plain.StartsWith("Đã ký", StringComparison.Ordinal);
                break;
            case ParaRole.Stamp:
                size = StampSize;
                break;
            default:
                break;
        }

        if (para.Role == ParaRole.RecipientsLabel)
        {
            size = SmallSize;
            italic = true;
        }

        properties.Append(new ParagraphMarkRunProperties(RunFormatChildren(bold, false, size)));
        var paragraph = new Paragraph(properties);
        AppendRuns(paragraph, para.Lines, bold, italic, size);
        return paragraph;
    }

    private void AppendRuns(Paragraph paragraph, List<List<TextRun>> lines, bool bold, bool italic, string size)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(RunFormat(bold, italic, size), new Break()));
            }

            var line = lines[i];
            for (var j = 0; j < line.Count; j++)
            {
                var run = line[j];
                var text = run.Text;
                if (j == 0)
                {
                    text = text.TrimStart();
                }

                if (j == line.Count - 1)
                {
                    text = text.TrimEnd();
                }

                if (text.Length == 0)
                {
                    continue;
                }

                if (run.Superscript && _seed.Documents.SelectMany(d => d.Paras).Any(p => p.FootnoteMark == text.Trim()))
                {
                    paragraph.Append(new Run(
                        new RunProperties(new RunStyle { Val = "FootnoteReference" }, new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReference { Id = FootnoteId(text.Trim()) }));
                    continue;
                }

                var properties = RunFormat(bold || run.Bold, italic || run.Italic, size);
                if (run.Superscript)
                {
                    properties.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
                }

                paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
        }
    }

    private int FootnoteId(string mark)
    {
        if (_footnoteIds.TryGetValue(mark, out var id))
        {
            return id;
        }

        id = _footnoteIds.Count + 1;
        _footnoteIds[mark] = id;
        var body = _seed.Documents.SelectMany(d => d.Paras).First(p => p.FootnoteMark == mark);
        var paragraph = new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "FootnoteText" }, new Justification { Val = JustificationValues.Both }),
            new Run(new RunProperties(new RunStyle { Val = "FootnoteReference" }, new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
            new Run(RunFormat(false, false, StampSize), new Text(" ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendRuns(paragraph, body.Lines, false, false, StampSize);
        _footnotes.Add(new Footnote(paragraph) { Id = id });
        return id;
    }

    private Footnotes Footnotes()
    {
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var footnote in _footnotes)
        {
            footnotes.Append(footnote);
        }

        return footnotes;
    }

    /// <summary>
    /// Numbering for a Roman heading (level 0), an item (level 1) or a sub-item "2.1." (level 2).
    /// Continues the current list when Word would print the seed's number there, and otherwise
    /// starts a new list instance whose start values give that number.
    /// </summary>
    private NumberingProperties Numbered(int level, int[] numbers)
    {
        var expected = numbers[^1];
        var parent = level == 2 ? numbers[0] : (int?)null;
        if (_outlineNum == 0 || !Continues(_outlineNum, level, expected, parent))
        {
            _outlineNum = NewInstance(OutlineAbstract, level, expected, parent);
        }

        Advance(_outlineNum, level);
        return new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = _outlineNum });
    }

    private bool Continues(int num, int level, int expected, int? parent)
    {
        var counters = _counters[num];
        var next = counters[level] is int current ? current + 1 : StartOf(num, level);
        var parentValue = level == 2 ? counters[1] ?? StartOf(num, 1) : (int?)null;
        return next == expected && parentValue == parent;
    }

    private int StartOf(int num, int level)
    {
        var instance = _instances[num - 1];
        var start = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.StartOverrideNumberingValue?.Val?.Value;
        return start ?? 1;
    }

    private void Advance(int num, int level)
    {
        var counters = _counters[num];
        counters[level] = counters[level] is int current ? current + 1 : StartOf(num, level);
        for (var deeper = level + 1; deeper < counters.Length; deeper++)
        {
            counters[deeper] = null;
        }
    }

    private int NewInstance(int abstractId, int? level, int? start, int? parent = null)
    {
        var id = _instances.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = id };
        if (level is int l && start is int s)
        {
            if (parent is int p)
            {
                instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = p }) { LevelIndex = 1 });
            }

            if (s != 1 || l == 2)
            {
                instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = s }) { LevelIndex = l });
            }
        }

        _instances.Add(instance);
        _counters[id] = new int?[3];
        return id;
    }

    private Numbering Numbering()
    {
        var separator = _seed.RomanSeparator;
        var outline = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, NumberFormatValues.UpperRoman, "%1" + separator, bold: true),
            Level(1, NumberFormatValues.Decimal, "%2.", bold: false),
            Level(2, NumberFormatValues.Decimal, "%2.%3.", bold: false))
        { AbstractNumberId = OutlineAbstract };
        var bullet = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            Level(0, NumberFormatValues.Bullet, "-", bold: false))
        { AbstractNumberId = BulletAbstract };
        var numbering = new Numbering(outline, bullet);
        foreach (var instance in _instances)
        {
            numbering.Append(instance);
        }

        return numbering;
    }

    private static Level Level(int index, NumberFormatValues format, string text, bool bold) => new(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = format },
        new LevelSuffix { Val = LevelSuffixValues.Space },
        new LevelText { Val = text },
        new LevelJustification { Val = LevelJustificationValues.Left },
        new PreviousParagraphProperties(new Indentation { Left = "0", FirstLine = SeedText.Invariant(FirstLineIndent) }),
        new NumberingSymbolRunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" }, bold ? new Bold() : new Bold { Val = false }))
    { LevelIndex = index };

    private static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = "vi-VN", EastAsia = "en-US", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto })));
        var styles = new Styles(defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        for (var level = 0; level < 4; level++)
        {
            styles.Append(new Style(
                new StyleName { Val = "heading " + SeedText.Invariant(level + 1) },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }, new OutlineLevel { Val = level }),
                new StyleRunProperties(new Bold(), new FontSize { Val = BodySize }))
            { Type = StyleValues.Paragraph, StyleId = "Heading" + SeedText.Invariant(level + 1) });
        }

        styles.Append(new Style(new StyleName { Val = "footnote text" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = StampSize }))
        { Type = StyleValues.Paragraph, StyleId = "FootnoteText" });
        styles.Append(new Style(new StyleName { Val = "footnote reference" },
            new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }))
        { Type = StyleValues.Character, StyleId = "FootnoteReference" });
        return styles;
    }

    private static RunProperties RunFormat(bool bold, bool italic, string size) => new(RunFormatChildren(bold, italic, size));

    private static OpenXmlElement[] RunFormatChildren(bool bold, bool italic, string size)
    {
        var children = new List<OpenXmlElement>();
        if (bold)
        {
            children.Add(new Bold());
        }

        if (italic)
        {
            children.Add(new Italic());
        }

        children.Add(new FontSize { Val = size });
        children.Add(new FontSizeComplexScript { Val = size });
        return [.. children];
    }

    /// <summary>
    /// Rewrites the package with fixed entry times, relationship ids and part names:
    /// System.IO.Packaging stamps the current time on every entry and draws the core-properties
    /// relationship id and part name at random.
    /// </summary>
    private static byte[] Deterministic(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (Name: e.FullName, Content: reader.ReadToEnd());
        }).ToList();

        var randomIds = new List<string>();
        foreach (var (_, content) in entries.Where(e => e.Name.EndsWith(".rels", StringComparison.Ordinal)))
        {
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(content, "Id=\"(R[0-9a-f]{16})\""))
            {
                randomIds.Add(match.Groups[1].Value);
            }
        }

        // The core properties get a random part name too; Word's own name is docProps/core.xml.
        var coreName = entries.Select(e => e.Name).FirstOrDefault(n => n.EndsWith(".psmdcp", StringComparison.Ordinal));

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var fixedTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            foreach (var (name, content) in entries)
            {
                var text = content;
                for (var i = 0; i < randomIds.Count; i++)
                {
                    text = text.Replace(randomIds[i], "rIdPackage" + SeedText.Invariant(i + 1), StringComparison.Ordinal);
                }

                var entryName = name;
                if (coreName is not null)
                {
                    text = text.Replace("/" + coreName, "/docProps/core.xml", StringComparison.Ordinal)
                        .Replace("<Default Extension=\"psmdcp\"", "<Override PartName=\"/docProps/core.xml\"", StringComparison.Ordinal);
                    entryName = name == coreName ? "docProps/core.xml" : name;
                }

                var entry = archive.CreateEntry(entryName, CompressionLevel.Optimal);
                entry.LastWriteTime = fixedTime;
                using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }
}
