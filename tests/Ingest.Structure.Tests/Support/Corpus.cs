using System.Text;
using System.Text.Json;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Normalize;

namespace Ingest.Structure.Tests.Support;

/// <summary>Seed files and their gold annotations from corpus/, read the way the pipeline reads them.</summary>
internal static class Corpus
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>Stems of the seed files ("000_e8d2ea5daa605cb4").</summary>
    public static IEnumerable<string> SeedStems() =>
        Directory.GetFiles(Path.Combine(Root.Value, "corpus", "seeds"), "*.txt")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>Reads and normalises a seed, then splits it: the real path from bytes to documents.</summary>
    public static StructureResult Split(string stem)
    {
        var path = Path.Combine(Root.Value, "corpus", "seeds", stem + ".txt");
        var read = DocumentReaders.CreateDefault().Read(new SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)) { FullPath = path }, CancellationToken.None);
        var normalized = new TextNormalizer().Normalize(read.Blocks);
        return new DocumentSplitter().Split(normalized.Blocks);
    }

    /// <summary>The gold documents of a seed (GOLD.md format).</summary>
    public static IReadOnlyList<GoldDocument> Gold(string stem)
    {
        var path = Path.Combine(Root.Value, "corpus", "gold", stem + ".gold.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(GoldDocument.From).ToArray();
    }

    /// <summary>Reads text through the default readers, as a file named <paramref name="fileName"/>.</summary>
    public static IReadOnlyList<Block> ReadText(string text, string fileName = "synthetic.txt")
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return DocumentReaders.CreateDefault().Read(new SourceFile(fileName, bytes), CancellationToken.None).Blocks;
    }

    /// <summary>
    /// The directory holding Ingest.sln, searched upwards from the test binaries and from this source
    /// file (builds with an artifacts path put the binaries outside the repository).
    /// </summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in (string[])[AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? string.Empty, Directory.GetCurrentDirectory()])
        {
            var directory = start.Length == 0 ? null : new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above the test binaries or the test sources.");
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}

/// <summary>The facts of one gold document that the structure stage produces.</summary>
internal sealed record GoldDocument(
    string Kind,
    string? Number,
    DateOnly? IssuedOn,
    string? Place,
    string? Issuer,
    IReadOnlyList<string> Signers,
    string? Title,
    string? Forwards,
    IReadOnlyList<string> Sections)
{
    public static GoldDocument From(JsonElement element)
    {
        string? Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        IReadOnlyList<string> List(string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray()
            : [];
        var date = Text("issuedOn");
        return new GoldDocument(
            Text("kind") ?? string.Empty,
            Text("number"),
            date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Text("place"),
            Text("issuer"),
            List("signers"),
            Text("title"),
            Text("forwards"),
            List("sections"));
    }
}
