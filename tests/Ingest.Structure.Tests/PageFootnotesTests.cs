using Ingest.Model;
using Ingest.Structure.Body;
using Ingest.Structure.Lines;

namespace Ingest.Structure.Tests;

public sealed class PageFootnotesTests
{
    private const string Before = "sống, biểu hiện \"tự diễn biến\", \"tự chuyển hoá\" và yêu cầu các cấp uỷ, tổ chức";
    private const string Note = "Nguy cơ tụt hậu xa hơn về kinh tế, nguy cơ lệch hướng xã hội chủ nghĩa.";
    private const string After = "đảng tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ sau:";

    public static TheoryData<string, (string Text, int Page)[], string[], string[]> Cases() => new()
    {
        {
            // Scanned seed 003: the OCR dropped the footnote's mark; the note sits between the page's last
            // line of a paragraph and the next page, which goes on in lower case.
            "mark-dropped",
            [(Before, 2), (Note, 2), (After, 3)],
            [Before, After],
            [Note]
        },
        {
            // The mark read as "+" and a page number after the note: the mark is removed, the number kept in the body.
            "plus-mark-and-page-number",
            [(Before, 2), ("+ " + Note, 2), ("2", 2), (After, 3)],
            [Before, "2", After],
            [Note]
        },
        {
            // A note over two lines, the mark read as a digit.
            "two-lines",
            [(Before, 2), ("1 Nguy cơ tụt hậu xa hơn về kinh tế, nguy cơ lệch hướng", 2), ("xã hội chủ nghĩa.", 2), (After, 3)],
            [Before, After],
            ["Nguy cơ tụt hậu xa hơn về kinh tế, nguy cơ lệch hướng xã hội chủ nghĩa."]
        },
        {
            // Text formats have no pages: nothing is moved.
            "no-pages",
            [(Before, 0), (Note, 0), (After, 0)],
            [Before, Note, After],
            []
        },
        {
            // The next page starts a new paragraph: the last paragraph of the page is body text.
            "next-page-capital",
            [(Before, 2), (Note, 2), ("Đảng tập trung lãnh đạo.", 3)],
            [Before, Note, "Đảng tập trung lãnh đạo."],
            []
        },
        {
            // A bullet wrapped onto the next page does not end its sentence on the page: it stays.
            "bullet-wrapped",
            [(Before, 2), ("+ Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan", 2), (After, 3)],
            [Before, "+ Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan", After],
            []
        },
        {
            // The line before ends a clause: the paragraph ended, so the last one of the page is not wedged in.
            "clause-ended",
            [("Ban Chấp hành Trung ương yêu cầu các cấp uỷ, tổ chức đảng thực hiện:", 2), (Note, 2), (After, 3)],
            ["Ban Chấp hành Trung ương yêu cầu các cấp uỷ, tổ chức đảng thực hiện:", Note, After],
            []
        },
        {
            // A short heading without final punctuation may be followed by its paragraph: not running text.
            "after-heading",
            [("2. Nhiệm vụ và giải pháp", 2), (Note, 2), (After, 3)],
            ["2. Nhiệm vụ và giải pháp", Note, After],
            []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extract_WhenFootnoteMayInterruptParagraph_MovesOnlyWedgedNotes(string name, (string Text, int Page)[] lines, string[] expectedBody, string[] expectedNotes)
    {
        var source = lines.Select((l, i) => Line(l.Text, l.Page, i)).ToArray();
        var notes = new List<Paragraph>();

        var body = PageFootnotes.Extract(source, notes);

        body.Select(l => l.Text).Should().Equal(expectedBody, name);
        notes.Select(n => n.Text).Should().Equal(expectedNotes, name);
    }

    private static SourceLine Line(string text, int page, int index)
    {
        var span = new SourceSpan(0, text.Length, 0, page);
        return new SourceLine(text, span, index, 0, new Block(BlockKind.Paragraph, text, span));
    }
}
