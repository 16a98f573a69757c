using Ingest.Extract.Tasks;

namespace Ingest.Extract.Tests.Tasks;

public sealed class ResponsibilityReaderTests
{
    private static readonly ResponsibilityReader Reader = ResponsibilityReader.Default;

    private static string Join(IReadOnlyList<string> names) => string.Join("|", names);

    [Theory]
    // A bullet that names its own subject (gold 004 IV.3 b2).
    [InlineData("Viện Kiểm sát nhân dân tối cao nghiên cứu xây dựng, trình Bộ Chính trị ban hành quy định.", "Viện Kiểm sát nhân dân tối cao")]
    // A generic head with a named complement (gold 004 IV.17 b2); "các cấp uỷ" is instructed, not a subject.
    [InlineData("Ban cán sự đảng Bộ Tư pháp hướng dẫn các cấp uỷ, tổ chức đảng thực hiện Chỉ thị số 04-CT/TW.", "Ban cán sự đảng Bộ Tư pháp")]
    // The objects of an opening directive own the item (gold 004 cover letter).
    [InlineData("Giao Ban Tổ chức Huyện ủy phối hợp tổ chức quán triệt; đồng thời, tham mưu Ban Thường vụ Huyện ủy xây dựng kế hoạch.", "Ban Tổ chức Huyện ủy")]
    // A subject after an opening adverbial (gold 004 V b4).
    [InlineData("Căn cứ Kết luận Hội nghị Trung ương 4 khoá XIII và Kế hoạch này, các cấp uỷ, tổ chức đảng, cơ quan nhà nước, Mặt trận Tổ quốc, tổ chức chính trị - xã hội và các cơ quan, tổ chức từ Trung ương đến cơ sở khẩn trương quán triệt.",
        "các cấp ủy|tổ chức đảng|cơ quan nhà nước|Mặt trận Tổ quốc|tổ chức chính trị - xã hội|các cơ quan, tổ chức")]
    // The body that hands out work is not responsible, the bodies it hands the work to are.
    [InlineData("Ban Thường vụ Tỉnh ủy giao Ban Tổ chức Tỉnh ủy theo dõi việc thực hiện.", "Ban Tổ chức Tỉnh ủy")]
    // A verb-initial bullet has no subject of its own (gold 004 IV.9 b2): the list after "đôn đốc" is an object.
    [InlineData("Hướng dẫn, đôn đốc các cấp ủy, tổ chức đảng, cơ quan chức năng quán triệt, triển khai thực hiện.", "")]
    // A list inside the opening adverbial is an object ("... đến các cấp uỷ, tổ chức đảng ... thuộc phạm vi").
    [InlineData("Ngay sau Hội nghị cán bộ toàn quốc, khẩn trương tổ chức hội nghị quán triệt đến các cấp uỷ, tổ chức đảng và cơ quan, tổ chức trong hệ thống chính trị thuộc phạm vi phụ trách.", "")]
    // "theo dõi" is a verb although "theo" alone would show an object.
    [InlineData("Văn phòng Tỉnh ủy theo dõi, tổng hợp kết quả.", "Văn phòng Tỉnh ủy")]
    // A label naming who must act.
    [InlineData("Tổ chức hội nghị sơ kết.\nCơ quan thực hiện: Sở Nội vụ.", "Sở Nội vụ")]
    // "Đối với <bodies>:" names who must act.
    [InlineData("Đối với Ban Tuyên giáo Tỉnh ủy: hướng dẫn tổ chức hội nghị quán triệt.", "Ban Tuyên giáo Tỉnh ủy")]
    // "Về <topic>:" only announces the topic; the clause after the colon has the subject.
    [InlineData("Về công tác cán bộ: Ban Tổ chức Tỉnh ủy chủ trì tham mưu.", "Ban Tổ chức Tỉnh ủy")]
    public void ReadItem_WhenItemOpensWithBodies_ReturnsThemAsSubject(string text, string expected)
    {
        Join(Reader.ReadItem(text).Subject).Should().Be(expected);
    }

