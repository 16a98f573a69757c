using Ingest.Model;

namespace Ingest.Extract.Tasks;

/// <summary>
/// Finds the operative items of a document and who is responsible for each, following the gold
/// conventions (GOLD.md "Tasks", gold README decisions 2-5):
/// <list type="bullet">
/// <item>every dash or plus bullet of an operative section is one task, numbered by its position
/// in the section; a numbered leaf section without bullets is one task (its heading and
/// paragraphs);</item>
/// <item>purpose, goal, view, situation and result sections are not tasks, nor are preambles,
/// except a sentence that hands work to a body ("Giao Ban Tổ chức Huyện ủy ...", section null);</item>
/// <item>a news article or a copy notice has no tasks, unless an article reproduces numbered
/// items under an operative intro ("... yêu cầu ... thực hiện ... nhiệm vụ ... sau:"); the
/// articles of a regulation or decision are norms, tasks only when they name who must act
/// ("Điều 3. Văn phòng Tỉnh ủy ... chịu trách nhiệm thi hành") or sit under an operative heading;</item>
/// <item>assignees come from the numbered heading or the intro sentence above an item; a subject
/// the item opens with replaces them; later grammatical subjects are added; lead and support come
/// from "chủ trì" and "phối hợp (với)".</item>
/// </list>
/// Stateless and thread-safe; one instance serves a whole run.
/// </summary>
public sealed class TaskFinder : ITaskFinder
{
    private static readonly string[] BulletMarkers = ["- ", "+ ", "• ", "– ", "* "];

    private readonly TaskGrammar _grammar = TaskGrammar.Default;
    private readonly ResponsibilityReader _reader = ResponsibilityReader.Default;

    /// <inheritdoc />
    public IReadOnlyList<TaskDraft> FindTasks(StructuredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentClass = _grammar.ClassifyKind(document.Kind);
        if (documentClass == DocumentClass.Copy)
        {
            return [];
        }

        var tasks = new List<TaskDraft>();
        // Articles and reports describe what others did; only instruments hand out work in running text.
        var unnumberedTasks = documentClass is DocumentClass.Directive or DocumentClass.Normative;
        var preambleIntro = ReadUnnumbered(document.Preamble, document.Issuer, unnumberedTasks, allowSubject: false, tasks);
        var context = preambleIntro is null ? Responsibility.None : Responsibility.None.Apply(preambleIntro, subjectReplaces: true);
        var mode = preambleIntro is not null ? ItemMode.Tasks : documentClass switch
        {
            DocumentClass.Directive => ItemMode.Tasks,
            DocumentClass.Normative => ItemMode.TasksWithSubject,
            _ => ItemMode.None,
        };
        foreach (var section in document.Sections)
        {
            Visit(section, 1, context, mode, tasks);
        }

        // A closing after numbered sections may still assign work ("Ban Tuyên giáo Trung ương chủ
        // trì, phối hợp ... theo dõi"); in a text without sections the body is all preamble-like.
        ReadUnnumbered(document.Closing, document.Issuer, unnumberedTasks, allowSubject: document.Sections.Count > 0, tasks);
        return tasks;
    }

    private void Visit(SectionNode section, int depth, Responsibility inherited, ItemMode mode, List<TaskDraft> tasks)
    {
        var role = HeadingClassifier.Classify(section.Heading, depth, _grammar);
        if (role == SectionRole.Purpose)
        {
            return;
        }

        if (role == SectionRole.Operative)
        {
            mode = ItemMode.Tasks;
        }

        var heading = _reader.ReadHeading(section.Heading);
        var content = SectionContent.Split(section.Paragraphs);
        // "- Cơ quan chủ trì: ...", "- Thời gian: ..." under a numbered item describe that item.
        var attributesOnly = content.Bullets.Count > 0 && content.Bullets.All(b => _reader.IsAttributeLine(b.Analyzed));
        if (section.Children.Count == 0 && (content.Bullets.Count == 0 || attributesOnly))
        {
            if (mode != ItemMode.None)
            {
                AddLeafTask(section, depth, heading, inherited, mode, tasks);
            }

            return;
        }

        var context = heading.Kind switch
        {
            HeadingKind.Bodies or HeadingKind.Subject => inherited.Apply(heading.Roles, subjectReplaces: true),
            _ => inherited,
        };

        foreach (var intro in content.Intros)
        {
            if (_reader.ReadIntro(intro, issuer: null, preamble: false) is { } introRoles)
            {
                context = context.Apply(introRoles, subjectReplaces: true);
                mode = ItemMode.Tasks;
            }
        }

        if (mode != ItemMode.None)
        {
            AddBulletTasks(section.Id, content.Bullets, context, mode, tasks);
        }

        foreach (var child in section.Children)
        {
            Visit(child, depth + 1, context, mode, tasks);
        }
    }

