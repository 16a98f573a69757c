using System.Text.Json.Nodes;
using Ingest.Evaluation;
using Ingest.Model;

namespace Ingest.Corpus.Tests;

/// <summary>The scorer on small hand-made gold, where the right answer is obvious.</summary>
public sealed class ScorerTests
{
    private static JsonObject Gold(string json) => JsonNode.Parse(json)!.AsObject();

    private static FileRecord Record(params DocumentRecord[] documents) => SchemaTests.Sample() with { Documents = documents };

    private const string PlanGold = """
        {"file": "x.txt", "documents": [{
          "kind": "Kế hoạch", "number": "03-KH/TW", "issuedOn": "2021-12-01", "place": "Hà Nội",
          "issuer": "Bộ Chính trị", "signers": ["Võ Văn Thưởng"],
          "sections": ["I", "I.1"],
          "citations": [{"id": "21-KL/TW", "kind": "Kết luận", "issuedOn": null, "issuer": "Ban Chấp hành Trung ương Đảng"}],
          "deadlines": [{"section": "I.1", "text": "tháng 12/2021", "kind": "within", "start": "2021-12-01", "end": "2021-12-31"}],
          "tasks": [{"section": "I.1", "assignees": ["Ban Tổ chức Trung ương"], "lead": [], "support": []}]
        }]}
        """;

    private static DocumentRecord Plan() => new()
    {
        Id = "03-KH/TW",
        Kind = "Kế hoạch",
        Number = "03-KH/TW",
        IssuedOn = new DateOnly(2021, 12, 1),
        Place = "Hà Nội",
        Issuer = "Bộ Chính trị",
        Signers = ["Võ Văn Thưởng"],
        Sections = [new SectionRecord("I", "I", null) { Children = [new SectionRecord("I.1", "1", null)] }],
        Citations = [new Citation("21-KL/TW", "Kết luận") { Issuer = "Ban Chấp hành Trung ương Đảng" }],
        Tasks =
        [
            new TaskItem("t", "I.1", "x")
            {
                Bodies = [new ResponsibleBody("Ban Tổ chức Trung ương", BodyRole.Assignee)],
                Deadlines = [new Deadline("tháng 12/2021", DeadlineKind.Within) { Start = new DateOnly(2021, 12, 1), End = new DateOnly(2021, 12, 31) }],
            },
        ],
    };

    [Fact]
    public void Score_WhenOutputEqualsGold_IsPerfect()
    {
        var score = Scorer.Score(Gold(PlanGold), Record(Plan()), "seeds");

        score.Fields.Should().HaveCount(5).And.OnlyContain(f => f.F1 == 1.0);
    }

    [Fact]
    public void Score_WhenNamesDifferOnlyInToneStyleAndCase_StillMatches()
    {
        // "uỷ"/"ủy" and sentence-initial capitals are spelling, not content (GOLD.md conventions).
        var plan = Plan() with { Issuer = "BỘ CHÍNH TRỊ", Tasks = [Plan().Tasks[0] with { Bodies = [new ResponsibleBody("ban tổ chức trung ương", BodyRole.Assignee)] }] };

        var score = Scorer.Score(Gold(PlanGold), Record(plan), "seeds");

        score.Fields.Should().OnlyContain(f => f.F1 == 1.0);
    }

    [Fact]
    public void Score_WhenOneAssigneeIsWrong_LosesOneFactNotTheTask()
    {
        var plan = Plan() with { Tasks = [Plan().Tasks[0] with { Bodies = [new ResponsibleBody("Ban Dân vận Trung ương", BodyRole.Assignee)] }] };

        var tasks = Scorer.Score(Gold(PlanGold), Record(plan), "seeds").Fields.Single(f => f.Field == "tasks");

        tasks.TruePositives.Should().Be(1);
        tasks.FalsePositives.Should().Be(1);
        tasks.FalseNegatives.Should().Be(1);
    }

    [Fact]
    public void Score_WhenDeadlineEndDiffers_CountsAMissAndAnExtra()
    {
        var wrong = Plan().Tasks[0].Deadlines[0] with { End = new DateOnly(2021, 12, 10) };
        var plan = Plan() with { Tasks = [Plan().Tasks[0] with { Deadlines = [wrong] }] };

        var deadlines = Scorer.Score(Gold(PlanGold), Record(plan), "seeds").Fields.Single(f => f.Field == "deadlines");

        deadlines.F1.Should().Be(0);
    }

    [Fact]
    public void Score_WhenGoldLeavesAFieldOut_DoesNotScoreIt()
    {
        // The light gold of real files has metadata and citations only.
        var gold = Gold("""{"file": "x.pdf", "documents": [{"kind": "Kế hoạch", "number": "03-KH/TW", "citations": []}]}""");

        var fields = Scorer.Score(gold, Record(Plan()), "real").Fields.Select(f => f.Field);

        fields.Should().BeEquivalentTo("documents", "citations");
    }

    [Fact]
    public void Score_WhenAnExtraDocumentIsFound_CountsItsFactsAsFalsePositives()
    {
        var extra = Plan() with { Id = "x", Number = "130-BS/VPQU", Kind = "Sao lục" };

        var documents = Scorer.Score(Gold(PlanGold), Record(Plan(), extra), "seeds").Fields.Single(f => f.Field == "documents");

        documents.FalsePositives.Should().BeGreaterThan(0);
        documents.Recall.Should().Be(1);
    }

    [Fact]
    public void Score_WhenDocumentsComeInAnotherOrder_AlignsThemByNumber()
    {
        var notice = Plan() with { Id = "116-BS/VPTU", Number = "116-BS/VPTU", Kind = "Sao lục", Sections = [], Tasks = [], Citations = [] };

        var score = Scorer.Score(Gold(PlanGold), Record(notice, Plan()), "seeds");

        score.Fields.Single(f => f.Field == "sections").F1.Should().Be(1);
    }
}
