using Ingest.Model;

namespace Ingest.Normalize;

/// <summary>The output of <see cref="TextNormalizer.Normalize"/>.</summary>
/// <param name="Blocks">The blocks with normalised text, same count and order as the input.</param>
/// <param name="Diagnostics">Findings: <see cref="DiagnosticCodes.LegacyEncodingConverted"/>, <see cref="DiagnosticCodes.LowTextQuality"/>.</param>
public sealed record NormalizationResult(IReadOnlyList<Block> Blocks, IReadOnlyList<Diagnostic> Diagnostics);
