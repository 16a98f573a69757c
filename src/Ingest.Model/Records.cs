namespace Ingest.Model;

/// <summary>
/// The record written for one input file: the unit of work and of output. Serialised to JSON by
/// the output stage with camelCase names and sorted keys; see schemas/ for the published schema.
/// </summary>
public sealed record FileRecord
{
    /// <summary>Version of the record format (semver). Bumped with every schema change.</summary>
    public required string SchemaVersion { get; init; }

    /// <summary>The file the record was made from.</summary>
    public required SourceInfo Source { get; init; }

    /// <summary>"ok" when the file was read, "failed" when it could not be; a failed record has an <see cref="Error"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Why the file failed; null when it did not.</summary>
    public RecordError? Error { get; init; }

    /// <summary>Every document found in the file, in order of appearance.</summary>
    public IReadOnlyList<DocumentRecord> Documents { get; init; } = [];

    /// <summary>Findings about the input that did not stop processing.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Facts about how the file was read (OCR pages, encodings); null when there is nothing to say.</summary>
    public ReadingInfo? Reading { get; init; }

    /// <summary>
    /// 1 for the first record of a path; goes up by one each time the file's content changes
    /// between runs over the same output folder.
    /// </summary>
    public int Revision { get; init; } = 1;

    /// <summary>SHA-256 of the earlier contents of this path, oldest first (empty at revision 1).</summary>
    public IReadOnlyList<string> PreviousSha256 { get; init; } = [];
}

/// <summary>Identity of an input file.</summary>
/// <param name="Path">Path relative to the archive root, with '/' separators.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Format">Format detected from the content.</param>
public sealed record SourceInfo(string Path, string Sha256, long Bytes, SourceFormat Format);

/// <summary>Why a file could not be processed.</summary>
/// <param name="Code">One of <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">Explanation in English.</param>
public sealed record RecordError(string Code, string Message);

/// <summary>How a file was read, where that is worth recording.</summary>
public sealed record ReadingInfo
{
    /// <summary>Source encoding of a text file ("utf-8", "utf-16le", "tcvn3", "vni", "windows-1258"...).</summary>
    public string? Encoding { get; init; }

    /// <summary>Number of pages (paged formats).</summary>
    public int? Pages { get; init; }

    /// <summary>1-based numbers of the pages whose text came from OCR.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];

    /// <summary>Mean OCR word confidence over those pages, 0-100.</summary>
    public double? OcrMeanConfidence { get; init; }
}

/// <summary>One document found in a file, with everything extracted from it.</summary>
public sealed record DocumentRecord
{
    /// <summary>
    /// Stable id: "&lt;number&gt;" when the document has one (so the same document is linked across
    /// files), otherwise "&lt;first 12 hex of the file sha256&gt;#&lt;index&gt;".
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Type word as printed ("Kết luận", "Kế hoạch", "Sao lục", "Bài báo").</summary>
    public required string Kind { get; init; }

    /// <summary>Number/symbol ("03-KH/TW"); null if none.</summary>
    public string? Number { get; init; }

    /// <summary>Issue date.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Place on the date line.</summary>
    public string? Place { get; init; }

    /// <summary>Issuing body.</summary>
    public string? Issuer { get; init; }

    /// <summary>People who signed.</summary>
    public IReadOnlyList<string> Signers { get; init; } = [];

    /// <summary>Addressees ("Kính gửi", "Nơi nhận").</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Subject line.</summary>
    public string? Title { get; init; }

    /// <summary>For cover letters and copy notices: the number of the forwarded document.</summary>
    public string? Forwards { get; init; }

    /// <summary>For attachments: the number of the parent document.</summary>
    public string? AttachedTo { get; init; }

    /// <summary>The numbered structure as a tree.</summary>
    public IReadOnlyList<SectionRecord> Sections { get; init; } = [];

    /// <summary>Actionable items, in document order.</summary>
    public IReadOnlyList<TaskItem> Tasks { get; init; } = [];

    /// <summary>Distinct cited documents, in order of first mention.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];
}

/// <summary>A numbered section in the output tree.</summary>
/// <param name="Id">Path id ("IV.5").</param>
/// <param name="Label">Label as printed ("5").</param>
/// <param name="Title">Heading text after the label, if any.</param>
public sealed record SectionRecord(string Id, string Label, string? Title)
{
    /// <summary>Sub-sections.</summary>
    public IReadOnlyList<SectionRecord> Children { get; init; } = [];
}

