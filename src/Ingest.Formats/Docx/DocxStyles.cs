using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Ingest.Formats.Docx;

/// <summary>
/// Resolves what a paragraph or run inherits from styles.xml: paragraph style chains (basedOn),
/// character styles and document defaults. Direct formatting wins over the run's character style,
/// which wins over the paragraph style, which wins over the defaults (ECMA-376 Part 1, 17.7.2).
/// </summary>
internal sealed class DocxStyles
{
    /// <summary>basedOn chains longer than this are cycles or abuse; real templates use under ten.</summary>
    private const int MaxChain = 32;

    private readonly Dictionary<string, Style> _byId = new(StringComparer.Ordinal);
    private readonly Style? _defaultParagraphStyle;
    private readonly RunPropertiesBaseStyle? _defaultRun;

    public DocxStyles(Styles? styles)
    {
        if (styles is null)
        {
            return;
        }

        foreach (var style in styles.Elements<Style>())
        {
            var id = style.StyleId?.Value;
            if (id is not null)
            {
                _byId.TryAdd(id, style);
            }

            if (style.Type?.Value == StyleValues.Paragraph && style.Default?.Value == true)
            {
                _defaultParagraphStyle ??= style;
            }
        }

        _defaultRun = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
    }

    /// <summary>The paragraph's style and its ancestors, nearest first.</summary>
    public List<Style> ParagraphChain(ParagraphProperties? properties)
    {
        var id = properties?.ParagraphStyleId?.Val?.Value;
        var start = id is not null && _byId.TryGetValue(id, out var style) ? style : _defaultParagraphStyle;
        return Chain(start);
    }

    /// <summary>Looks up a style by id (numbering style links use this).</summary>
    public Style? Find(string? id) => id is not null && _byId.TryGetValue(id, out var style) ? style : null;

    /// <summary>Heading level 1-6 from the outline level or the built-in heading styles; 0 for body text.</summary>
    public static int HeadingLevel(ParagraphProperties? properties, List<Style> chain)
    {
        var outline = properties?.OutlineLevel?.Val?.Value;
        foreach (var style in chain)
        {
            if (outline is not null)
            {
                break;
            }

            outline = style.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
            if (outline is null)
            {
                var name = style.StyleName?.Val?.Value ?? string.Empty;
                if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) &&
                    int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
                {
                    outline = n - 1;
                }
                else if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
                {
                    outline = 0;
                }
            }
        }

        // Outline level 9 means body text (17.3.1.20); Model headings stop at 6.
        return outline is null or >= 9 or < 0 ? 0 : Math.Min(outline.Value + 1, 6);
    }

    /// <summary>Numbering reference (numId, ilvl) from the paragraph or its style chain; null when unnumbered.</summary>
    public static (int NumId, int Level)? NumberingOf(ParagraphProperties? properties, List<Style> chain)
    {
        int? numId = properties?.NumberingProperties?.NumberingId?.Val?.Value;
        int? level = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        foreach (var style in chain)
        {
            var numbering = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= numbering?.NumberingId?.Val?.Value;
            level ??= numbering?.NumberingLevelReference?.Val?.Value;
        }

        // numId 0 removes numbering that a style would otherwise apply (17.9.18).
        if (numId is null or 0)
        {
            return null;
        }

        return (numId.Value, Math.Clamp(level ?? 0, 0, 8));
    }

    /// <summary>True when the paragraph is centred, directly or through its style.</summary>
    public static bool IsCentered(ParagraphProperties? properties, List<Style> chain)
    {
        var justification = properties?.Justification?.Val;
        foreach (var style in chain)
        {
            justification ??= style.StyleParagraphProperties?.Justification?.Val;
        }

        return justification is not null && justification.Value == JustificationValues.Center;
    }

    /// <summary>Effective formatting of one run: bold, italic, hidden, and the font its text is drawn in.</summary>
    public RunFormat RunFormatOf(RunProperties? direct, List<Style> paragraphChain)
    {
        bool? bold = OnOff(direct?.Bold);
        bool? italic = OnOff(direct?.Italic);
        bool? hidden = OnOff(direct?.Vanish);
        var font = FontName(direct?.RunFonts, out var themed);
        var fontDecided = font is not null || themed;
        foreach (var style in Chain(Find(direct?.RunStyle?.Val?.Value)).Concat(paragraphChain))
        {
            var props = style.StyleRunProperties;
            if (props is null)
            {
                continue;
            }

            bold ??= OnOff(props.Bold);
            italic ??= OnOff(props.Italic);
            hidden ??= OnOff(props.Vanish);
            if (!fontDecided)
            {
                font = FontName(props.RunFonts, out themed);
                fontDecided = font is not null || themed;
            }
        }

        bold ??= OnOff(_defaultRun?.Bold);
        italic ??= OnOff(_defaultRun?.Italic);
        if (!fontDecided)
        {
            font = FontName(_defaultRun?.RunFonts, out _);
        }

        return new RunFormat(bold ?? false, italic ?? false, hidden ?? false, font);
    }

    private List<Style> Chain(Style? start)
    {
        var chain = new List<Style>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var style = start; style is not null && chain.Count < MaxChain; style = Find(style.BasedOn?.Val?.Value))
        {
            if (!seen.Add(style.StyleId?.Value ?? string.Empty))
            {
                break;
            }

            chain.Add(style);
        }

        return chain;
    }

    private static bool? OnOff(OnOffType? element) => element is null ? null : element.Val is null || element.Val.Value;

    /// <summary>The Latin font of a run. Theme fonts (Calibri, Cambria...) are never legacy fonts, so they count as "no font".</summary>
    private static string? FontName(RunFonts? fonts, out bool themed)
    {
        themed = fonts?.AsciiTheme is not null;
        return themed ? null : fonts?.Ascii?.Value ?? fonts?.HighAnsi?.Value;
    }
}

/// <summary>Effective formatting of a run.</summary>
internal readonly record struct RunFormat(bool Bold, bool Italic, bool Hidden, string? Font);
