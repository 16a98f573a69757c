using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Ingest.Extract.Tests.Deadlines;

/// <summary>
/// The seed texts and their gold annotations under corpus/ of the repository, for tests that run
/// the finders over whole documents and compare with the gold.
/// </summary>
internal static class SeedCorpus
{
    /// <summary>Names of the seed files (without extension) that have gold.</summary>
    public static readonly string[] Names =
    [
        "000_e8d2ea5daa605cb4",
        "001_3c65a1fe10e1c98c",
        "002_b32dc4e3d7d5ddd9",
        "003_2db8125d1e88a77c",
        "004_43a41352d9a36873",
    ];

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "corpus", "seeds", name + ".txt")).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static JsonElement Gold(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "corpus", "gold", name + ".gold.json")));
        return document.RootElement.Clone();
    }

    /// <summary>Paragraphs of a text: runs of lines separated by blank lines, with their offsets.</summary>
    public static IEnumerable<(int Offset, string Text)> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end;
            if (end > start)
            {
                yield return (start, text[start..end]);
            }

            start = end + 2;
        }
    }

    /// <summary>
    /// The part of a seed that holds each gold document: from the line printing its number
    /// ("Số 03-KH/TW") to the next document's number line; the first document starts at the top.
    /// Documents without a number run to the end of the file.
    /// </summary>
    public static IReadOnlyList<(JsonElement Document, string Text)> Documents(string name)
    {
        var text = Text(name);
        var documents = Gold(name).GetProperty("documents").EnumerateArray().ToList();
        var starts = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            var number = documents[i].GetProperty("number");
            var start = i == 0 || number.ValueKind != JsonValueKind.String
                ? 0
                : text.IndexOf("Số " + number.GetString(), StringComparison.Ordinal);
            starts.Add(Math.Max(start, 0));
        }

        return documents
            .Select((document, i) => (document, text[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : text.Length)]))
            .ToList();
    }

    public static DateOnly? DateOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? DateOnly.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    public static string? StringOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RepositoryRoot([CallerFilePath] string sourcePath = "")
    {
        // Builds with --artifacts-path put the binaries outside the repository, so the search
        // also starts from this source file.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourcePath) ?? string.Empty })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory + " or " + sourcePath);
    }
}
