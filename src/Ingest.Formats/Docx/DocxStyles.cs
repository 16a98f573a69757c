using System.Globalization;
using System.Xml.Linq;

namespace Ingest.Formats.Docx;

/// <summary>
/// Resolves what a paragraph or run inherits from styles.xml: paragraph style chains (basedOn),
/// character styles and document defaults. Direct formatting wins over the run's character style,
/// which wins over the paragraph style, which wins over the defaults (ECMA-376 Part 1, 17.7.2).
/// Resolved chains and inherited run formats are cached per style id, because a document uses a
/// handful of styles over thousands of runs. One instance per document read.
/// </summary>
internal sealed class DocxStyles
{
    /// <summary>basedOn chains longer than this are cycles or abuse; real templates use under ten.</summary>
    private const int MaxChain = 32;

    private readonly WordNames _w;
    private readonly Dictionary<string, XElement> _byId = new(StringComparer.Ordinal);
    private readonly XElement? _defaultParagraphStyle;
    private readonly XElement? _defaultRun;
    private readonly Dictionary<string, StyleChain> _paragraphChains = new(StringComparer.Ordinal);
    private readonly Dictionary<(StyleChain Paragraph, string CharacterStyle), InheritedRunFormat> _runFormats = [];
    private StyleChain? _noStyleChain;

    public DocxStyles(XElement? styles, WordNames names)
    {
        _w = names;
        if (styles is null)
        {
            return;
        }

        foreach (var style in styles.Elements(_w.Style))
        {
            var id = style.Attribute(_w.StyleId)?.Value;
            if (id is not null)
            {
                _byId.TryAdd(id, style);
            }

            var isDefault = style.Attribute(_w.Default)?.Value is "1" or "true" or "on";
            if (style.Attribute(_w.Type)?.Value == "paragraph" && isDefault)
            {
                _defaultParagraphStyle ??= style;
            }
        }

        _defaultRun = styles.Element(_w.DocDefaults)?.Element(_w.RPrDefault)?.Element(_w.RPr);
    }

    /// <summary>The paragraph's style and its ancestors, nearest first, resolved once per style.</summary>
    public StyleChain ParagraphChain(XElement? properties)
    {
        var id = _w.ChildVal(properties, _w.PStyle);
        if (id is null || !_byId.ContainsKey(id))
        {
            return _noStyleChain ??= new StyleChain(Chain(_defaultParagraphStyle), _w);
        }

        if (!_paragraphChains.TryGetValue(id, out var chain))
        {
            chain = new StyleChain(Chain(_byId[id]), _w);
            _paragraphChains[id] = chain;
        }

        return chain;
    }

    /// <summary>Looks up a style by id (numbering style links use this).</summary>
    public XElement? Find(string? id) => id is not null && _byId.TryGetValue(id, out var style) ? style : null;

    /// <summary>Heading level 1-6 from the outline level or the built-in heading styles; 0 for body text.</summary>
    public int HeadingLevel(XElement? properties, StyleChain chain)
    {
        var outline = _w.ChildInt(properties, _w.OutlineLvl) ?? chain.OutlineLevel;

        // Outline level 9 means body text (17.3.1.20); Model headings stop at 6.
        return outline is null or >= 9 or < 0 ? 0 : Math.Min(outline.Value + 1, 6);
    }

    /// <summary>Numbering reference (numId, ilvl) from the paragraph or its style chain; null when unnumbered.</summary>
    public (int NumId, int Level)? NumberingOf(XElement? properties, StyleChain chain)
    {
        var direct = properties?.Element(_w.NumPr);
        var numId = _w.ChildInt(direct, _w.NumId) ?? chain.NumId;
        var level = _w.ChildInt(direct, _w.Ilvl) ?? chain.NumberingLevel;

        // numId 0 removes numbering that a style would otherwise apply (17.9.18).
        if (numId is null or 0)
        {
            return null;
        }

        return (numId.Value, Math.Clamp(level ?? 0, 0, 8));
    }

    /// <summary>The paragraph's alignment (w:jc: "left", "center", "right", "both"...), directly or through its style; null when unset.</summary>
    public string? Justification(XElement? properties, StyleChain chain) =>
        _w.ChildVal(properties, _w.Jc) ?? chain.Justification;

    /// <summary>The paragraph's left indent in twentieths of a point, directly or through its style; 0 when unset.</summary>
    public int LeftIndent(XElement? properties, StyleChain chain) =>
        IndentOf(properties, _w) ?? chain.LeftIndent ?? 0;

    /// <summary>w:ind's left (or start) indent of a paragraph properties element; null when it sets none.</summary>
    internal static int? IndentOf(XElement? properties, WordNames w)
    {
        var indent = properties?.Element(w.Ind);
        return WordNames.ParseInt(indent?.Attribute(w.Left)?.Value ?? indent?.Attribute(w.IndStart)?.Value);
    }

