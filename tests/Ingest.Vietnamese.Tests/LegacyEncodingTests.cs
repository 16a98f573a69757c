using System.Text;

namespace Ingest.Vietnamese.Tests;

public class LegacyEncodingTests
{
    private const string Sentence = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. " +
        "Ban Chấp hành Trung ương Đảng yêu cầu các cấp ủy, tổ chức đảng tăng cường kiểm tra, giám sát; " +
        "người đứng đầu phải gương mẫu thực hiện nghiêm các quy định của Đảng và pháp luật của Nhà nước.";

    private static string Alphabet(bool upper) => new([.. VietnameseLetters.Alphabet(upper)]);

    [Theory]
    [InlineData(SourceEncoding.Vni, false)] // VNI lower case
    [InlineData(SourceEncoding.Vni, true)] // VNI capitals (capital mark characters)
    [InlineData(SourceEncoding.Viscii, false)] // VISCII lower case
    [InlineData(SourceEncoding.Viscii, true)] // VISCII capitals, six of them in C0 positions
    [InlineData(SourceEncoding.Windows1258, false)] // Windows-1258: base letter + combining tone byte
    [InlineData(SourceEncoding.Windows1258, true)] // Windows-1258 capitals
    [InlineData(SourceEncoding.Tcvn3, false)] // TCVN3 lower case: every letter has its own byte
    public void Decode_WhenGivenWholeAlphabetInLegacyEncoding_RoundTrips(SourceEncoding encoding, bool upper)
    {
        var alphabet = Alphabet(upper);
        var bytes = LegacyCodec.Encode(alphabet, encoding);

        bytes.Should().NotContain((byte)'?');
        TextDecoder.Decode(bytes, encoding).Text.Should().Be(alphabet);
    }

    [Fact]
    public void TryConvertRun_WhenTcvn3CapitalsFontDrawsLowerCaseCodes_RoundTripsUpperAlphabet()
    {
        // TCVN3 has no codes for most capital letters: ".VnTimeH" fonts draw the lower-case codes as capitals.
        var lowerBytes = LegacyCodec.Encode(Alphabet(upper: false), SourceEncoding.Tcvn3);
        var run = Encoding.Latin1.GetString(lowerBytes);

        LegacyFonts.TryConvertRun(run, ".VnTimeH", out var converted).Should().BeTrue();
        converted.Should().Be(Alphabet(upper: true));
    }

    [Fact]
    public void Decode_WhenTcvn3HasItsOwnCapitals_DecodesThem()
    {
        // The seven capitals TCVN3 itself encodes (0xA1-0xA7).
        TextDecoder.Decode(new byte[] { 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7 }, SourceEncoding.Tcvn3).Text.Should().Be("ĂÂÊÔƠƯĐ");
    }

    [Theory]
    // Byte strings from glibc iconv (TCVN5712-1, VISCII, CP1258) for
    // "cộng hòa xã hội chủ nghĩa việt nam, người dân đường": independent of our own tables.
    [InlineData(SourceEncoding.Tcvn3, "63e96e672068df612078b72068e969206368f1206e6768dc61207669d674206e616d2c206e67adea692064a96e20aeadea6e67")]
    [InlineData(SourceEncoding.Viscii, "63b56e672068f2612078e32068b569206368fc206e6768ee61207669ae74206e616d2c206e67dfb6692064e26e20f0dfb66e67")]
    [InlineData(SourceEncoding.Windows1258, "63f4f26e6720686fcc61207861de2068f4f26920636875d2206e676869de61207669eaf274206e616d2c206e67fdf5cc692064e26e20f0fdf5cc6e67")]
    public void Decode_WhenGivenBytesFromIconv_MatchesTheStandardTables(SourceEncoding encoding, string hex)
    {
        var text = TextDecoder.Decode(Convert.FromHexString(hex), encoding).Text;

        text.Should().Be("cộng hòa xã hội chủ nghĩa việt nam, người dân đường");
    }

    [Fact]
    public void Decode_WhenGivenVniText_ComposesBaseAndMarkCharacters()
    {
        // VNI as typed in a VNI-Times document: ộ = o + ä, ò = o + ø, ĩ = ó, ư = ö, đ = ñ.
        var bytes = CodePages.Windows1252.GetBytes("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, ngöôøi daân ñöôøng");

        TextDecoder.Decode(bytes, SourceEncoding.Vni).Text.Should().Be("Cộng hòa xã hội chủ nghĩa Việt Nam, người dân đường");
    }

