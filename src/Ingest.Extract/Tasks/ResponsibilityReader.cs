using System.Globalization;
using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tasks;

/// <summary>What a heading says about who owns the section under it.</summary>
internal enum HeadingKind
{
    /// <summary>Nothing: a title or a sentence without a subject.</summary>
    None,

    /// <summary>The heading is a list of bodies ("5. Ban Tổ chức Trung ương").</summary>
    Bodies,

    /// <summary>The heading is a sentence with a subject ("1. Bộ Chính trị ban hành ...").</summary>
    Subject,
}

/// <summary>The reading of one heading.</summary>
/// <param name="Kind">What the heading says.</param>
/// <param name="Roles">The bodies and roles it names.</param>
internal sealed record HeadingRoles(HeadingKind Kind, ItemRoles Roles);

/// <summary>
/// Reads who is responsible from the wording of items, headings and intro sentences: subjects,
/// objects of directives ("giao", "yêu cầu", "đề nghị"), "chủ trì" and "phối hợp (với)"
/// (gold README decisions 4 and 5). Stateless and thread-safe.
/// </summary>
internal sealed class ResponsibilityReader
{
    private static readonly Lazy<ResponsibilityReader> LazyDefault = new(() => new ResponsibilityReader(BodyListParser.Default, TaskGrammar.Default));

    private readonly BodyListParser _bodies;
    private readonly TaskGrammar _grammar;

    public ResponsibilityReader(BodyListParser bodies, TaskGrammar grammar)
    {
        _bodies = bodies;
        _grammar = grammar;
    }

    /// <summary>The reader over the shipped data.</summary>
    public static ResponsibilityReader Default => LazyDefault.Value;

    /// <summary>How a subject was found.</summary>
    private enum SubjectSource
    {
        /// <summary>The bodies are the grammatical subject.</summary>
        Subject,

        /// <summary>The bodies are the objects of a directive ("Giao X ...", "Bộ Chính trị yêu cầu X ...").</summary>
        Directive,
    }

    /// <summary>
    /// Reads an item (a bullet, or a numbered item's heading and paragraphs): the subject its first
    /// sentence opens with, subjects of later sentences and of "thì" clauses, leads and supports.
    /// </summary>
    public ItemRoles ReadItem(string text) => ReadItem(AnalyzedText.Create(text));

    /// <inheritdoc cref="ReadItem(string)"/>
    public ItemRoles ReadItem(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var tokens = analyzed.Tokens;
        var owners = new List<BodyList>();
        IReadOnlyList<string> subject = [];
        var added = new List<string>();
        for (var s = 0; s < analyzed.Sentences.Count; s++)
        {
            var (start, end) = analyzed.Sentences[s];
            // The first sentence may open with an adverbial ("Căn cứ ..., các cấp ủy ..."); later
            // ones only count when they open with the bodies themselves, so that content such as
            // "Trên cơ sở đó, từng cơ quan ..." or "như: Người đứng đầu ..." is not taken.
            var first = s == 0;
            if (TryReadSubject(analyzed, start, end, strict: !first, allowOpener: first, out var list, out _))
            {
                owners.Add(list);
                if (first)
                {
                    subject = list.Names(analyzed.Text, tokens);
                }
                else
                {
                    added.AddRange(list.Names(analyzed.Text, tokens));
                }
            }
        }

        ReadConditionSubjects(analyzed, owners, added);
        foreach (var labelled in ReadAssigneeLabels(analyzed, owners))
        {
            if (subject.Count == 0)
            {
                subject = labelled;
            }
            else
            {
                added.AddRange(labelled);
            }
        }

        var (leads, leadsAreAssignees, supports) = ReadRoles(analyzed, 0, tokens.Count, owners);
        return new ItemRoles(subject, added, leads, leadsAreAssignees, supports);
    }

    /// <summary>
    /// True for a line that labels an attribute of an item rather than stating one ("Cơ quan chủ
    /// trì: Ban Tuyên giáo Tỉnh ủy", "Thời gian thực hiện: quý I/2022").
    /// </summary>
    public bool IsAttributeLine(string text) => IsAttributeLine(AnalyzedText.Create(text));

    /// <inheritdoc cref="IsAttributeLine(string)"/>
    public bool IsAttributeLine(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        var tokens = analyzed.Tokens;
        return _grammar.AttributeLabels.TryMatch(tokens, 0, out _, out var length) && length < tokens.Count && tokens[length].Is(":");
    }

