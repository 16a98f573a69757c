using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Model;
using Microsoft.Data.Sqlite;

namespace Ingest.Output.Export;

/// <summary>Export formats.</summary>
public enum ExportFormat
{
    /// <summary>One SQLite database with tables files, documents, tasks, task_bodies, task_deadlines, citations, warnings.</summary>
    Sqlite,

    /// <summary>tasks.csv, documents.csv, citations.csv (RFC 4180, UTF-8).</summary>
    Csv,

    /// <summary>tasks.jsonl, documents.jsonl, citations.jsonl.</summary>
    Jsonl,
}

/// <summary>
/// Writes records to the export formats. Records are streamed one at a time, so an archive of any
/// size exports in constant memory. Files are written to a temporary name and renamed at the end.
/// </summary>
public static class Exporter
{
    /// <summary>Exports <paramref name="records"/> to <paramref name="destination"/> (a .sqlite file, or a folder for CSV/JSONL).</summary>
    public static int Export(IEnumerable<FileRecord> records, ExportFormat format, string destination)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(destination);
        return format switch
        {
            ExportFormat.Sqlite => SqliteStore.Write(records, destination),
            ExportFormat.Csv => WriteTables(records, destination, ".csv", CsvLine),
            ExportFormat.Jsonl => WriteTables(records, destination, ".jsonl", JsonLine),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static int WriteTables(IEnumerable<FileRecord> records, string folder, string extension,
        Func<IReadOnlyList<string>, IReadOnlyList<object?>, string> line)
    {
        Directory.CreateDirectory(folder);
        var tables = new (string Name, IReadOnlyList<string> Columns, Func<FileRecord, IEnumerable<IReadOnlyList<object?>>> Rows)[]
        {
            ("tasks", ExportRows.TaskColumns, ExportRows.Tasks),
            ("documents", ExportRows.DocumentColumns, ExportRows.Documents),
            ("citations", ExportRows.CitationColumns, ExportRows.Citations),
        };
        var writers = new List<(StreamWriter Writer, string Temporary, string Final)>();
        try
        {
            foreach (var (name, columns, _) in tables)
            {
                var final = Path.Combine(folder, name + extension);
                var temporary = final + ".tmp";
                var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
                if (extension == ".csv")
                {
                    writer.WriteLine(string.Join(',', columns));
                }

                writers.Add((writer, temporary, final));
            }

            var count = 0;
            foreach (var record in records)
            {
                count++;
                for (var t = 0; t < tables.Length; t++)
                {
                    foreach (var row in tables[t].Rows(record))
                    {
                        writers[t].Writer.WriteLine(line(tables[t].Columns, row));
                    }
                }
            }

            foreach (var (writer, temporary, final) in writers)
            {
                writer.Dispose();
                File.Move(temporary, final, overwrite: true);
            }

            return count;
        }
        finally
        {
            foreach (var (writer, _, _) in writers)
            {
                writer.Dispose();
            }
        }
    }

    /// <summary>RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    private static string CsvLine(IReadOnlyList<string> columns, IReadOnlyList<object?> row) =>
        string.Join(',', row.Select(value =>
        {
            var text = Format(value);
            return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        }));

    private static string JsonLine(IReadOnlyList<string> columns, IReadOnlyList<object?> row)
    {
        var obj = new JsonObject();
        for (var i = 0; i < columns.Count; i++)
        {
            obj[columns[i]] = row[i] switch
            {
                null => null,
                int n => JsonValue.Create(n),
                string s => JsonValue.Create(s),
                var other => JsonValue.Create(Format(other)),
            };
        }

        return RecordJson.SerializeLine(obj);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The SQLite store: normalised tables with keys, so analysts can join and filter.</summary>
    private static class SqliteStore
    {
        private const string CreateTables = """
            CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, format TEXT NOT NULL,
                status TEXT NOT NULL, error_code TEXT, error_message TEXT, revision INTEGER NOT NULL, schema_version TEXT NOT NULL);
            CREATE TABLE documents (path TEXT NOT NULL REFERENCES files(path), document_index INTEGER NOT NULL, document_id TEXT NOT NULL,
                kind TEXT NOT NULL, number TEXT, issued_on TEXT, place TEXT, issuer TEXT, signers TEXT, recipients TEXT, title TEXT,
                forwards TEXT, attached_to TEXT, PRIMARY KEY (path, document_index));
            CREATE TABLE sections (path TEXT NOT NULL, document_index INTEGER NOT NULL, section_id TEXT NOT NULL, label TEXT NOT NULL,
                title TEXT, parent_id TEXT, PRIMARY KEY (path, document_index, section_id));
            CREATE TABLE tasks (task_id TEXT NOT NULL, path TEXT NOT NULL, document_index INTEGER NOT NULL, document_id TEXT NOT NULL,
                section_id TEXT, bullet INTEGER, text TEXT NOT NULL, PRIMARY KEY (path, task_id));
            CREATE TABLE task_bodies (path TEXT NOT NULL, task_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL);
            CREATE TABLE task_deadlines (path TEXT NOT NULL, task_id TEXT NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL,
                kind TEXT NOT NULL, start TEXT, end TEXT, recurrence TEXT, inline INTEGER NOT NULL);
            CREATE TABLE task_citations (path TEXT NOT NULL, task_id TEXT NOT NULL, citation_id TEXT NOT NULL);
            CREATE TABLE citations (path TEXT NOT NULL, document_index INTEGER NOT NULL, citation_id TEXT NOT NULL, kind TEXT,
                issued_on TEXT, issuer TEXT, title TEXT, mentions INTEGER NOT NULL, PRIMARY KEY (path, document_index, citation_id));
            CREATE TABLE warnings (path TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
                document_index INTEGER, section_id TEXT);
            CREATE INDEX tasks_by_document ON tasks(document_id);
            CREATE INDEX bodies_by_name ON task_bodies(name);
            CREATE INDEX deadlines_by_end ON task_deadlines(end);
            CREATE INDEX citations_by_id ON citations(citation_id);
            -- The same document seen in several files (a plan, its copy in a cover letter's file):
            -- linked by number, which is the document id.
            CREATE VIEW document_copies AS
                SELECT document_id, count(*) AS files, group_concat(path, ' | ') AS paths
                FROM documents WHERE number IS NOT NULL GROUP BY document_id HAVING count(*) > 1;
            -- Which documents forward or attach which: cover letters, copy notices, attachments.
            CREATE VIEW document_links AS
                SELECT path, document_id, 'forwards' AS link, forwards AS target FROM documents WHERE forwards IS NOT NULL
                UNION ALL
                SELECT path, document_id, 'attached-to', attached_to FROM documents WHERE attached_to IS NOT NULL;
            """;

        public static int Write(IEnumerable<FileRecord> records, string path)
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temporary = full + ".tmp";
            File.Delete(temporary);
            var count = 0;
            var builder = new SqliteConnectionStringBuilder { DataSource = temporary, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var connection = new SqliteConnection(builder.ToString()))
            {
                connection.Open();
                Execute(connection, null, CreateTables);
                using var transaction = connection.BeginTransaction();
                foreach (var record in records)
                {
                    Insert(connection, transaction, record);
                    count++;
                }

                transaction.Commit();
            }

            File.Move(temporary, full, overwrite: true);
            return count;
        }

        private static void Insert(SqliteConnection connection, SqliteTransaction transaction, FileRecord record)
        {
            var path = record.Source.Path;
            Execute(connection, transaction, "INSERT INTO files VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                path, record.Source.Sha256, record.Source.Bytes, record.Source.Format.ToString().ToLowerInvariant(), record.Status,
                record.Error?.Code, record.Error?.Message, record.Revision, record.SchemaVersion);
            for (var i = 0; i < record.Documents.Count; i++)
            {
                var d = record.Documents[i];
                Execute(connection, transaction, "INSERT INTO documents VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
                    path, i, d.Id, d.Kind, d.Number, Date(d.IssuedOn), d.Place, d.Issuer, string.Join(ExportRows.ListSeparator, d.Signers),
                    string.Join(ExportRows.ListSeparator, d.Recipients), d.Title, d.Forwards, d.AttachedTo);
                InsertSections(connection, transaction, path, i, d.Sections, null);
                foreach (var t in d.Tasks)
                {
                    Execute(connection, transaction, "INSERT OR REPLACE INTO tasks VALUES ($1,$2,$3,$4,$5,$6,$7)", t.Id, path, i, d.Id, t.SectionId, t.Bullet, t.Text);
                    foreach (var b in t.Bodies)
                    {
                        Execute(connection, transaction, "INSERT INTO task_bodies VALUES ($1,$2,$3,$4)", path, t.Id, b.Name, b.Role.ToString().ToLowerInvariant());
                    }

                    for (var k = 0; k < t.Deadlines.Count; k++)
                    {
                        var dl = t.Deadlines[k];
                        Execute(connection, transaction, "INSERT INTO task_deadlines VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                            path, t.Id, k + 1, dl.Text, dl.Kind.ToString().ToLowerInvariant(), Date(dl.Start), Date(dl.End), dl.Recurrence, dl.Inline ? 1 : 0);
                    }

                    foreach (var c in t.Citations)
                    {
                        Execute(connection, transaction, "INSERT INTO task_citations VALUES ($1,$2,$3)", path, t.Id, c);
                    }
                }

                foreach (var c in d.Citations)
                {
                    Execute(connection, transaction, "INSERT OR REPLACE INTO citations VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
                        path, i, c.Id, c.Kind, Date(c.IssuedOn), c.Issuer, c.Title, c.Mentions.Count);
                }
            }

            foreach (var w in record.Warnings)
            {
                Execute(connection, transaction, "INSERT INTO warnings VALUES ($1,$2,$3,$4,$5,$6)",
                    path, w.Code, w.Severity.ToString().ToLowerInvariant(), w.Message, w.DocumentIndex, w.SectionId);
            }
        }

        private static void InsertSections(SqliteConnection connection, SqliteTransaction transaction, string path, int document, IReadOnlyList<SectionRecord> sections, string? parent)
        {
            foreach (var s in sections)
            {
                Execute(connection, transaction, "INSERT OR REPLACE INTO sections VALUES ($1,$2,$3,$4,$5,$6)", path, document, s.Id, s.Label, s.Title, parent);
                InsertSections(connection, transaction, path, document, s.Children, s.Id);
            }
        }

        private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("$" + (i + 1).ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }

        private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