    [Theory]
    // A subject after "thì" inside the item is added (gold 000/III.4 "cấp ủy cấp trên").
    [InlineData("Thực hiện nghiêm việc tự phê bình. Những nơi có biểu hiện suy thoái, thì cấp uỷ cấp trên phải kịp thời xem xét.", "cấp ủy cấp trên")]
    // A later sentence opening with a body adds it (gold 003 I.2.4).
    [InlineData("Nâng cao hiệu quả giám sát. Uỷ ban kiểm tra các cấp tăng cường kiểm tra, giám sát.", "ủy ban kiểm tra các cấp")]
    // Pilot-policy content after a colon is not a subject (gold 003 I.2.2 note).
    [InlineData("Thực hiện thí điểm một số chủ trương như: Người đứng đầu lựa chọn, giới thiệu cán bộ.", "")]
    // A norm on individual cadres is not a body (gold 003 I.2.2 note).
    [InlineData("Tập trung xây dựng đội ngũ cán bộ. Cán bộ dù ở vị trí nào cũng phải luôn ý thức đầy đủ về trách nhiệm.", "")]
    // "từng cơ quan" after an adverbial in a later sentence is left unresolved (gold 004 IV.3 b2 note).
    [InlineData("Viện Kiểm sát nhân dân tối cao nghiên cứu xây dựng quy định. Trên cơ sở đó, từng cơ quan ban hành quy định.", "")]
    public void ReadItem_WhenLaterClausesHaveSubjects_AddsOnlyGrammaticalSubjects(string text, string expected)
    {
        Join(Reader.ReadItem(text).Added).Should().Be(expected);
    }

    [Theory]
    // A named subject before "chủ trì" presides; partners after "phối hợp với" up to the verb (gold 004 II b2).
    [InlineData("Ban Tuyên giáo Trung ương chủ trì phối hợp với Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương, Văn phòng Trung ương Đảng hướng dẫn tổ chức hội nghị.",
        "Ban Tuyên giáo Trung ương", false, "Ban Tổ chức Trung ương|Ủy ban Kiểm tra Trung ương|Văn phòng Trung ương Đảng")]
    // A clause-initial "Chủ trì" makes the item's assignees preside; "phối hợp" without "với" still names partners (gold 004 IV.7 b4).
    [InlineData("Chủ trì, phối hợp các cơ quan liên quan nghiên cứu, tham mưu nội dung chuẩn mực đạo đức.", "", true, "các cơ quan liên quan")]
    // "chủ trì" after a semicolon has no body before it (gold 004 IV.5 b3); "Bộ Chính trị" is advised, not a partner.
    [InlineData("Hướng dẫn việc kiểm điểm; chủ trì tham mưu Bộ Chính trị, Ban Bí thư chỉ đạo nội dung gợi ý kiểm điểm.", "", true, "")]
    // A bare "phối hợp" names no partner (gold 004 IV.4 b3).
    [InlineData("Phối hợp tổng kết 10 năm thực hiện Quyết định số 217-QĐ/TW.", "", false, "")]
    // "phối hợp tăng cường ..." names no partner (gold 004 IV.7 b8).
    [InlineData("Hướng dẫn thực hiện Nghị quyết; phối hợp tăng cường hoạt động của Ban Chỉ đạo 35.", "", false, "")]
    // "tăng cường phối hợp giữa ..." is the task's content, not a role (gold 004 IV.3 b4).
    [InlineData("Tăng cường phối hợp giữa toà án, viện kiểm sát các cấp với các cơ quan điều tra.", "", false, "")]
    // A bare "phối hợp" followed by the verb "tổ chức" names no partner (gold 004 cover letter).
    [InlineData("Giao Ban Tổ chức Huyện ủy phối hợp tổ chức quán triệt Kế hoạch này.", "", false, "")]
    // A "cơ quan, tổ chức" pair after "phối hợp với" is one partner (gold 004 V b3).
    [InlineData("Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan, tổ chức có liên quan theo dõi, kiểm tra.",
        "Ban Tổ chức Trung ương", false, "các cơ quan, tổ chức có liên quan")]
    // The subject before ", chủ trì" presides (gold 004 V b2).
    [InlineData("Các đồng chí bí thư tỉnh uỷ, thành uỷ, chủ trì, chịu trách nhiệm toàn diện.", "bí thư tỉnh ủy, thành ủy", false, "")]
    // Label forms used by provincial plans.
    [InlineData("Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy; cơ quan phối hợp: Văn phòng Tỉnh ủy.", "Ban Tuyên giáo Tỉnh ủy", false, "Văn phòng Tỉnh ủy")]
    // OCR slips in the role words still mark the roles.
    [InlineData("Chú trì, phối hơp với Ban Nội chính Trung ương tham mưu quy định.", "", true, "Ban Nội chính Trung ương")]
    // Another body's event ("do ... chủ trì") gives no role in this item.
    [InlineData("Tham dự các hội nghị do Ban Tuyên giáo Trung ương chủ trì.", "", false, "")]
    public void ReadItem_WhenItemNamesRoles_ReadsLeadAndSupport(string text, string leads, bool leadsAreAssignees, string supports)
    {
        var roles = Reader.ReadItem(text);

        Join(roles.Leads).Should().Be(leads);
        roles.LeadsAreAssignees.Should().Be(leadsAreAssignees);
        Join(roles.Supports).Should().Be(supports);
    }