    /// <summary>Effective formatting of one run: bold, italic, all caps, hidden, and the font its text is drawn in.</summary>
    public RunFormat RunFormatOf(XElement? direct, StyleChain paragraphChain)
    {
        var characterStyle = _w.ChildVal(direct, _w.RStyle) ?? string.Empty;
        var key = (paragraphChain, characterStyle);
        if (!_runFormats.TryGetValue(key, out var inherited))
        {
            inherited = Inherit(characterStyle, paragraphChain);
            _runFormats[key] = inherited;
        }

        var font = FontName(direct?.Element(_w.RFonts), out var themed);
        var fontDecided = font is not null || themed;
        return new RunFormat(
            _w.OnOff(direct, _w.B) ?? inherited.Bold,
            _w.OnOff(direct, _w.I) ?? inherited.Italic,
            _w.OnOff(direct, _w.Caps) ?? inherited.Caps,
            _w.OnOff(direct, _w.Vanish) ?? inherited.Hidden,
            fontDecided ? font : inherited.Font);
    }

    private InheritedRunFormat Inherit(string characterStyle, StyleChain paragraphChain)
    {
        bool? bold = null, italic = null, caps = null, hidden = null;
        string? font = null;
        var fontDecided = false;
        foreach (var style in Chain(Find(characterStyle)).Concat(paragraphChain.Styles))
        {
            var props = style.Element(_w.RPr);
            if (props is null)
            {
                continue;
            }

            bold ??= _w.OnOff(props, _w.B);
            italic ??= _w.OnOff(props, _w.I);
            caps ??= _w.OnOff(props, _w.Caps);
            hidden ??= _w.OnOff(props, _w.Vanish);
            if (!fontDecided)
            {
                font = FontName(props.Element(_w.RFonts), out var themed);
                fontDecided = font is not null || themed;
            }
        }

        bold ??= _w.OnOff(_defaultRun, _w.B);
        italic ??= _w.OnOff(_defaultRun, _w.I);
        caps ??= _w.OnOff(_defaultRun, _w.Caps);
        if (!fontDecided)
        {
            font = FontName(_defaultRun?.Element(_w.RFonts), out _);
        }

        return new InheritedRunFormat(bold ?? false, italic ?? false, caps ?? false, hidden ?? false, font);
    }

    private List<XElement> Chain(XElement? start)
    {
        var chain = new List<XElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var style = start; style is not null && chain.Count < MaxChain; style = Find(_w.ChildVal(style, _w.BasedOn)))
        {
            if (!seen.Add(style.Attribute(_w.StyleId)?.Value ?? string.Empty))
            {
                break;
            }

            chain.Add(style);
        }

        return chain;
    }

    /// <summary>The Latin font of a run. Theme fonts (Calibri, Cambria...) are never legacy fonts, so they count as "no font".</summary>
    private string? FontName(XElement? fonts, out bool themed)
    {
        themed = fonts?.Attribute(_w.AsciiTheme) is not null;
        return themed ? null : fonts?.Attribute(_w.Ascii)?.Value ?? fonts?.Attribute(_w.HAnsi)?.Value;
    }

    private readonly record struct InheritedRunFormat(bool Bold, bool Italic, bool Caps, bool Hidden, string? Font);
}

/// <summary>
/// A paragraph style and its basedOn ancestors, nearest first, with the paragraph properties the
/// reader needs already resolved along the chain (the nearest style that sets one wins).
/// </summary>
internal sealed class StyleChain
{
    public StyleChain(List<XElement> styles, WordNames w)
    {
        Styles = styles;
        foreach (var style in styles)
        {
            var properties = style.Element(w.PPr);
            var numbering = properties?.Element(w.NumPr);
            NumId ??= w.ChildInt(numbering, w.NumId);
            NumberingLevel ??= w.ChildInt(numbering, w.Ilvl);
            Justification ??= w.ChildVal(properties, w.Jc);
            LeftIndent ??= DocxStyles.IndentOf(properties, w);
            OutlineLevel ??= w.ChildInt(properties, w.OutlineLvl) ?? BuiltInHeadingOutline(w.ChildVal(style, w.Name));
        }
    }

    public List<XElement> Styles { get; }

    /// <summary>Outline level (0-based) from the nearest style that has one or is a built-in heading.</summary>
    public int? OutlineLevel { get; }

    public int? NumId { get; }

    public int? NumberingLevel { get; }

    public string? Justification { get; }

    public int? LeftIndent { get; }

    /// <summary>Word's built-in "heading 1".."heading 9" and "Title" styles carry their level in their name.</summary>
    private static int? BuiltInHeadingOutline(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) &&
            int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 9)
        {
            return n - 1;
        }

        return name.Equals("Title", StringComparison.OrdinalIgnoreCase) ? 0 : null;
    }
}

/// <summary>Effective formatting of a run.</summary>
internal readonly record struct RunFormat(bool Bold, bool Italic, bool Caps, bool Hidden, string? Font);