    /// <summary>
    /// Reads an intro sentence ("Các cấp ủy, ... tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm
    /// vụ trọng tâm sau:"), or null when <paramref name="text"/> is not an intro or names no body.
    /// The bodies are the objects of a directive anywhere in its last sentence, else its subject.
    /// </summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="issuer">The document's issuer; in a preamble its own subject is not an assignee.</param>
    /// <param name="preamble">True for the preamble: there the issuer speaks of itself
    /// ("Bộ Chính trị ban hành Kế hoạch thực hiện như sau:").</param>
    public ItemRoles? ReadIntro(string text, string? issuer, bool preamble) => ReadIntro(AnalyzedText.Create(text), issuer, preamble);

    /// <inheritdoc cref="ReadIntro(string, string?, bool)"/>
    public ItemRoles? ReadIntro(AnalyzedText analyzed, string? issuer, bool preamble)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        if (analyzed.Sentences.Count == 0 || !IsIntro(analyzed))
        {
            return null;
        }

        var tokens = analyzed.Tokens;
        var (start, end) = analyzed.Sentences[^1];
        BodyList? bodies = null;
        for (var i = start; i < end && bodies is null; i++)
        {
            if (_grammar.Directives.TryMatch(tokens, i, out _, out var length))
            {
                var objects = _bodies.ParseList(tokens, i + length);
                bodies = objects.IsEmpty ? null : objects;
            }
        }

        if (bodies is null
            && TryReadSubject(analyzed, start, end, strict: false, allowOpener: true, out var subject, out var source)
            && (source == SubjectSource.Directive || !IsIssuerSpeaking(analyzed, subject, issuer, preamble)))
        {
            bodies = subject;
        }

        if (bodies is null)
        {
            return null;
        }