    [Theory]
    // Subject intro of a section (gold 004 III).
    [InlineData("Các cấp uỷ, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội từ Trung ương đến cơ sở căn cứ vào nội dung Kết luận, tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trọng tâm sau:",
        false, "các cấp ủy|tổ chức đảng|các cơ quan nhà nước|Mặt trận Tổ quốc Việt Nam|các tổ chức chính trị - xã hội")]
    // Directive objects after an opener and the speaking body (gold 000).
    [InlineData("Theo đó, Bộ Chính trị yêu cầu các cấp uỷ, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội từ Trung ương đến cơ sở, tập trung lãnh đạo, chỉ đạo thực hiện 11 nhiệm vụ trọng tâm sau:",
        true, "các cấp ủy|tổ chức đảng|các cơ quan nhà nước|Mặt trận Tổ quốc Việt Nam|các tổ chức chính trị - xã hội")]
    // Directive objects in the middle of the preamble's last sentence (gold 003).
    [InlineData("Ban Chấp hành Trung ương quyết định đẩy mạnh công tác xây dựng Đảng và yêu cầu các cấp uỷ, tổ chức đảng tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các mục tiêu, nhiệm vụ, giải pháp chủ yếu sau:",
        true, "các cấp ủy|tổ chức đảng")]
    // The issuer issuing the text itself is not an assignee (gold 004 plan preamble).
    [InlineData("Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng (sau đây gọi là Kết luận), Bộ Chính trị ban hành Kế hoạch thực hiện như sau:",
        true, "")]
    // The requesting body of "X yêu cầu:" is not an assignee, and no one else is named.
    [InlineData("Ban Thường vụ Tỉnh ủy yêu cầu:", false, "")]
    // A sentence that does not introduce anything is not an intro.
    [InlineData("Các cấp ủy, tổ chức đảng tập trung lãnh đạo thực hiện.", false, "")]
    public void ReadIntro_WhenSentenceIntroducesItems_ReturnsTheBodiesItAddresses(string text, bool preamble, string expected)
    {
        var roles = Reader.ReadIntro(text, issuer: "Bộ Chính trị", preamble);

        Join(roles?.Subject ?? []).Should().Be(expected);
    }

