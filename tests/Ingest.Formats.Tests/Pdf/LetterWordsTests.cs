using Ingest.Formats.Pdf;
using Ingest.Model;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Ingest.Formats.Tests.Pdf;

public sealed class LetterWordsTests
{
    private const double FontSize = 12;

    /// <summary>How the second run of text is placed relative to the first.</summary>
    public enum Placement
    {
        /// <summary>Starts where the first run's last letter ends.</summary>
        Touching,

        /// <summary>Starts a third of the font size after the first run: a word space set by position, not by a space letter.</summary>
        AfterGap,

        /// <summary>Drawn first, to the right; the first run is drawn after it, on its left.</summary>
        DrawnRightToLeft,
    }

    [Theory]
    // One word drawn as two runs (a change of font or kerning in Word) stays one word.
    [InlineData(Placement.Touching, "tieptuc")]
    // A gap wider than a fifth of a letter separates words even when no space letter is drawn.
    [InlineData(Placement.AfterGap, "tiep tuc")]
    // Runs drawn out of reading order split, and the layout puts the words back in place.
    [InlineData(Placement.DrawnRightToLeft, "tiep tuc")]
    public void Read_WhenALineIsDrawnInTwoRuns_GroupsLettersIntoWordsByPosition(Placement placement, string expected)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var start = new PdfPoint(100, 700);
        if (placement == Placement.DrawnRightToLeft)
        {
            page.AddText("tuc", FontSize, new PdfPoint(125, 700), font);
            page.AddText("tiep", FontSize, start, font);
        }
        else
        {
            var first = page.AddText("tiep", FontSize, start, font);
            var end = first[^1].EndBaseLine.X + (placement == Placement.AfterGap ? FontSize / 3 : 0);
            page.AddText("tuc", FontSize, new PdfPoint(end, 700), font);
        }

        Texts(builder.Build()).Should().Equal(expected);
    }

    [Fact]
    public void Read_WhenTextHoldsSpaceLetters_SplitsWordsThere()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(595, 842).AddText("to chuc  dang", FontSize, new PdfPoint(100, 700), font);

        Texts(builder.Build()).Should().Equal("to chuc dang");
    }

    [Fact]
    public void Split_WhenLettersStepToANewBaseline_StartsANewWord()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var first = page.AddText("ab", FontSize, new PdfPoint(100, 700), font);
        var second = page.AddText("cd", FontSize, new PdfPoint(first[^1].EndBaseLine.X, 700 - FontSize), font);
        var letters = first.Concat(second).ToList<Letter>();

        var words = new List<(int Start, int Count)>();
        LetterWords.Split(letters, words);

        words.Should().Equal((0, 2), (2, 2));
    }

    private static IEnumerable<string> Texts(byte[] pdf) =>
        new PdfReader().Read(new SourceFile("runs.pdf", pdf), CancellationToken.None).Blocks.Select(b => b.Text);
}