        var (leads, leadsAreAssignees, supports) = ReadRoles(analyzed, start, end, [bodies]);
        return new ItemRoles(bodies.Names(analyzed.Text, tokens), [], leads, leadsAreAssignees, supports);
    }

    /// <summary>
    /// Reads an unnumbered paragraph of a preamble or closing as a task, or null when it is not
    /// one: a sentence that hands work to bodies ("Giao Ban Tổ chức Huyện ủy phối hợp ..." — gold
    /// README decision 3), or with <paramref name="allowSubject"/> a sentence whose subject is a
    /// body and whose verb is not reported ("đã") or issuing ("sao gửi"). Intros are not tasks.
    /// </summary>
    public ItemRoles? ReadOperativeParagraph(string text, bool allowSubject, string? issuer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var analyzed = AnalyzedText.Create(text);
        if (analyzed.Sentences.Count == 0 || IsIntro(analyzed))
        {
            return null;
        }

        var tokens = analyzed.Tokens;
        var owners = new List<BodyList>();
        IReadOnlyList<string>? subject = null;
        var added = new List<string>();
        foreach (var (start, end) in analyzed.Sentences)
        {
            if (!TryReadSubject(analyzed, start, end, strict: false, allowOpener: true, out var list, out var source))
            {
                continue;
            }

            if (source == SubjectSource.Subject
                && (!allowSubject || _grammar.Past.StartsAt(tokens, list.End) || IsIssuerSpeaking(analyzed, list, issuer, preamble: true)))
            {
                continue;
            }

            owners.Add(list);
            if (subject is null)
            {
                subject = list.Names(analyzed.Text, tokens);
            }
            else
            {
                added.AddRange(list.Names(analyzed.Text, tokens));
            }
        }

        if (subject is null)
        {
            return null;
        }

        var (leads, leadsAreAssignees, supports) = ReadRoles(analyzed, 0, tokens.Count, owners);
        return new ItemRoles(subject, added, leads, leadsAreAssignees, supports);
    }

    /// <summary>
    /// Reads a section heading: a list of bodies ("Ban cán sự đảng Tòa án nhân dân tối cao và Ban
    /// cán sự đảng Viện Kiểm sát nhân dân tối cao", "Nhiệm vụ của ..."), or a sentence with a subject.
    /// </summary>
    public HeadingRoles ReadHeading(string? heading)
    {
        if (string.IsNullOrWhiteSpace(heading))
        {
            return new HeadingRoles(HeadingKind.None, ItemRoles.Empty);
        }

        var cleaned = AnalyzedText.CleanLine(heading).Trim();
        // An upper-case heading has no capitalisation to go by; the gazetteer still matches it.
        if (HeadingClassifier.IsUpperCase(cleaned))
        {
            cleaned = cleaned.ToLower(CultureInfo.InvariantCulture);
        }

        var analyzed = AnalyzedText.Create(cleaned);
        var tokens = analyzed.Tokens;
        var end = tokens.Count;
        while (end > 0 && tokens[end - 1].Kind != TokenKind.Word && tokens[end - 1].Kind != TokenKind.Number)
        {
            end--;
        }

        if (_grammar.HeadingBodyPrefixes.TryMatch(tokens, 0, out _, out var prefixLength))
        {
            var owners = _bodies.ParseList(tokens, prefixLength, semicolonSeparates: true);
            if (!owners.IsEmpty)
            {
                return new HeadingRoles(HeadingKind.Bodies, ItemRoles.Empty with { Subject = owners.Names(analyzed.Text, tokens) });
            }
        }

        var list = _bodies.ParseList(tokens, 0, semicolonSeparates: true);
        if (!list.IsEmpty && list.End >= end)
        {
            return new HeadingRoles(HeadingKind.Bodies, ItemRoles.Empty with { Subject = list.Names(analyzed.Text, tokens) });
        }

        // "2. Thời gian tới, đề nghị Ban cán sự đảng Ủy ban nhân dân tỉnh ... các nhiệm vụ sau:"
        var roles = ReadIntro(cleaned, issuer: null, preamble: false) ?? ReadItem(cleaned);
        return roles.Subject.Count > 0
            ? new HeadingRoles(HeadingKind.Subject, roles)
            : new HeadingRoles(HeadingKind.None, ItemRoles.Empty);
    }

    /// <summary>
    /// True when an item reports or assesses rather than instructs: its first sentence opens,
    /// after its subject if it has one, with an assessment ("Ban Thường vụ Tỉnh ủy đánh giá cao
    /// ...", "Ghi nhận, biểu dương ...") or a past-aspect verb ("Các cấp ủy đã ..."). GOLD.md:
    /// background and assessment paragraphs are not tasks.
    /// </summary>
    public bool IsReport(string text) => IsReport(AnalyzedText.Create(text));

    /// <inheritdoc cref="IsReport(string)"/>
    public bool IsReport(AnalyzedText analyzed)
    {
        ArgumentNullException.ThrowIfNull(analyzed);
        if (analyzed.Sentences.Count == 0)
        {
            return false;
        }

        var tokens = analyzed.Tokens;
        var (start, end) = analyzed.Sentences[0];
        if (_grammar.Assessments.StartsAt(tokens, start))
        {
            return true;
        }

        var subject = _bodies.ParseList(tokens, start);
        var verb = subject.IsEmpty ? -1 : subject.End < end && tokens[subject.End].Is(",") ? subject.End + 1 : subject.End;
        return verb >= 0 && verb < end && (_grammar.Assessments.StartsAt(tokens, verb) || _grammar.Past.StartsAt(tokens, verb));
    }

    /// <summary>True when the paragraph introduces items: it ends with ':' or "... như sau".</summary>
    private bool IsIntro(AnalyzedText analyzed)
    {
        var tokens = analyzed.Tokens;
        var last = tokens.Count - 1;
        while (last >= 0 && (tokens[last].Kind == TokenKind.LineBreak || tokens[last].Key is "." or ")" or "\""))
        {
            last--;
        }

        if (last < 0)
        {
            return false;
        }

        if (tokens[last].Is(":"))
        {
            return true;
        }

        foreach (var tail in _grammar.IntroTails)
        {
            if (EndsWithKeys(tokens, last, tail))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the tokens up to and including <paramref name="last"/> end with <paramref name="keys"/>.</summary>
    private static bool EndsWithKeys(IReadOnlyList<TextToken> tokens, int last, string[] keys)
    {
        var from = last - keys.Length + 1;
        if (from < 0)
        {
            return false;
        }

        for (var k = 0; k < keys.Length; k++)
        {
            if (tokens[from + k].Key != keys[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The bodies a sentence opens with: the objects of an opening directive, or a subject
    /// followed by a predicate (and then the objects of a directive right after it: "Bộ Chính
    /// trị yêu cầu các cấp ủy ..." makes the cấp ủy responsible, not the Bộ Chính trị).
    /// </summary>
    private bool TryReadSubject(AnalyzedText analyzed, int start, int end, bool strict, bool allowOpener, out BodyList bodies, out SubjectSource source)
    {
        var tokens = analyzed.Tokens;
        if (TryTopicLabel(tokens, start, end, out var clauseStart, out bodies))
        {
            // "Đối với Ban Tuyên giáo Tỉnh ủy: ..." names the assignees; "Về công tác cán bộ: ..."
            // only announces a topic, and the clause after the colon is read instead.
            source = SubjectSource.Subject;
            if (!bodies.IsEmpty)
            {
                return true;
            }

            start = clauseStart;
        }

        if (TryClause(tokens, start, end, strict, out bodies, out source))
        {
            return true;
        }

        if (allowOpener && _grammar.Openers.StartsAt(tokens, start))
        {
            // "Căn cứ Kết luận ... và Kế hoạch này, các cấp ủy, ... khẩn trương ...": try each comma,
            // with the strict predicate test so that a list inside the adverbial is not taken.
            for (var k = start + 1; k < end - 1; k++)
            {
                if (tokens[k].Is(",") && TryClause(tokens, k + 1, end, strict: true, out bodies, out source))
                {
                    return true;
                }
            }
        }

        bodies = BodyList.Empty(start);
        source = SubjectSource.Subject;
        return false;
    }

    private bool TryTopicLabel(IReadOnlyList<TextToken> tokens, int start, int end, out int clauseStart, out BodyList bodies)
    {
        // A label is short; a colon further on belongs to the clause ("... như: ...").
        const int MaxLabelTokens = 20;
        clauseStart = start;
        bodies = BodyList.Empty(start);
        if (!_grammar.TopicPrefixes.TryMatch(tokens, start, out _, out var length))
        {
            return false;
        }

        var colon = -1;
        for (var i = start + length; i < Math.Min(end, start + MaxLabelTokens); i++)
        {
            if (tokens[i].Is(":"))
            {
                colon = i;
                break;
            }
        }

        if (colon < 0)
        {
            return false;
        }

        var list = _bodies.ParseList(tokens, start + length);
        bodies = !list.IsEmpty && list.End == colon ? list : BodyList.Empty(start);
        clauseStart = colon + 1;
        return true;
    }

    private bool TryClause(IReadOnlyList<TextToken> tokens, int start, int end, bool strict, out BodyList bodies, out SubjectSource source)
    {
        source = SubjectSource.Directive;
        if (_grammar.Directives.TryMatch(tokens, start, out _, out var directiveLength))
        {
            bodies = _bodies.ParseList(tokens, start + directiveLength);
            if (!bodies.IsEmpty)
            {
                return true;
            }
        }

        bodies = _bodies.ParseList(tokens, start);
        if (bodies.IsEmpty || !IsPredicateStart(tokens, bodies.End, end, strict))
        {
            bodies = BodyList.Empty(start);
            return false;
        }

        var verb = tokens[bodies.End].Is(",") ? bodies.End + 1 : bodies.End;
        if (_grammar.Directives.TryMatch(tokens, verb, out _, out directiveLength))
        {
            // "Bộ Chính trị yêu cầu các cấp ủy ...": the objects must act. "Ban Thường vụ Tỉnh ủy yêu
            // cầu:" names no one; the requesting body is not an assignee either.
            var objects = _bodies.ParseList(tokens, verb + directiveLength);
            bodies = objects;
            return !objects.IsEmpty;
        }

        source = SubjectSource.Subject;
        return true;
    }

    /// <summary>
    /// True when a predicate can start at <paramref name="index"/>: a word that is not a
    /// preposition or conjunction ("thuộc", "của", "và" show the bodies are an object). Outside
    /// strict mode one comma may come first ("Các đồng chí bí thư ..., chủ trì, chịu trách nhiệm").
    /// </summary>
    private bool IsPredicateStart(IReadOnlyList<TextToken> tokens, int index, int end, bool strict)
    {
        if (!strict && index < end && tokens[index].Is(","))
        {
            index++;
        }

        return index < end && tokens[index].IsWord
            && (!_grammar.NotPredicate.StartsAt(tokens, index) || _grammar.Verbs.StartsAt(tokens, index));
    }

    /// <summary>Lists after "Cơ quan thực hiện:" and similar labels, in order.</summary>
    private IEnumerable<IReadOnlyList<string>> ReadAssigneeLabels(AnalyzedText analyzed, List<BodyList> owners)
    {
        var tokens = analyzed.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_grammar.AssigneeLabels.TryMatch(tokens, i, out _, out var length) && i + length < tokens.Count && tokens[i + length].Is(":"))
            {
                var list = _bodies.ParseList(tokens, i + length + 1);
                if (!list.IsEmpty)
                {
                    owners.Add(list);
                    yield return list.Names(analyzed.Text, tokens);
                }
            }
        }
    }

    private void ReadConditionSubjects(AnalyzedText analyzed, List<BodyList> owners, List<string> added)
    {
        var tokens = analyzed.Tokens;
        foreach (var (start, end) in analyzed.Sentences)
        {
            for (var i = start; i < end; i++)
            {
                if (!_grammar.ConditionSubjects.TryMatch(tokens, i, out _, out var length))
                {
                    continue;
                }

                var list = _bodies.ParseList(tokens, i + length);
                if (!list.IsEmpty && IsPredicateStart(tokens, list.End, end, strict: true))
                {
                    owners.Add(list);
                    added.AddRange(list.Names(analyzed.Text, tokens));
                }
            }
        }
    }

    /// <summary>
    /// Leads ("chủ trì") and supports ("phối hợp (với)") in tokens [from, to). A "chủ trì" right
    /// after bodies the text names as owners makes them lead; one without a body before it makes
    /// the item's assignees lead. Noun uses ("tăng cường phối hợp giữa ...", "cơ quan chủ trì")
    /// name no role unless a label colon follows ("Cơ quan chủ trì: ...").
    /// </summary>
    private (List<string> Leads, bool LeadsAreAssignees, List<string> Supports) ReadRoles(AnalyzedText analyzed, int from, int to, IReadOnlyList<BodyList> owners)
    {
        var tokens = analyzed.Tokens;
        var leads = new List<string>();
        var supports = new List<string>();
        var leadsAreAssignees = false;
        for (var i = from; i < to; i++)
        {
            if (_grammar.Lead.TryMatch(tokens, i, out _, out var leadLength))
            {
                var after = i + leadLength;
                var label = after < tokens.Count && tokens[after].Is(":");
                if (label)
                {
                    leads.AddRange(_bodies.ParseList(tokens, after + 1).Names(analyzed.Text, tokens));
                }
                else if (!IsNounUse(tokens, i) && !IsPassiveAgent(tokens, i))
                {
                    var owner = owners.FirstOrDefault(list => list.End == i || (list.End == i - 1 && tokens[i - 1].Is(",")));
                    if (owner is not null)
                    {
                        leads.AddRange(owner.Names(analyzed.Text, tokens));
                    }
                    else
                    {
                        leadsAreAssignees = true;
                    }
                }

                i = after - 1;
                continue;
            }

            if (_grammar.Support.TryMatch(tokens, i, out _, out var supportLength))
            {
                var after = i + supportLength;
                if (after < tokens.Count && tokens[after].Is(":"))
                {
                    supports.AddRange(_bodies.ParseList(tokens, after + 1).Names(analyzed.Text, tokens));
                }
                else if (!IsNounUse(tokens, i) && !_grammar.SupportBlockers.StartsAt(tokens, after))
                {
                    var partners = _grammar.SupportLinks.TryMatch(tokens, after, out _, out var linkLength) ? after + linkLength : after;
                    supports.AddRange(_bodies.ParseList(tokens, partners).Names(analyzed.Text, tokens));
                }

                i = after - 1;
            }
        }

        return (leads, leadsAreAssignees, supports);
    }

    private bool IsNounUse(IReadOnlyList<TextToken> tokens, int roleIndex) =>
        roleIndex > 0 && TaskGrammar.EndsAt(_grammar.RoleAsNoun, tokens, roleIndex - 1);

    /// <summary>"... do Ban Tuyên giáo chủ trì": a description of another body's event, not a role in this item.</summary>
    private bool IsPassiveAgent(IReadOnlyList<TextToken> tokens, int roleIndex)
    {
        // A body name is rarely longer than this many tokens.
        const int Window = 16;
        for (var k = roleIndex - 1; k >= Math.Max(0, roleIndex - Window); k--)
        {
            if (tokens[k].Key == "do")
            {
                return _bodies.ParseList(tokens, k + 1).End == roleIndex;
            }

            if (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Key is ";" or "." or ":")
            {
                return false;
            }
        }

        return false;
    }

    private bool IsIssuerSpeaking(AnalyzedText analyzed, BodyList subject, string? issuer, bool preamble)
    {
        var tokens = analyzed.Tokens;
        if (_grammar.Issuing.StartsAt(tokens, subject.End))
        {
            return true;
        }

        return preamble && issuer is not null
            && subject.Names(analyzed.Text, tokens).Any(name => BodyNames.SameName(name, issuer));
    }
}
