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
/// corpus (matched by the file name recorded in the annotation's "file" field).
/// </summary>
public static class GoldCorpus
{
    /// <summary>Gold folder inside a corpus.</summary>
    public const string GoldFolder = "gold";

    /// <summary>Every annotation whose file exists in the corpus, ordered by group then file name.</summary>
    public static IReadOnlyList<GoldEntry> Find(string corpusRoot)
    {
        ArgumentNullException.ThrowIfNull(corpusRoot);
        var goldDirectory = Path.Combine(corpusRoot, GoldFolder);
        if (!Directory.Exists(goldDirectory))
        {
            return [];
        }

        var documents = Directory.EnumerateFiles(corpusRoot, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(corpusRoot, p).StartsWith(GoldFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var entries = new List<GoldEntry>();
        foreach (var goldPath in Directory.EnumerateFiles(goldDirectory, "*.gold.json"))
        {
            var file = JsonNode.Parse(File.ReadAllText(goldPath))?["file"]?.GetValue<string>();
            if (file is null || !documents.TryGetValue(file, out var matches))
            {
                continue;
            }

            foreach (var documentPath in matches)
            {
                var relativeFolder = Path.GetDirectoryName(Path.GetRelativePath(corpusRoot, documentPath)) ?? string.Empty;
                entries.Add(new GoldEntry(goldPath, documentPath, relativeFolder.Replace(Path.DirectorySeparatorChar, '/')));
            }
        }

        return entries.OrderBy(e => e.Group, StringComparer.Ordinal).ThenBy(e => Path.GetFileName(e.DocumentPath), StringComparer.Ordinal).ToList();
    }
}
