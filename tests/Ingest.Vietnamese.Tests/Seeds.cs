using System.Text;

namespace Ingest.Vietnamese.Tests;

/// <summary>Reads the seed documents from corpus/seeds, found by walking up to Ingest.sln.</summary>
internal static class Seeds
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The text of the seed whose file name starts with <paramref name="prefix"/> ("001_").</summary>
    public static string Read(string prefix)
    {
        var folder = Path.Combine(Root.Value, "corpus", "seeds");
        var path = Directory.GetFiles(folder, prefix + "*.txt").Order(StringComparer.Ordinal).Single();
        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>Items "1." to the end of the Roman-numbered section <paramref name="numeral"/>.</summary>
    public static string SectionItems(string text, string numeral)
    {
        var lines = text.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith(numeral + "-", StringComparison.Ordinal));
        var first = Array.FindIndex(lines, heading + 1, l => l.StartsWith("1.", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, first, IsRomanHeading);
        return string.Join('\n', lines[first..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>From the first line starting "1." to the end of the text.</summary>
    public static string ItemsToEnd(string text)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("1.", StringComparison.Ordinal));
        return string.Join('\n', lines[first..]);
    }

    /// <summary>Canonical tones, white space collapsed: the form the character error rate is measured on.</summary>
    public static string Comparable(string text)
    {
        var canonical = VietnameseText.CanonicalTones(text);
        return string.Join(' ', canonical.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Edit distance in characters.</summary>
    public static int Levenshtein(string a, string b)
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

    private static bool IsRomanHeading(string line)
    {
        var length = 0;
        while (length < line.Length && line[length] is 'I' or 'V' or 'X' or 'L')
        {
            length++;
        }

        return length > 0 && length < line.Length && line[length] is '-' or '.';
    }

    private static string FindRoot()
    {
        // Builds may put the binaries outside the repository (--artifacts-path), so the project
        // folder recorded at build time is tried as well as the binaries' folder.
        var projectFolder = typeof(Seeds).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectFolder")?.Value;
        foreach (var start in new[] { projectFolder, AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above " + projectFolder);
    }
}
