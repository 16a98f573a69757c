using System.Text;

namespace Ingest.Vietnamese.Tests;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Uỷ", "Ủy")] // capital first vowel takes the moved mark
    [InlineData("uỷ ban", "ủy ban")] // open "uy" without initial
    [InlineData("hoạ", "họa")] // dot below moves like any tone
    [InlineData("hoà", "hòa")] // the style difference itself
    [InlineData("khoẻ", "khỏe")] // "oe"
    [InlineData("thuỷ", "thủy")] // "uy" after an initial
    [InlineData("HOÀ BÌNH", "HÒA BÌNH")] // upper case keeps its case
    [InlineData("Toà án", "Tòa án")] // mixed case
    [InlineData("hòa", "hòa")] // already canonical
    [InlineData("quý", "quý")] // "qu" is the initial: y is the only vowel
    [InlineData("quà", "quà")] // "qu" again, with a
    [InlineData("hoàn", "hoàn")] // closed syllable: one position in every style
    [InlineData("thuở", "thuở")] // ơ carries the mark in "uơ"
    [InlineData("khuya", "khuya")] // no tone at all
    [InlineData("ngoài", "ngoài")] // three vowels: the middle one
    [InlineData("khuỷu", "khuỷu")] // three vowels "uyu"
    [InlineData("huỳnh", "huỳnh")] // "uy" before a final consonant
    [InlineData("giữa", "giữa")] // "gi" is the initial
    [InlineData("gìn", "gìn")] // "gi" without another vowel: i is the vowel
    [InlineData("lựơng", "lượng")] // misplaced mark: "ươ" takes it on ơ
    [InlineData("baỏ", "bảo")] // misplaced mark: falling diphthong takes it on the first vowel
    [InlineData("dàì", "dài")] // doubled mark merged
    [InlineData("qúy", "quý")] // mark on the u of "qu"
    [InlineData("gìa", "già")] // mark on the i of "gi"
    [InlineData("Lênin", "Lênin")] // not a syllable: untouched
    [InlineData("03-KH/TW", "03-KH/TW")] // document number
    [InlineData("café", "café")] // foreign word with a consonant Vietnamese lacks
    [InlineData("ho\u0300a", "hòa")] // decomposed input is composed first
    public void CanonicalTones_WhenGivenText_PutsMarksOnFirstVowelOfOpenOaOeUy(string input, string expected)
    {
        VietnameseText.CanonicalTones(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("hòa", ToneStyle.Classic, "hoà")] // classic puts it on the second vowel
    [InlineData("ủy ban", ToneStyle.Classic, "uỷ ban")] // "uy" without initial
    [InlineData("quý", ToneStyle.Classic, "quý")] // never varies
    [InlineData("hoàn", ToneStyle.Classic, "hoàn")] // closed syllable never varies
    [InlineData("hoà hòa", ToneStyle.AsPrinted, "hoà hòa")] // as printed keeps both styles
    [InlineData("lựơng hoà", ToneStyle.AsPrinted, "lượng hoà")] // as printed still repairs misplaced marks
    public void ApplyToneStyle_WhenGivenStyle_PlacesMarksAccordingly(string input, ToneStyle style, string expected)
    {
        VietnameseText.ApplyToneStyle(input, style).Should().Be(expected);
    }

    [Theory]
    [InlineData("Uỷ ban  Kiểm tra ", "ủy ban kiểm tra")] // style, case, spacing
    [InlineData("ỦY BAN", "ủy ban")] // upper case
    [InlineData("Ban Chấp\u00A0hành", "ban chấp hành")] // no-break space
    [InlineData("Tổ\u200B chức", "tổ chức")] // zero-width space
    [InlineData("Ðảng", "đảng")] // eth look-alike
    [InlineData("cơ quаn", "cơ quan")] // Cyrillic а inside a Latin word
    [InlineData("Vie\u0323\u0302t Nam", "việt nam")] // decomposed, dot below first
    [InlineData("luơng", "lương")] // dropped horn of "ươ"
    public void Key_WhenTextsDifferOnlyInvisibly_GivesTheSameKey(string input, string expected)
    {
        VietnameseText.Key(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("Ủy ban Kiểm tra", "uy ban kiem tra")] // the documented example
    [InlineData("Đảng Cộng sản", "dang cong san")] // đ folds to d
    [InlineData("Ðảng", "dang")] // so does the eth look-alike
    [InlineData("Nguyễn Phú Trọng", "nguyen phu trong")] // names
    [InlineData("a\u0302\u0301", "a")] // decomposed marks are dropped
    [InlineData("café Zürich", "cafe zurich")] // other Latin accents fold too
    [InlineData("03-KH/TW", "03-kh/tw")] // ids keep their punctuation
    public void Fold_WhenGivenText_DropsDiacriticsAndLowerCases(string input, string expected)
    {
        VietnameseText.Fold(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("Vie\u0323\u0302t", "Việt")] // dot below before circumflex (canonical order)
    [InlineData("Vie\u0302\u0323t", "Việt")] // dot below after circumflex
    [InlineData("a\u0301\u0302", "ấ")] // tone before circumflex: NFC alone leaves this decomposed
    [InlineData("a\u0306\u0300", "ằ")] // breve then tone
    [InlineData("u\u031B\u0300", "ừ")] // horn then tone
    [InlineData("Vi\u00EA\u0323t Nam", "Việt Nam")] // Windows-1258 decoding: precomposed ê + combining dot
    [InlineData("Việt Nam", "Việt Nam")] // already composed
    public void Nfc_WhenMarksComeInAnyOrder_ComposesVietnameseLetters(string input, string expected)
    {
        VietnameseText.Nfc(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("a\u0301\u0302", "ấ")] // tone before circumflex
    [InlineData("o\u031B\u0323", "ợ")] // horn then dot below
    [InlineData("e\u0306", "e\u0306")] // e with breve is no Vietnamese letter: left alone
    [InlineData("a\u0301\u0300", "á\u0300")] // two different tones: the second stays visible
    public void Compose_WhenRuntimeCannotNormalise_UsesOwnTable(string input, string expected)
    {
        MarkComposer.Compose(input).Should().Be(expected);
    }

    [Fact]
    public void Nfc_WhenTextHasLoneSurrogate_ComposesVietnameseAndDoesNotThrow()
    {
        // string.Normalize rejects ill-formed UTF-16; damaged files must not stop the pipeline.
        VietnameseText.Nfc("Vie\u0302\u0323t \uD800").Should().Be("Việt \uD800");
    }

    [Fact]
    public void EnsureNormalizationWorks_WhenRuntimeComposes_DoesNotThrow()
    {
        Action check = VietnameseText.EnsureNormalizationWorks;
        check.Should().NotThrow();
    }

    [Fact]
    public void EnsureNormalizationWorks_WhenNormalizeReturnsItsInput_Throws()
    {
        // What string.Normalize does in globalization-invariant mode.
        var check = () => VietnameseText.EnsureNormalizationWorks(s => s);
        check.Should().Throw<InvalidOperationException>().WithMessage("*invariant*");
    }

    [Fact]
    public void EnsureNormalizationWorks_WhenNormalizeIsUnsupported_Throws()
    {
        var check = () => VietnameseText.EnsureNormalizationWorks(_ => throw new PlatformNotSupportedException());
        check.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData('\u0300', true)] // huyền
    [InlineData('\u0301', true)] // sắc
    [InlineData('\u0303', true)] // ngã
    [InlineData('\u0309', true)] // hỏi
    [InlineData('\u0323', true)] // nặng
    [InlineData('\u0302', false)] // circumflex is a vowel modifier, not a tone
    [InlineData('a', false)] // a letter
    public void IsToneMark_WhenGivenCharacter_RecognisesTheFiveTones(char c, bool expected)
    {
        VietnameseText.IsToneMark(c).Should().Be(expected);
    }

    [Theory]
    [InlineData("lựơng", "lượng")] // misplaced
    [InlineData("luơng", "lương")] // dropped horn before a final consonant
    [InlineData("tuơi", "tươi")] // dropped horn before a final vowel
    [InlineData("thuở", "thuở")] // "uơ" at the end of a syllable is right
    [InlineData("hoà", "hoà")] // style is kept
    [InlineData("Quốc hội khoá XV", "Quốc hội khoá XV")] // nothing to repair
    public void RepairMarks_WhenMarksAreMisplaced_PutsThemWhereSpellingDoes(string input, string expected)
    {
        VietnameseText.RepairMarks(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("Ðảng", "Đảng")] // eth inside a Vietnamese word
    [InlineData("Guðrún", "Guðrún")] // an Icelandic name keeps its eth
    [InlineData("cơ quаn", "cơ quan")] // Cyrillic а among Latin letters
    [InlineData("Москва", "Москва")] // a Russian word stays Russian
    [InlineData("Microsоft", "Microsoft")] // Cyrillic о inside a foreign Latin word
    public void ReplaceLookAlikes_WhenOtherScriptsImitateLatin_ReplacesInsideVietnameseWords(string input, string expected)
    {
        VietnameseText.ReplaceLookAlikes(input).Should().Be(expected);
    }

    [Fact]
    public void RemoveInvisible_WhenZeroWidthCharactersPresent_RemovesThem()
    {
        VietnameseText.RemoveInvisible("\uFEFFTổ\u200B chức đả\u00ADng\u200D").Should().Be("Tổ chức đảng");
    }

    [Fact]
    public void Alphabet_WhenComposedFromParts_RoundTripsEveryLetter()
    {
        var letters = new StringBuilder();
        foreach (var upper in new[] { false, true })
        {
            foreach (var c in VietnameseLetters.Alphabet(upper))
            {
                VietnameseLetters.TryDecode(c, out var letter).Should().BeTrue();
                VietnameseLetters.Compose(letter).Should().Be(c);
                letters.Append(c);
            }
        }

        letters.Length.Should().Be(2 * (72 + 17));
    }
}
