using System.IO.Compression;
using System.Text;

namespace Ingest.Corpus.Tests;

/// <summary>
/// Bad inputs, made by code so that the repository carries no hostile files: each case says what a
/// batch must do with it. Inputs are built fresh for every run and never leave the temp folder.
/// </summary>
internal static class HostileInputs
{
    /// <summary>A bad input and the error code its record must carry (null: any outcome but a crash).</summary>
    public sealed record Case(string Name, byte[] Content, string? ExpectedError);

    public static IEnumerable<Case> All()
    {
        var pdf = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Ingest.Formats.Tests", "TestData", "layout-pdf-fixture.pdf"));
        var docx = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "corpus", "real", "04-qd-264-qdtw-2025.docx"));

        yield return new("empty.txt", [], "ING1003");
        yield return new("only-blank-lines.md", "\n\n   \n\t\n"u8.ToArray(), "ING1003");
        yield return new("truncated.pdf", pdf[..(pdf.Length / 3)], null);
        yield return new("header-then-garbage.pdf", [.. "%PDF-1.7\n"u8, .. Noise(4096, 1)], "ING1005");
        yield return new("encrypted.pdf", EncryptedPdf(), "ING1004");
        yield return new("broken-xref.pdf", BreakXref(pdf), null);
        yield return new("not-a-zip.docx", [.. "PK\u0003\u0004"u8, .. Noise(2048, 2)], null);
        yield return new("truncated.docx", docx[..(docx.Length / 2)], null);
        yield return new("zip-bomb.docx", ZipBomb(), "ING1006");
        yield return new("xxe.docx", Docx("""
            <?xml version="1.0"?>
            <!DOCTYPE w:document [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>
            """, externalImage: false), null);
        yield return new("external-relationship.docx", Docx("""
            <?xml version="1.0"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Số 1-KL/TW</w:t></w:r></w:p></w:body></w:document>
            """, externalImage: true), null);
        yield return new("deep.html", DeepHtml(100_000), null);
        yield return new("binary.doc", Noise(8192, 3), null);
        yield return new("elf-binary.pdf.txt", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. Noise(4096, 4)], "ING1002");
        yield return new("unknown-encoding.txt", HighBytes(6000, 5), null);
        yield return new("Quyết định số 1 (bản sao) #2.txt", "ĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 1-QĐ/TW\n\nHà Nội, ngày 1 tháng 2 năm 2024\n"u8.ToArray(), null);
    }

    /// <summary>A 50 MB page of repeated paragraphs: large, but a real limit-sized input.</summary>
    public static Case HugeHtml()
    {
        var builder = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><article>");
        var paragraph = "<p>Tăng cường công tác kiểm tra, giám sát việc tổ chức thực hiện Kết luận số 21-KL/TW (năm 2022).</p>\n";
        while (builder.Length < 50_000_000 / 2)
        {
            builder.Append(paragraph);
        }

        builder.Append("</article></body></html>");
        return new("huge.html", Encoding.UTF8.GetBytes(builder.ToString()), null);
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] HighBytes(int length, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = i % 7 == 0 ? (byte)' ' : (byte)random.Next(0x80, 0x100);
        }

        return bytes;
    }

    private static byte[] BreakXref(byte[] pdf)
    {
        var copy = (byte[])pdf.Clone();
        var text = Encoding.Latin1.GetString(copy);
        var xref = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (xref > 0)
        {
            // Point startxref at a wrong offset: readers must recover or fail cleanly.
            var digits = Encoding.ASCII.GetBytes("\n1\n%%EOF\n");
            Array.Copy(digits, 0, copy, xref + "startxref".Length, Math.Min(digits.Length, copy.Length - xref - "startxref".Length));
        }

        return copy;
    }

    /// <summary>A PDF whose trailer names an encryption dictionary (RC4, user password unknown).</summary>
    private static byte[] EncryptedPdf()
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string content)
        {
            offsets.Add(body.Length);
            body.Append(CultureInfo(offsets.Count)).Append(" 0 obj\n").Append(content).Append("\nendobj\n");
        }

        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
        Object("<< /Filter /Standard /V 1 /R 2 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> /P -44 >>");
        var xref = body.Length;
        body.Append("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        body.Append("trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n")
            .Append(xref.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    private static string CultureInfo(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Docx(string documentXml, bool externalImage)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """
                <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Entry(zip, "_rels/.rels", """
                <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            Entry(zip, "word/document.xml", documentXml);
            if (externalImage)
            {
                // The reader must never fetch this: no network access, ever.
                Entry(zip, "word/_rels/document.xml.rels", """
                    <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://192.0.2.1/x.png" TargetMode="External"/></Relationships>
                    """);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A DOCX whose document part inflates to 300 MB of white space, above the 256 MiB limit.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal);
            using var writer = entry.Open();
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 300; i++)
            {
                writer.Write(chunk);
            }
        }

        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }

    private static byte[] DeepHtml(int depth)
    {
        var builder = new StringBuilder("<html><body>", depth * 12);
        builder.Insert(builder.Length, "<div>", depth);
        builder.Append("Số 1-KL/TW");
        builder.Insert(builder.Length, "</div>", depth);
        builder.Append("</body></html>");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
