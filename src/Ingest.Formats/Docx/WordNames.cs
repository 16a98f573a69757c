using System.Globalization;
using System.Xml.Linq;

namespace Ingest.Formats.Docx;

/// <summary>
/// The WordprocessingML element and attribute names the reader looks at, in one namespace:
/// transitional (what Word writes by default) or strict (ISO/IEC 29500 strict, "Save as Strict
/// Open XML"), which uses the same local names under another namespace URI.
/// </summary>
internal sealed class WordNames
{
    public const string TransitionalNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public const string StrictNamespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

    private const string MarkupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    public static readonly WordNames Transitional = new(TransitionalNamespace);

    public static readonly WordNames Strict = new(StrictNamespace);

    private WordNames(string namespaceUri)
    {
        XNamespace w = namespaceUri;
        XNamespace mc = MarkupCompatibilityNamespace;
        Val = w + "val";
        Body = w + "body";
        P = w + "p";
        PPr = w + "pPr";
        PStyle = w + "pStyle";
        NumPr = w + "numPr";
        Ilvl = w + "ilvl";
        NumId = w + "numId";
        OutlineLvl = w + "outlineLvl";
        Jc = w + "jc";
        Ind = w + "ind";
        Left = w + "left";
        IndStart = w + "start";
        R = w + "r";
        RPr = w + "rPr";
        RStyle = w + "rStyle";
        B = w + "b";
        I = w + "i";
        Caps = w + "caps";
        Vanish = w + "vanish";
        RFonts = w + "rFonts";
        Ascii = w + "ascii";
        HAnsi = w + "hAnsi";
        AsciiTheme = w + "asciiTheme";
        T = w + "t";
        Tab = w + "tab";
        PTab = w + "ptab";
        Br = w + "br";
        Cr = w + "cr";
        NoBreakHyphen = w + "noBreakHyphen";
        Sym = w + "sym";
        Char = w + "char";
        FldChar = w + "fldChar";
        FldCharType = w + "fldCharType";
        FootnoteReference = w + "footnoteReference";
        EndnoteReference = w + "endnoteReference";
        Id = w + "id";
        Type = w + "type";
        Drawing = w + "drawing";
        Pict = w + "pict";
        Object = w + "object";
        Del = w + "del";
        MoveFrom = w + "moveFrom";
        Tbl = w + "tbl";
        Tr = w + "tr";
        Tc = w + "tc";
        TcPr = w + "tcPr";
        VMerge = w + "vMerge";
        Sdt = w + "sdt";
        SdtContent = w + "sdtContent";
        CustomXml = w + "customXml";
        TxbxContent = w + "txbxContent";
        Style = w + "style";
        StyleId = w + "styleId";
        Default = w + "default";
        Name = w + "name";
        BasedOn = w + "basedOn";
        DocDefaults = w + "docDefaults";
        RPrDefault = w + "rPrDefault";
        Num = w + "num";
        AbstractNum = w + "abstractNum";
        AbstractNumId = w + "abstractNumId";
        NumStyleLink = w + "numStyleLink";
        Lvl = w + "lvl";
        LvlOverride = w + "lvlOverride";
        StartOverride = w + "startOverride";
        Start = w + "start";
        NumFmt = w + "numFmt";
        LvlText = w + "lvlText";
        LvlRestart = w + "lvlRestart";
        IsLgl = w + "isLgl";
        Suff = w + "suff";
        Footnote = w + "footnote";
        Endnote = w + "endnote";
        AlternateContent = mc + "AlternateContent";
    }

    public XName Val { get; }

    public XName Body { get; }

    public XName P { get; }

    public XName PPr { get; }

    public XName PStyle { get; }

    public XName NumPr { get; }

    public XName Ilvl { get; }

    public XName NumId { get; }

    public XName OutlineLvl { get; }

    public XName Jc { get; }

    public XName Ind { get; }

    public XName Left { get; }

    /// <summary>w:start, the bidi-neutral name of w:left on w:ind (the same local name as w:start of a numbering level).</summary>
    public XName IndStart { get; }

    public XName R { get; }

    public XName RPr { get; }

    public XName RStyle { get; }

    public XName B { get; }

    public XName I { get; }

    public XName Caps { get; }

    public XName Vanish { get; }

    public XName RFonts { get; }

    public XName Ascii { get; }

    public XName HAnsi { get; }

    public XName AsciiTheme { get; }

    public XName T { get; }

    public XName Tab { get; }

    public XName PTab { get; }

    public XName Br { get; }

    public XName Cr { get; }

    public XName NoBreakHyphen { get; }

    public XName Sym { get; }

    public XName Char { get; }

    public XName FldChar { get; }

    public XName FldCharType { get; }

    public XName FootnoteReference { get; }

    public XName EndnoteReference { get; }

    public XName Id { get; }

    public XName Type { get; }

    public XName Drawing { get; }

    public XName Pict { get; }

    public XName Object { get; }

    public XName Del { get; }

    public XName MoveFrom { get; }

    public XName Tbl { get; }

    public XName Tr { get; }

    public XName Tc { get; }

    public XName TcPr { get; }

    public XName VMerge { get; }

    public XName Sdt { get; }

    public XName SdtContent { get; }

    public XName CustomXml { get; }

    public XName TxbxContent { get; }

    public XName Style { get; }

    public XName StyleId { get; }

    public XName Default { get; }

    public XName Name { get; }

    public XName BasedOn { get; }

    public XName DocDefaults { get; }

    public XName RPrDefault { get; }

    public XName Num { get; }

    public XName AbstractNum { get; }

    public XName AbstractNumId { get; }

    public XName NumStyleLink { get; }

    public XName Lvl { get; }

    public XName LvlOverride { get; }

    public XName StartOverride { get; }

    public XName Start { get; }

    public XName NumFmt { get; }

    public XName LvlText { get; }

    public XName LvlRestart { get; }

    public XName IsLgl { get; }

    public XName Suff { get; }

    public XName Footnote { get; }

    public XName Endnote { get; }

    public XName AlternateContent { get; }

    /// <summary>The names of the namespace <paramref name="root"/> is in; transitional for anything else.</summary>
    public static WordNames For(XElement root) =>
        root.Name.NamespaceName == StrictNamespace ? Strict : Transitional;

    /// <summary>The w:val attribute of the child named <paramref name="child"/>; null when either is missing.</summary>
    public string? ChildVal(XElement? parent, XName child) => parent?.Element(child)?.Attribute(Val)?.Value;

    /// <summary>The w:val of a child as an integer; null when missing or not a number.</summary>
    public int? ChildInt(XElement? parent, XName child) => ParseInt(ChildVal(parent, child));

    /// <summary>
    /// An on/off property (w:b, w:i, w:vanish...): null when absent; a bare element is on;
    /// "0", "false" and "off" turn it off (ECMA-376 Part 1, 22.9.2.7 ST_OnOff).
    /// </summary>
    public bool? OnOff(XElement? parent, XName child)
    {
        var element = parent?.Element(child);
        if (element is null)
        {
            return null;
        }

        var value = element.Attribute(Val)?.Value;
        return value is null || !(value is "0" or "false" or "off");
    }

    public static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
}
