using System.Reflection;

namespace Ingest.Structure.Data;

/// <summary>
/// Reads the word lists embedded from <c>Data/</c>. Lines starting with '#' and blank lines are
/// skipped; columns are separated by tabs. Loaded once per process; thread-safe.
/// </summary>
internal static class StructureData
{
    public static IReadOnlyList<string[]> ReadRows(string fileName)
    {
        var assembly = typeof(StructureData).Assembly;
        using var stream = assembly.GetManifestResourceStream("Ingest.Structure.Data." + fileName)
            ?? throw new InvalidOperationException($"Embedded data file {fileName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            rows.Add(line.Split('\t').Select(c => c.Trim()).ToArray());
        }

        return rows;
    }

    /// <summary>First column of every row.</summary>
    public static IReadOnlyList<string> ReadList(string fileName) => ReadRows(fileName).Select(r => r[0]).ToArray();
}
