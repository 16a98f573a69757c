using System.Text;
using Ingest.Formats;
using Ingest.Normalize;

namespace Ingest.Renditions.Compare;

/// <summary>
/// rendition-text OUT_DIR FILE...: writes OUT_DIR/NAME.txt for each file, holding the blocks the
/// format reader produced after normalisation, one block per paragraph (footnotes and tables
/// included, as the later stages see them). compare.py diffs these texts.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: rendition-text OUT_DIR FILE...");
            return 1;
        }

        var readers = DocumentReaders.CreateDefault();
        var normalizer = new TextNormalizer();
        Directory.CreateDirectory(args[0]);
        foreach (var path in args[1..])
        {
            var file = new SourceFile(Path.GetFileName(path), File.ReadAllBytes(path)) { FullPath = Path.GetFullPath(path) };
            var read = readers.Read(file, CancellationToken.None);
            var blocks = normalizer.Normalize(read.Blocks).Blocks;
            var text = string.Join("\n\n", blocks.Select(b => b.Kind + ": " + b.Text));
            File.WriteAllText(Path.Combine(args[0], Path.GetFileName(path) + ".txt"), text, new UTF8Encoding(false));
            Console.Error.WriteLine($"{path}: {read.Format}, {blocks.Count} blocks{(read.Failure is { } failure ? ", failed: " + failure.Message : string.Empty)}");
        }

        return 0;
    }
}
