using System.Globalization;
using Ingest.Extract;
using Ingest.Formats;
using Ingest.Formats.Docx;
using Ingest.Formats.Html;
using Ingest.Formats.Markdown;
using Ingest.Formats.Ocr;
using Ingest.Formats.Pdf;
using Ingest.Formats.PlainText;
using Ingest.Normalize;
using Ingest.Output;
using Ingest.Pipeline;
using Ingest.Structure;
using Xunit.Abstractions;

namespace Ingest.Corpus.Tests;

/// <summary>
/// Mutation fuzzing: corpus files with random byte flips, cuts, repeats and insertions go through
/// the whole pipeline, which must return a schema-valid record and never throw. The count is
/// bounded in CI (INGEST_FUZZ_ITERATIONS, default 300) and can be raised for a long run; the seed
/// is printed so a failure can be replayed (INGEST_FUZZ_SEED). A crash found here becomes a case
/// in <see cref="HostileInputs"/>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    // OCR would only re-read the rendered garbage; the PDF parser is what is being fuzzed.
    // The .doc reader is left out: each file would start LibreOffice.
    private static readonly IngestPipeline Pipeline = new(
        new DocumentReaders([
            new PlainTextReader(),
            new MarkdownReader(),
            new DocxReader(),
            new HtmlReader(),
            new PdfReader(new PdfReaderOptions { Ocr = new OcrOptions { Enabled = false } }),
        ]),
        new TextNormalizer(),
        new DocumentSplitter(),
        DocumentExtractor.CreateDefault());

    [Fact]
    public void Process_WhenInputIsMutated_NeverThrowsAndAlwaysGivesAValidRecord()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("INGEST_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 300;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INGEST_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 20211201;
        output.WriteLine($"fuzz: {iterations} iterations, seed {seed}");
        var random = new Random(seed);
        var samples = Samples();
        var failures = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            var (name, original) = samples[random.Next(samples.Count)];
            var mutated = Mutate(original, random);
            try
            {
                var record = Pipeline.Process(new SourceFile(name, mutated), CancellationToken.None);
                var errors = RecordSchema.Validate(RecordJson.Serialize(record));
                if (errors.Count > 0)
                {
                    failures.Add($"iteration {i} ({name}): invalid record: {errors[0]}");
                }
            }
#pragma warning disable CA1031 // Any exception is the finding.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures.Add($"iteration {i} ({name}): {exception.GetType().Name}: {exception.Message}");
            }
        }

        failures.Should().BeEmpty();
    }

    private static List<(string Name, byte[] Content)> Samples()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Seeds)
            .Append(Path.Combine(RepositoryPaths.Corpus, "real", "04-qd-264-qdtw-2025.docx"))
            .Append(Path.Combine(RepositoryPaths.Root, "tests", "Ingest.Formats.Tests", "TestData", "layout-pdf-fixture.pdf"))
            .Concat(Directory.Exists(Path.Combine(RepositoryPaths.Corpus, "renditions", "html"))
                ? Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "renditions", "html")).Take(2)
                : [])
            .Order(StringComparer.Ordinal);
        return files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: // flip bits
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // cut the tail
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2: // repeat a chunk
                    var length = Math.Min(random.Next(1, 4096), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 3: // insert random bytes
                    var noise = new byte[random.Next(1, 64)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
                default: // delete a chunk
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 512), bytes.Count - at));
                    break;
            }
        }

        return [.. bytes];
    }
}
