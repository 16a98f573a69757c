using System.Globalization;
using Ingest.Model;
using Ingest.Vietnamese;

namespace Ingest.Normalize;

/// <summary>
/// Stage 2: makes Vietnamese text that reads the same compare the same. Returns new blocks whose
/// <see cref="Block.Text"/> is normalised and whose <see cref="Block.PrintedText"/> keeps the text
/// as the reader produced it (set only when the two differ). Table cells are normalised the same way.
/// Stateless after construction: one instance may serve many files in parallel. Never throws on bad
/// input; findings come back as diagnostics.
/// </summary>
/// <remarks>
/// Steps, in order (each needs the ones before it):
/// <list type="number">
/// <item>Legacy text: TCVN3, VNI, VISCII or Windows-1258 bytes shown as Windows-1252 characters are
/// decoded, judged over the whole file (<see cref="LegacyText"/>;
/// <see cref="DiagnosticCodes.LegacyEncodingConverted"/>). This runs before anything strips soft
/// hyphens, because TCVN3 stores "ư" as byte 0xAD.</item>
/// <item>Invisible characters (zero-width space/joiners, BOM, soft hyphen, direction marks) removed.</item>
/// <item>Look-alike letters inside Vietnamese words (Ð/ð, Cyrillic, Greek) replaced by Latin ones.</item>
/// <item>NFC, with Vietnamese letters composed whatever the order of their marks.</item>
/// <item>Curly quotes to " and ', dash variants to "-", runs of spaces and tabs to one space,
/// spaces at line ends dropped; '\n' line breaks kept, never merged.</item>
/// <item>Misplaced and doubled tone marks put where spelling puts them ("lựơng" → "lượng",
/// "qúy" → "quý"), dropped horns of "ươ" restored ("luơng" → "lương").</item>
/// <item>OCR diacritic slips repaired (<see cref="DiacriticRepair"/>), when <see cref="NormalizationOptions.RepairOcr"/>.</item>
/// <item>Tone style applied (<see cref="NormalizationOptions.ToneStyle"/>; as printed by default).</item>
/// </list>
/// Pages (or the whole file, for unpaged formats) whose words are mostly not Vietnamese syllables
/// get a <see cref="DiagnosticCodes.LowTextQuality"/> warning.
/// <para>Which field is which: <see cref="Block.PrintedText"/> is the reader's text, untouched (spans
/// point into it); <see cref="Block.Text"/> is the normalised text, in the printed tone style unless
/// <see cref="NormalizationOptions.ToneStyle"/> says otherwise, so that deadline text and quotations
/// stay as printed. The canonical form is not stored: later stages compute it where they need it,
/// <see cref="VietnameseText.CanonicalTones"/> for names and titles in records and
/// <see cref="VietnameseText.Key"/> for comparing and matching.</para>
/// </remarks>
public sealed class TextNormalizer
{
    /// <summary>Creates a normaliser; <paramref name="options"/> defaults to <see cref="NormalizationOptions.Default"/>.</summary>
    public TextNormalizer(NormalizationOptions? options = null)
    {
        Options = options ?? NormalizationOptions.Default;
    }

    /// <summary>The options in force.</summary>
    public NormalizationOptions Options { get; }

    /// <summary>Normalises the blocks of one file (the file is the unit for encoding detection and OCR repair).</summary>
    public NormalizationResult Normalize(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var diagnostics = new List<Diagnostic>();

        // Block texts first, then every table cell, so that all text of the file is judged together.
        var texts = new List<string>(blocks.Count);
        foreach (var block in blocks)
        {
            texts.Add(block.Text ?? string.Empty);
        }

        foreach (var block in blocks)
        {
            if (block.Cells is { } rows)
            {
                foreach (var row in rows)
                {
                    texts.AddRange(row.Select(cell => cell ?? string.Empty));
                }
            }
        }

        var normalised = NormalizeAll(texts, diagnostics, out var quality);
        var result = new Block[blocks.Count];
        var next = blocks.Count;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var text = normalised[b];
            IReadOnlyList<IReadOnlyList<string>>? cells = null;
            if (block.Cells is { } rows)
            {
                var newRows = new List<IReadOnlyList<string>>(rows.Count);
                foreach (var row in rows)
                {
                    var newRow = new string[row.Count];
                    for (var c = 0; c < row.Count; c++)
                    {
                        newRow[c] = normalised[next++];
                    }

                    newRows.Add(newRow);
                }

                cells = newRows;
            }

            var printed = block.PrintedText ?? (string.Equals(text, block.Text, StringComparison.Ordinal) ? null : block.Text);
            result[b] = block with { Text = text, Cells = cells ?? block.Cells, PrintedText = printed };
        }

