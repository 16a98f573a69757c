using System.Globalization;
using System.Text;
using Ingest.Normalize;
using Ingest.Vietnamese;

// Character error rate of seed 000 (an OCR-damaged copy of section III of seed 001) against the
// matching text of 001, before and after TextNormalizer's repair. Both sides are compared from their
// item "1." to the end of the section, with tone style folded to the canonical form and white space
// collapsed, so that only real character differences count.
//
// Usage: dotnet run --project tools/cer --artifacts-path <dir> [-- <damaged> <reference> [<section>]]
// Defaults: corpus/seeds/000_*.txt, corpus/seeds/001_*.txt, section "III".
VietnameseText.EnsureNormalizationWorks();
var root = FindRepositoryRoot();
var damagedPath = args.Length > 0 ? args[0] : FindSeed(root, "000_");
var referencePath = args.Length > 1 ? args[1] : FindSeed(root, "001_");
var section = args.Length > 2 ? args[2] : "III";

var damagedText = File.ReadAllText(damagedPath, Encoding.UTF8);
var reference = Comparable(SectionItems(File.ReadAllText(referencePath, Encoding.UTF8), section));
var before = Comparable(ItemsToEnd(damagedText));
var after = Comparable(ItemsToEnd(new TextNormalizer().NormalizeText(damagedText)));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference: {Path.GetFileName(referencePath)} section {section}, {reference.Length} characters"));
Report("before repair", before, reference);
Report("after repair ", after, reference);
Console.WriteLine("words still different after repair:");
foreach (var (printed, expected) in WordDifferences(after, reference))
{
    Console.WriteLine($"  {printed} -> {expected}");
}

return 0;

static void Report(string label, string hypothesis, string reference)
{
    var edits = Levenshtein(hypothesis, reference);
    var rate = 100.0 * edits / Math.Max(1, reference.Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: CER {rate:0.000}% ({edits} character edits)"));
}

static string Comparable(string text)
{
    var canonical = VietnameseText.CanonicalTones(VietnameseText.Nfc(text));
    var builder = new StringBuilder(canonical.Length);
    foreach (var part in canonical.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
    {
        builder.Append(builder.Length == 0 ? string.Empty : " ").Append(part);
    }

    return builder.ToString();
}

// From the first line starting "1." to the end: the damaged copy holds only the items.
static string ItemsToEnd(string text)
{
    var lines = text.Split('\n');
    var first = Array.FindIndex(lines, l => l.TrimStart().StartsWith("1.", StringComparison.Ordinal));
    return first < 0 ? text : string.Join('\n', lines[first..]);
}

// Items of a Roman-numbered section: from its first "1." line to the next Roman heading.
static string SectionItems(string text, string section)
{
    var lines = text.Split('\n');
    var heading = Array.FindIndex(lines, l => IsRomanHeading(l, section));
    if (heading < 0)
    {
        throw new InvalidOperationException($"Section {section} not found in the reference.");
    }

    var first = Array.FindIndex(lines, heading + 1, l => l.TrimStart().StartsWith("1.", StringComparison.Ordinal));
    var end = Array.FindIndex(lines, first + 1, l => IsRomanHeading(l, null));
    return string.Join('\n', lines[first..(end < 0 ? lines.Length : end)]);
}

static bool IsRomanHeading(string line, string? numeral)
{
    var trimmed = line.TrimStart();
    var length = 0;
    while (length < trimmed.Length && "IVXL".Contains(trimmed[length], StringComparison.Ordinal))
    {
        length++;
    }

    if (length == 0 || length >= trimmed.Length || trimmed[length] is not ('-' or '.'))
    {
        return false;
    }

    return numeral is null || trimmed[..length] == numeral;
}

static int Levenshtein(string a, string b)
{
    var previous = new int[b.Length + 1];
    var current = new int[b.Length + 1];
    for (var j = 0; j <= b.Length; j++)
    {
        previous[j] = j;
    }

    for (var i = 1; i <= a.Length; i++)
    {
        current[0] = i;
        for (var j = 1; j <= b.Length; j++)
        {
            var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
        }

        (previous, current) = (current, previous);
    }

    return previous[b.Length];
}

// Word pairs that differ, found by aligning the two word sequences (longest common subsequence).
static IEnumerable<(string Printed, string Expected)> WordDifferences(string hypothesis, string reference)
{
    var a = hypothesis.Split(' ');
    var b = reference.Split(' ');
    var lcs = new int[a.Length + 1, b.Length + 1];
    for (var i = a.Length - 1; i >= 0; i--)
    {
        for (var j = b.Length - 1; j >= 0; j--)
        {
            lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        }
    }

    int x = 0, y = 0;
    while (x < a.Length || y < b.Length)
    {
        if (x < a.Length && y < b.Length && a[x] == b[y])
        {
            x++;
            y++;
            continue;
        }

        var printed = new List<string>();
        var expected = new List<string>();
        while (x < a.Length && (y >= b.Length || lcs[x + 1, y] >= lcs[x, y + 1]) && !(y < b.Length && a[x] == b[y]))
        {
            printed.Add(a[x++]);
        }

        while (y < b.Length && (x >= a.Length || a[x] != b[y]))
        {
            expected.Add(b[y++]);
        }

        yield return (string.Join(' ', printed), string.Join(' ', expected));
    }
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
        {
            return directory.FullName;
        }
    }

    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run inside the repository (Ingest.sln not found above the current directory).");
}

static string FindSeed(string root, string prefix)
{
    var seeds = Path.Combine(root, "corpus", "seeds");
    return Directory.GetFiles(seeds, prefix + "*.txt").Order(StringComparer.Ordinal).First();
}
