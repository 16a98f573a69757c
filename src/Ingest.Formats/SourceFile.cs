namespace Ingest.Formats;

/// <summary>One input file, read once into memory (files are bounded by the size limit).</summary>
/// <param name="RelativePath">Path relative to the archive root, '/' separators; used in messages.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record SourceFile(string RelativePath, byte[] Content)
{
    /// <summary>
    /// Absolute path on disk, when the file is on disk; readers that hand the file to an external
    /// converter (LibreOffice for .doc) use it. Null for in-memory inputs.
    /// </summary>
    public string? FullPath { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of <see cref="Content"/>, when the caller has already computed it
    /// (the batch runner hashes every file to compare it with the manifest); null otherwise.
    /// </summary>
    public string? Sha256 { get; init; }
}
