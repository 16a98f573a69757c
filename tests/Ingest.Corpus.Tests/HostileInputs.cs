using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Corpus.Tests;

/// <summary>
/// Bad inputs, made by code so that the repository carries no hostile files: each case says what a
/// batch must do with it. Inputs are built fresh for every run and never leave the temp folder.
/// </summary>
internal static class HostileInputs
{
    /// <summary>A bad input and the error code its record must carry (null: any outcome but a crash; "ok": it must be read).</summary>
    public sealed record Case(string Name, byte[] Content, string? ExpectedError);

    /// <summary>The <see cref="Case.ExpectedError"/> of an input that is odd but must be read like any other.</summary>
    public const string ReadNormally = "ok";

    public static IEnumerable<Case> All()
    {
        var pdf = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Ingest.Formats.Tests", "TestData", "layout-pdf-fixture.pdf"));
        var docx = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "corpus", "real", "04-qd-264-qdtw-2025.docx"));

        yield return new("empty.txt", [], "ING1003");
        yield return new("only-blank-lines.md", "\n\n   \n\t\n"u8.ToArray(), "ING1003");
        yield return new("truncated.pdf", pdf[..(pdf.Length / 3)], null);
        yield return new("header-then-garbage.pdf", [.. "%PDF-1.7\n"u8, .. Noise(4096, 1)], "ING1005");
        // The user password is unknown (its /U entry does not match the empty password): unreadable.
        yield return new("encrypted.pdf", EncryptedPdf(), "ING1004");
        // Only an owner password: anyone may open it with the empty user password, so it is read.
        yield return new("encrypted-owner-password-only.pdf", OwnerPasswordOnlyPdf(), ReadNormally);
        // A 200,000 × 200,000 pt page (70 m square): coordinates are only numbers; its text is read.
        yield return new("huge-page.pdf", SimplePdf("[0 0 200000 200000]", PageText), ReadNormally);
        // The same page with no text layer: must not be rasterised at 300 dpi (833,333 px square) for OCR.
        yield return new("huge-page-without-text.pdf", SimplePdf("[0 0 200000 200000]", "0 0 m 100 100 l S"u8.ToArray()), "ING1003");
        yield return new("broken-xref.pdf", BreakXref(pdf), null);
        yield return PdfWithEndlessPage();
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

    /// <summary>
    /// A page whose content stream inflates from 300 KB to 300 MB of white space: the PDF form of
    /// a zip bomb. Too large for an in-process test host; runs under a worker's memory limit.
    /// </summary>
    public static Case PdfContentBomb()
    {
        using var packed = new MemoryStream();
        using (var deflate = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < 300; i++)
            {
                deflate.Write(chunk);
            }
        }

        return new("content-bomb.pdf", SimplePdf("[0 0 595 842]", packed.ToArray(), "/Filter /FlateDecode"), null);
    }

    /// <summary>
    /// One page with 25,000 text-showing operators (1.7 MB of content, 6 KB compressed, a million
    /// letters). The PDF reader once spent minutes on it (over 120 s, 0.5 GB: a quadratic sort of
    /// the one endless line); it must now read the first letters up to its per-page limit and say so.
    /// </summary>
    public static Case PdfWithEndlessPage()
    {
        using var packed = new MemoryStream();
        using (var deflate = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = "BT /F1 12 Tf 72 700 Td (Tang cuong cong tac kiem tra giam sat) Tj ET\n"u8.ToArray();
            for (var i = 0; i < 25_000; i++)
            {
                deflate.Write(line);
            }
        }

        return new("endless-page.pdf", SimplePdf("[0 0 595 842]", packed.ToArray(), "/Filter /FlateDecode"), ReadNormally);
    }

    private static readonly byte[] PageText = "BT /F1 12 Tf 72 700 Td (DANG CONG SAN VIET NAM) Tj 0 -20 Td (So 1-KL/TW) Tj ET"u8.ToArray();

    /// <summary>One page showing <paramref name="content"/> in Helvetica; objects 1-5 (catalog, pages, page, content, font), then <paramref name="extraObjects"/>.</summary>
    private static byte[] SimplePdf(string mediaBox, byte[] content, string contentFilter = "", string trailerExtra = "", params byte[][] extraObjects)
    {
        byte[][] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>"u8.ToArray(),
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"u8.ToArray(),
            Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox {mediaBox} /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            [.. Encoding.ASCII.GetBytes($"<< /Length {CultureInfo(content.Length)} {contentFilter} >>\nstream\n"), .. content, .. "\nendstream"u8],
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"u8.ToArray(),
            .. extraObjects,
        ];
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        foreach (var body in objects)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Encoding.ASCII.GetBytes($"{CultureInfo(offsets.Count)} 0 obj\n"));
            pdf.Write(body);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var tail = new StringBuilder($"xref\n0 {CultureInfo(objects.Length + 1)}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            tail.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        tail.Append($"trailer\n<< /Size {CultureInfo(objects.Length + 1)} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n%%EOF\n");
        pdf.Write(Encoding.ASCII.GetBytes(tail.ToString()));
        return pdf.ToArray();
    }

    /// <summary>
    /// A PDF encrypted with the standard security handler, revision 2 (40-bit RC4), with an owner
    /// password and an empty user password: /U is computed so that the empty password opens it.
    /// </summary>
    private static byte[] OwnerPasswordOnlyPdf()
    {
        // The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3, algorithm 2).
        var padding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");
        var fileId = Convert.FromHexString("0123456789abcdef0123456789abcdef");
        const int permissions = -44;
#pragma warning disable CA5351 // The PDF format defines this handler with MD5 and RC4; the test has to speak it.
        var ownerKey = MD5.HashData("owner"u8.ToArray().Concat(padding).Take(32).ToArray())[..5];
        var owner = Rc4(ownerKey, padding);
        var permissionBytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(permissionBytes, permissions);
        var fileKey = MD5.HashData([.. padding, .. owner, .. permissionBytes, .. fileId])[..5];
        var user = Rc4(fileKey, padding);
        // Object 4 (generation 0) holds the page content; each object has its own key (algorithm 1).
        var objectKey = MD5.HashData([.. fileKey, 4, 0, 0, 0, 0])[..10];
#pragma warning restore CA5351
        var encrypt = Encoding.ASCII.GetBytes($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {CultureInfo(permissions)} >>");
        var id = Convert.ToHexString(fileId);
        return SimplePdf("[0 0 595 842]", Rc4(objectKey, PageText), trailerExtra: $"/Encrypt 6 0 R /ID [<{id}> <{id}>]", extraObjects: encrypt);
    }

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + state[i] + key[i % key.Length]) % 256;
            (state[i], state[j]) = (state[j], state[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) % 256;
            j = (j + state[i]) % 256;
            (state[i], state[j]) = (state[j], state[i]);
            output[n] = (byte)(data[n] ^ state[(state[i] + state[j]) % 256]);
        }

        return output;
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
