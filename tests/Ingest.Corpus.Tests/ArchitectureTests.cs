using System.Reflection;

namespace Ingest.Corpus.Tests;

/// <summary>
/// The stages form a one-way pipeline: each stage sees only the shared model and the language
/// library, never another stage. A reference the wrong way is a test failure, not a code review.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Bottom = ["Ingest.Model", "Ingest.Vietnamese"];

    [Theory]
    [InlineData("Ingest.Formats")]
    [InlineData("Ingest.Normalize")]
    [InlineData("Ingest.Structure")]
    [InlineData("Ingest.Extract")]
    [InlineData("Ingest.Evaluation")]
    public void Stage_ReferencesOnlyTheSharedLayers(string stage)
    {
        var references = IngestReferences(stage);

        references.Should().BeSubsetOf(Bottom);
    }

    [Fact]
    public void Output_ReferencesOnlyTheModel()
    {
        IngestReferences("Ingest.Output").Should().BeEquivalentTo(["Ingest.Model"]);
    }

    [Theory]
    [InlineData("Ingest.Model")]
    [InlineData("Ingest.Vietnamese")]
    public void SharedLayer_ReferencesNoOtherIngestAssembly(string layer)
    {
        IngestReferences(layer).Should().BeEmpty();
    }

    private static List<string> IngestReferences(string assemblyName) =>
        Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Ingest.", StringComparison.Ordinal))
            .ToList();
}
