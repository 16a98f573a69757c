using System.Runtime.CompilerServices;
using System.Text.Json;
using Ingest.Extract.Tasks;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Normalize;
using Ingest.Structure;
using Ingest.Vietnamese;
using Xunit.Abstractions;

namespace Ingest.Extract.Tests.Tasks;

/// <summary>
/// Runs the real Formats → Normalize → Structure stages over the seeds under corpus/seeds and
/// their renditions under corpus/renditions, and scores the task finder against the gold tasks read from corpus/gold at test time the way the
/// ingest evaluation does: a task is its section and its ordinal within the section, facts are
/// (task, role, body) with names compared by VietnameseText.Key (tone style and case ignored).
/// </summary>
public sealed class TaskSeedPipelineTests(ITestOutputHelper output)
{
    // The bar of the ingest evaluation for task facts (section, assignees, lead, support).
    private const double FactF1Bar = 0.93;

    private static readonly string[] SeedNames =
    [
        "000_e8d2ea5daa605cb4",
        "001_3c65a1fe10e1c98c",
        "002_b32dc4e3d7d5ddd9",
        "003_2db8125d1e88a77c",
        "004_43a41352d9a36873",
    ];

    // The seeds as the lead's renditions present them (corpus/renditions): the same gold, read
    // through the Word, HTML and PDF readers. Scanned PDFs need OCR and are left to the evaluation.
    private static readonly string[] Renditions = ["docx", "html", "pdf"];

