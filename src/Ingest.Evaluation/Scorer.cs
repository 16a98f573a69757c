using System.Globalization;
using System.Text.Json.Nodes;
using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Evaluation;

/// <summary>
/// Scores a record against a gold annotation (format: corpus/gold/GOLD.md). Every field is turned
/// into a multiset of facts — "document 0 has number 03-KH/TW", "section IV.5 has a task whose
/// assignee is ban tổ chức trung ương" — and precision/recall count facts, so a task with one
/// wrong body loses one fact, not the whole task. Names compare by <see cref="VietnameseText.Key"/>
/// (tone style, case and spacing ignored). A field the gold leaves out (the light gold of real
/// files has no tasks) is not scored.
/// </summary>
public static class Scorer
{
    /// <summary>Scores one file.</summary>
    public static FileScore Score(JsonObject gold, FileRecord record, string group)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(record);
        var goldDocuments = gold["documents"]?.AsArray().Select(d => d!.AsObject()).ToList() ?? [];
        var predicted = record.Documents.ToList();
        var pairs = Align(goldDocuments, predicted);

        var expected = NewFacts();
        var actual = NewFacts();
        for (var g = 0; g < goldDocuments.Count; g++)
        {
            var golden = goldDocuments[g];
            var prefix = $"doc{g}";
            AddGoldFacts(golden, prefix, expected);
            if (pairs.TryGetValue(g, out var p))
            {
                AddPredictedFacts(predicted[p], prefix, actual);
            }
        }

        var matchedPredictions = pairs.Values.ToHashSet();
        for (var p = 0; p < predicted.Count; p++)
        {
            if (!matchedPredictions.Contains(p))
            {
                // A document the gold does not have: all its facts are false positives.
                AddPredictedFacts(predicted[p], $"extra{p}", actual);
            }
        }

        var fields = new List<FieldScore>();
        var missing = new List<string>();
        var extra = new List<string>();
        foreach (var field in EvaluationReport.FieldNames)
        {
            if (!IsScored(field, goldDocuments))
            {
                continue;
            }

            var (tp, fp, fn, lost, added) = Compare(expected[field], actual[field]);
            fields.Add(new FieldScore(field, tp, fp, fn));
            missing.AddRange(lost.Select(f => $"{field}: {f}"));
            extra.AddRange(added.Select(f => $"{field}: {f}"));
        }

