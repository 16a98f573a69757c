using System.Reflection;

namespace Ingest.Extract.Bodies;

/// <summary>
/// Reads the word lists and gazetteers shipped as embedded resources (Data/*.tsv, named
/// "Ingest.Extract.Data.&lt;file&gt;" by the project file).
/// </summary>
internal static class EmbeddedData
{
    /// <summary>
    /// The data lines of a resource: trimmed at the end, without blank lines and '#' comments,
    /// split at tabs. Throws when the resource is missing, because that is a build error.
    /// </summary>
    public static IReadOnlyList<string[]> ReadRows(string fileName)
    {
        var name = "Ingest.Extract.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return ParseRows(reader.ReadToEnd());
    }

    /// <summary>Splits TSV text into rows, skipping blank lines and '#' comments.</summary>
    public static IReadOnlyList<string[]> ParseRows(string content)
    {
        var rows = new List<string[]>();
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }
}