    [Theory]
    [InlineData(SourceEncoding.Tcvn3, "tcvn3")] // .VnTime era plain text
    [InlineData(SourceEncoding.Vni, "vni")] // VNI-Times era plain text
    [InlineData(SourceEncoding.Viscii, "viscii")] // VISCII
    [InlineData(SourceEncoding.Windows1258, "windows-1258")] // Windows Vietnamese code page
    public void Decode_WhenEncodingIsNotGiven_DetectsItBySyllableValidity(SourceEncoding encoding, string name)
    {
        var text = encoding == SourceEncoding.Tcvn3 ? Sentence.ToLowerInvariant() : Sentence;
        var bytes = LegacyCodec.Encode(text, encoding);

        var decoded = TextDecoder.Decode(bytes);

        decoded.Encoding.Should().Be(name);
        decoded.Confident.Should().BeTrue();
        decoded.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("001_")] // plan with hòa style
    [InlineData("003_")] // conclusion with hoà style and footnote markup
    [InlineData("004_")] // long mixed-style document
    public void DecodeMisread_WhenGivenCleanUnicodeSeed_NeverFires(string seed)
    {
        var lines = Seeds.Read(seed).Split('\n');

        var result = LegacyText.DecodeMisread(lines);

        result.Encoding.Should().BeNull();
        result.Texts.Should().Equal(lines);
    }

    [Theory]
    [InlineData("001_")] // UTF-8 bytes stay UTF-8 whatever legacy readings might score
    [InlineData("003_")] // idem, another document
    public void Decode_WhenGivenUtf8Seed_ReadsUtf8(string seed)
    {
        var text = Seeds.Read(seed);

        var decoded = TextDecoder.Decode(Encoding.UTF8.GetBytes(text));

        decoded.Encoding.Should().Be("utf-8");
        decoded.Text.Should().Be(text);
    }

    [Fact]
    public void DecodeMisread_WhenTcvn3TextWasReadAsWindows1252_DecodesItKeepingSoftHyphenAsU()
    {
        // TCVN3 "ư" is byte 0xAD, which a Windows-1252 reading turns into a soft hyphen: the text must
        // be decoded before anything strips soft hyphens.
        var misread = Encoding.Latin1.GetString(LegacyCodec.Encode(Sentence.ToLowerInvariant(), SourceEncoding.Tcvn3));
        misread.Should().Contain("\u00AD");

        var result = LegacyText.DecodeMisread([misread, "Trang 2"]);

        result.Encoding.Should().Be(SourceEncoding.Tcvn3);
        result.Texts[0].Should().Be(Sentence.ToLowerInvariant());
        result.Texts[1].Should().Be("Trang 2");
        result.Converted.Should().Be(1);
    }

    [Theory]
    [InlineData("utf-8", SourceEncoding.Utf8)] // canonical name
    [InlineData("UTF8", SourceEncoding.Utf8)] // alias, any case
    [InlineData("tcvn3", SourceEncoding.Tcvn3)] // canonical name
    [InlineData("abc", SourceEncoding.Tcvn3)] // the name Vietnamese users know it by
    [InlineData("vni", SourceEncoding.Vni)] // VNI
    [InlineData("viscii", SourceEncoding.Viscii)] // VISCII
    [InlineData("cp1258", SourceEncoding.Windows1258)] // alias
    [InlineData("auto", SourceEncoding.Auto)] // detection
    public void TryParseEncoding_WhenGivenKnownName_ReturnsEncoding(string name, SourceEncoding expected)
    {
        TextDecoder.TryParseEncoding(name, out var encoding).Should().BeTrue();
        encoding.Should().Be(expected);
    }

    [Theory]
    [InlineData("")] // nothing
    [InlineData("latin-9")] // an encoding we do not read
    public void TryParseEncoding_WhenGivenUnknownName_ReturnsFalse(string name)
    {
        TextDecoder.TryParseEncoding(name, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, "utf-8-bom", "A")] // UTF-8 byte-order mark
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, "utf-16le", "A")] // UTF-16 LE byte-order mark
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41 }, "utf-16be", "A")] // UTF-16 BE byte-order mark
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x00, 0x43, 0x00 }, "utf-16le", "ABC")] // UTF-16 LE without mark
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "windows-1252", "café")] // nothing reads as Vietnamese
    public void Decode_WhenGivenBytes_ChoosesEncoding(byte[] bytes, string encoding, string text)
    {
        var decoded = TextDecoder.Decode(bytes);

        decoded.Encoding.Should().Be(encoding);
        decoded.Text.Should().Be(text);
    }
}
