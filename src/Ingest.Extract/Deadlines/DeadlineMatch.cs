using Ingest.Model;

namespace Ingest.Extract.Deadlines;

/// <summary>A time expression found in a text.</summary>
/// <param name="Deadline">The expression resolved to kind and dates.</param>
/// <param name="Index">Offset of the expression in the searched text (inside the parentheses for a schedule note).</param>
/// <param name="Length">Length of the expression in the searched text.</param>
public sealed record DeadlineMatch(Deadline Deadline, int Index, int Length)
{
    /// <summary>
    /// True when the expression could not be resolved (not understood, or a period with no year
    /// and no document date) and is kept as <see cref="DeadlineKind.Relative"/> text only; the
    /// caller reports <see cref="DiagnosticCodes.UnresolvedDeadline"/> for it. False for every
    /// resolved expression and for those tied to an event on purpose ("Ngay sau Hội nghị ...").
    /// </summary>
    public bool Unresolved { get; init; }
}

/// <summary>Finds the time expressions that schedule tasks in a text.</summary>
public interface IDeadlineFinder
{
    /// <summary>
    /// Every time expression in <paramref name="text"/> that sets when a task is done, in order of
    /// appearance, never overlapping. Never throws on bad text.
    /// </summary>
    /// <param name="text">A paragraph or task text (NFC).</param>
    /// <param name="documentDate">Issue date of the document, used to place year-less periods ("tháng 6").</param>
    IReadOnlyList<DeadlineMatch> FindAll(string text, DateOnly? documentDate = null);
}
