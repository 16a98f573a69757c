using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Renditions;

/// <summary>
/// Writes a seed as a page saved from a legal-document website: site banner and menu, a
/// breadcrumb, the page title and the site's metadata table ("Số hiệu", "Ngày ban hành" ...), a
/// share bar, then the document itself (letterhead table, paragraphs, typed or &lt;ol&gt; numbers),
/// followed by keywords, a comment thread, a sidebar of related documents and the site footer.
/// Everything but the document is what an HTML reader has to drop.
/// </summary>
internal static partial class HtmlWriter
{
    private static readonly string[] MetaKeys = ["Số hiệu", "Ngày ban hành", "Ngày có hiệu lực", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Lĩnh vực", "Tình trạng"];

    public static string Write(SeedFile seed)
    {
        var title = PageTitle(seed);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append(" - Văn bản pháp luật</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/css/site.min.css?v=2021.12\">\n")
            .Append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n")
            .Append("</head>\n<body class=\"page-vanban\">\n");
        html.Append("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">VĂN BẢN ĐẢNG</a></div>\n")
            .Append("<form class=\"search-box\" action=\"/tim-kiem\"><input type=\"text\" name=\"q\" placeholder=\"Tìm văn bản...\"><button>Tìm</button></form></header>\n")
            .Append("<nav class=\"main-menu\"><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/van-ban-moi\">Văn bản mới</a></li>")
            .Append("<li><a href=\"/nghi-quyet\">Nghị quyết</a></li><li><a href=\"/ket-luan\">Kết luận</a></li><li><a href=\"/chi-thi\">Chỉ thị</a></li>")
            .Append("<li><a href=\"/lien-he\">Liên hệ</a></li></ul></nav>\n");
        html.Append("<div class=\"breadcrumb\"><a href=\"/\">Trang chủ</a> &raquo; <a href=\"/van-ban\">Văn bản</a> &raquo; <span>")
            .Append(Escape(Kind(seed) ?? "Tin tức")).Append("</span></div>\n");
        html.Append("<div class=\"container\">\n<div class=\"col-main\">\n");
        html.Append("<h1 class=\"title-vb\">").Append(Escape(title)).Append("</h1>\n");
        AppendMetadata(html, seed);
        html.Append("<div class=\"share-bar\"><span>Chia sẻ:</span> <a href=\"#\">Facebook</a> <a href=\"#\">Zalo</a> <a href=\"#\" onclick=\"window.print()\">In văn bản</a></div>\n");
        html.Append("<!-- Nội dung văn bản -->\n<div class=\"noidung-vanban\" id=\"toanvan\">\n");
        var firstDocument = true;
        foreach (var document in seed.Documents)
        {
            if (!firstDocument)
            {
                html.Append("<div style=\"page-break-before: always\"></div>\n");
            }

            firstDocument = false;
            foreach (var para in document.Before.Where(p => p.Role == ParaRole.Stamp))
            {
                html.Append("<p class=\"chu-ky-so\" style=\"font-size:10pt;text-align:right\">").Append(Lines(para)).Append("</p>\n");
            }

            if (document.Letterhead is { } letterhead)
            {
                AppendLetterhead(html, letterhead);
            }

            AppendBody(html, document.Paras, seed.RomanSeparator);
        }

        var notes = seed.Documents.SelectMany(d => d.Paras).Where(p => p.Role == ParaRole.Footnote).ToList();
        if (notes.Count > 0)
        {
            html.Append("<div class=\"footnotes\"><hr>\n");
            foreach (var note in notes)
            {
                html.Append("<p id=\"fn").Append(note.FootnoteMark).Append("\"><sup>").Append(Escape(note.FootnoteMark ?? string.Empty)).Append("</sup> ")
                    .Append(Lines(note)).Append("</p>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n<!-- Hết nội dung văn bản -->\n");
        html.Append("<div class=\"tags\">Từ khóa: <a href=\"/tag/xay-dung-dang\">xây dựng Đảng</a>, <a href=\"/tag/chinh-don-dang\">chỉnh đốn Đảng</a></div>\n");
        html.Append("<div id=\"comments\" class=\"binhluan\"><h3>Ý kiến bạn đọc (2)</h3>\n")
            .Append("<div class=\"comment-item\"><b>Nguyễn Văn A</b> <span>10:15 12/12/2021</span><p>Văn bản rất cần thiết, đề nghị các cấp ủy triển khai nghiêm túc.</p></div>\n")
            .Append("<div class=\"comment-item\"><b>Trần Thị B</b> <span>08:02 13/12/2021</span><p>Cho tôi hỏi văn bản này đã có hướng dẫn thực hiện chưa ạ?</p></div>\n")
            .Append("<form class=\"comment-form\"><textarea name=\"noidung\"></textarea><button>Gửi ý kiến</button></form></div>\n");
        html.Append("</div>\n<aside class=\"sidebar\"><div class=\"box-lienquan\"><h3>Văn bản liên quan</h3><ul>\n")
            .Append("<li><a href=\"/van-ban/nghi-quyet-4-khoa-xii\">Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng</a></li>\n")
            .Append("<li><a href=\"/van-ban/quy-dinh-37-qd-tw\">Quy định 37-QĐ/TW về những điều đảng viên không được làm</a></li>\n")
            .Append("<li><a href=\"/van-ban/chi-thi-05-ct-tw\">Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</a></li>\n")
            .Append("</ul></div><div class=\"quangcao\"><a href=\"/dang-ky\"><img src=\"/static/banner.jpg\" alt=\"Đăng ký nhận văn bản mới\"></a></div></aside>\n</div>\n");
        html.Append("<footer class=\"site-footer\"><p>Cơ sở dữ liệu văn bản. Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>")
            .Append("<p>Liên hệ: bandoc@vanbandang.example &middot; Điều khoản sử dụng</p></footer>\n");
        html.Append("<script src=\"/static/js/site.min.js\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendMetadata(StringBuilder html, SeedFile seed)
    {
        var fields = new List<(string Key, string Value)>();
        var siteMeta = seed.Documents[0].Before.Where(p => p.Role == ParaRole.SiteMeta).ToList();
        foreach (var meta in siteMeta)
        {
            var plain = meta.Plain;
            var key = MetaKeys.First(k => plain.StartsWith(k, StringComparison.Ordinal));
            fields.Add((key, plain[key.Length..].Trim()));
        }

        var main = seed.Documents.Where(d => d.Letterhead?.Number is not null).MaxBy(d => d.Size);
        if (fields.Count == 0 && main?.Letterhead is { } letterhead)
        {
            fields.Add(("Số hiệu", letterhead.Number ?? string.Empty));
            if (letterhead.PlaceDate is { } placeDate && DateOf(placeDate) is { } date)
            {
                fields.Add(("Ngày ban hành", date));
            }

            fields.Add(("Loại văn bản", SentenceCase(main.Kind ?? "Văn bản")));
            fields.Add(("Cơ quan ban hành", TitleCase(letterhead.Issuer.LastOrDefault() ?? string.Empty)));
            fields.Add(("Người ký", main.Signer ?? string.Empty));
            fields.Add(("Tình trạng", "Còn hiệu lực"));
        }

        if (fields.Count == 0)
        {
            html.Append("<div class=\"meta-date\">Cập nhật: 13/12/2021 08:00</div>\n");
            return;
        }

        html.Append("<div class=\"box-thuoctinh\"><table class=\"thuoctinh\">\n");
        foreach (var (key, value) in fields)
        {
            html.Append("<tr><td class=\"label\">").Append(Escape(key)).Append(":</td><td>").Append(Escape(value)).Append("</td></tr>\n");
        }

        html.Append("</table></div>\n");
    }

    private static void AppendLetterhead(StringBuilder html, Letterhead letterhead)
    {
        html.Append("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n<tr>\n");
        foreach (var side in new[] { letterhead.Left, letterhead.Right })
        {
            html.Append("<td width=\"45%\" valign=\"top\">");
            foreach (var (line, kind) in side)
            {
                var text = Runs(line);
                html.Append("<p align=\"center\" style=\"margin:0\">")
                    .Append(kind switch
                    {
                        HeaderLine.Issuer or HeaderLine.Motto => "<b>" + text + "</b>",
                        HeaderLine.PlaceDate => "<i>" + text + "</i>",
                        _ => text,
                    })
                    .Append("</p>");
            }

            html.Append("</td>\n");
        }

        html.Append("</tr>\n</table>\n");
        if (letterhead.KindInside is { } kind2)
        {
            html.Append("<p align=\"center\"><b>").Append(Lines(kind2)).Append("</b></p>\n");
        }
    }

    private static void AppendBody(StringBuilder html, List<Para> paras, string romanSeparator)
    {
        for (var i = 0; i < paras.Count; i++)
        {
            var para = paras[i];
            if (para.Role == ParaRole.Numbered && para.Numbers.Length == 1 && para.MarkdownHeading == 0 && !IsShortHeading(para))
            {
                // A run of long numbered items is an ordered list on the site, starting where the seed does.
                html.Append("<ol start=\"").Append(SeedText.Invariant(para.Numbers[0])).Append("\">\n");
                var expected = para.Numbers[0];
                while (i < paras.Count && paras[i] is { Role: ParaRole.Numbered, MarkdownHeading: 0 } item && item.Numbers.Length == 1
                    && item.Numbers[0] == expected && !IsShortHeading(item))
                {
                    html.Append("<li>").Append(Lines(item)).Append("</li>\n");
                    expected++;
                    i++;
                }

                html.Append("</ol>\n");
                i--;
                continue;
            }

            html.Append(Paragraph(para, romanSeparator)).Append('\n');
        }
    }

    private static string Paragraph(Para para, string romanSeparator)
    {
        var text = Lines(para);
        var label = para.Role switch
        {
            ParaRole.Roman => ListRoman(para.Numbers[0]) + romanSeparator + " ",
            ParaRole.Numbered => string.Join(".", para.Numbers.Select(SeedText.Invariant)) + ". ",
            ParaRole.Bullet or ParaRole.Recipient => "- ",
            _ => string.Empty,
        };
        if (para.MarkdownHeading > 0)
        {
            var tag = "h" + SeedText.Invariant(Math.Min(para.MarkdownHeading, 6));
            return "<" + tag + ">" + Escape(label) + text + "</" + tag + ">";
        }

        if (para.Drawn)
        {
            return "<hr style=\"width:25%\">";
        }

        return para.Role switch
        {
            ParaRole.Kind => "<p align=\"center\"><b>" + text + "</b></p>",
            ParaRole.Subject => "<p align=\"center\"><b>" + text + "</b></p>",
            ParaRole.Separator => "<p align=\"center\">" + text + "</p>",
            ParaRole.Roman => "<p><b>" + Escape(label) + text + "</b></p>",
            ParaRole.Numbered when IsShortHeading(para) => "<p><b>" + Escape(label) + text + "</b></p>",
            ParaRole.Signature => "<p align=\"right\"><b>" + text + "</b></p>",
            ParaRole.RecipientsLabel => "<p><b><i><u>" + text + "</u></i></b></p>",
            ParaRole.Recipient => "<p style=\"margin:0;font-size:12pt\">" + Escape(label) + text + "</p>",
            ParaRole.Footnote => string.Empty,
            _ => "<p>" + Escape(label) + text + "</p>",
        };
    }

    private static bool IsShortHeading(Para para) => para.Plain.Length < 100 && !para.Plain.TrimEnd().EndsWith('.');

    private static string ListRoman(int value)
    {
        var result = new StringBuilder();
        foreach (var (number, letters) in new[] { (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
        {
            while (value >= number)
            {
                result.Append(letters);
                value -= number;
            }
        }

        return result.ToString();
    }

    private static string Lines(Para para) => string.Join("<br>\n", para.Lines.Select(Runs));

    private static string Runs(List<TextRun> runs)
    {
        var text = new StringBuilder();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var value = Escape(i == 0 ? run.Text.TrimStart() : run.Text);
            if (value.Length == 0)
            {
                continue;
            }

            if (run.Superscript)
            {
                text.Append("<sup><a href=\"#fn").Append(value.Trim()).Append("\">").Append(value.Trim()).Append("</a></sup>");
                continue;
            }

            value = run.Bold ? "<strong>" + value + "</strong>" : value;
            value = run.Italic ? "<em>" + value + "</em>" : value;
            text.Append(value);
        }

        return text.ToString().TrimEnd();
    }

    private static string PageTitle(SeedFile seed)
    {
        if (seed.Documents[0].Before.FirstOrDefault(p => p.Role == ParaRole.SiteTitle) is { } siteTitle)
        {
            return siteTitle.Plain;
        }

        var main = seed.Documents.Where(d => d.Letterhead?.Number is not null).MaxBy(d => d.Size);
        if (main?.Letterhead?.Number is { } number)
        {
            var year = main.Letterhead.PlaceDate is { } placeDate && DateOf(placeDate) is { } date ? " năm " + date[^4..] : string.Empty;
            var subject = main.Paras.FirstOrDefault(p => p.Role == ParaRole.Subject && SeedText.StartsLower(p.Plain))?.Plain ?? string.Empty;
            return (SentenceCase(main.Kind ?? "Văn bản") + " " + number + year + " " + subject).Trim();
        }

        var words = seed.Documents[0].Paras.FirstOrDefault()?.Plain.Split(' ') ?? [];
        return string.Join(' ', words.Take(14)) + (words.Length > 14 ? "..." : string.Empty);
    }

    private static string? Kind(SeedFile seed) =>
        seed.Documents.Select(d => d.Kind).FirstOrDefault(k => k is not null) is { } kind ? SentenceCase(kind) : null;

    private static string? DateOf(string placeDate)
    {
        var match = DatePattern().Match(placeDate);
        if (!match.Success)
        {
            return null;
        }

        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{day:00}/{month:00}/{match.Groups["year"].Value}");
    }

    private static string SentenceCase(string text) =>
        text.Length == 0 ? text : text[..1] + text[1..].ToLower(CultureInfo.GetCultureInfo("vi-VN"));

    private static string TitleCase(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SentenceCase));

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    [GeneratedRegex(@"ngày\s+(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2})\s+năm\s+(?<year>\d{4})")]
    private static partial Regex DatePattern();
}
