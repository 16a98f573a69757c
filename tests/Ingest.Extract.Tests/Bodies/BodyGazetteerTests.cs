using Ingest.Extract.Bodies;
using Ingest.Vietnamese;

namespace Ingest.Extract.Tests.Bodies;

public sealed class BodyGazetteerTests
{
    [Theory]
    // Old tone style "Uỷ" matches the canonical "Ủy".
    [InlineData("Uỷ ban Kiểm tra Trung ương tham mưu", "Ủy ban Kiểm tra Trung ương")]
    // An abbreviation is an alias.
    [InlineData("UBKT TW", "Ủy ban Kiểm tra Trung ương")]
    // The longest entry wins over a shorter one it starts with ("Ban Bí thư").
    [InlineData("Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức", "Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")]
    // An alias that omits "Đảng" gives the canonical name.
    [InlineData("Ban Chấp hành Trung ương quyết định", "Ban Chấp hành Trung ương Đảng")]
    // The 2025 name of the anti-corruption steering committee is an alias of the earlier one.
    [InlineData("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực")]
    // Case and "Toà" tone style do not matter.
    [InlineData("TOÀ ÁN NHÂN DÂN TỐI CAO", "Tòa án nhân dân tối cao")]
    // A generic level body is listed too.
    [InlineData("huyện uỷ Thủ Thừa", "huyện ủy")]
    public void TryMatch_WhenTextStartsWithAListedName_ReturnsTheEntry(string text, string expected)
    {
        BodyGazetteer.Default.TryMatch(text, out var match).Should().BeTrue();

        match!.Entry.Name.Should().Be(expected);
    }

    [Fact]
    public void TryMatch_WhenNameIsFollowedByText_ReportsThePrintedLength()
    {
        const string text = "Ban Tổ chức Trung ương chủ trì";

        BodyGazetteer.Default.TryMatch(text, out var match).Should().BeTrue();

        text[..match!.Length].Should().Be("Ban Tổ chức Trung ương");
    }

    [Theory]
    // A verb that starts like a head word.
    [InlineData("Ban hành quy định")]
    // Whole words only: "Bộ Chính trị" is not inside "Bộ Chính".
    [InlineData("Bộ Chính")]
    public void TryMatch_WhenNoListedNameStartsTheText_ReturnsFalse(string text)
    {
        BodyGazetteer.Default.TryMatch(text, out _).Should().BeFalse();
    }

    [Theory]
    // OCR swapped a tone mark in a long listed name.
    [InlineData("Ủy ban Kiếm tra Trung ương", "Ủy ban Kiểm tra Trung ương")]
    // The alias that matched is the spelling restored, not the canonical name.
    [InlineData("Mặt trận Tố quốc, tổ chức chính trị - xã hội", "Mặt trận Tổ quốc")]
    // Two-word named bodies are never matched without diacritics: they would collide with ordinary words.
    [InlineData("Quốc hôi", null)]
    public void TryMatchIgnoringDiacriticsAt_RestoresTheListedSpellingOfLongNames(string text, string? expected)
    {
        var found = BodyGazetteer.Default.TryMatchIgnoringDiacriticsAt(TextTokenizer.Tokenize(text), 0, out _, out var spelling, out _);

        (found ? spelling : null).Should().Be(expected);
    }

    [Fact]
    public void TryFind_WhenAliasIsGiven_ReturnsCentralLevelEntry()
    {
        BodyGazetteer.Default.TryFind("VPTW", out var entry).Should().BeTrue();

        entry!.Name.Should().Be("Văn phòng Trung ương Đảng");
        entry.Level.Should().Be(BodyLevel.Central);
        entry.IsGeneric.Should().BeFalse();
    }

    [Fact]
    public void Default_WhenLoaded_HasNoNameOrAliasListedTwice()
    {
        var keys = BodyGazetteer.Default.Entries
            .SelectMany(entry => entry.Aliases.Prepend(entry.Name))
            .Select(VietnameseText.Key)
            .ToList();

        keys.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Default_WhenLoaded_StoresNamesInCanonicalToneStyle()
    {
        BodyGazetteer.Default.Entries.Should().OnlyContain(entry => entry.Name == VietnameseText.CanonicalTones(entry.Name));
    }

    [Theory]
    // A row with a missing column.
    [InlineData("Bộ Chính trị\t\tcentral\tparty")]
    // An unknown level.
    [InlineData("Bộ Chính trị\t\tnational\tparty\tnamed")]
    // An unknown form.
    [InlineData("Bộ Chính trị\t\tcentral\tparty\tproper")]
    public void Parse_WhenRowIsMalformed_Throws(string row)
    {
        var act = () => BodyGazetteer.Parse([row.Split('\t')]);

        act.Should().Throw<FormatException>();
    }
}
