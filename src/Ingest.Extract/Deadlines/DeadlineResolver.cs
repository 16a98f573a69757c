using System.Text;
using Ingest.Model;

namespace Ingest.Extract.Deadlines;

/// <summary>
/// Resolves one Vietnamese time expression to a <see cref="Deadline"/>: kind, first and last day
/// (inclusive) and recurrence, as GOLD.md defines them. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Rules (folded, so case and tone style do not matter):
/// <list type="bullet">
/// <item>periods: "ngày 15/3/2022", "tháng 12/2021", "quý I/2022" or "quý 1/2022", "năm 2022",
/// "6 tháng đầu năm 2022", "nửa cuối năm", "giai đoạn 2021 - 2025"; lists and ranges of them
/// ("năm 2021, 2022", "tháng 12/2021 - 01/2022") cover the first to the last day;</item>
/// <item>"đầu"/"giữa"/"cuối" take a third: days 1-10, 11-20, 21-end of a month; the first,
/// second, third month of a quarter; January-April, May-August, September-December of a year;</item>
/// <item>a bare period is <see cref="DeadlineKind.Within"/>; after "hoàn thành"/"xong" it is
/// <see cref="DeadlineKind.By"/> with the whole period; "trước ngày D" is By ending on D, "trước"
/// another period By ending the day before it; "chậm nhất", "không quá", "thời hạn", "đến" are By
/// ending with the period;</item>
/// <item>"từ P" is <see cref="DeadlineKind.From"/>; "từ P đến Q" Within; "sau P" From the next day;</item>
/// <item>"hằng năm", "hằng quý", "định kỳ ...", "thường niên", "6 tháng một lần" are
/// <see cref="DeadlineKind.Recurring"/>, with "từ P" as start and "đến Q" as end;</item>
/// <item>"thường xuyên", "liên tục" without a period are <see cref="DeadlineKind.Ongoing"/>;</item>
/// <item>"năm thứ 3, nhiệm kỳ ...", "ngay sau ...", and everything not understood are
/// <see cref="DeadlineKind.Relative"/> with the text kept (gold README decision 7: no year is
/// guessed for a term);</item>
/// <item>a period without a year takes the document's year, or the next year when it would end
/// before the document's date; without a document date it stays Relative.</item>
/// </list>
/// </remarks>
public static class DeadlineResolver
{
    /// <summary>Resolves <paramref name="expression"/>; an expression that cannot be resolved is Relative with its text.</summary>
    public static Deadline Resolve(string expression, DateOnly? documentDate = null)
    {
        TryResolve(expression, documentDate, out var deadline);
        return deadline;
    }

    /// <summary>
    /// Resolves <paramref name="expression"/>; false when it was not understood and was kept as
    /// Relative text only (the <see cref="DiagnosticCodes.UnresolvedDeadline"/> case).
    /// </summary>
    public static bool TryResolve(string expression, DateOnly? documentDate, out Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = TimeExpressionParser.Parse(expression, documentDate);
        deadline = ToDeadline(CleanText(expression), parsed, inline: false);
        return parsed.Understood;
    }

    internal static Deadline ToDeadline(string text, TimeExpression parsed, bool inline) =>
        new(text, parsed.Kind)
        {
            Start = parsed.Start,
            End = parsed.End,
            Recurrence = parsed.Kind == DeadlineKind.Recurring ? parsed.Recurrence : null,
            Inline = inline,
        };

    /// <summary>
    /// The expression as printed for <see cref="Deadline.Text"/>: Markdown asterisks removed
    /// (gold README: "Deadline text is kept exactly as printed, minus Markdown asterisks"),
    /// white space (line breaks of hard-wrapped text) collapsed to single spaces, trimmed.
    /// </summary>
    internal static string CleanText(string expression)
    {
        var builder = new StringBuilder(expression.Length);
        var pendingSpace = false;
        foreach (var c in expression)
        {
            if (c == '*')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
