using System.Text.Json.Nodes;

namespace Ingest.Evaluation;

/// <summary>A gold annotation and the corpus file it describes.</summary>
/// <param name="GoldPath">Path of the *.gold.json file.</param>
/// <param name="DocumentPath">Path of the annotated file.</param>
/// <param name="Group">Corpus folder of the annotated file, relative to the corpus root ("seeds", "real").</param>
public sealed record GoldEntry(string GoldPath, string DocumentPath, string Group)
{
    /// <summary>Reads the gold annotation.</summary>
    public JsonObject Load() => JsonNode.Parse(File.ReadAllText(GoldPath))!.AsObject();
}

/// <summary>
/// Finds gold annotations under <c>&lt;corpus&gt;/gold</c> and the files they describe elsewhere in the
/// corpus: the file named in the annotation's "file" field, and its renditions under
/// <c>renditions/</c> (same name, other extension).
/// </summary>
public static class GoldCorpus
{
    /// <summary>Gold folder inside a corpus.</summary>
    public const string GoldFolder = "gold";

    /// <summary>Folder of renditions: the annotated files converted to other formats, scored against the same gold.</summary>
    public const string RenditionsFolder = "renditions";

    /// <summary>Every annotation whose file exists in the corpus, ordered by group then file name.</summary>
    public static IReadOnlyList<GoldEntry> Find(string corpusRoot)
    {
        ArgumentNullException.ThrowIfNull(corpusRoot);
        var goldDirectory = Path.Combine(corpusRoot, GoldFolder);
        if (!Directory.Exists(goldDirectory))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(corpusRoot, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(corpusRoot, p).StartsWith(GoldFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith('.'))
            .ToList();
        var documents = files
            .GroupBy(Path.GetFileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        // Renditions of an annotated file in other formats (corpus/renditions/docx/X.docx for
        // seeds/X.txt) share its gold: the same document must give the same extraction.
        var renditions = files
            .Where(p => Path.GetRelativePath(corpusRoot, p).StartsWith(RenditionsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var entries = new List<GoldEntry>();
        foreach (var goldPath in Directory.EnumerateFiles(goldDirectory, "*.gold.json"))
        {
            var file = JsonNode.Parse(File.ReadAllText(goldPath))?["file"]?.GetValue<string>();
            if (file is null)
            {
                continue;
            }

            var matches = documents.GetValueOrDefault(file, [])
                .Concat(renditions.GetValueOrDefault(Path.GetFileNameWithoutExtension(file), []))
                .Distinct(StringComparer.Ordinal)
                .ToList();

            foreach (var documentPath in matches)
            {
                var relativeFolder = Path.GetDirectoryName(Path.GetRelativePath(corpusRoot, documentPath)) ?? string.Empty;
                entries.Add(new GoldEntry(goldPath, documentPath, relativeFolder.Replace(Path.DirectorySeparatorChar, '/')));
            }
        }

        return entries.OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => Path.GetFileName(e.DocumentPath), StringComparer.Ordinal).ToList();
    }
}