        diagnostics.AddRange(QualityDiagnostics(result, quality));
        return new NormalizationResult(result, diagnostics);
    }

    /// <summary>Normalises one text on its own (the CLI's <c>ingest normalize</c>): the same steps, diagnostics dropped.</summary>
    public string NormalizeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NormalizeAll([text], [], out _)[0];
    }

    // quality: TextQuality of each normalised text where the repair step could tell it without a
    // second pass over the words (null elsewhere).
    private List<string> NormalizeAll(List<string> texts, List<Diagnostic> diagnostics, out IReadOnlyList<TextQualityScore?> quality)
    {
        IReadOnlyList<string> current = texts;
        if (Options.DecodeLegacyText)
        {
            var legacy = LegacyText.DecodeMisread(current);
            if (legacy.Encoding is { } encoding)
            {
                current = legacy.Texts;
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.LegacyEncodingConverted,
                    DiagnosticSeverity.Info,
                    string.Create(CultureInfo.InvariantCulture, $"{legacy.Converted} of {texts.Count} texts were {TextDecoder.EncodingName(encoding)} bytes shown as Windows-1252 characters and were decoded.")));
            }
        }

        var cleaned = new List<string>(current.Count);
        foreach (var text in current)
        {
            cleaned.Add(Clean(text));
        }

        IReadOnlyList<string> repaired = cleaned;
        quality = [];
        if (Options.RepairOcr)
        {
            var repair = DiacriticRepair.RepairDocument(cleaned);
            repaired = repair.Texts;
            quality = repair.Quality;
        }

        if (Options.ToneStyle == ToneStyle.AsPrinted)
        {
            return [.. repaired];
        }

        var styled = new List<string>(repaired.Count);
        foreach (var text in repaired)
        {
            styled.Add(VietnameseText.ApplyToneStyle(text, Options.ToneStyle));
        }

        // Restyled texts are measured afresh.
        quality = [];
        return styled;
    }

    private static string Clean(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var visible = VietnameseText.RemoveInvisible(text);
        var latin = VietnameseText.ReplaceLookAlikes(visible);
        var composed = VietnameseText.Nfc(latin);
        var tidy = TextCleaner.Clean(composed);
        return VietnameseText.RepairMarks(tidy);
    }

    private static IEnumerable<Diagnostic> QualityDiagnostics(IReadOnlyList<Block> blocks, IReadOnlyList<TextQualityScore?> quality)
    {
        // Unpaged formats have page 0 throughout: the whole file is then judged as one page.
        var pages = new SortedDictionary<int, TextQualityScore>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var page = block.Span.Page;
            var score = (b < quality.Count ? quality[b] : null) ?? TextQuality.Measure(block.Text);
            pages[page] = pages.GetValueOrDefault(page) + score;
        }

        foreach (var (page, score) in pages)
        {
            if (!score.IsMostlyInvalid)
            {
                continue;
            }

            var where = page > 0 ? string.Create(CultureInfo.InvariantCulture, $"Page {page}") : "The text";
            yield return new Diagnostic(
                DiagnosticCodes.LowTextQuality,
                DiagnosticSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{where}: only {score.ValidSyllables} of {score.Words} words are Vietnamese syllables; the text layer may be damaged, in an unknown encoding, or need OCR."))
            {
                Span = page > 0 ? new SourceSpan(0, 0, 0, page) : null,
            };
        }
    }
}
