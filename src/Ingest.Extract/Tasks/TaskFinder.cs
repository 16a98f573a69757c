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
        AnalyzedText.ForgetRecent();
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

        section = JoinWrappedHeading(section);
        var heading = _reader.ReadHeading(section.Heading);
        var content = SectionContent.Split(section.Paragraphs);
        // "- Cơ quan chủ trì: ...", "- Thời gian: ..." under a numbered item describe that item.
        // Each bullet is analysed once for all its readings.
        var analyzed = content.Bullets.Select(b => AnalyzedText.Create(b.Text)).ToList();
        var attributesOnly = analyzed.Count > 0 && analyzed.All(_reader.IsAttributeLine);
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
            AddBulletTasks(section.Id, content.Bullets, analyzed, context, mode, tasks);
        }

        foreach (var child in section.Children)
        {
            Visit(child, depth + 1, context, mode, tasks);
        }
    }

    private void AddLeafTask(SectionNode section, int depth, HeadingRoles heading, Responsibility inherited, ItemMode mode, List<TaskDraft> tasks)
    {
        var body = SectionContent.JoinParagraphs(section.Paragraphs);
        var title = string.IsNullOrWhiteSpace(section.Heading) ? null : section.Heading.Trim();
        var text = string.Join("\n", body.Prepend(title).OfType<string>());
        if (text.Length == 0)
        {
            return;
        }

        Responsibility responsibility;
        AnalyzedText opening;
        ItemRoles roles;
        if (heading.Kind == HeadingKind.Bodies)
        {
            // "13. Học viện Chính trị quốc gia Hồ Chí Minh" + paragraphs: the heading owns the item,
            // subjects in the paragraphs are added.
            if (body.Count == 0)
            {
                return;
            }

            opening = AnalyzedText.FromParagraphs(body);
            responsibility = inherited.Apply(heading.Roles, subjectReplaces: true).Apply(_reader.ReadItem(opening), subjectReplaces: false);
            roles = heading.Roles;
        }
        else if (heading.Kind == HeadingKind.None && title is not null && HeadingClassifier.IsTitle(title, depth))
        {
            if (body.Count == 0)
            {
                // A bare title ("Điều 2. Hiệu lực thi hành" whose text went elsewhere) instructs no one.
                return;
            }

            // "2. Công tác kiểm tra" + "Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì ...": under a title the
            // first sentence of the text is the item's opening, and its subject owns the item.
            opening = AnalyzedText.FromParagraphs(body);
            roles = _reader.ReadItem(opening);
            responsibility = inherited.Apply(roles, subjectReplaces: true);
        }
        else
        {
            opening = AnalyzedText.FromParagraphs(body.Prepend(title).OfType<string>());
            roles = _reader.ReadItem(opening);
            responsibility = inherited.Apply(roles, subjectReplaces: true);
        }

        if (_reader.IsReport(opening) || (mode == ItemMode.TasksWithSubject && roles.Subject.Count == 0))
        {
            return;
        }

        tasks.Add(new TaskDraft(section.Id, text, null, responsibility.ToBodies()));
    }

    /// <summary>
    /// A heading wrapped over two lines may reach this stage as a heading and a first paragraph
    /// ("3. Ban cán sự đảng Tòa án nhân dân tối cao và Ban cán sự đảng Viện" / "Kiểm sát nhân dân
    /// tối cao"). A short first paragraph without final punctuation that completes a heading of
    /// bodies is joined back to it.
    /// </summary>
    private SectionNode JoinWrappedHeading(SectionNode section)
    {
        // A wrapped tail is a few words of a name, never a sentence.
        const int MaxTailWords = 12;
        if (string.IsNullOrWhiteSpace(section.Heading) || section.Paragraphs.Count == 0 || section.Paragraphs[0].Bullet is not null)
        {
            return section;
        }

        var heading = section.Heading.TrimEnd();
        var tail = section.Paragraphs[0].Text.Trim();
        if (tail.Length == 0 || !EndsOpen(heading)
            || ".:;!?)".Contains(tail[^1], StringComparison.Ordinal)
            || tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxTailWords
            || SectionContent.BulletOf(section.Paragraphs[0]).Marker is not null)
        {
            return section;
        }

        var joined = heading + " " + tail;
        return _reader.ReadHeading(joined).Kind == HeadingKind.Bodies
            ? section with { Heading = joined, Paragraphs = [.. section.Paragraphs.Skip(1)] }
            : section;
    }

    /// <summary>
    /// True when a heading is cut open: it ends on a conjunction or on a capitalised syllable that
    /// starts a word of a name ("... Ban cán sự đảng Viện"); "Ban Tổ chức Trung ương" is whole.
    /// </summary>
    private static bool EndsOpen(string heading)
    {
        var last = heading[(heading.LastIndexOf(' ') + 1)..];
        return last is "và" or "-" || heading.EndsWith(',') || (last.Length > 0 && char.IsUpper(last[0]));
    }

    private void AddBulletTasks(string? sectionId, IReadOnlyList<BulletItem> bullets, IReadOnlyList<AnalyzedText> analyzed, Responsibility context, ItemMode mode, List<TaskDraft> tasks)
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
            if (_reader.IsReport(analyzed[b]))
            {
                continue;
            }

            var roles = _reader.ReadItem(analyzed[b]);
            if (mode == ItemMode.TasksWithSubject && roles.Subject.Count == 0)
            {
                continue;
            }

            var responsibility = scope.Apply(roles, subjectReplaces: true);
            tasks.Add(new TaskDraft(sectionId, bullet.Text, b + 1, responsibility.ToBodies()));

            if (nested is null && _reader.ReadIntro(analyzed[b], issuer: null, preamble: false) is { } bulletIntro)
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
        foreach (var (marker, text) in SectionContent.Blocks(paragraphs))
        {
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
    private sealed record BulletItem(string Marker, string Text, string? LocalIntro);

    /// <summary>A paragraph with its bullet marker (null for running text).</summary>
    private readonly record struct TextBlock(string? Marker, string Text);

    /// <summary>A section's paragraphs sorted into intros (before the first bullet) and bullets.</summary>
    private sealed record SectionContent(IReadOnlyList<string> Intros, IReadOnlyList<BulletItem> Bullets)
    {
        public static SectionContent Split(IReadOnlyList<Paragraph> paragraphs)
        {
            var intros = new List<string>();
            var bullets = new List<BulletItem>();
            string? pendingIntro = null;
            foreach (var (marker, text) in Blocks(paragraphs))
            {
                if (marker is not null)
                {
                    bullets.Add(new BulletItem(marker, text, pendingIntro));
                    pendingIntro = null;
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

        /// <summary>The paragraphs of a leaf section as printed lines, bullets with their marker.</summary>
        public static IReadOnlyList<string> JoinParagraphs(IReadOnlyList<Paragraph> paragraphs) =>
            [.. Blocks(paragraphs).Select(block => block.Marker is null ? block.Text : block.Marker + " " + block.Text)];

        /// <summary>
        /// Non-empty paragraphs in order, a paragraph that continues a sentence (it starts in lower
        /// case: a page break split it, "... tổ chức" / "đảng tập trung lãnh đạo ...") joined to the
        /// one before with a space.
        /// </summary>
        public static List<TextBlock> Blocks(IReadOnlyList<Paragraph> paragraphs)
        {
            var blocks = new List<TextBlock>(paragraphs.Count);
            foreach (var paragraph in paragraphs)
            {
                var (marker, text) = BulletOf(paragraph);
                if (text.Length == 0)
                {
                    continue;
                }

                if (marker is null && blocks.Count > 0 && IsContinuation(text))
                {
                    blocks[^1] = blocks[^1] with { Text = blocks[^1].Text + " " + text };
                }
                else
                {
                    blocks.Add(new TextBlock(marker, text));
                }
            }

            return blocks;
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

            // OCR drops the space after a dash ("-Chủ trì sơ kết ..."); a capital letter right after
            // it still marks a bullet, where a hyphenated word or a number would not.
            if (text.Length > 1 && BulletMarkers.Any(m => text[0] == m[0]) && char.IsUpper(text[1]))
            {
                return (text[..1], text[1..].Trim());
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
            // The first letter decides; emphasis markers and quotes before it do not.
            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    return char.IsLower(c);
                }

                if (!char.IsWhiteSpace(c) && c is not ('*' or '_'))
                {
                    return false;
                }
            }

            return false;
        }
    }
}
