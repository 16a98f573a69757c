using Ingest.Model;
using Ingest.Output.Export;
using Microsoft.Data.Sqlite;

namespace Ingest.Corpus.Tests;

public sealed class ExportTests
{
    private static FileRecord Record => SchemaTests.Sample();

    [Fact]
    public void Export_Sqlite_HoldsOneRowPerTaskWithBodiesAndDeadlines()
    {
        using var folder = new TemporaryDirectory();
        var database = Path.Combine(folder.Path, "ingest.sqlite");

        Exporter.Export([Record], ExportFormat.Sqlite, database).Should().Be(1);

        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Scalar(connection, "SELECT count(*) FROM tasks").Should().Be(1L);
        Scalar(connection, "SELECT name FROM task_bodies WHERE role = 'lead'").Should().Be("Ban Tổ chức Trung ương");
        Scalar(connection, "SELECT \"end\" FROM task_deadlines").Should().Be("2021-12-31");
        Scalar(connection, "SELECT citation_id FROM citations").Should().Be("21-KL/TW");
        Scalar(connection, "SELECT parent_id FROM sections WHERE section_id = 'I.1'").Should().Be("I");
    }

    [Fact]
    public void Export_Sqlite_LinksTheSameDocumentAcrossFiles()
    {
        using var folder = new TemporaryDirectory();
        var database = Path.Combine(folder.Path, "ingest.sqlite");
        var copy = Record with { Source = Record.Source with { Path = "z/copy.docx" } };

        Exporter.Export([Record, copy], ExportFormat.Sqlite, database);

        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Scalar(connection, "SELECT paths FROM document_copies WHERE document_id = '03-KH/TW'").Should().Be("a/b.txt | z/copy.docx");
    }

    [Fact]
    public void Export_Csv_QuotesFieldsWithCommasAndWritesAHeader()
    {
        using var folder = new TemporaryDirectory();
        var record = Record with
        {
            Documents = [Record.Documents[0] with { Tasks = [Record.Documents[0].Tasks[0] with { Text = "Tuyên truyền, \"phổ biến\"" }] }],
        };

        Exporter.Export([record], ExportFormat.Csv, folder.Path);

        var lines = File.ReadAllLines(Path.Combine(folder.Path, "tasks.csv"));
        lines[0].Should().Be(string.Join(',', ExportRows.TaskColumns));
        lines[1].Should().EndWith("\"Tuyên truyền, \"\"phổ biến\"\"\"");
        File.ReadAllLines(Path.Combine(folder.Path, "documents.csv")).Should().HaveCount(2);
    }

    [Fact]
    public void Export_Jsonl_WritesOneObjectPerCitation()
    {
        using var folder = new TemporaryDirectory();

        Exporter.Export([Record, Record with { Source = Record.Source with { Path = "z.txt" } }], ExportFormat.Jsonl, folder.Path);

        File.ReadAllLines(Path.Combine(folder.Path, "citations.jsonl")).Should().HaveCount(2).And.OnlyContain(l => l.Contains("\"citation_id\":\"21-KL/TW\"", StringComparison.Ordinal));
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
