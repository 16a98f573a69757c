using HtmlAgilityPack;
using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Formats.Html;

/// <summary>
/// Reads a web page, typically one saved from a news or legal-document site: decodes it (BOM,
/// meta charset, then a guess), drops page furniture (navigation, ads, comments, related links),
/// keeps the main content as blocks, and emits the site's document-properties table ("Số hiệu",
/// "Ngày ban hành", "Người ký", "Loại văn bản") as a table block first when it lies outside the
/// main content, so the structure stage can read it as site metadata.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    /// <summary>
    /// Labels of the properties table legal-document sites print next to a document (folded:
    /// no diacritics, lower case): number, issue date, signer, kind, issuer, effective date,
    /// status ("Tình trạng", "Tình trạng hiệu lực"), field ("Lĩnh vực"). Two of them in one table
    /// identify it.
    /// </summary>
    internal static readonly IReadOnlyList<string> SiteMetadataLabels =
    [
        "so hieu", "ngay ban hanh", "nguoi ky", "loai van ban", "co quan ban hanh", "noi ban hanh", "ngay hieu luc", "ngay co hieu luc",
        "tinh trang hieu luc", "tinh trang", "linh vuc",
    ];

    /// <summary>Element nesting kept when parsing; deeper tags are dropped, their text kept (see <see cref="HtmlDepthLimiter"/>).</summary>
    public const int MaxDepth = 512;

    /// <inheritdoc />
    public SourceFormat Format => SourceFormat.Html;

    /// <inheritdoc />
    public ReadResult Read(SourceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = HtmlCharset.Decode(file.Content);
        var diagnostics = new List<Diagnostic>();
        var html = HtmlDepthLimiter.Flatten(decoded.Text, MaxDepth, out var flattened);
        if (flattened)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, DiagnosticSeverity.Warning,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Elements nested deeper than {MaxDepth} levels were flattened; their text is kept.")));
        }

        var document = new HtmlDocument();
        try
        {
            document.LoadHtml(html);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Corrupt, $"The page could not be parsed ({ex.GetType().Name}): {ex.Message}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var metadataTable = FindSiteMetadataTable(document.DocumentNode, cancellationToken);
        var metadataBlock = metadataTable is null ? null : HtmlBlockWriter.TableBlock(metadataTable, cancellationToken);
        HtmlPruner.Prune(document.DocumentNode, cancellationToken);
        var measure = new TextMeasure(document.DocumentNode);
        var main = MainContent.Select(document.DocumentNode, measure);
        var blocks = HtmlBlockWriter.Write(main, measure, cancellationToken);
        if (metadataBlock is not null && !IsInside(metadataTable!, main))
        {
            blocks.Insert(0, metadataBlock);
        }

        if (!decoded.Confident)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownEncoding, DiagnosticSeverity.Warning,
                $"The page's encoding could not be determined with confidence; read as {decoded.Encoding}."));
        }

        if (blocks.Count == 0)
        {
            return ReadResult.Failed(Format, DiagnosticCodes.Empty, "The page holds no text.") with { Diagnostics = diagnostics };
        }

        return new ReadResult(Format, blocks)
        {
            Diagnostics = diagnostics,
            Reading = new ReadingInfo { Encoding = decoded.Encoding },
        };
    }

    /// <summary>
    /// Found before pruning: sites put the properties table in a side panel or a tab that pruning
    /// would remove with the rest of the furniture.
    /// </summary>
    private static HtmlNode? FindSiteMetadataTable(HtmlNode root, CancellationToken cancellationToken)
    {
        var pending = new Stack<HtmlNode>();
        pending.Push(root);
        var steps = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if ((++steps & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (node.Name == "table" && CountMetadataLabels(node) >= 2)
            {
                return node;
            }

            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push(node.ChildNodes[i]);
            }
        }

        return null;
    }

    private static int CountMetadataLabels(HtmlNode table)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var cells = 0;
        var pending = new Stack<HtmlNode>();
        pending.Push(table);
        while (pending.Count > 0 && cells < 200)
        {
            var node = pending.Pop();
            if (node.Name is "td" or "th")
            {
                cells++;
                if (SiteMetadataLabel(HtmlEntity.DeEntitize(CellText(node)) ?? string.Empty) is { } label)
                {
                    found.Add(label);
                }

                continue;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        return found.Count;
    }

    /// <summary>
    /// The site property label (folded, from <see cref="SiteMetadataLabels"/>) that a cell holds, the
    /// longest that fits; null when the cell holds something else.
    /// </summary>
    internal static string? SiteMetadataLabel(string cellText)
    {
        // Two characters of slack: sites put a mark after the label ("Số hiệu *", "Người ký :").
        var text = VietnameseText.Fold(cellText).Trim().TrimEnd(':').Trim();
        string? found = null;
        foreach (var label in SiteMetadataLabels)
        {
            if (text.StartsWith(label, StringComparison.Ordinal) && text.Length <= label.Length + 2 && label.Length > (found?.Length ?? 0))
            {
                found = label;
            }
        }

        return found;
    }

    /// <summary>Text of a label cell, at most a few dozen characters (labels are short).</summary>
    private static string CellText(HtmlNode cell)
    {
        var builder = new System.Text.StringBuilder();
        var pending = new Stack<HtmlNode>();
        pending.Push(cell);
        while (pending.Count > 0 && builder.Length < 64)
        {
            var node = pending.Pop();
            if (node is HtmlTextNode text)
            {
                builder.Append(text.Text).Append(' ');
                continue;
            }

            for (var i = node.ChildNodes.Count - 1; i >= 0; i--)
            {
                pending.Push(node.ChildNodes[i]);
            }
        }

        return string.Join(' ', builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsInside(HtmlNode node, HtmlNode container)
    {
        for (var current = node; current is not null; current = current.ParentNode)
        {
            if (current == container)
            {
                return true;
            }
        }

        return false;
    }
}
