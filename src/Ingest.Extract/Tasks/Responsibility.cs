using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Extract.Tasks;

/// <summary>
/// Who is responsible at some point of a document: the assignees, leads and supports that a
/// heading or intro passes down to the items under it. Immutable.
/// </summary>
/// <param name="Assignees">Bodies that must act.</param>
/// <param name="Leads">Bodies that preside ("chủ trì").</param>
/// <param name="Supports">Bodies that cooperate ("phối hợp").</param>
internal sealed record Responsibility(IReadOnlyList<string> Assignees, IReadOnlyList<string> Leads, IReadOnlyList<string> Supports)
{
    /// <summary>No one named.</summary>
    public static Responsibility None { get; } = new([], [], []);

    /// <summary>
    /// The responsibility for a text under this one. With <paramref name="subjectReplaces"/>, a
    /// subject the text opens with replaces the inherited bodies (gold README decision 4: "When a
    /// bullet names its own subject, that subject replaces the heading"); otherwise it is added.
    /// Further subjects are always added, and a lead is always also an assignee.
    /// </summary>
    public Responsibility Apply(ItemRoles roles, bool subjectReplaces)
    {
        ArgumentNullException.ThrowIfNull(roles);
        List<string> assignees;
        List<string> leads;
        List<string> supports;
        if (subjectReplaces && roles.Subject.Count > 0)
        {
            assignees = [.. roles.Subject];
            leads = Union(roles.Leads, roles.LeadsAreAssignees ? roles.Subject : []);
            supports = [.. roles.Supports];
        }
        else
        {
            assignees = Union(Assignees, roles.Subject);
            var presiding = Assignees.Count > 0 ? Assignees : roles.Subject;
            leads = Union(Union(Leads, roles.Leads), roles.LeadsAreAssignees ? presiding : []);
            supports = Union(Supports, roles.Supports);
        }

        assignees = Union(Union(assignees, roles.Added), leads);
        return new Responsibility(assignees, leads, supports);
    }

    /// <summary>The bodies with their roles: assignees, then leads, then supports.</summary>
    public IReadOnlyList<ResponsibleBody> ToBodies()
    {
        // Built at its final size: every task makes one, from lists whose lengths are known.
        var bodies = new List<ResponsibleBody>(Assignees.Count + Leads.Count + Supports.Count);
        Add(bodies, Assignees, BodyRole.Assignee);
        Add(bodies, Leads, BodyRole.Lead);
        Add(bodies, Supports, BodyRole.Support);
        return bodies;
    }

    private static void Add(List<ResponsibleBody> bodies, IReadOnlyList<string> names, BodyRole role)
    {
        foreach (var name in names)
        {
            bodies.Add(new ResponsibleBody(name, role));
        }
    }

    /// <summary>Names of both lists without repeats (tone style, case and spacing ignored), first spelling kept.</summary>
    private static List<string> Union(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        var result = new List<string>(first.Count + second.Count);
        if (first.Count + second.Count <= 1)
        {
            // Most lists are empty or name one body: nothing can repeat.
            result.AddRange(first);
            result.AddRange(second);
            return result;
        }

        var seen = new HashSet<string>(first.Count + second.Count, StringComparer.Ordinal);
        foreach (var name in first.Concat(second))
        {
            if (seen.Add(VietnameseText.Key(name)))
            {
                result.Add(name);
            }
        }

        return result;
    }
}
