using Ingest.Extract.Bodies;
using Ingest.Vietnamese;

namespace Ingest.Extract.Tasks;

/// <summary>How a heading keyword classifies a section (Data/task-grammar.tsv).</summary>
internal enum PurposeScope
{
    /// <summary>Purpose or background at any depth ("Mục tiêu").</summary>
    Any,

    /// <summary>Purpose only for a top-level or upper-case heading ("I. ĐÁNH GIÁ ...").</summary>
    TopLevel,

    /// <summary>Purpose only when it is the whole topic ("MỤC ĐÍCH, YÊU CẦU").</summary>
    Exact,
}

/// <summary>What kind of text a document is, for deciding where its tasks are.</summary>
internal enum DocumentClass
{
    /// <summary>A party or state instrument (Kế hoạch, Kết luận, Chỉ thị ...): numbered parts hold tasks.</summary>
    Directive,

    /// <summary>A news article or excerpt: tasks only under an operative intro.</summary>
    Article,

    /// <summary>A report: tasks only under an operative heading or intro.</summary>
    Report,

    /// <summary>A regulation or decision: an article is a task only when it names who must act.</summary>
    Normative,

    /// <summary>A copy notice or forwarding slip: no tasks of its own.</summary>
    Copy,
}

/// <summary>
/// The word lists that decide which items are tasks and which role each body plays
/// (Data/task-grammar.tsv). Immutable and thread-safe; loaded once.
/// </summary>
internal sealed class TaskGrammar
{
    private static readonly Lazy<TaskGrammar> LazyDefault = new(() => new TaskGrammar(EmbeddedData.ReadRows("task-grammar.tsv")));

    private readonly Dictionary<string, DocumentClass> _kinds = new(StringComparer.Ordinal);

    private TaskGrammar(IReadOnlyList<string[]> rows)
    {
        foreach (var row in rows)
        {
            if (row.Length < 2)
            {
                throw new FormatException($"A task-grammar row needs a phrase and a category: '{string.Join("\\t", row)}'.");
            }

            var phrase = row[0].Trim();
            switch (row[1].Trim())
            {
                case "kind-copy": _kinds[VietnameseText.Key(phrase)] = DocumentClass.Copy; break;
                case "kind-article": _kinds[VietnameseText.Key(phrase)] = DocumentClass.Article; break;
                case "kind-report": _kinds[VietnameseText.Key(phrase)] = DocumentClass.Report; break;
                case "kind-normative": _kinds[VietnameseText.Key(phrase)] = DocumentClass.Normative; break;
                case "purpose": Purpose.Add(phrase, PurposeScope.Any); break;
                case "purpose-top": Purpose.Add(phrase, PurposeScope.TopLevel); break;
                case "purpose-exact": Purpose.Add(phrase, PurposeScope.Exact); break;
                case "operative": Operative.Add(phrase, true); break;
                case "heading-body-prefix": HeadingBodyPrefixes.Add(phrase, true); break;
                case "directive": Directives.Add(phrase, true); break;
                case "issuing": Issuing.Add(phrase, true); break;
                case "past": Past.Add(phrase, true); break;
                case "opener": Openers.Add(phrase, true); break;
                case "topic-prefix": TopicPrefixes.Add(phrase, true); break;
                case "assessment": Assessments.Add(phrase, true); break;
                case "condition-subject": ConditionSubjects.Add(phrase, true); break;
                case "lead": Lead.Add(phrase, true); break;
                case "support": Support.Add(phrase, true); break;
                case "support-link": SupportLinks.Add(phrase, true); break;
                case "support-blocker": SupportBlockers.Add(phrase, true); break;
                case "role-as-noun": RoleAsNoun.Add(phrase, true); break;
                case "not-predicate": NotPredicate.Add(phrase, true); break;
                case "verb": Verbs.Add(phrase, true); break;
                case "assignee-label": AssigneeLabels.Add(phrase, true); break;
                case "attribute-label": AttributeLabels.Add(phrase, true); break;
                case "intro-tail": IntroTails.Add(TextTokenizer.Keys(phrase)); break;
                default: throw new FormatException($"Unknown task-grammar category '{row[1]}' for '{phrase}'.");
            }
        }
    }

