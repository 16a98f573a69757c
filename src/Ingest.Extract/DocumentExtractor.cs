using Ingest.Extract.Citations;
using Ingest.Extract.Deadlines;
using Ingest.Extract.Tasks;
using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Extract;

/// <summary>What extraction made of one document.</summary>
public sealed record ExtractionResult(DocumentRecord Document, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Turns a structured document into its record: sections, tasks with bodies, deadlines and
/// citations, and the contradictions between what the document says and what it contains.
/// Stateless and thread-safe.
/// </summary>
public sealed class DocumentExtractor
{
    private readonly ITaskFinder _tasks;
    private readonly IDeadlineFinder _deadlines;
    private readonly ICitationFinder _citations;

    /// <summary>Creates an extractor from its parts.</summary>
    public DocumentExtractor(ITaskFinder tasks, IDeadlineFinder deadlines, ICitationFinder citations)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(citations);
        _tasks = tasks;
        _deadlines = deadlines;
        _citations = citations;
    }

    /// <summary>The extractor with every default part.</summary>
    public static DocumentExtractor CreateDefault() => new(new TaskFinder(), new DeadlineFinder(), new CitationFinder());

    /// <summary>Extracts one document; <paramref name="documentId"/> must be unique within the file.</summary>
    public ExtractionResult Extract(StructuredDocument document, string documentId, int documentIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(documentId);
        var diagnostics = new List<Diagnostic>();

        var mentions = FindCitationMentions(document);
        var citations = CitationMerger.Merge(mentions.Select(m => (m.Match, m.SectionId, m.Text)));
        ReportKindMismatches(mentions, documentIndex, diagnostics);
        ReportForwardingMismatches(document, mentions, documentIndex, diagnostics);

        var tasks = new List<TaskItem>();
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in _tasks.FindTasks(document))
        {
            var sectionKey = draft.SectionId ?? "-";
            ordinals[sectionKey] = ordinals.GetValueOrDefault(sectionKey) + 1;
            var matches = _deadlines.FindAll(draft.Text, document.IssuedOn);
            var deadlines = new List<Deadline>(matches.Count);
            foreach (var match in matches)
            {
                deadlines.Add(match.Deadline);
                if (match.Unresolved)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnresolvedDeadline, DiagnosticSeverity.Info,
                        $"'{match.Deadline.Text}' could not be resolved to dates; kept as relative text.")
                    {
                        DocumentIndex = documentIndex,
                        SectionId = draft.SectionId,
                    });
                }
            }

            // Each cited number once (string equality is ordinal), in order of first mention. A task
            // cites a few numbers at most, so a list lookup is cheaper than a set.
            var found = _citations.FindAll(draft.Text);
            var cited = new List<string>(found.Count);
            foreach (var citation in found)
            {
                if (!IsOwnNumber(document, citation.Id) && !cited.Contains(citation.Id))
                {
                    cited.Add(citation.Id);
                }
            }

            tasks.Add(new TaskItem($"{documentId}/{sectionKey}/{ordinals[sectionKey]}", draft.SectionId, draft.Text)
            {
                Bullet = draft.Bullet,
                Bodies = draft.Bodies,
                Deadlines = deadlines,
                Citations = cited,
            });
        }

        var record = new DocumentRecord
        {
            Id = documentId,
            Kind = document.Kind,
            Number = document.Number,
            IssuedOn = document.IssuedOn,
            Place = document.Place,
            Issuer = document.Issuer,
            Signers = document.Signers,
            Recipients = document.Recipients,
            Title = document.Title,
            Forwards = document.Forwards,
            AttachedTo = document.AttachedTo,
            Sections = document.Sections.Select(ToRecord).ToList(),
            Tasks = tasks,
            Citations = citations,
        };
        return new ExtractionResult(record, diagnostics);
    }

    private static SectionRecord ToRecord(SectionNode node) =>
        new(node.Id, node.Label, node.Heading) { Children = node.Children.Select(ToRecord).ToList() };

    private List<Mention> FindCitationMentions(StructuredDocument document)
    {
        var mentions = new List<Mention>();
        void Scan(string? text, string? sectionId)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            foreach (var match in _citations.FindAll(text))
            {
                if (!IsOwnNumber(document, match.Id))
                {
                    mentions.Add(new Mention(match, sectionId, text.Substring(match.Index, match.Length)));
                }
            }
        }

        Scan(document.Title, null);
        foreach (var paragraph in document.Preamble)
        {
            Scan(paragraph.Text, null);
        }

        foreach (var section in document.AllSections())
        {
            Scan(section.Heading, section.Id);
            foreach (var paragraph in section.Paragraphs)
            {
                Scan(paragraph.Text, section.Id);
            }
        }

        foreach (var paragraph in document.Closing.Concat(document.Footnotes))
        {
            Scan(paragraph.Text, null);
        }

        return mentions;
    }

    private static bool IsOwnNumber(StructuredDocument document, string id) =>
        document.Number is not null && string.Equals(document.Number, id, StringComparison.Ordinal);

    private static void ReportKindMismatches(List<Mention> mentions, int documentIndex, List<Diagnostic> diagnostics)
    {
        foreach (var mention in mentions)
        {
            var match = mention.Match;
            if (match.KindWord is null || match.SymbolKind is null ||
                VietnameseText.Key(match.KindWord) == VietnameseText.Key(match.SymbolKind))
            {
                continue;
            }

            diagnostics.Add(new Diagnostic(DiagnosticCodes.CitationKindMismatch, DiagnosticSeverity.Warning,
                $"'{mention.Text}': the type word says {match.KindWord} but the symbol of {match.Id} is that of a {match.SymbolKind}.")
            {
                DocumentIndex = documentIndex,
                SectionId = mention.SectionId,
            });
        }
    }

    /// <summary>
    /// A cover letter or copy notice names what it forwards in its subject line and body. Any
    /// number there that shares the forwarded document's kind or serial number but is not that
    /// number is a contradiction worth a warning (a clerk's slip, or the wrong attachment).
    /// </summary>
    private static void ReportForwardingMismatches(StructuredDocument document, List<Mention> mentions, int documentIndex, List<Diagnostic> diagnostics)
    {
        if (document.Forwards is null)
        {
            return;
        }

        var forwardedSerial = SerialOf(document.Forwards);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            var id = mention.Match.Id;
            if (id == document.Forwards || reported.Contains(id))
            {
                continue;
            }

            var inSubject = mention.SectionId is null && document.Title is not null && document.Title.Contains(mention.Text, StringComparison.Ordinal);
            var sameSerial = SerialOf(id) == forwardedSerial && forwardedSerial.Length > 0;
            if (!inSubject && !sameSerial)
            {
                continue;
            }

            reported.Add(id);
            var where = inSubject ? "its subject line" : "its text";
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ForwardedNumberMismatch, DiagnosticSeverity.Warning,
                $"{document.Kind} {document.Number ?? "(no number)"} names {id} in {where}, but the document it forwards is {document.Forwards}.")
            {
                DocumentIndex = documentIndex,
            });
        }
    }

    private static string SerialOf(string id)
    {
        var end = 0;
        while (end < id.Length && char.IsAsciiDigit(id[end]))
        {
            end++;
        }

        return id[..end].TrimStart('0');
    }

    private sealed record Mention(CitationMatch Match, string? SectionId, string Text);
}