    private void AddLeafTask(SectionNode section, int depth, HeadingRoles heading, Responsibility inherited, ItemMode mode, List<TaskDraft> tasks)
    {
        var body = SectionContent.JoinParagraphs(section.Paragraphs);
        var hasHeading = !string.IsNullOrWhiteSpace(section.Heading);
        Responsibility responsibility;
        string text;
        AnalyzedText opening;
        ItemRoles roles;
        if (heading.Kind == HeadingKind.Bodies)
        {
            // "13. Học viện Chính trị quốc gia Hồ Chí Minh" + paragraphs: the heading owns the item,
            // subjects in the paragraphs are added.
            if (body.Length == 0)
            {
                return;
            }

            text = section.Heading + "\n" + body;
            opening = AnalyzedText.Create(body);
            roles = _reader.ReadItem(opening);
            responsibility = inherited.Apply(heading.Roles, subjectReplaces: true).Apply(roles, subjectReplaces: false);
            roles = heading.Roles;
        }
        else if (hasHeading && body.Length == 0 && HeadingClassifier.IsTitle(section.Heading, depth) && heading.Kind == HeadingKind.None)
        {
            // A bare title ("Điều 2. Hiệu lực thi hành" whose text went elsewhere) instructs no one.
            return;
        }
        else if (heading.Kind == HeadingKind.None && body.Length > 0 && HeadingClassifier.IsTitle(section.Heading, depth))
        {
            // "2. Công tác kiểm tra" + "Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì ...": under a title the
            // first sentence of the text is the item's opening, and its subject owns the item.
            text = section.Heading + "\n" + body;
            opening = AnalyzedText.Create(body);
            roles = _reader.ReadItem(opening);
            responsibility = inherited.Apply(roles, subjectReplaces: true);
        }
        else
        {
            text = !hasHeading ? body : body.Length == 0 ? section.Heading! : section.Heading + "\n" + body;
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            opening = AnalyzedText.Create(text);
            roles = _reader.ReadItem(opening);
            responsibility = inherited.Apply(roles, subjectReplaces: true);
        }

        if (_reader.IsReport(opening) || (mode == ItemMode.TasksWithSubject && roles.Subject.Count == 0))
        {
            return;
        }

        tasks.Add(new TaskDraft(section.Id, text, null, responsibility.ToBodies()));
    }

    private void AddBulletTasks(string? sectionId, IReadOnlyList<BulletItem> bullets, Responsibility context, ItemMode mode, List<TaskDraft> tasks)
    {
        // A bullet ending in ':' introduces the bullets with another marker after it
        // ("- Các cấp ủy thực hiện: + ... + ..."); a local intro paragraph does the same.
        string? introMarker = null;
        Responsibility? nested = null;
        for (var b = 0; b < bullets.Count; b++)
        {
            var bullet = bullets[b];
            if (bullet.LocalIntro is not null && _reader.ReadIntro(bullet.LocalIntro, issuer: null, preamble: false) is { } localRoles)
            {
                context = context.Apply(localRoles, subjectReplaces: true);
            }

            if (nested is not null && bullet.Marker == introMarker)
            {
                nested = null;
                introMarker = null;
            }

            var scope = nested ?? context;
            if (_reader.IsReport(bullet.Analyzed))
            {
                continue;
            }

            var roles = _reader.ReadItem(bullet.Analyzed);
            if (mode == ItemMode.TasksWithSubject && roles.Subject.Count == 0)
            {
                continue;
            }

            var responsibility = scope.Apply(roles, subjectReplaces: true);
            tasks.Add(new TaskDraft(sectionId, bullet.Text, b + 1, responsibility.ToBodies()));

            if (nested is null && _reader.ReadIntro(bullet.Analyzed, issuer: null, preamble: false) is { } bulletIntro)
            {
                nested = scope.Apply(bulletIntro, subjectReplaces: true);
                introMarker = bullet.Marker;
            }
        }
    }

    /// <summary>
    /// Reads a preamble or closing: operative sentences become tasks with no section, bullets under
    /// an intro that names bodies become bullet tasks. Returns the roles of a final intro, which
    /// pass down to the numbered sections ("... yêu cầu các cấp ủy, tổ chức đảng ... sau:").
    /// </summary>
    private ItemRoles? ReadUnnumbered(IReadOnlyList<Paragraph> paragraphs, string? issuer, bool emitTasks, bool allowSubject, List<TaskDraft> tasks)
    {
        ItemRoles? currentIntro = null;
        ItemRoles? finalIntro = null;
        var bulletCount = 0;
        foreach (var paragraph in paragraphs)
        {
            var (marker, text) = SectionContent.BulletOf(paragraph);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (marker is not null)
            {
                finalIntro = null;
                bulletCount++;
                if (emitTasks && currentIntro is not null)
                {
                    var responsibility = Responsibility.None.Apply(currentIntro, subjectReplaces: true).Apply(_reader.ReadItem(text), subjectReplaces: true);
                    tasks.Add(new TaskDraft(null, text, bulletCount, responsibility.ToBodies()));
                }

                continue;
            }

            if (SectionContent.IsFootnoteBody(text))
            {
                continue;
            }

            var intro = _reader.ReadIntro(text, issuer, preamble: true);
            if (intro is not null || text.TrimEnd().EndsWith(':'))
            {
                currentIntro = intro;
                finalIntro = intro;
                continue;
            }

            currentIntro = null;
            finalIntro = null;
            if (emitTasks && _reader.ReadOperativeParagraph(text, allowSubject, issuer) is { } roles)
            {
                tasks.Add(new TaskDraft(null, text, null, Responsibility.None.Apply(roles, subjectReplaces: true).ToBodies()));
            }
        }

        return finalIntro;
    }

