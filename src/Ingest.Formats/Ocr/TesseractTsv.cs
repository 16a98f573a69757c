using System.Globalization;
using Ingest.Formats.Pdf;
using Ingest.Vietnamese;

namespace Ingest.Formats.Ocr;

/// <summary>
/// Parses Tesseract's TSV output (level, page, block, paragraph, line, word, left, top, width,
/// height, conf, text) into words for the layout analysis. A word's size is the height of its
/// line, a steadier estimate of the font size than the word's own box (which depends on which
/// letters have ascenders or descenders).
/// </summary>
internal static class TesseractTsv
{
    private const int Columns = 12;

    private const double MinWordConfidence = 30;

    private const double MinSymbolConfidence = 70;

    /// <summary>
    /// A mark without letters taller than this many typical word heights is a rule, a stamp edge or
    /// the page border read as "|": it would join two text lines into one.
    /// </summary>
    private const double TallMarkRatio = 1.5;

    public static (List<PageWord> Words, double Width, double Height, List<double> Confidences) Parse(string tsv)
    {
        var rows = new List<string[]>();
        foreach (var raw in tsv.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').Split('\t');
            if (fields.Length >= Columns && int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                rows.Add(fields);
            }
        }

        double width = 0, height = 0;
        var wordHeights = new Dictionary<(string, string, string), List<double>>();
        foreach (var row in rows)
        {
            var level = Int(row[0]);
            if (level == 1)
            {
                width = Int(row[8]);
                height = Int(row[9]);
            }
            else if (level == 5)
            {
                var key = (row[2], row[3], row[4]);
                if (!wordHeights.TryGetValue(key, out var list))
                {
                    list = [];
                    wordHeights[key] = list;
                }

                list.Add(Int(row[9]));
            }
        }

        var lineSizes = wordHeights.ToDictionary(e => e.Key, e => e.Value.Order().ElementAt(e.Value.Count / 2));

        var allHeights = wordHeights.Values.SelectMany(h => h).Order().ToList();
        var typicalHeight = allHeights.Count == 0 ? 0 : allHeights[allHeights.Count / 2];
        var words = new List<PageWord>();
        var confidences = new List<double>();
        foreach (var row in rows)
        {
            var text = VietnameseText.Nfc(string.Join('\t', row.Skip(Columns - 1)).Trim());
            if (Int(row[0]) != 5 || text.Length == 0)
            {
                continue;
            }

            double left = Int(row[6]), top = Int(row[7]), w = Int(row[8]), h = Int(row[9]);
            if (!double.TryParse(row[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
            {
                confidence = -1;
            }

            if (confidence >= 0)
            {
                confidences.Add(confidence);
            }

            if (IsNoise(text, confidence) || (h > TallMarkRatio * typicalHeight && !text.Any(char.IsLetterOrDigit)))
            {
                continue;
            }

            var size = lineSizes.GetValueOrDefault((row[2], row[3], row[4]), h);
            words.Add(new PageWord(text, left, left + w, height - (top + h), height - top, Math.Max(1, size), Bold: false, Italic: false));
        }

        return (words, width, height, confidences);
    }

    /// <summary>
    /// Scan specks, stamp edges and the page border come out as low-confidence marks ("|", ":",
    /// "~"); kept, they would split lines into false columns. Real punctuation is read confidently.
    /// </summary>
    private static bool IsNoise(string text, double confidence)
    {
        if (confidence is >= 0 and < MinWordConfidence)
        {
            return true;
        }

        return confidence < MinSymbolConfidence && !text.Any(char.IsLetterOrDigit);
    }

    private static int Int(string value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
