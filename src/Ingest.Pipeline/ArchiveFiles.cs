using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Pipeline;

/// <summary>
/// Lists the files of an archive folder in a stable order (ordinal by relative path), so runs are
/// reproducible. Skips dot-files and dot-folders (system metadata), the output folder when it is
/// inside the archive, symbolic links to folders (they can loop), and whatever the archive's
/// <c>.ingestignore</c> names (one pattern a line: "gold/", "*.json", "**/drafts/*"; '#' comments).
/// </summary>
public static class ArchiveFiles
{
    /// <summary>Name of the per-archive ignore file.</summary>
    public const string IgnoreFileName = ".ingestignore";

    /// <summary>Relative paths ('/' separators) of the files to process, sorted ordinally.</summary>
    public static IReadOnlyList<string> List(string root, string? excludeDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fullRoot = Path.GetFullPath(root);
        var exclude = excludeDirectory is null ? null : Path.GetFullPath(excludeDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var ignore = IgnoreRules.Load(Path.Combine(fullRoot, IgnoreFileName));
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(fullRoot);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(directory);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder is skipped; its files cannot be listed, let alone read.
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.'))
                {
                    continue;
                }

                var relative = Path.GetRelativePath(fullRoot, entry).Replace(Path.DirectorySeparatorChar, '/');
                var info = new FileInfo(entry);
                var isDirectory = (info.Attributes & FileAttributes.Directory) != 0;
                if (isDirectory)
                {
                    if (info.LinkTarget is not null || string.Equals(entry, exclude, StringComparison.Ordinal) || ignore.IsIgnored(relative + "/"))
                    {
                        continue;
                    }

                    pending.Push(entry);
                }
                else if (!ignore.IsIgnored(relative))
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private sealed class IgnoreRules
    {
        private readonly List<Regex> _patterns;

        private IgnoreRules(List<Regex> patterns) => _patterns = patterns;

        public static IgnoreRules Load(string path)
        {
            var patterns = new List<Regex>();
            if (File.Exists(path))
            {
                foreach (var raw in File.ReadAllLines(path))
                {
                    var line = raw.Trim();
                    if (line.Length > 0 && !line.StartsWith('#'))
                    {
                        patterns.Add(ToRegex(line));
                    }
                }
            }

            return new IgnoreRules(patterns);
        }

        public bool IsIgnored(string relativePath) => _patterns.Exists(p => p.IsMatch(relativePath));

        /// <summary>
        /// A pattern without '/' matches a name at any depth; with '/', a path from the root.
        /// A trailing '/' matches a folder (and so everything below it).
        /// </summary>
        private static Regex ToRegex(string pattern)
        {
            var anchored = pattern.TrimEnd('/').Contains('/', StringComparison.Ordinal);
            var builder = new StringBuilder(anchored ? "^" : "(^|/)");
            var body = pattern.TrimStart('/');
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
                {
                    builder.Append(".*");
                    i++;
                }
                else if (c == '*')
                {
                    builder.Append("[^/]*");
                }
                else if (c == '?')
                {
                    builder.Append("[^/]");
                }
                else
                {
                    builder.Append(Regex.Escape(c.ToString()));
                }
            }

            builder.Append(pattern.EndsWith('/') ? string.Empty : "(/|$)");
            return new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
        }
    }
}
