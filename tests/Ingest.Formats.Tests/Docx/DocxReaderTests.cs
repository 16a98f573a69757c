using Ingest.Formats.Docx;
using Ingest.Model;
using static Ingest.Formats.Tests.Docx.TestDocx;

namespace Ingest.Formats.Tests.Docx;

public sealed class DocxReaderTests
{
    private static ReadResult Read(byte[] content) =>
        new DocxReader().Read(new SourceFile("test.docx", content), CancellationToken.None);

    private static List<string> Texts(byte[] content) => Read(content).Blocks.Select(b => b.Text).ToList();

    [Fact]
    public void Read_WhenRealPartyRegulation_GivesLetterheadTableKindLineAndSignatureTable()
    {
        var result = Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "04-qd-264-qdtw-2025.docx")));

        result.Failure.Should().BeNull();
        result.Format.Should().Be(SourceFormat.Docx);
        var header = result.Blocks[0];
        header.Kind.Should().Be(BlockKind.Table);
        header.Cells.Should().BeEquivalentTo(new[]
        {
            new[] { "BAN CHẤP HÀNH TRUNG ƯƠNG\n*", "ĐẢNG CỘNG SẢN VIỆT NAM\n---------------" },
            new[] { "Số 264-QĐ/TW", "Hà Nội, ngày 14 tháng 02 năm 2025" },
        }, o => o.WithStrictOrdering());
        result.Blocks[1].Should().Match<Block>(b => b.Text == "QUY ĐỊNH" && b.Style == (BlockStyle.Bold | BlockStyle.Centered));
        result.Blocks.Should().Contain(b => b.Text == "Điều 2. Hiệu lực thi hành" && b.Style == BlockStyle.Bold);
        result.Blocks[^1].Kind.Should().Be(BlockKind.Table);
        result.Blocks[^1].Cells![0][1].Should().StartWith("T/M BỘ CHÍNH TRỊ").And.EndWith("Trần Cẩm Tú");
        result.Blocks.Should().HaveCount(44);
    }

    [Theory]
    // Decimal with a dot: the commonest label in party documents ("1.", "2.").
    [InlineData("decimal", "%1.", 1, "", "1. |2. |3. ")]
    // Upper Roman parts ("I.", "II.") head the big divisions of a plan.
    [InlineData("upperRoman", "%1.", 1, "", "I. |II. |III. ")]
    // Lower letters with a parenthesis ("a)", "b)") number points inside a clause.
    [InlineData("lowerLetter", "%1)", 1, "", "a) |b) |c) ")]
    // Lower Roman is rarer but appears in annexes.
    [InlineData("lowerRoman", "(%1)", 1, "", "(i) |(ii) |(iii) ")]
    // A list that starts at 4 continues a numbering interrupted by a table.
    [InlineData("decimal", "%1.", 4, "", "4. |5. |6. ")]
    // Zero-padded numbers.
    [InlineData("decimalZero", "%1.", 8, "", "08. |09. |10. ")]
    // Word's symbol bullet is a private-use glyph; it prints as a bullet, read as "-".
    [InlineData("bullet", "\uF0B7", 1, "", "- |- |- ")]
    // "+" bullets are the second-level marker of party documents and keep their sign.
    [InlineData("bullet", "+", 1, "", "+ |+ |+ ")]
    // A level with suffix "nothing" glues the label to the text.
    [InlineData("decimal", "%1.", 1, "<w:suff w:val=\"nothing\"/>", "1.|2.|3.")]
    // A level with text "Điều %1." prints the word too.
    [InlineData("decimal", "Điều %1.", 1, "", "Điều 1. |Điều 2. |Điều 3. ")]
    public void Read_WhenParagraphsUseAutoNumbering_PrefixesVisibleLabels(string format, string levelText, int start, string extra, string expected)
    {
        var numbering = Numbering(1, Level(0, format, levelText, start, extra), 1);
        var body = NumberedP("một", 1) + NumberedP("hai", 1) + NumberedP("ba", 1);

        var blocks = Read(Build(body, numbering)).Blocks;

        blocks.Select(b => b.Text).Should().Equal(expected.Split('|').Zip(["một", "hai", "ba"], (label, text) => label + text));
        blocks.Should().OnlyContain(b => b.Kind == BlockKind.ListItem && b.Level == 0);
    }

    [Fact]
    public void Read_WhenMultiLevelNumbering_RestartsDeeperLevelsAndExpandsEveryPlaceholder()
    {
        var levels = Level(0, "upperRoman", "%1.") + Level(1, "decimal", "%2.") + Level(2, "decimal", "%2.%3.");
        var body = NumberedP("A", 1, 0) + NumberedP("B", 1, 1) + NumberedP("C", 1, 2) + NumberedP("D", 1, 2) +
                   NumberedP("E", 1, 1) + NumberedP("F", 1, 2) + NumberedP("G", 1, 0) + NumberedP("H", 1, 1);

        var blocks = Read(Build(body, Numbering(1, levels, 1))).Blocks;

        blocks.Select(b => b.Text).Should().Equal("I. A", "1. B", "1.1. C", "1.2. D", "2. E", "2.1. F", "II. G", "1. H");
        blocks.Select(b => b.Level).Should().Equal(0, 1, 2, 2, 1, 2, 0, 1);
    }

    [Fact]
    public void Read_WhenLevelRestartIsZero_DeeperLevelContinuesAcrossHigherLevels()
    {
        var levels = Level(0, "upperRoman", "%1.") + Level(1, "decimal", "%2.", extra: "<w:lvlRestart w:val=\"0\"/>");
        var body = NumberedP("A", 1, 0) + NumberedP("B", 1, 1) + NumberedP("C", 1, 0) + NumberedP("D", 1, 1);

        Texts(Build(body, Numbering(1, levels, 1))).Should().Equal("I. A", "1. B", "II. C", "2. D");
    }

    [Fact]
    public void Read_WhenTwoNumInstancesShareAnAbstractDefinition_EachCountsFromItsStart()
    {
        var body = NumberedP("A", 1) + NumberedP("B", 1) + NumberedP("C", 2) + NumberedP("D", 1);

        Texts(Build(body, Numbering(1, Level(0, "lowerLetter", "%1)"), 1, 2))).Should().Equal("a) A", "b) B", "a) C", "c) D");
    }

    [Fact]
    public void Read_WhenNumInstanceOverridesStart_UsesTheOverride()
    {
        var numbering = "<w:abstractNum w:abstractNumId=\"1\">" + Level(0, "decimal", "%1.") + "</w:abstractNum>" +
                        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride></w:num>";

        Texts(Build(NumberedP("A", 3) + NumberedP("B", 3), numbering)).Should().Equal("7. A", "8. B");
    }

    [Fact]
    public void Read_WhenNumberingComesFromParagraphStyle_LabelsTheParagraph()
    {
        var styles = "<w:style w:type=\"paragraph\" w:styleId=\"Muc\"><w:name w:val=\"Muc\"/><w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style>";
        var body = P("Mục đích", "<w:pStyle w:val=\"Muc\"/>") + P("Yêu cầu", "<w:pStyle w:val=\"Muc\"/>");

        Texts(Build(body, Numbering(2, Level(0, "upperRoman", "%1-"), 5), styles)).Should().Equal("I- Mục đích", "II- Yêu cầu");
    }

    [Fact]
    public void Read_WhenNumIdIsZero_ParagraphIsNotNumbered()
    {
        var body = P("Không đánh số", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>");

        var block = Read(Build(body, Numbering(1, Level(0, "decimal", "%1."), 1))).Blocks.Single();

        block.Should().Match<Block>(b => b.Text == "Không đánh số" && b.Kind == BlockKind.Paragraph);
    }

    [Theory]
    // The built-in heading style carries outline level 1.
    [InlineData("<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>", "<w:pStyle w:val=\"Heading2\"/>", 2)]
    // A custom style based on a heading inherits its outline level through basedOn.
    [InlineData("<w:style w:type=\"paragraph\" w:styleId=\"H\"><w:name w:val=\"H\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"Mine\"/><w:basedOn w:val=\"H\"/></w:style>", "<w:pStyle w:val=\"Mine\"/>", 1)]
    // Direct outline level on the paragraph.
    [InlineData("", "<w:outlineLvl w:val=\"2\"/>", 3)]
    public void Read_WhenParagraphHasHeadingStyleOrOutlineLevel_GivesHeadingWithLevel(string styles, string properties, int level)
    {
        var block = Read(Build(P("MỤC ĐÍCH", properties), stylesXml: styles.Length > 0 ? styles : null)).Blocks.Single();

        block.Kind.Should().Be(BlockKind.Heading);
        block.Level.Should().Be(level);
    }

    [Fact]
    public void Read_WhenRunsHaveBreaksTabsFieldsAndDeletions_KeepsOnlyVisibleText()
    {
        var body = "<w:p>" +
                   "<w:r><w:t>Trang</w:t><w:tab/></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                   "<w:r><w:br/><w:t>dòng hai</w:t></w:r>" +
                   "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>xoá</w:delText></w:r></w:del>" +
                   "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>" +
                   "<w:hyperlink r:id=\"rIdX\"><w:r><w:t xml:space=\"preserve\"> liên kết</w:t></w:r></w:hyperlink>" +
                   "<w:fldSimple w:instr=\"DATE\"><w:r><w:t xml:space=\"preserve\"> 14/02/2025</w:t></w:r></w:fldSimple>" +
                   "</w:p>";

        Texts(Build(body)).Should().Equal("Trang 3\ndòng hai liên kết 14/02/2025");
    }

    [Theory]
    // Bold on every run makes the block bold; centring comes from w:jc.
    [InlineData("<w:jc w:val=\"center\"/>", "<w:b/>", "<w:b/>", BlockStyle.Bold | BlockStyle.Centered)]
    // One plain run means the paragraph as a whole is not bold.
    [InlineData("", "<w:b/>", "", BlockStyle.None)]
    // w:b w:val="0" switches bold off.
    [InlineData("", "<w:b w:val=\"0\"/>", "<w:i/>", BlockStyle.None)]
    // Italic on both runs.
    [InlineData("", "<w:i/>", "<w:i/>", BlockStyle.Italic)]
    public void Read_WhenRunsAreFormatted_StyleReflectsTheWholeParagraph(string paragraphProperties, string firstRun, string secondRun, BlockStyle expected)
    {
        var body = $"<w:p><w:pPr>{paragraphProperties}</w:pPr><w:r><w:rPr>{firstRun}</w:rPr><w:t xml:space=\"preserve\">Điều 1. </w:t></w:r><w:r><w:rPr>{secondRun}</w:rPr><w:t>Phạm vi</w:t></w:r></w:p>";

        Read(Build(body)).Blocks.Single().Style.Should().Be(expected);
    }

    [Fact]
    public void Read_WhenStyleIsBold_RunsInheritIt()
    {
        var styles = "<w:style w:type=\"paragraph\" w:styleId=\"Dam\"><w:name w:val=\"Dam\"/><w:rPr><w:b/></w:rPr></w:style>";

        Read(Build(P("Nơi nhận:", "<w:pStyle w:val=\"Dam\"/>"), stylesXml: styles)).Blocks.Single().Style.Should().Be(BlockStyle.Bold);
    }

    [Fact]
    public void Read_WhenTableHasMergedCells_ContinuationCellsAreEmptyAndTextJoinsCells()
    {
        var body = "<w:tbl>" +
                   "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + P("Đảng ủy") + "</w:tc><w:tc>" + P("Số 1") + P("dòng 2") + "</w:tc></w:tr>" +
                   "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + P("không in") + "</w:tc><w:tc>" + P("Hà Nội") + "</w:tc></w:tr>" +
                   "</w:tbl>";

        var table = Read(Build(body)).Blocks.Single();

        table.Kind.Should().Be(BlockKind.Table);
        table.Cells.Should().BeEquivalentTo(new[] { new[] { "Đảng ủy", "Số 1\ndòng 2" }, new[] { string.Empty, "Hà Nội" } }, o => o.WithStrictOrdering());
        table.Text.Should().Be("Đảng ủy\tSố 1\ndòng 2\n\tHà Nội");
    }

    [Fact]
    public void Read_WhenTableHasOneCell_ItsParagraphsBecomeBlocks()
    {
        var body = "<w:tbl><w:tr><w:tc>" + P("Khung một") + P("Khung hai") + "</w:tc></w:tr></w:tbl>";

        Read(Build(body)).Blocks.Should().OnlyContain(b => b.Kind == BlockKind.Paragraph).And.HaveCount(2);
    }

    [Fact]
    public void Read_WhenNumberedParagraphsAreInsideTableCells_LabelsAreInCellText()
    {
        var body = "<w:tbl><w:tr><w:tc>" + NumberedP("Tỉnh ủy", 1) + NumberedP("Lưu", 1) + "</w:tc><w:tc>" + P("T/M") + "</w:tc></w:tr></w:tbl>";

        var table = Read(Build(body, Numbering(1, Level(0, "bullet", "-"), 1))).Blocks.Single();

        table.Cells![0][0].Should().Be("- Tỉnh ủy\n- Lưu");
    }

    [Fact]
    public void Read_WhenParagraphReferencesFootnote_FootnoteBlockFollowsBodyAndMarkIsDropped()
    {
        var footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>" +
                        "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Kết luận số 19-KL/TW.</w:t></w:r></w:p></w:footnote>";
        var body = "<w:p><w:r><w:t>Theo Kết luận</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t xml:space=\"preserve\"> của Bộ Chính trị.</w:t></w:r></w:p>" + P("Đoạn sau.");

        var blocks = Read(Build(body, footnotesXml: footnotes)).Blocks;

        blocks.Select(b => (b.Kind, b.Text)).Should().Equal(
            (BlockKind.Paragraph, "Theo Kết luận của Bộ Chính trị."),
            (BlockKind.Paragraph, "Đoạn sau."),
            (BlockKind.Footnote, "Kết luận số 19-KL/TW."));
    }

    [Fact]
    public void Read_WhenTextBoxIsInAlternateContent_ItsTextAppearsOnceAfterTheAnchor()
    {
        var box = "<w:txbxContent>" + P("Chữ trong khung") + "</w:txbxContent>";
        var body = "<w:p><w:r><w:t>Neo</w:t></w:r><w:r><mc:AlternateContent>" +
                   "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" + box + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
                   "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback>" +
                   "</mc:AlternateContent></w:r></w:p>";

        Texts(Build(body)).Should().Equal("Neo", "Chữ trong khung");
    }

    [Fact]
    public void Read_WhenContentControlWrapsParagraphs_ReadsThem()
    {
        var body = "<w:sdt><w:sdtPr/><w:sdtContent>" + P("Trong điều khiển") + "</w:sdtContent></w:sdt>";

        Texts(Build(body)).Should().Equal("Trong điều khiển");
    }

    [Theory]
    // A TCVN3 run in the .VnTime font, next to a Unicode run in Times New Roman.
    [InlineData(".VnTime", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam")]
    // A VNI run.
    [InlineData("VNI-Times", "Coäng hoøa xaõ hoäi", "Cộng hòa xã hội")]
    public void Read_WhenRunIsInLegacyVietnameseFont_ConvertsItAndReportsIt(string font, string run, string expected)
    {
        var body = $"<w:p><w:r><w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\"/></w:rPr><w:t>{run}</w:t></w:r>" +
                   "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/></w:rPr><w:t xml:space=\"preserve\"> (bản Unicode)</w:t></w:r></w:p>";

        var result = Read(Build(body));

        result.Blocks.Single().Text.Should().Be(expected + " (bản Unicode)");
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.LegacyEncodingConverted);
    }

    [Fact]
    public void Read_WhenDocumentHasNoText_FailsAsEmpty()
    {
        Read(Build(P(" "))).Failure!.Code.Should().Be(DiagnosticCodes.Empty);
    }

    [Theory]
    // Bytes that start like a ZIP but are not one.
    [InlineData("zip-header-only")]
    // A valid ZIP without word/document.xml.
    [InlineData("no-main-part")]
    // A DOCTYPE in the main part: DTDs are never processed.
    [InlineData("doctype")]
    public void Read_WhenPackageIsDamagedOrHostile_FailsAsCorruptWithoutThrowing(string kind)
    {
        var content = kind switch
        {
            "zip-header-only" => [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9],
            "no-main-part" => Zip(new Dictionary<string, string> { ["word/other.xml"] = "<x/>" }),
            _ => RebuildWithDocument("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY e \"boom\">]><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>"),
        };

        var result = Read(content);

        result.Failure.Should().NotBeNull();
        result.Failure!.Code.Should().Be(DiagnosticCodes.Corrupt);
    }

    [Fact]
    public void Read_WhenMainPartNestsElementsVeryDeeply_FailsAsLimitExceeded()
    {
        const int depth = 100_000;
        var nested = string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + P("x") + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));

        var result = Read(Build(nested));

        result.Failure!.Code.Should().Be(DiagnosticCodes.LimitExceeded);
    }

    [Fact]
    public void Load_WhenPartInflatesBeyondBudget_ReportsLimitExceeded()
    {
        var content = Build(P(new string('x', 64 * 1024)));

        var package = DocxPackage.Load(content, maxUncompressedBytes: 16 * 1024, CancellationToken.None, out var error);

        package.Should().BeNull();
        error!.Code.Should().Be(DiagnosticCodes.LimitExceeded);
    }

    [Fact]
    public void Load_WhenUnreadEntryIsHuge_NeverInflatesIt()
    {
        // A media entry that would blow the budget costs nothing: only the parts the reader needs are inflated.
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(Build(P("x")))))
        {
            foreach (var entry in archive.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                entries[entry.FullName] = reader.ReadToEnd();
            }
        }

        entries["word/media/zeros.bin"] = new string('0', 2 * 1024 * 1024);

        var package = DocxPackage.Load(Zip(entries), maxUncompressedBytes: 1024 * 1024, CancellationToken.None, out var error);

        error.Should().BeNull();
        package.Should().NotBeNull();
    }

    [Fact]
    public void Read_WhenMainPartIsNamedByRelationship_FindsItWhateverItsName()
    {
        // Generators other than Word name the main part differently; the package relationships say which it is.
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(Build(P("nội dung")))))
        {
            foreach (var entry in archive.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var name = entry.FullName.Replace("word/", "doc/", StringComparison.Ordinal).Replace("document.xml", "main.xml", StringComparison.Ordinal);
                // The content types name the part absolutely; the relationship gets an absolute target too.
                entries[name] = reader.ReadToEnd()
                    .Replace("/word/document.xml", "/doc/main.xml", StringComparison.Ordinal)
                    .Replace("word/document.xml", "/doc/main.xml", StringComparison.Ordinal);
            }
        }

        Texts(Zip(entries)).Should().Equal("nội dung");
    }

    [Fact]
    public void Read_WhenDocumentUsesStrictNamespace_ReadsItLikeTransitional()
    {
        // "Save as Strict Open XML" writes the same elements under the ISO/IEC 29500 strict namespace.
        var strict = RebuildWithDocument("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>");

        var block = Read(strict).Blocks.Single();

        block.Text.Should().Be("KẾ HOẠCH");
        block.Style.Should().Be(BlockStyle.Bold | BlockStyle.Centered);
    }

    [Fact]
    public void Read_WhenWholePackageIsStrict_FindsStylesNumberingAndFootnotesThroughStrictRelationships()
    {
        // "Save as Strict Open XML" also writes the relationship types under ISO/IEC 29500 strict URIs;
        // the package layer maps them, and the parts keep the strict element namespace.
        var styles = "<w:style w:type=\"paragraph\" w:styleId=\"H\"><w:name w:val=\"H\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>";
        var footnotes = "<w:footnote w:id=\"1\"><w:p><w:r><w:t>Chú thích.</w:t></w:r></w:p></w:footnote>";
        var body = P("MỤC ĐÍCH", "<w:pStyle w:val=\"H\"/>") + NumberedP("một", 1) +
                   "<w:p><w:r><w:t>Theo</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
        var strict = Rewrite(Build(body, Numbering(1, Level(0, "decimal", "%1."), 1), styles, footnotes), xml => xml
            .Replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal)
            .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/", "http://purl.oclc.org/ooxml/officeDocument/relationships/", StringComparison.Ordinal));

        var blocks = Read(strict).Blocks;

        blocks.Select(b => (b.Kind, b.Level, b.Text)).Should().Equal(
            (BlockKind.Heading, 1, "MỤC ĐÍCH"),
            (BlockKind.ListItem, 0, "1. một"),
            (BlockKind.Paragraph, 0, "Theo"),
            (BlockKind.Footnote, 0, "Chú thích."));
    }

    [Fact]
    public void Load_WhenPartsTogetherInflateBeyondBudget_ReportsLimitExceeded()
    {
        // Each part alone is within the budget; the styles part, read after the document, is what
        // spends the rest of it, so the cap applies to every part stream, not only to the first.
        var styles = string.Concat(Enumerable.Repeat("<w:style w:type=\"paragraph\" w:styleId=\"S\"><w:name w:val=\"S\"/></w:style>", 200));
        var content = Build(P(new string('x', 12 * 1024)), stylesXml: styles);

        var package = DocxPackage.Load(content, maxUncompressedBytes: 20 * 1024, CancellationToken.None, out var error);

        package.Should().BeNull();
        error!.Code.Should().Be(DiagnosticCodes.LimitExceeded);
    }

    [Theory]
    // The SDK reads the content types itself: a DTD there is refused before it opens the package.
    [InlineData("[Content_Types].xml", "doctype", DiagnosticCodes.Corrupt)]
    // The same for a relationship part, which the SDK also reads itself.
    [InlineData("word/_rels/document.xml.rels", "doctype", DiagnosticCodes.Corrupt)]
    // A relationship part nested past the depth limit never reaches the SDK's reader.
    [InlineData("_rels/.rels", "deep", DiagnosticCodes.LimitExceeded)]
    // A relationship part that inflates past the budget counts against it like any part.
    [InlineData("_rels/.rels", "huge", DiagnosticCodes.LimitExceeded)]
    public void Load_WhenPackageLayerEntryIsHostile_RefusesItBeforeTheSdkReadsIt(string entry, string kind, string expectedCode)
    {
        var rewritten = Rewrite(Build(P("x")), (name, xml) => name != entry ? xml : kind switch
        {
            "doctype" => xml.Replace("?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal),
            "deep" => xml.Replace("</Relationships>", string.Concat(Enumerable.Repeat("<a>", 1000)) + string.Concat(Enumerable.Repeat("</a>", 1000)) + "</Relationships>", StringComparison.Ordinal),
            _ => xml.Replace("</Relationships>", "<!--" + new string(' ', 64 * 1024) + "--></Relationships>", StringComparison.Ordinal),
        });

        var package = DocxPackage.Load(rewritten, maxUncompressedBytes: 32 * 1024, CancellationToken.None, out var error);

        package.Should().BeNull();
        error!.Code.Should().Be(expectedCode);
    }

    [Fact]
    public void Read_WhenContentTypesNameAnInvalidPart_FailsAsCorruptWithoutThrowing()
    {
        // The SDK's package layer refuses an invalid part name in [Content_Types].xml ("//" is an
        // empty segment, ECMA-376 Part 2, 6.2.2.2) where a reader of bare ZIP entries would not look.
        var broken = Rewrite(Build(P("x")), (name, xml) => name != "[Content_Types].xml" ? xml : xml.Replace("/word/document.xml", "//word/document.xml", StringComparison.Ordinal));

        Read(broken).Failure!.Code.Should().Be(DiagnosticCodes.Corrupt);
    }

    private static byte[] Rewrite(byte[] package, Func<string, string> rewrite) => Rewrite(package, (_, xml) => rewrite(xml));

    /// <summary>The package with every entry's text passed through <paramref name="rewrite"/> (entry name, text).</summary>
    private static byte[] Rewrite(byte[] package, Func<string, string, string> rewrite)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(package)))
        {
            foreach (var entry in archive.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                entries[entry.FullName] = rewrite(entry.FullName, reader.ReadToEnd());
            }
        }

        return Zip(entries);
    }

    private static byte[] RebuildWithDocument(string documentXml)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(Build(P("x")))))
        {
            foreach (var entry in archive.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                entries[entry.FullName] = reader.ReadToEnd();
            }
        }

        entries["word/document.xml"] = documentXml;
        return Zip(entries);
    }
}
