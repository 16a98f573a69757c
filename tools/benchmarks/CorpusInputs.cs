using System.Reflection;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Normalize;
using Ingest.Structure;

namespace Ingest.Benchmarks;

/// <summary>
/// The inputs each stage is measured on: a corpus file taken through the stages before it, so that a
/// benchmark times one stage on exactly what the pipeline hands it.
/// </summary>
internal static class CorpusInputs
{
    /// <summary>The repository root, recorded at build time.</summary>
    public static string RepositoryRoot { get; } = typeof(CorpusInputs).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "IngestRepositoryRoot").Value!;

    /// <summary>A file of corpus/ by its path relative to corpus/.</summary>
    public static SourceFile File(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, "corpus", relativePath);
        return new SourceFile(relativePath, System.IO.File.ReadAllBytes(path)) { FullPath = path };
    }

    /// <summary>The reader's blocks of a corpus file.</summary>
    public static IReadOnlyList<Block> Read(string relativePath)
    {
        var result = DocumentReaders.CreateDefault().Read(File(relativePath), CancellationToken.None);
        return result.Failure is null
            ? result.Blocks
            : throw new InvalidOperationException($"{relativePath} did not read: {result.Failure.Message}");
    }

    /// <summary>The normalised blocks of a corpus file.</summary>
    public static IReadOnlyList<Block> Normalized(string relativePath) => new TextNormalizer().Normalize(Read(relativePath)).Blocks;

    /// <summary>The documents the structure stage finds in a corpus file.</summary>
    public static IReadOnlyList<StructuredDocument> Structured(string relativePath) => new DocumentSplitter().Split(Normalized(relativePath)).Documents;
}