    /// <summary>Which items of a part of a document are tasks.</summary>
    private enum ItemMode
    {
        /// <summary>None: background, articles and reports outside an operative heading or intro.</summary>
        None,

        /// <summary>Only items that name who must act: the articles of regulations and decisions.</summary>
        TasksWithSubject,

        /// <summary>Every item: the operative parts of instruments.</summary>
        Tasks,
    }

    /// <summary>A bullet of a section, with a non-bulleted intro paragraph that came between it and the previous bullet.</summary>
    private sealed record BulletItem(string Marker, string Text, string? LocalIntro)
    {
        private AnalyzedText? _analyzed;

        /// <summary>The text analysed once for all the readings of the bullet.</summary>
        public AnalyzedText Analyzed => _analyzed ??= AnalyzedText.Create(Text);
    }

    /// <summary>A section's paragraphs sorted into intros (before the first bullet) and bullets.</summary>
    private sealed record SectionContent(IReadOnlyList<string> Intros, IReadOnlyList<BulletItem> Bullets)
    {
        public static SectionContent Split(IReadOnlyList<Paragraph> paragraphs)
        {
            var intros = new List<string>();
            var bullets = new List<BulletItem>();
            string? pendingIntro = null;
            foreach (var paragraph in paragraphs)
            {
                var (marker, text) = BulletOf(paragraph);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (marker is not null)
                {
                    bullets.Add(new BulletItem(marker, text, pendingIntro));
                    pendingIntro = null;
                    continue;
                }

                if (bullets.Count > 0 && IsContinuation(text))
                {
                    // A page break split the bullet ("... tiêu cực" / "trong hoạt động điều tra ...").
                    bullets[^1] = bullets[^1] with { Text = bullets[^1].Text + " " + text.Trim() };
                }
                else if (bullets.Count == 0)
                {
                    intros.Add(text);
                }
                else
                {
                    pendingIntro = text;
                }
            }

            return new SectionContent(intros, bullets);
        }

        /// <summary>The paragraphs of a leaf section as one text; a paragraph that continues a sentence is joined with a space.</summary>
        public static string JoinParagraphs(IReadOnlyList<Paragraph> paragraphs)
        {
            var parts = new List<string>();
            foreach (var paragraph in paragraphs)
            {
                var (marker, text) = BulletOf(paragraph);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                text = marker is null ? text.Trim() : marker + " " + text.Trim();
                if (parts.Count > 0 && IsContinuation(text))
                {
                    parts[^1] += " " + text;
                }
                else
                {
                    parts.Add(text);
                }
            }

            return string.Join("\n", parts);
        }

        /// <summary>The bullet marker of a paragraph (from the structure stage, or still printed in the text) and its text.</summary>
        public static (string? Marker, string Text) BulletOf(Paragraph paragraph)
        {
            if (paragraph.Bullet is not null)
            {
                return (paragraph.Bullet, paragraph.Text.Trim());
            }

            var text = paragraph.Text.TrimStart();
            foreach (var marker in BulletMarkers)
            {
                if (text.StartsWith(marker, StringComparison.Ordinal))
                {
                    return (marker.Trim(), text[marker.Length..].Trim());
                }
            }

            return (null, paragraph.Text.Trim());
        }

        /// <summary>A footnote body left in the running text ("1 Nguy cơ tụt hậu ...", "&lt;sup&gt;1&lt;/sup&gt; ...").</summary>
        public static bool IsFootnoteBody(string text)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith("<sup>", StringComparison.OrdinalIgnoreCase)
                || (trimmed.Length > 2 && char.IsAsciiDigit(trimmed[0]) && (trimmed[1] == ' ' || (char.IsAsciiDigit(trimmed[1]) && trimmed.Length > 3 && trimmed[2] == ' ')));
        }

        private static bool IsContinuation(string text)
        {
            var first = AnalyzedTextFirstLetter(text);
            return first is { } c && char.IsLower(c);
        }

        private static char? AnalyzedTextFirstLetter(string text)
        {
            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    return c;
                }

                if (!char.IsWhiteSpace(c) && c is not ('*' or '_'))
                {
                    return null;
                }
            }

            return null;
        }
    }
}
