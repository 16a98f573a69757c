using System.Text;

namespace Ingest.Output;

/// <summary>
/// Writes files so that a reader never sees half a file: the content goes to a temporary file in
/// the same folder (same file system, so the rename is atomic), is flushed to disk, and is then
/// renamed over the target. A run killed at any moment leaves the old file or the new one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Search pattern of the temporary files this class creates; anything matching it in an output folder is debris of a killed run.</summary>
    public const string TemporaryPattern = ".ingest-*.tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without BOM.</summary>
    public static void WriteAllText(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // A short name of its own: the target name may already be near the file-system limit.
        var temporary = Path.Combine(directory, $".ingest-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.WriteThrough))
            {
                var bytes = Utf8NoBom.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temporary file is named with a leading dot and a GUID; a leftover is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