    public static TheoryData<string, string> SourceFiles()
    {
        var files = new TheoryData<string, string>();
        foreach (var seed in SeedNames)
        {
            files.Add(Path.Combine("seeds", seed + ".txt"), seed);
            foreach (var rendition in Renditions)
            {
                files.Add(Path.Combine("renditions", rendition, seed + "." + rendition), seed);
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void FindTasks_OnSeedFile_MatchesGoldTasksAndFacts(string file, string seed)
    {
        var score = Score(file, seed);
        output.WriteLine($"{file}: tasks found {score.Found}, gold {score.Gold}, task precision {score.TaskPrecision:F3}, recall {score.TaskRecall:F3}; " +
            $"facts precision {score.FactPrecision:F3}, recall {score.FactRecall:F3}, F1 {score.FactF1:F3}");
        foreach (var line in score.Differences)
        {
            output.WriteLine("  " + line);
        }

        if (score.Gold == 0)
        {
            score.Found.Should().Be(0, "the gold has no task in this file");
            return;
        }

        score.FactF1.Should().BeGreaterThanOrEqualTo(FactF1Bar);
        score.TaskRecall.Should().BeGreaterThanOrEqualTo(FactF1Bar);
        score.TaskPrecision.Should().BeGreaterThanOrEqualTo(FactF1Bar);
    }

    [Fact]
    public void FindTasks_WhenRunInParallel_GivesTheSameTasksAsSequentially()
    {
        var documents = SeedNames.SelectMany(seed => Structure(Path.Combine("seeds", seed + ".txt"))).ToList();
        var finder = new TaskFinder();
        var sequential = documents.Select(d => Describe(finder.FindTasks(d))).ToList();

        var parallel = new string[documents.Count];
        Parallel.For(0, documents.Count, i => parallel[i] = Describe(finder.FindTasks(documents[i])));

        parallel.Should().Equal(sequential);
    }

    private static string Describe(IReadOnlyList<TaskDraft> tasks) =>
        string.Join("\n", tasks.Select(t => $"{t.SectionId}#{t.Bullet}:{string.Join(",", t.Bodies.Select(b => b.Role + "=" + b.Name))}"));

    private static SeedScore Score(string file, string seed)
    {
        var documents = Structure(file);
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "corpus", "gold", seed + ".gold.json")));
        var goldDocuments = gold.RootElement.GetProperty("documents").EnumerateArray().ToList();
        var finder = new TaskFinder();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        int foundTasks = 0, goldTasks = 0;
        var used = new HashSet<int>();
        foreach (var (goldDocument, index) in goldDocuments.Select((g, i) => (g, i)))
        {
            var number = goldDocument.GetProperty("number").ValueKind == JsonValueKind.String ? goldDocument.GetProperty("number").GetString() : null;
            var match = Enumerable.Range(0, documents.Count).FirstOrDefault(d => !used.Contains(d) && number is not null && documents[d].Number == number, -1);
            match = match >= 0 ? match : Enumerable.Range(0, documents.Count).FirstOrDefault(d => !used.Contains(d) && d >= index, -1);
            var goldOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var task in goldDocument.GetProperty("tasks").EnumerateArray())
            {
                goldTasks++;
                var section = task.GetProperty("section").ValueKind == JsonValueKind.String ? task.GetProperty("section").GetString()! : "-";
                var key = TaskKey(index, section, goldOrdinals);
                expected.Add(key + "|task");
                foreach (var (property, role) in new[] { ("assignees", BodyRole.Assignee), ("lead", BodyRole.Lead), ("support", BodyRole.Support) })
                {
                    foreach (var name in task.GetProperty(property).EnumerateArray())
                    {
                        expected.Add($"{key}|{role}|{VietnameseText.Key(name.GetString()!)}");
                    }
                }
            }

            if (match < 0)
            {
                continue;
            }

            used.Add(match);
            var foundOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var task in finder.FindTasks(documents[match]))
            {
                foundTasks++;
                var key = TaskKey(index, task.SectionId ?? "-", foundOrdinals);
                found.Add(key + "|task");
                foreach (var body in task.Bodies)
                {
                    found.Add($"{key}|{body.Role}|{VietnameseText.Key(body.Name)}");
                }
            }
        }

        // Tasks of documents the structure stage found but the gold does not list count as false.
        foundTasks += Enumerable.Range(0, documents.Count).Where(d => !used.Contains(d)).Sum(d => finder.FindTasks(documents[d]).Count);
        var differences = found.Except(expected).Select(f => "extra   " + f)
            .Concat(expected.Except(found).Select(e => "missing " + e))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SeedScore(found, expected, foundTasks, goldTasks, differences);
    }

    private static string TaskKey(int document, string section, Dictionary<string, int> ordinals)
    {
        ordinals[section] = ordinals.GetValueOrDefault(section) + 1;
        return $"{document}/{section}#{ordinals[section]}";
    }

    private static List<StructuredDocument> Structure(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "corpus", file);
        var read = DocumentReaders.CreateDefault().Read(new SourceFile(Path.GetFileName(file), File.ReadAllBytes(path)), CancellationToken.None);
        var normalized = new TextNormalizer().Normalize(read.Blocks);
        return [.. new DocumentSplitter().Split(normalized.Blocks).Documents];
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        // With --artifacts-path the test binaries live outside the repository; this source file
        // does not, so the walk up to Ingest.sln starts from both.
        var starts = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Ingest.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Ingest.sln not found above {AppContext.BaseDirectory} or {thisFile}.");
    }

    private sealed record SeedScore(HashSet<string> FoundFacts, HashSet<string> GoldFacts, int Found, int Gold, IReadOnlyList<string> Differences)
    {
        private int TaskHits => FoundFacts.Count(f => f.EndsWith("|task", StringComparison.Ordinal) && GoldFacts.Contains(f));

        public double TaskPrecision => Found == 0 ? 1 : (double)TaskHits / Found;

        public double TaskRecall => Gold == 0 ? 1 : (double)TaskHits / Gold;

        public double FactPrecision => FoundFacts.Count == 0 ? 1 : (double)FoundFacts.Intersect(GoldFacts).Count() / FoundFacts.Count;

        public double FactRecall => GoldFacts.Count == 0 ? 1 : (double)FoundFacts.Intersect(GoldFacts).Count() / GoldFacts.Count;

        public double FactF1 => FactPrecision + FactRecall == 0 ? 0 : 2 * FactPrecision * FactRecall / (FactPrecision + FactRecall);
    }
}
