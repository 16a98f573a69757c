using Ingest.Model;

namespace Ingest.Structure;

/// <summary>The documents found in one file's blocks, and what was noticed on the way.</summary>
public sealed record StructureResult(IReadOnlyList<StructuredDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Splits a file's normalised blocks into documents (a cover letter, the document it forwards,
/// copy notices) and reads each one's header, numbered sections, signature and recipients.
/// Stateless and thread-safe; never throws on odd input.
/// </summary>
public interface IDocumentSplitter
{
    /// <summary>Splits <paramref name="blocks"/> into documents, in order of appearance.</summary>
    StructureResult Split(IReadOnlyList<Block> blocks);
}
