namespace Ingest.Extract.Bodies;

/// <summary>A body, or a class of bodies, listed in the gazetteer (Data/bodies.tsv).</summary>
/// <param name="Name">Canonical name, tone marks in the canonical style ("Ủy ban Kiểm tra Trung ương").</param>
/// <param name="Aliases">Other printed forms: abbreviations, old names, variants.</param>
/// <param name="Level">Level the body works at.</param>
/// <param name="Kind">"party", "state", "front", "court", "procuracy", "army", "police" or "academy".</param>
/// <param name="IsGeneric">True for a class of bodies written in lower case and qualified by
/// what follows ("tỉnh ủy", "đảng đoàn"); false for one particular named body.</param>
public sealed record GazetteerEntry(string Name, IReadOnlyList<string> Aliases, BodyLevel Level, string Kind, bool IsGeneric);

/// <summary>A gazetteer entry found at the start of a text.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Length">Number of characters of the text that the printed name covers.</param>
public sealed record GazetteerMatch(GazetteerEntry Entry, int Length);
