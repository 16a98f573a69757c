using Ingest.Extract.Bodies;

namespace Ingest.Extract.Tests.Bodies;

public sealed class BodyListParserTests
{
    private static IReadOnlyList<string> Parse(string text)
    {
        var tokens = TextTokenizer.Tokenize(text);
        return BodyListParser.Default.ParseList(tokens, 0).Names(text, tokens);
    }

    [Theory]
    // Plain coordination: commas and "và" separate conjuncts; the scope phrase is dropped and a
    // sentence-initial plural article is lower-cased (gold 000/III intro).
    [InlineData("Các cấp uỷ, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội từ Trung ương đến cơ sở căn cứ vào nội dung",
        "các cấp ủy|tổ chức đảng|các cơ quan nhà nước|Mặt trận Tổ quốc Việt Nam|các tổ chức chính trị - xã hội")]
    // Two named central bodies before the verb "tổ chức", which must not be read as a body.
    [InlineData("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc", "Bộ Chính trị|Ban Bí thư")]
    // A gazetteer name with commas inside is one body.
    [InlineData("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực chỉ đạo", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực")]
    // A gazetteer name with "và" inside (the 2025 merged commission) is one body.
    [InlineData("Ban Tuyên giáo và Dân vận Trung ương hướng dẫn", "Ban Tuyên giáo và Dân vận Trung ương")]
    // A bare "cơ quan" shares the modifiers of the noun after it (gold 004 IV.17 heading).
    [InlineData("Các ban đảng, đảng đoàn, ban cán sự đảng, các cơ quan, tổ chức có liên quan khác ở Trung ương",
        "các ban đảng|đảng đoàn|ban cán sự đảng|các cơ quan, tổ chức có liên quan khác ở Trung ương")]
    // Coordinated classifiers stay in one body; "tỉnh ủy" lower-cased after "Các" (gold 003 II.2).
    [InlineData("Các tỉnh uỷ, thành uỷ, cơ quan tham mưu, giúp việc của Trung ương, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương, Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức nghiên cứu",
        "các tỉnh ủy|thành ủy|cơ quan tham mưu, giúp việc của Trung ương|ban cán sự đảng|đảng đoàn|đảng ủy trực thuộc Trung ương|Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")]
    // "bí thư" governs the bodies up to the next person noun; "Các đồng chí" is dropped (gold 004 II b3).
    [InlineData("Các đồng chí Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương Đảng, bí thư các tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Trung ương và lãnh đạo các cơ quan, tổ chức chịu trách nhiệm chỉ đạo",
        "Ủy viên Bộ Chính trị|Ủy viên Ban Bí thư|Ủy viên Ban Chấp hành Trung ương Đảng|bí thư các tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Trung ương|lãnh đạo các cơ quan, tổ chức")]
    // The governed list ends at the comma before the verb "chủ trì" (gold 004 V b2).
    [InlineData("Các đồng chí bí thư tỉnh uỷ, thành uỷ, đảng đoàn, ban cán sự đảng, đảng uỷ trực thuộc Trung ương, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, chủ trì, chịu trách nhiệm",
        "bí thư tỉnh ủy, thành ủy, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Trung ương, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh")]
    // "người đứng đầu" governs "cấp ủy, chính quyền các cấp" (gold 004 IV.18 b4).
    [InlineData("Người đứng đầu cấp uỷ, chính quyền các cấp thực hiện nghiêm", "người đứng đầu cấp ủy, chính quyền các cấp")]
    // A generic head with a named complement keeps its capital; "Toà" takes the canonical tone.
    [InlineData("Ban cán sự đảng Toà án nhân dân tối cao và Ban cán sự đảng Viện Kiểm sát nhân dân tối cao",
        "Ban cán sự đảng Tòa án nhân dân tối cao|Ban cán sự đảng Viện Kiểm sát nhân dân tối cao")]
    // A relational modifier ("liên quan") closes the classifier slot: "tham mưu" is the verb.
    [InlineData("các cơ quan liên quan tham mưu hướng dẫn", "các cơ quan liên quan")]
    // A body not in the gazetteer: head word plus capitalised name, stopped by the verb.
    [InlineData("Ban Tổ chức Huyện ủy phối hợp tổ chức quán triệt", "Ban Tổ chức Huyện ủy")]
    // Capitalised names take one lower-case syllable per word and may join words with "và".
    [InlineData("Sở Tài nguyên và Môi trường, Sở Giáo dục và Đào tạo thực hiện", "Sở Tài nguyên và Môi trường|Sở Giáo dục và Đào tạo")]
    // Two capitalised syllables complete a word: the lower-case verb after them is not part of the name.
    [InlineData("Tỉnh ủy Long An chỉ đạo", "Tỉnh ủy Long An")]
    // A relational modifier after a generic head, lower-cased at the start (gold 003 I.2.4).
    [InlineData("Uỷ ban kiểm tra các cấp tăng cường kiểm tra", "ủy ban kiểm tra các cấp")]
    // "đảng" of "đảng đoàn" is the next body's head, not a classifier of "thành ủy".
    [InlineData("thành uỷ, đảng đoàn, đảng uỷ trực thuộc Trung ương", "thành ủy|đảng đoàn|đảng ủy trực thuộc Trung ương")]
    // "các sở, ban, ngành" is one fixed expression; "tỉnh" qualifies the last conjunct.
    [InlineData("Các sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tỉnh căn cứ chức năng",
        "các sở, ban, ngành|Mặt trận Tổ quốc|các đoàn thể chính trị - xã hội tỉnh")]
    // Abbreviated provincial bodies (HĐND, UBND) are whole words after a generic head.
    [InlineData("Đảng đoàn HĐND tỉnh, Ban cán sự đảng UBND tỉnh chỉ đạo", "Đảng đoàn HĐND tỉnh|Ban cán sự đảng UBND tỉnh")]
    // The honorific "Đồng chí" is dropped; "Bí thư" governs "Tỉnh ủy".
    [InlineData("Đồng chí Bí thư Tỉnh ủy chỉ đạo chung", "Bí thư Tỉnh ủy")]
    // Office holders govern the bodies they head.
    [InlineData("Chủ tịch Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm", "Chủ tịch Ủy ban nhân dân tỉnh|Giám đốc Sở Nội vụ")]
    // "Đảng" is a whole word: the lower-case verb after it is not its second syllable.
    [InlineData("các tổ chức Đảng hướng dẫn", "các tổ chức Đảng")]
    // A name word continues a capitalised name past two syllables.
    [InlineData("Hội Cựu chiến binh tỉnh phối hợp", "Hội Cựu chiến binh tỉnh")]
    // OCR swapped tone marks in listed names; the gazetteer spelling is restored.
    [InlineData("Ủy ban Kiếm tra Trung ương, Đảng đoàn Mặt trận Tố quốc Việt Nam tham mưu", "Ủy ban Kiểm tra Trung ương|Đảng đoàn Mặt trận Tổ quốc Việt Nam")]
    // A misspelt listed name nested after a generic head.
    [InlineData("Ban cán sự đảng Viện Kiếm sát nhân dân tối cao chỉ đạo", "Ban cán sự đảng Viện Kiểm sát nhân dân tối cao")]
    // OCR slips in generic heads ("tố chức", "tinh uỷ", gold 000 and 004 notes) are restored.
    [InlineData("Các tinh uỷ, thành uỷ, tố chức đảng thực hiện", "các tỉnh ủy|thành ủy|tổ chức đảng")]
    public void ParseList_WhenBodiesAreCoordinated_SplitsIntoGoldConjuncts(string text, string expected)
    {
        Parse(text).Should().Equal(expected.Split('|'));
    }

    [Theory]
    // "Tổ chức" opening an item is the verb "to organise".
    [InlineData("Tổ chức hội nghị quán triệt Kết luận")]
    // "Ban hành" is a verb, not the head "Ban".
    [InlineData("Ban hành quy định về kiểm soát quyền lực")]
    // "lãnh đạo" at the start is the verb "to lead".
    [InlineData("Lãnh đạo, chỉ đạo thể chế hóa nội dung Kết luận")]
    // Cadres are people, not bodies (gold 003 I.2.2 note).
    [InlineData("Cán bộ dù ở vị trí nào cũng phải")]
    // "từng cơ quan" refers back to bodies already named (gold 004 IV.3 b2 note).
    [InlineData("từng cơ quan ban hành quy định")]
    // A member of a provincial committee is a person, not the committee.
    [InlineData("Các đồng chí Tỉnh ủy viên")]
    // "Hội nghị" is a meeting, not the head "Hội".
    [InlineData("Hội nghị cán bộ toàn quốc")]
    public void ParseList_WhenTextDoesNotOpenWithABody_IsEmpty(string text)
    {
        Parse(text).Should().BeEmpty();
    }

    [Fact]
    public void ParseList_WhenListEnds_ReportsTheTokenAfterIt()
    {
        const string text = "Ban Tuyên giáo Trung ương chủ trì";
        var tokens = TextTokenizer.Tokenize(text);

        var list = BodyListParser.Default.ParseList(tokens, 0);

        tokens[list.End].Key.Should().Be("chủ");
    }
}