    /// <summary>The grammar shipped with Ingest, loaded on first use.</summary>
    public static TaskGrammar Default => LazyDefault.Value;

    /// <summary>Heading keywords of purpose and background sections.</summary>
    public PhraseTable<PurposeScope> Purpose { get; } = new();

    /// <summary>Heading keywords of sections that hold tasks.</summary>
    public PhraseTable<bool> Operative { get; } = new();

    /// <summary>"Nhiệm vụ của ...": the bodies after it own the section.</summary>
    public PhraseTable<bool> HeadingBodyPrefixes { get; } = new();

    /// <summary>Verbs whose object bodies must act ("Giao", "đề nghị").</summary>
    public PhraseTable<bool> Directives { get; } = new();

    /// <summary>Verbs by which the issuer issues or forwards the text itself.</summary>
    public PhraseTable<bool> Issuing { get; } = new();

    /// <summary>Aspect words of reported facts ("đã").</summary>
    public PhraseTable<bool> Past { get; } = new();

    /// <summary>Verbs of assessments ("đánh giá cao", "ghi nhận").</summary>
    public PhraseTable<bool> Assessments { get; } = new();

    /// <summary>Words that open a label before a colon ("Đối với ...:", "Về ...:").</summary>
    public PhraseTable<bool> TopicPrefixes { get; } = new();

    /// <summary>Words that open an adverbial before the subject ("Căn cứ ...,").</summary>
    public PhraseTable<bool> Openers { get; } = new();

    /// <summary>"thì": introduces the subject of a consequence clause.</summary>
    public PhraseTable<bool> ConditionSubjects { get; } = new();

    /// <summary>"chủ trì", compared without diacritics: OCR misspells it ("chú trì") and nothing else folds to it.</summary>
    public PhraseTable<bool> Lead { get; } = new(ignoreDiacritics: true);

    /// <summary>"phối hợp", compared without diacritics for the same reason.</summary>
    public PhraseTable<bool> Support { get; } = new(ignoreDiacritics: true);

    /// <summary>Words between "phối hợp" and the partners ("với").</summary>
    public PhraseTable<bool> SupportLinks { get; } = new();

    /// <summary>"giữa": the cooperation is the task's content.</summary>
    public PhraseTable<bool> SupportBlockers { get; } = new();

    /// <summary>Words before "chủ trì"/"phối hợp" that make it a noun.</summary>
    public PhraseTable<bool> RoleAsNoun { get; } = new();

    /// <summary>Words that cannot start a predicate right after a subject.</summary>
    public PhraseTable<bool> NotPredicate { get; } = new();

    /// <summary>Verbs that start with a not-predicate word ("theo dõi").</summary>
    public PhraseTable<bool> Verbs { get; } = new();

    /// <summary>Labels whose list names who must act ("Cơ quan thực hiện:").</summary>
    public PhraseTable<bool> AssigneeLabels { get; } = new();

    /// <summary>Labels of an item's attributes ("Cơ quan chủ trì:", "Thời gian:").</summary>
    public PhraseTable<bool> AttributeLabels { get; } = new();

    /// <summary>Endings of intro sentences besides ':'.</summary>
    public List<string[]> IntroTails { get; } = [];

    /// <summary>The class of a document from its printed kind; unknown kinds are directives.</summary>
    public DocumentClass ClassifyKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return DocumentClass.Directive;
        }

        var key = VietnameseText.Key(kind);
        if (_kinds.TryGetValue(key, out var documentClass))
        {
            return documentClass;
        }

        // "Sao lục", "Sao y bản chính" and the like copy another text.
        return key.StartsWith("sao ", StringComparison.Ordinal) ? DocumentClass.Copy : DocumentClass.Directive;
    }

    /// <summary>True when a phrase of <paramref name="table"/> ends exactly at token <paramref name="lastIndex"/>.</summary>
    public static bool EndsAt<T>(PhraseTable<T> table, IReadOnlyList<TextToken> tokens, int lastIndex)
    {
        for (var start = Math.Max(0, lastIndex - 3); start <= lastIndex; start++)
        {
            if (table.TryMatch(tokens, start, out _, out var length) && start + length - 1 == lastIndex)
            {
                return true;
            }
        }

        return false;
    }
}