        return new FileScore(gold["file"]?.GetValue<string>() ?? record.Source.Path, group, fields, missing, extra);
    }

    private static bool IsScored(string field, List<JsonObject> goldDocuments) =>
        field == "documents" || goldDocuments.Any(d => d.ContainsKey(field));

    private static Dictionary<string, List<string>> NewFacts() =>
        EvaluationReport.FieldNames.ToDictionary(f => f, _ => new List<string>(), StringComparer.Ordinal);

    /// <summary>
    /// Pairs gold documents with output documents: first by number, then by kind in order, then by
    /// position, so one missed document does not shift every later pair.
    /// </summary>
    private static Dictionary<int, int> Align(List<JsonObject> gold, List<DocumentRecord> predicted)
    {
        var pairs = new Dictionary<int, int>();
        var used = new HashSet<int>();
        for (var g = 0; g < gold.Count; g++)
        {
            var number = Text(gold[g]["number"]);
            if (number is null)
            {
                continue;
            }

            var p = predicted.FindIndex(d => !used.Contains(predicted.IndexOf(d)) && d.Number == number);
            if (p >= 0)
            {
                pairs[g] = p;
                used.Add(p);
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (pairs.ContainsKey(g))
            {
                continue;
            }

            var kind = Key(Text(gold[g]["kind"]));
            for (var p = 0; p < predicted.Count; p++)
            {
                if (!used.Contains(p) && Key(predicted[p].Kind) == kind)
                {
                    pairs[g] = p;
                    used.Add(p);
                    break;
                }
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (pairs.ContainsKey(g))
            {
                continue;
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!used.Contains(p))
                {
                    pairs[g] = p;
                    used.Add(p);
                    break;
                }
            }
        }

        return pairs;
    }

    private static void AddGoldFacts(JsonObject document, string prefix, Dictionary<string, List<string>> facts)
    {
        AddMetadata(facts["documents"], prefix,
            Text(document["kind"]), Text(document["number"]), Text(document["issuedOn"]), Text(document["place"]), Text(document["issuer"]),
            document["signers"]?.AsArray().Select(Text).OfType<string>() ?? []);

        foreach (var section in document["sections"]?.AsArray() ?? [])
        {
            facts["sections"].Add($"{prefix} section {Text(section)}");
        }

        foreach (var citation in document["citations"]?.AsArray() ?? [])
        {
            var c = citation!.AsObject();
            AddCitation(facts["citations"], prefix, Text(c["id"])!, Text(c["kind"]), Text(c["issuedOn"]), Text(c["issuer"]));
        }

        foreach (var deadline in document["deadlines"]?.AsArray() ?? [])
        {
            var d = deadline!.AsObject();
            facts["deadlines"].Add(DeadlineFact(prefix, Text(d["section"]), Text(d["kind"]), Text(d["start"]), Text(d["end"])));
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in document["tasks"]?.AsArray() ?? [])
        {
            var t = task!.AsObject();
            AddTask(facts["tasks"], prefix, Text(t["section"]), ordinals,
                Names(t["assignees"]), Names(t["lead"]), Names(t["support"]));
        }
    }

    private static void AddPredictedFacts(DocumentRecord document, string prefix, Dictionary<string, List<string>> facts)
    {
        AddMetadata(facts["documents"], prefix, document.Kind, document.Number, Date(document.IssuedOn), document.Place, document.Issuer, document.Signers);
        foreach (var section in document.Sections.SelectMany(Flatten))
        {
            facts["sections"].Add($"{prefix} section {section.Id}");
        }

        foreach (var citation in document.Citations)
        {
            AddCitation(facts["citations"], prefix, citation.Id, citation.Kind, Date(citation.IssuedOn), citation.Issuer);
        }

        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in document.Tasks)
        {
            foreach (var deadline in task.Deadlines)
            {
                facts["deadlines"].Add(DeadlineFact(prefix, task.SectionId, KindName(deadline.Kind), Date(deadline.Start), Date(deadline.End)));
            }

            AddTask(facts["tasks"], prefix, task.SectionId, ordinals,
                task.Bodies.Where(b => b.Role == BodyRole.Assignee).Select(b => b.Name),
                task.Bodies.Where(b => b.Role == BodyRole.Lead).Select(b => b.Name),
                task.Bodies.Where(b => b.Role == BodyRole.Support).Select(b => b.Name));
        }
    }

    private static IEnumerable<SectionRecord> Flatten(SectionRecord section) =>
        new[] { section }.Concat(section.Children.SelectMany(Flatten));

    private static void AddMetadata(List<string> facts, string prefix, string? kind, string? number, string? issuedOn, string? place, string? issuer, IEnumerable<string> signers)
    {
        AddIfPresent(facts, $"{prefix} kind", Key(kind));
        AddIfPresent(facts, $"{prefix} number", number);
        AddIfPresent(facts, $"{prefix} issuedOn", issuedOn);
        AddIfPresent(facts, $"{prefix} place", Key(place));
        AddIfPresent(facts, $"{prefix} issuer", Key(issuer));
        foreach (var signer in signers)
        {
            AddIfPresent(facts, $"{prefix} signer", Key(signer));
        }
    }

    private static void AddCitation(List<string> facts, string prefix, string id, string? kind, string? issuedOn, string? issuer)
    {
        var head = $"{prefix} citation {id}";
        facts.Add(head);
        AddIfPresent(facts, head + " kind", Key(kind));
        AddIfPresent(facts, head + " issuedOn", issuedOn);
        AddIfPresent(facts, head + " issuer", Key(issuer));
    }

    private static string DeadlineFact(string prefix, string? section, string? kind, string? start, string? end) =>
        $"{prefix} deadline in {section ?? "-"}: {kind} {start ?? "null"}..{end ?? "null"}";

    private static void AddTask(List<string> facts, string prefix, string? section, Dictionary<string, int> ordinals,
        IEnumerable<string> assignees, IEnumerable<string> lead, IEnumerable<string> support)
    {
        var key = section ?? "-";
        ordinals[key] = ordinals.GetValueOrDefault(key) + 1;
        var head = $"{prefix} task {key}#{ordinals[key]}";
        facts.Add(head);
        facts.AddRange(assignees.Select(a => $"{head} assignee {Key(a)}"));
        facts.AddRange(lead.Select(a => $"{head} lead {Key(a)}"));
        facts.AddRange(support.Select(a => $"{head} support {Key(a)}"));
    }

    private static void AddIfPresent(List<string> facts, string head, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add($"{head} = {value}");
        }
    }

    private static (int Tp, int Fp, int Fn, List<string> Lost, List<string> Added) Compare(List<string> expected, List<string> actual)
    {
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in expected)
        {
            remaining[fact] = remaining.GetValueOrDefault(fact) + 1;
        }

        var tp = 0;
        var added = new List<string>();
        foreach (var fact in actual)
        {
            if (remaining.TryGetValue(fact, out var count) && count > 0)
            {
                remaining[fact] = count - 1;
                tp++;
            }
            else
            {
                added.Add(fact);
            }
        }

        var lost = remaining.Where(p => p.Value > 0).SelectMany(p => Enumerable.Repeat(p.Key, p.Value)).Order(StringComparer.Ordinal).ToList();
        return (tp, added.Count, lost.Count, lost, added);
    }

    private static IEnumerable<string> Names(JsonNode? array) => array?.AsArray().Select(Text).OfType<string>() ?? [];

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? Key(string? text) => text is null ? null : VietnameseText.Key(text);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string KindName(DeadlineKind kind) => kind.ToString().ToLowerInvariant();
}
