using Ingest.Extract.Tasks;
using static Ingest.Extract.Tests.Tasks.DocumentBuilder;

namespace Ingest.Extract.Tests.Tasks;

public sealed class TaskFinderTests
{
    private readonly TaskFinder _finder = new();

    [Fact]
    public void FindTasks_WhenSectionIsPurpose_SkipsItsBullets()
    {
        var document = Document("Kế hoạch",
        [
            Section("I", "MỤC ĐÍCH, YÊU CẦU", Dash("Nâng cao nhận thức, trách nhiệm của các cấp ủy.")),
            Section("II", "TỔ CHỨC THỰC HIỆN", Dash("Bộ Chính trị, Ban Bí thư tổ chức Hội nghị cán bộ toàn quốc.")),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Should().ContainSingle();
        tasks[0].SectionId.Should().Be("II");
        tasks[0].Bullet.Should().Be(1);
        Roles(tasks[0]).Should().Equal("assignee:Bộ Chính trị", "assignee:Ban Bí thư");
    }

    [Fact]
    public void FindTasks_WhenHeadingNamesABody_GivesItToEveryBulletUnlessTheBulletNamesItsOwn()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ CỦA CÁC CƠ QUAN",
                Section("IV.3", "Ban cán sự đảng Toà án nhân dân tối cao và Ban cán sự đảng Viện Kiểm sát nhân dân tối cao",
                    Dash("Xây dựng chương trình, kế hoạch triển khai thực hiện."),
                    Dash("Viện Kiểm sát nhân dân tối cao nghiên cứu xây dựng, trình Bộ Chính trị ban hành quy định."))),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.Bullet).Should().Equal(1, 2);
        Roles(tasks[0]).Should().Equal("assignee:Ban cán sự đảng Tòa án nhân dân tối cao", "assignee:Ban cán sự đảng Viện Kiểm sát nhân dân tối cao");
        Roles(tasks[1]).Should().Equal("assignee:Viện Kiểm sát nhân dân tối cao");
    }

    [Fact]
    public void FindTasks_WhenBulletSaysChuTri_MakesTheHeadingBodyLeadAndAssignee()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ",
                Section("IV.12", "Quân uỷ Trung ương, Đảng uỷ Công an Trung ương",
                    Dash("Chủ trì, phối hợp với các cơ quan chức năng xử lý kịp thời, nghiêm minh những cán bộ vi phạm."))),
        ]);

        var task = _finder.FindTasks(document).Single();

        Roles(task).Should().Equal(
            "assignee:Quân ủy Trung ương", "assignee:Đảng ủy Công an Trung ương",
            "lead:Quân ủy Trung ương", "lead:Đảng ủy Công an Trung ương",
            "support:các cơ quan chức năng");
    }

    [Fact]
    public void FindTasks_WhenSectionHasAnIntro_PassesItsBodiesToNumberedLeaves()
    {
        var document = Document("Kế hoạch",
        [
            Section("III", "NHIỆM VỤ TRỌNG TÂM",
                Text("Các cấp uỷ, tổ chức đảng từ Trung ương đến cơ sở tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trọng tâm sau:"),
                Section("III.1", "Mở đợt sinh hoạt chính trị sâu rộng trong toàn quốc (hoàn thành trong quý I/2022)."),
                Section("III.4", "Thực hiện nghiêm việc tự phê bình. Những nơi có biểu hiện suy thoái, thì cấp uỷ cấp trên phải kịp thời xem xét.")),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.SectionId).Should().Equal("III.1", "III.4");
        tasks.Should().OnlyContain(t => t.Bullet == null);
        Roles(tasks[0]).Should().Equal("assignee:các cấp ủy", "assignee:tổ chức đảng");
        Roles(tasks[1]).Should().Equal("assignee:các cấp ủy", "assignee:tổ chức đảng", "assignee:cấp ủy cấp trên");
    }

    [Fact]
    public void FindTasks_WhenLeafHasTitleAndParagraphs_MakesOneTaskOfHeadingAndParagraphs()
    {
        var document = Document("Kết luận",
        [
            Section("I", "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP",
                Section("I.1", "Mục tiêu", Text("Đẩy mạnh công tác xây dựng, chỉnh đốn Đảng.")),
                Section("I.2", "Nhiệm vụ và giải pháp chủ yếu",
                    Section("I.2.4", "Tăng cường công tác kiểm tra, giám sát",
                        Text("Nâng cao chất lượng công tác kiểm tra."),
                        Text("Nâng cao hiệu quả giám sát chuyên đề. Uỷ ban kiểm tra các cấp tăng cường kiểm tra, giám sát.")))),
        ],
        preamble: [Text("Ban Chấp hành Trung ương quyết định đẩy mạnh công tác xây dựng Đảng và yêu cầu các cấp uỷ, tổ chức đảng tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ chủ yếu sau:")]);

        var task = _finder.FindTasks(document).Single();

        task.SectionId.Should().Be("I.2.4");
        task.Text.Should().StartWith("Tăng cường công tác kiểm tra, giám sát\nNâng cao chất lượng");
        Roles(task).Should().Equal("assignee:các cấp ủy", "assignee:tổ chức đảng", "assignee:ủy ban kiểm tra các cấp");
    }

    [Fact]
    public void FindTasks_WhenCoverLetterHandsOutWork_MakesAnUnnumberedTask()
    {
        var document = Document("Công văn", preamble:
        [
            Text("Thường trực Huyện ủy sao gửi đến các đồng chí Kế hoạch số 03-KH/TW của Bộ Chính trị đến các đồng chí biết."),
            Text("Giao Ban Tổ chức Huyện ủy phối hợp tổ chức quán triệt, triển khai thực hiện Kế hoạch này; đồng thời, tham mưu Ban Thường vụ Huyện ủy xây dựng kế hoạch thực hiện."),
        ]);

        var task = _finder.FindTasks(document).Single();

        task.SectionId.Should().BeNull();
        task.Bullet.Should().BeNull();
        Roles(task).Should().Equal("assignee:Ban Tổ chức Huyện ủy");
    }

    [Fact]
    public void FindTasks_WhenArticleReproducesItemsUnderAnOperativeIntro_MakesThemTasks()
    {
        var document = Document("Bài báo",
        [
            Section("1", "Mở đợt sinh hoạt chính trị sâu rộng trong toàn quốc về xây dựng, chỉnh đốn Đảng (hoàn thành trong quý 1/2022)."),
            Section("2", "Xây dựng kế hoạch thực hiện Kết luận phù hợp với điều kiện thực tiễn (tháng 12/2021)."),
        ],
        preamble: [Text("Theo đó, Bộ Chính trị yêu cầu các cấp uỷ, tổ chức đảng và các tổ chức chính trị - xã hội từ Trung ương đến cơ sở, tập trung lãnh đạo, chỉ đạo thực hiện 11 nhiệm vụ trọng tâm sau:")]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.SectionId).Should().Equal("1", "2");
        Roles(tasks[0]).Should().Equal("assignee:các cấp ủy", "assignee:tổ chức đảng", "assignee:các tổ chức chính trị - xã hội");
    }

    [Fact]
    public void FindTasks_WhenArticleReportsFacts_FindsNoTask()
    {
        var document = Document("Bài báo",
        [
            Section("1", "Ban Tổ chức Trung ương đã ban hành Kế hoạch số 52-KH/BTCTW triển khai thực hiện."),
        ],
        preamble:
        [
            Text("Đến nay, 100% ban tổ chức cấp ủy các cấp tham mưu ban hành Kế hoạch thực hiện Kết luận 21."),
            Text("Giao các ban tổ chức cấp ủy tiếp tục theo dõi việc thực hiện."),
        ]);

        _finder.FindTasks(document).Should().BeEmpty();
    }

    [Fact]
    public void FindTasks_WhenDocumentIsACopyNotice_FindsNoTask()
    {
        var document = Document("Sao lục", preamble: [Text("Giao Văn phòng Tỉnh ủy sao gửi các đồng chí.")]);

        _finder.FindTasks(document).Should().BeEmpty();
    }

    [Fact]
    public void FindTasks_WhenClosingOnlyDisseminates_FindsNoTask()
    {
        var document = Document("Kết luận",
            [Section("II", "TỔ CHỨC THỰC HIỆN", Section("II.1", "Bộ Chính trị ban hành Kế hoạch thực hiện Kết luận này."))],
            closing: [Text("Kết luận này được phổ biến đến chi bộ.")]);

        var tasks = _finder.FindTasks(document);

        tasks.Should().ContainSingle().Which.SectionId.Should().Be("II.1");
        Roles(tasks[0]).Should().Equal("assignee:Bộ Chính trị");
    }

    [Fact]
    public void FindTasks_WhenAPageBreakSplitsABullet_JoinsTheContinuation()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ",
                Section("IV.3", "Ban cán sự đảng Viện Kiểm sát nhân dân tối cao",
                    Dash("Nghiên cứu xây dựng quy định về kiểm soát quyền lực, phòng, chống tham nhũng, tiêu cực"),
                    Text("trong hoạt động điều tra, truy tố, xét xử, thi hành án (năm 2022)."),
                    Dash("Tăng cường phối hợp giữa toà án, viện kiểm sát các cấp với các cơ quan điều tra."))),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.Bullet).Should().Equal(1, 2);
        tasks[0].Text.Should().EndWith("tiêu cực trong hoạt động điều tra, truy tố, xét xử, thi hành án (năm 2022).");
        tasks[1].Bodies.Should().NotContain(body => body.Role == Ingest.Model.BodyRole.Support);
    }

    [Fact]
    public void FindTasks_WhenBulletIntroducesPlusItems_PassesItsSubjectToThem()
    {
        var document = Document("Kế hoạch",
        [
            Section("III", "TỔ CHỨC THỰC HIỆN",
                Dash("Ban Tuyên giáo Tỉnh ủy chủ trì thực hiện các nội dung sau:"),
                Plus("Hướng dẫn tổ chức hội nghị quán triệt."),
                Dash("Văn phòng Tỉnh ủy theo dõi, tổng hợp.")),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.Bullet).Should().Equal(1, 2, 3);
        Roles(tasks[1]).Should().Equal("assignee:Ban Tuyên giáo Tỉnh ủy", "lead:Ban Tuyên giáo Tỉnh ủy");
        Roles(tasks[2]).Should().Equal("assignee:Văn phòng Tỉnh ủy");
    }

    [Fact]
    public void FindTasks_WhenNumberedItemAssesses_SkipsIt()
    {
        var document = Document("Thông báo",
        [
            Section("1", "Ban Thường vụ Tỉnh ủy đánh giá cao kết quả đạt được của các địa phương."),
            Section("2", "Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Thông báo này."),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Should().ContainSingle().Which.SectionId.Should().Be("2");
        Roles(tasks[0]).Should().Equal("assignee:Văn phòng Tỉnh ủy");
    }

    [Fact]
    public void FindTasks_WhenBulletsOnlyLabelAttributes_MakesOneTaskOfTheNumberedItem()
    {
        var document = Document("Kế hoạch",
        [
            Section("II", "NHIỆM VỤ, GIẢI PHÁP",
                Section("II.1", "Tổ chức hội nghị quán triệt Kết luận",
                    Dash("Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy."),
                    Dash("Cơ quan phối hợp: Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy."),
                    Dash("Thời gian thực hiện: tháng 12/2021."))),
        ]);

        var task = _finder.FindTasks(document).Single();

        task.SectionId.Should().Be("II.1");
        task.Bullet.Should().BeNull();
        task.Text.Should().Contain("Thời gian thực hiện: tháng 12/2021.");
        Roles(task).Should().Equal(
            "assignee:Ban Tuyên giáo Tỉnh ủy", "lead:Ban Tuyên giáo Tỉnh ủy",
            "support:Văn phòng Tỉnh ủy", "support:Ban Tổ chức Tỉnh ủy");
    }

    [Fact]
    public void FindTasks_WhenRegulationArticlesAmendText_KeepsOnlyArticlesThatNameWhoActs()
    {
        var document = Document("Quyết định",
        [
            Section("Điều 1", null, Text("Ban hành kèm theo Quyết định này Quy trình giải quyết tố cáo.")),
            Section("Điều 2", "Sửa đổi, bổ sung Điểm e, Khoản 1, Điều 6 như sau:", Text("\"e) Biết mà không ngăn chặn.\"")),
            Section("Điều 3", null, Text("Văn phòng Tỉnh ủy, các ban đảng Tỉnh ủy chịu trách nhiệm thi hành Quyết định này.")),
        ]);

        var task = _finder.FindTasks(document).Single();

        task.SectionId.Should().Be("Điều 3");
        Roles(task).Should().Equal("assignee:Văn phòng Tỉnh ủy", "assignee:các ban đảng Tỉnh ủy");
    }

    [Fact]
    public void FindTasks_WhenRegulationHasAnOperativeHeading_TakesEveryItemUnderIt()
    {
        var document = Document("Hướng dẫn",
        [
            Section("I", "NỘI DUNG HƯỚNG DẪN", Section("I.1", "Về đối tượng", Text("Áp dụng đối với đảng viên."))),
            Section("II", "TỔ CHỨC THỰC HIỆN", Dash("Định kỳ sơ kết, báo cáo kết quả.")),
        ]);

        var task = _finder.FindTasks(document).Single();

        task.SectionId.Should().Be("II");
        task.Bullet.Should().Be(1);
    }

    [Fact]
    public void FindTasks_WhenLeafIsABareTitle_FindsNoTask()
    {
        var document = Document("Kế hoạch", [Section("III", "Hiệu lực thi hành")]);

        _finder.FindTasks(document).Should().BeEmpty();
    }

    [Fact]
    public void FindTasks_WhenBodyHeadingWrapsIntoAParagraph_JoinsItBack()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ",
                Section("IV.3", "Ban cán sự đảng Toà án nhân dân tối cao và Ban cán sự đảng Viện",
                    Text("Kiểm sát nhân dân tối cao"),
                    Dash("Xây dựng chương trình, kế hoạch triển khai thực hiện."))),
        ]);

        var task = _finder.FindTasks(document).Single();

        Roles(task).Should().Equal("assignee:Ban cán sự đảng Tòa án nhân dân tối cao", "assignee:Ban cán sự đảng Viện Kiểm sát nhân dân tối cao");
    }

    [Fact]
    public void FindTasks_WhenHeadingHasALineBreak_ReadsItAsOneLine()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ",
                Section("IV.13", "Học viện Chính trị quốc gia\nHồ Chí Minh", Text("Đổi mới, nâng cao hiệu quả nội dung, chương trình đào tạo."))),
        ]);

        var task = _finder.FindTasks(document).Single();

        Roles(task).Should().Equal("assignee:Học viện Chính trị quốc gia Hồ Chí Minh");
    }

    [Fact]
    public void FindTasks_WhenAPageBreakSplitsThePreambleIntro_JoinsItBeforeReading()
    {
        var document = Document("Kết luận",
            [Section("1", "Tăng cường đổi mới nội dung, phương thức giáo dục chính trị, tư tưởng cho cán bộ, đảng viên.")],
            preamble:
            [
                Text("Ban Chấp hành Trung ương quyết định đẩy mạnh công tác xây dựng Đảng và yêu cầu các cấp uỷ, tổ chức"),
                Text("đảng tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ chủ yếu sau:"),
            ]);

        var task = _finder.FindTasks(document).Single();

        Roles(task).Should().Equal("assignee:các cấp ủy", "assignee:tổ chức đảng");
    }

    [Fact]
    public void FindTasks_WhenOcrLeftTheDashInTheText_StillCountsTheBullet()
    {
        var document = Document("Kế hoạch",
        [
            Section("IV", "NHIỆM VỤ",
                Section("IV.6", "Ủy ban Kiểm tra Trung ương",
                    Dash("Tham mưu ban hành quy định về xử lý vi phạm kỷ luật của Đảng."),
                    Text("-Chủ trì sơ kết 5 năm thực hiện Quy định số 179-QĐ/TW."))),
        ]);

        var tasks = _finder.FindTasks(document);

        tasks.Select(t => t.Bullet).Should().Equal(1, 2);
        tasks[1].Text.Should().StartWith("Chủ trì");
        Roles(tasks[1]).Should().Equal("assignee:Ủy ban Kiểm tra Trung ương", "lead:Ủy ban Kiểm tra Trung ương");
    }

    [Fact]
    public void FindTasks_WhenDocumentIsEmpty_FindsNoTask()
    {
        _finder.FindTasks(Document("Kế hoạch")).Should().BeEmpty();
    }
}
