using BenchmarkDotNet.Attributes;
using Ingest.Extract;
using Ingest.Formats;
using Ingest.Model;
using Ingest.Normalize;
using Ingest.Output;
using Ingest.Pipeline;
using Ingest.Structure;

namespace Ingest.Benchmarks;

/// <summary>
/// One benchmark per hot stage, each on the same corpus document in the format that stage matters
/// for. Seed 004 is the largest document (18 pages as PDF): a cover letter, the plan it forwards and
/// a copy notice, so every stage has real work to do.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private const string Pdf = "renditions/pdf/004_43a41352d9a36873.pdf";
    private const string Docx = "renditions/docx/004_43a41352d9a36873.docx";
    private const string Html = "renditions/html/004_43a41352d9a36873.html";

    private readonly DocumentReaders _readers = DocumentReaders.CreateDefault();
    private readonly TextNormalizer _normalizer = new();
    private readonly DocumentSplitter _splitter = new();
    private readonly DocumentExtractor _extractor = DocumentExtractor.CreateDefault();
    private readonly IngestPipeline _pipeline = IngestPipeline.CreateDefault();

    private SourceFile _pdf = null!;
    private SourceFile _docx = null!;
    private SourceFile _html = null!;
    private IReadOnlyList<Block> _read = null!;
    private IReadOnlyList<Block> _normalized = null!;
    private IReadOnlyList<StructuredDocument> _documents = null!;
    private FileRecord _record = null!;

    /// <summary>Loads the files and runs the stages before each measured one, once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _pdf = CorpusInputs.File(Pdf);
        _docx = CorpusInputs.File(Docx);
        _html = CorpusInputs.File(Html);
        _read = CorpusInputs.Read(Html);
        _normalized = CorpusInputs.Normalized(Html);
        _documents = CorpusInputs.Structured(Html);
        _record = _pipeline.Process(_html, CancellationToken.None);
    }

    /// <summary>PDF text extraction: PdfPig words to lines and blocks, 18 pages.</summary>
    [Benchmark]
    public int ReadPdf() => _readers.Read(_pdf, CancellationToken.None).Blocks.Count;

    /// <summary>DOCX reading: paragraphs, numbering labels, tables.</summary>
    [Benchmark]
    public int ReadDocx() => _readers.Read(_docx, CancellationToken.None).Blocks.Count;

    /// <summary>HTML reading: main content and site metadata.</summary>
    [Benchmark]
    public int ReadHtml() => _readers.Read(_html, CancellationToken.None).Blocks.Count;

    /// <summary>Normalisation of the file's blocks: legacy check, NFC, marks, OCR repair, quality.</summary>
    [Benchmark]
    public int Normalize() => _normalizer.Normalize(_read).Blocks.Count;

    /// <summary>Section splitting: documents, headers, section tree, signatures.</summary>
    [Benchmark]
    public int Split() => _splitter.Split(_normalized).Documents.Count;

    /// <summary>Extraction over every document of the file: tasks, bodies, deadlines, citations.</summary>
    [Benchmark]
    public int Extract()
    {
        var tasks = 0;
        for (var i = 0; i < _documents.Count; i++)
        {
            tasks += _extractor.Extract(_documents[i], $"document-{i}", i).Document.Tasks.Count;
        }

        return tasks;
    }

    /// <summary>The record written as sorted, indented JSON.</summary>
    [Benchmark]
    public int Serialize() => RecordJson.Serialize(_record).Length;

    /// <summary>The whole pipeline on the HTML file, for scale.</summary>
    [Benchmark]
    public int PipelineHtml() => _pipeline.Process(_html, CancellationToken.None).Documents.Count;
}
