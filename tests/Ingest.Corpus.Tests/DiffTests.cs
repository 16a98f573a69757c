using Ingest.Model;
using Ingest.Output.Diff;

namespace Ingest.Corpus.Tests;

public sealed class DiffTests
{
    private static FileRecord Record => SchemaTests.Sample();

    private static Dictionary<string, FileRecord> Set(params FileRecord[] records) =>
        records.ToDictionary(r => r.Source.Path, StringComparer.Ordinal);

    [Fact]
    public void Compare_WhenEqual_FindsNothing()
    {
        RecordDiff.Compare(Set(Record), Set(Record)).Should().BeEmpty();
    }

    [Fact]
    public void Compare_WhenFilesAppearAndDisappear_ReportsThem()
    {
        var other = Record with { Source = Record.Source with { Path = "c.txt" } };

        var changes = RecordDiff.Compare(Set(Record), Set(other));

        changes.Select(c => (c.Path, c.Kind, c.Subject)).Should().Equal(("a/b.txt", "removed", "file"), ("c.txt", "added", "file"));
    }

    [Fact]
    public void Compare_WhenADeadlineMoves_ReportsTheTaskWithOldAndNewDates()
    {
        var document = Record.Documents[0];
        var task = document.Tasks[0];
        var moved = task with { Deadlines = [task.Deadlines[0] with { End = new DateOnly(2022, 1, 31) }] };
        var after = Record with { Documents = [document with { Tasks = [moved] }] };

        var change = RecordDiff.Compare(Set(Record), Set(after)).Should().ContainSingle().Which;

        change.Subject.Should().Be("task " + task.Id);
        change.Detail.Should().Contain("2021-12-31").And.Contain("2022-01-31");
    }

    [Fact]
    public void Compare_WhenACitationIsAddedAndTheIssuerChanges_ReportsBoth()
    {
        var document = Record.Documents[0];
        var after = Record with
        {
            Documents =
            [
                document with
                {
                    Issuer = "Bộ Chính trị",
                    Citations = [.. document.Citations, new Citation("19-KL/TW", "Kết luận")],
                },
            ],
        };

        var changes = RecordDiff.Compare(Set(Record), Set(after));

        changes.Should().Contain(c => c.Kind == "added" && c.Subject == "citation 19-KL/TW");
        changes.Should().Contain(c => c.Kind == "changed" && c.Subject == "document 03-KH/TW" && c.Detail.Contains("issuer", StringComparison.Ordinal));
        RecordDiff.ToText(changes).Should().EndWith("1 added, 0 removed, 1 changed\n");
    }
}
