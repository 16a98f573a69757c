using System.Reflection;

namespace Ingest.Corpus.Tests;

/// <summary>Locates the repository and its corpus from the test's working folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "IngestRepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "Ingest.sln")))
        {
            return recorded;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Seeds => Path.Combine(Corpus, "seeds");

    public static string Schema => Path.Combine(Root, "schemas", "ingest-record.schema.json");

    /// <summary>The seed files, as theory data.</summary>
    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Seeds).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
