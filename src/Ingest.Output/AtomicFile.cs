using System.Runtime.InteropServices;
using System.Text;

namespace Ingest.Output;

/// <summary>
/// Writes files so that a reader never sees half a file: the content goes to a temporary file in
/// the same folder (same file system, so the rename is atomic) and is then renamed over the target.
/// A run killed at any moment leaves the old file or the new one.
/// </summary>
/// <remarks>
/// Surviving a power cut as well needs the data on disk before the rename is relied on.
/// <see cref="WriteAllText"/> flushes each file; a batch writing thousands of records instead uses
/// <see cref="WriteUnflushed"/> and calls <see cref="FlushFileSystem"/> once before it
/// writes the manifest that vouches for them, because one flush per record (about 5 ms each on the
/// development machine) would leave the cores idle for longer than the records take to compute.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Search pattern of the temporary files this class creates; anything matching it in an output folder is debris of a killed run.</summary>
    public const string TemporaryPattern = ".ingest-*.tmp";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without BOM, flushed to disk before the rename.</summary>
    public static void WriteAllText(string path, string content) => Write(path, content, flushToDisk: true);

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream, atomically but without waiting for
    /// the disk; call <see cref="FlushFileSystem"/> before recording anywhere that the file is complete.
    /// </summary>
    public static void WriteUnflushed(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, write, flushToDisk: false);
    }

    /// <summary>
    /// Flushes everything written to the file system that holds <paramref name="directory"/>
    /// (Linux syncfs). Elsewhere it does nothing: files are still atomic, only not power-cut safe.
    /// </summary>
    public static void FlushFileSystem(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!OperatingSystem.IsLinux() || !Directory.Exists(directory))
        {
            return;
        }

        // syncfs needs a descriptor of anything on the file system; a short-lived file of our own will do.
        var probe = Path.Combine(directory, $".ingest-{Guid.NewGuid():N}.tmp");
        try
        {
            using var handle = File.OpenHandle(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.DeleteOnClose);
            if (NativeMethods.SyncFs((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"syncfs failed for {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            TryDelete(probe);
        }
    }

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream, flushed to disk before the rename:
    /// for files built line by line (index, manifest) that should never be one string in memory.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, write, flushToDisk: true);
    }

    private static void Write(string path, string content, bool flushToDisk)
    {
        ArgumentNullException.ThrowIfNull(content);
        Write(path, stream => stream.Write(Utf8NoBom.GetBytes(content)), flushToDisk);
    }

    private static void Write(string path, Action<Stream> write, bool flushToDisk)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        // A short name of its own: the target name may already be near the file-system limit.
        var temporary = Path.Combine(directory, $".ingest-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, flushToDisk ? FileOptions.WriteThrough : FileOptions.None))
            {
                write(stream);
                stream.Flush(flushToDisk);
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

/// <summary>The one libc call .NET does not offer.</summary>
internal static class NativeMethods
{
    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int SyncFs(int fileDescriptor);
}