/// <summary>What part a body plays in a task.</summary>
public enum BodyRole
{
    /// <summary>Presides over the task ("chủ trì").</summary>
    Lead,

    /// <summary>Cooperates ("phối hợp với ...").</summary>
    Support,

    /// <summary>Must do the task (named by the item, or by the heading or intro it sits under).</summary>
    Assignee,
}

/// <summary>A body named as responsible for a task.</summary>
/// <param name="Name">Name as printed, tone marks in the canonical style (ủy, hóa).</param>
/// <param name="Role">Its role.</param>
public sealed record ResponsibleBody(string Name, BodyRole Role);

/// <summary>How a deadline constrains a task (GOLD.md, "Deadline kinds").</summary>
public enum DeadlineKind
{
    /// <summary>Must be done by <see cref="Deadline.End"/> ("hoàn thành trong quý I/2022").</summary>
    By,

    /// <summary>Happens within the period ("tháng 12/2021", "năm 2022").</summary>
    Within,

    /// <summary>Starts then, no end ("từ năm 2022").</summary>
    From,

    /// <summary>Repeats ("hằng năm từ năm 2022"); see <see cref="Deadline.Recurrence"/>.</summary>
    Recurring,

    /// <summary>Continuous ("thực hiện thường xuyên").</summary>
    Ongoing,

    /// <summary>Tied to an event, not a date; also every expression that could not be resolved.</summary>
    Relative,
}

/// <summary>A time expression that says when a task is done, resolved to dates where possible.</summary>
/// <param name="Text">The expression as printed (Markdown emphasis removed).</param>
/// <param name="Kind">How it constrains the task.</param>
public sealed record Deadline(string Text, DeadlineKind Kind)
{
    /// <summary>First day (inclusive), if known.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day (inclusive), if known.</summary>
    public DateOnly? End { get; init; }

    /// <summary>"yearly", "quarterly", "monthly", "half-yearly" for recurring deadlines.</summary>
    public string? Recurrence { get; init; }

    /// <summary>True when the expression is in running text rather than a parenthesised schedule note.</summary>
    public bool Inline { get; init; }
}

/// <summary>An actionable item of a document.</summary>
/// <param name="Id">Stable id: "&lt;document id&gt;/&lt;section id or '-'&gt;/&lt;ordinal&gt;".</param>
/// <param name="SectionId">Section the item is in; null for unnumbered text (e.g. a cover letter's body).</param>
/// <param name="Text">The item's text.</param>
public sealed record TaskItem(string Id, string? SectionId, string Text)
{
    /// <summary>1-based position of the bullet inside its section, when the item is a bullet.</summary>
    public int? Bullet { get; init; }

    /// <summary>Responsible bodies with their roles.</summary>
    public IReadOnlyList<ResponsibleBody> Bodies { get; init; } = [];

    /// <summary>Time expressions attached to the item, in order.</summary>
    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    /// <summary>Ids of the documents the item cites.</summary>
    public IReadOnlyList<string> Citations { get; init; } = [];
}

/// <summary>A cited document, merged over all its mentions.</summary>
/// <param name="Id">Canonical id ("19-KL/TW", "1847/QĐ-TTg").</param>
/// <param name="Kind">Type word ("Kết luận"), from the word printed before it or from the symbol.</param>
public sealed record Citation(string Id, string? Kind)
{
    /// <summary>Date of the cited document, if printed in any mention.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>Issuer of the cited document, if printed in any mention.</summary>
    public string? Issuer { get; init; }

    /// <summary>Subject ("về ..."), if printed.</summary>
    public string? Title { get; init; }

    /// <summary>Every place the document is cited.</summary>
    public IReadOnlyList<CitationMention> Mentions { get; init; } = [];
}

/// <summary>One place a document is cited.</summary>
/// <param name="Text">The citation as printed ("Kết luận số 19-KL/TW, ngày 14/10/2021").</param>
/// <param name="SectionId">Section of the mention; null for the header, preamble or closing.</param>
public sealed record CitationMention(string Text, string? SectionId);
