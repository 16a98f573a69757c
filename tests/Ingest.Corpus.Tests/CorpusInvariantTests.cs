using Ingest.Formats;
using Ingest.Model;
using Ingest.Output;
using Ingest.Pipeline;

namespace Ingest.Corpus.Tests;

/// <summary>Properties every corpus file's record must have, whatever its content.</summary>
public sealed class CorpusInvariantTests
{
    private static readonly IngestPipeline Pipeline = IngestPipeline.CreateDefault();

    public static TheoryData<string> Seeds => RepositoryPaths.SeedFiles();

    private static FileRecord Process(string seed)
    {
        var path = Path.Combine(RepositoryPaths.Seeds, seed);
        return Pipeline.Process(new SourceFile("seeds/" + seed, File.ReadAllBytes(path)) { FullPath = path }, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Process_WhenSeed_SucceedsWithAtLeastOneDocument(string seed)
    {
        var record = Process(seed);

        record.Status.Should().Be("ok", because: record.Error?.Message);
        record.Documents.Should().NotBeEmpty();
        record.SchemaVersion.Should().Be(RecordJson.SchemaVersion);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Serialize_WhenSeed_ValidatesAgainstPublishedSchema(string seed)
    {
        var json = RecordJson.Serialize(Process(seed));

        RecordSchema.Validate(json).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Process_WhenRunTwice_GivesIdenticalBytes(string seed)
    {
        RecordJson.Serialize(Process(seed)).Should().Be(RecordJson.Serialize(Process(seed)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Process_WhenSeed_EveryTaskPointsToAnExistingSection(string seed)
    {
        foreach (var document in Process(seed).Documents)
        {
            var sections = document.Sections.SelectMany(Flatten).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var task in document.Tasks.Where(t => t.SectionId is not null))
            {
                sections.Should().Contain(task.SectionId!, because: $"task {task.Id} names it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Process_WhenSeed_IdsAreUnique(string seed)
    {
        var record = Process(seed);

        record.Documents.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        foreach (var document in record.Documents)
        {
            document.Sections.SelectMany(Flatten).Select(s => s.Id).Should().OnlyHaveUniqueItems();
            document.Tasks.Select(t => t.Id).Should().OnlyHaveUniqueItems();
            document.Citations.Select(c => c.Id).Should().OnlyHaveUniqueItems();
            document.Citations.Select(c => c.Id).Should().NotContain(document.Number ?? "-", because: "a document does not cite itself");
        }
    }

    private static IEnumerable<SectionRecord> Flatten(SectionRecord section) => new[] { section }.Concat(section.Children.SelectMany(Flatten));
}