    [Theory]
    // A heading that is one body.
    [InlineData("Ban Tổ chức Trung ương", "Bodies", "Ban Tổ chức Trung ương")]
    // A heading listing bodies.
    [InlineData("Quân uỷ Trung ương, Đảng uỷ Công an Trung ương", "Bodies", "Quân ủy Trung ương|Đảng ủy Công an Trung ương")]
    // An upper-case "Nhiệm vụ của ..." heading names its bodies through the gazetteer.
    [InlineData("NHIỆM VỤ CỦA ĐẢNG ĐOÀN QUỐC HỘI", "Bodies", "đảng đoàn quốc hội")]
    // A numbered sentence with a subject.
    [InlineData("Bộ Chính trị ban hành Kế hoạch thực hiện Kết luận này.", "Subject", "Bộ Chính trị")]
    // A numbered intro with a directive after an opener.
    [InlineData("Thời gian tới, đề nghị Ban cán sự đảng Ủy ban nhân dân tỉnh tập trung chỉ đạo các nhiệm vụ sau:", "Subject", "Ban cán sự đảng Ủy ban nhân dân tỉnh")]
    // A title names no body.
    [InlineData("Nhiệm vụ và giải pháp chủ yếu", "None", "")]
    public void ReadHeading_ClassifiesWhatTheHeadingNames(string heading, string kind, string expected)
    {
        var read = Reader.ReadHeading(heading);

        read.Kind.Should().Be(Enum.Parse<HeadingKind>(kind));
        Join(read.Roles.Subject).Should().Be(expected);
    }

    [Theory]
    // An assessment by the issuing body.
    [InlineData("Ban Thường vụ Tỉnh ủy đánh giá cao kết quả đạt được.", true)]
    // A past-aspect report.
    [InlineData("Các cấp ủy đã quan tâm lãnh đạo công tác cán bộ.", true)]
    // An instruction.
    [InlineData("Các cấp ủy tập trung lãnh đạo công tác cán bộ.", false)]
    // A passive assignment is an instruction, not a report.
    [InlineData("Ban Tuyên giáo Tỉnh ủy được giao chủ trì tổ chức hội nghị.", false)]
    // A verb-initial task that assesses something as its work is still a task.
    [InlineData("Đánh giá kết quả 2 năm thực hiện Nghị quyết.", false)]
    public void IsReport_DistinguishesAssessmentsFromInstructions(string text, bool expected)
    {
        Reader.IsReport(text).Should().Be(expected);
    }

    [Theory]
    // Attribute labels of a plan item.
    [InlineData("Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy.", true)]
    [InlineData("Thời gian thực hiện: tháng 12/2021.", true)]
    // A task that mentions a label word without the colon.
    [InlineData("Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn.", false)]
    public void IsAttributeLine_RecognisesLabelledAttributes(string text, bool expected)
    {
        Reader.IsAttributeLine(text).Should().Be(expected);
    }

    [Theory]
    // Fragments that end where a list, a role or a label expects more tokens.
    [InlineData("")]
    [InlineData(":")]
    [InlineData("Giao")]
    [InlineData("phối hợp với")]
    [InlineData("Cơ quan chủ trì:")]
    [InlineData("Các đồng chí")]
    [InlineData("Căn cứ,")]
    [InlineData("thì")]
    [InlineData("Đối với:")]
    [InlineData("Ban cán sự đảng Viện Kiếm")]
    [InlineData("do Ban Tuyên giáo Trung ương chủ trì")]
    public void Readers_WhenTextIsFragmentary_ReturnWithoutThrowing(string text)
    {
        var read = () =>
        {
            Reader.ReadItem(text);
            Reader.ReadIntro(text, issuer: null, preamble: true);
            Reader.ReadOperativeParagraph(text, allowSubject: true, issuer: null);
            Reader.ReadHeading(text);
            Reader.IsReport(text);
            Reader.IsAttributeLine(text);
        };

        read.Should().NotThrow();
    }
}
