using System.Text;

namespace Ingest.Renditions;

/// <summary>
/// renditions SEEDS OUT [--dump]: for every seed (*.txt, *.md) in SEEDS writes OUT/docx/STEM.docx
/// and OUT/html/STEM.html. With --dump, prints how each seed was read instead (for checking the
/// layout rules on a new seed).
/// renditions --image-pdf OUT.pdf DPI PAGE.jpg...: assembles scanned pages into an image-only PDF.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 4 && args[0] == "--image-pdf")
        {
            var dotsPerInch = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllBytes(args[1], ImagePdf.Write(args[3..], dotsPerInch));
            return 0;
        }

        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: renditions SEEDS_DIR OUT_DIR [--dump] | renditions --image-pdf OUT.pdf DPI PAGE.jpg...");
            return 1;
        }

        var kinds = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "document-kinds.txt"), Encoding.UTF8)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
        var dump = args.Contains("--dump", StringComparer.Ordinal);
        var seeds = Directory.EnumerateFiles(args[0])
            .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in seeds)
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var seed = SeedLayout.Parse(File.ReadAllText(path, Encoding.UTF8), kinds);
            if (dump)
            {
                Dump(stem, seed);
                continue;
            }

            var docx = Path.Combine(args[1], "docx", stem + ".docx");
            var html = Path.Combine(args[1], "html", stem + ".html");
            Directory.CreateDirectory(Path.GetDirectoryName(docx)!);
            Directory.CreateDirectory(Path.GetDirectoryName(html)!);
            File.WriteAllBytes(docx, DocxWriter.Write(seed, stem));
            ReportSchemaErrors(docx);
            File.WriteAllText(html, HtmlWriter.Write(seed), new UTF8Encoding(false));
            Console.Error.WriteLine($"{stem}: {seed.Documents.Count} document(s), {seed.Documents.Sum(d => d.Paras.Count)} paragraphs");
        }

        return 0;
    }

    /// <summary>Word refuses files LibreOffice and Ingest accept; the SDK's validator catches most such errors.</summary>
    private static void ReportSchemaErrors(string path)
    {
        using var package = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package).ToList();
        foreach (var error in errors.Take(10))
        {
            Console.Error.WriteLine($"{path}: {error.Part?.Uri} {error.Path?.XPath}: {error.Description}");
        }
    }

    private static void Dump(string stem, SeedFile seed)
    {
        Console.WriteLine($"== {stem} (Roman separator '{seed.RomanSeparator}')");
        foreach (var document in seed.Documents)
        {
            Console.WriteLine("-- document");
            foreach (var para in document.Before)
            {
                Console.WriteLine($"   {para.Role,-15} {Short(para.Plain)}");
            }

            if (document.Letterhead is { } head)
            {
                Console.WriteLine($"   LEFT  {string.Join(" | ", head.Left.Select(l => l.Kind + ":" + string.Concat(l.Line.Select(r => r.Text))))}");
                Console.WriteLine($"   RIGHT {string.Join(" | ", head.Right.Select(l => l.Kind + ":" + string.Concat(l.Line.Select(r => r.Text))))}");
                if (head.KindInside is { } kind)
                {
                    Console.WriteLine($"   KIND INSIDE {kind.Plain}");
                }
            }

            foreach (var para in document.Paras)
            {
                var numbers = para.Numbers.Length > 0 ? "[" + string.Join(".", para.Numbers) + "]" : string.Empty;
                Console.WriteLine($"   {para.Role,-15}{numbers,-7} h{para.MarkdownHeading} {(para.AllBold ? "B" : " ")} {Short(para.Plain)}");
            }
        }
    }

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
