namespace Ingest.Corpus.Tests;

/// <summary>
/// The command people run on archives is the native build from tools/publish (Native AOT), while
/// every other test runs the JIT build. Trimming and ahead-of-time compilation can silently change
/// behaviour (reflection that finds nothing writes "{}"), so the native command must write exactly
/// what the JIT build writes for the whole corpus, and its other commands must work.
/// tools/test publishes it and passes its path in INGEST_NATIVE; without that the test publishes it.
/// </summary>
public sealed class NativeBuildTests
{
    [Fact]
    public async Task NativeCommand_OnTheCorpus_WritesAndAnswersLikeTheJitBuild()
    {
        var native = await NativeCommand();
        using var ocrTemp = new TemporaryDirectory();
        using var nativeOut = new TemporaryDirectory();
        using var jitOut = new TemporaryDirectory();
        // The native run goes first with an empty OCR cache, so it recognises the scans itself.
        var environment = new Dictionary<string, string> { ["TMPDIR"] = ocrTemp.Path };

        var nativeRun = await Run(native, [], environment, "run", RepositoryPaths.Corpus, "--out", nativeOut.Path, "--quiet");
        var jitRun = await Run("dotnet", ["exec", JitCommand], environment, "run", RepositoryPaths.Corpus, "--out", jitOut.Path, "--quiet");

        nativeRun.Exit.Should().Be(jitRun.Exit, because: nativeRun.Output);
        Directory.EnumerateFiles(ocrTemp.Path, "*.tsv", SearchOption.AllDirectories).Should().NotBeEmpty(because: "the native build must run OCR");
        ChildProcess.Snapshot(nativeOut.Path).Should().Equal(ChildProcess.Snapshot(jitOut.Path));

        var seed = Directory.EnumerateFiles(RepositoryPaths.Seeds).Order(StringComparer.Ordinal).First();
        var docx = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "renditions", "docx")).Order(StringComparer.Ordinal).First();
        string[][] commands =
        [
            // Gold and records are read back with System.Text.Json; the report is a JSON tree.
            ["eval", "--corpus", RepositoryPaths.Corpus, "--records", nativeOut.Path, "--json"],
            // Schema validation goes through NJsonSchema and Newtonsoft.Json, both reflection-based.
            ["check", seed, docx, "--format", "json"],
            ["schema"],
        ];

        foreach (var command in commands)
        {
            var nativeAnswer = await Run(native, [], environment, command);
            var jitAnswer = await Run("dotnet", ["exec", JitCommand], environment, command);
            nativeAnswer.Exit.Should().Be(jitAnswer.Exit, because: string.Join(' ', command) + ": " + nativeAnswer.Output);
            nativeAnswer.Output.Should().Be(jitAnswer.Output, because: string.Join(' ', command));
        }
    }

    private static string JitCommand => Path.Combine(AppContext.BaseDirectory, "ingest.dll");

    private static async Task<string> NativeCommand()
    {
        var given = Environment.GetEnvironmentVariable("INGEST_NATIVE");
        if (!string.IsNullOrEmpty(given))
        {
            File.Exists(given).Should().BeTrue(because: "INGEST_NATIVE names the native command");
            return given;
        }

        var publish = await Run("bash", [Path.Combine(RepositoryPaths.Root, "tools", "publish")], [], []);
        publish.Exit.Should().Be(0, because: publish.Output);
        return publish.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    private static Task<(int Exit, string Output)> Run(string program, string[] prefix, Dictionary<string, string> environment, params string[] args) =>
        ChildProcess.Run(program, [.. prefix, .. args], environment);
}
