using System.Text;

namespace Ingest.Vietnamese.Tests;

public class LegacyFontsTests
{
    [Theory]
    [InlineData(".VnTime", SourceEncoding.Tcvn3, false)] // the usual TCVN3 body font
    [InlineData(".VnTimeH", SourceEncoding.Tcvn3, true)] // its capitals variant
    [InlineData(" .VnArialH ", SourceEncoding.Tcvn3, true)] // padded name, another family
    [InlineData(".VnCentury Schoolbook", SourceEncoding.Tcvn3, false)] // family name with a space
    [InlineData("VNI-Times", SourceEncoding.Vni, false)] // the usual VNI font
    [InlineData("vni-helve", SourceEncoding.Vni, false)] // any case
    [InlineData("VISCII Times", SourceEncoding.Viscii, false)] // VISCII fonts name the encoding
    public void Classify_WhenFontIsLegacy_NamesItsEncoding(string font, SourceEncoding encoding, bool capitals)
    {
        LegacyFonts.Classify(font).Should().Be(((SourceEncoding?)encoding, capitals));
    }

    [Theory]
    [InlineData("Times New Roman")] // Unicode font
    [InlineData("Arial")] // Unicode font
    [InlineData("Vnexpress")] // no dot: not the .Vn family
    public void TryConvertRun_WhenFontIsNotLegacy_ReturnsFalseAndKeepsText(string font)
    {
        LegacyFonts.TryConvertRun("Céng hßa", font, out var converted).Should().BeFalse();
        converted.Should().Be("Céng hßa");
    }

    [Theory]
    [InlineData("Céng hßa x· héi chñ nghÜa ViÖt Nam", ".VnTime", "Cộng hòa xã hội chủ nghĩa Việt Nam")] // TCVN3 run
    [InlineData("n\u00ADíc", ".VnTime", "nước")] // TCVN3 ư is 0xAD, a soft hyphen when read as Latin-1
    [InlineData("céng hßa", ".VnTimeH", "CỘNG HÒA")] // capitals font draws lower-case codes as capitals
    [InlineData("Coäng hoøa xaõ hoäi", "VNI-Times", "Cộng hòa xã hội")] // VNI run
    [InlineData("C\uF0E9ng", ".VnTime", "Cộng")] // symbol-font code points U+F0xx
    public void TryConvertRun_WhenRunIsInLegacyFont_ReturnsUnicode(string run, string font, string expected)
    {
        LegacyFonts.TryConvertRun(run, font, out var converted).Should().BeTrue();
        converted.Should().Be(expected);
    }

    [Theory]
    [InlineData("Cộng hòa xã hội chủ nghĩa Việt Nam", ".VnTime")] // converted document kept the old font name
    [InlineData("Tân Hà", ".VnTime")] // Unicode text with Latin-1 letters only: the legacy reading is worse
    public void TryConvertRun_WhenRunAlreadyHoldsUnicode_ReturnsFalse(string run, string font)
    {
        LegacyFonts.TryConvertRun(run, font, out var converted).Should().BeFalse();
        converted.Should().Be(run);
    }

    [Fact]
    public void TryConvertRun_WhenRunIsWholeAlphabetInVni_RoundTrips()
    {
        foreach (var upper in new[] { false, true })
        {
            var alphabet = new string([.. VietnameseLetters.Alphabet(upper)]);
            var run = Encoding.Latin1.GetString(LegacyCodec.Encode(alphabet, SourceEncoding.Vni));

            LegacyFonts.TryConvertRun(run, "VNI-Times", out var converted).Should().BeTrue();
            converted.Should().Be(alphabet);
        }
    }
}
