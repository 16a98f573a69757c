using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Ingest.Formats.Docx;

/// <summary>
/// Turns Word auto-numbering (numbering.xml) back into the labels Word prints ("1.", "a)", "I.",
/// "2.1."), so later stages see the same text as in a PDF or a text export. Counters are kept per
/// numbering instance (numId) and level; a level restarts when a higher level is used, unless its
/// lvlRestart says otherwise (ECMA-376 Part 1, 17.9). One instance per document read: it is stateful.
/// </summary>
internal sealed class DocxNumbering
{
    private const int Levels = 9;

    private readonly WordNames _w;
    private readonly Dictionary<int, XElement> _instances = [];
    private readonly Dictionary<int, XElement> _abstracts = [];
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly Dictionary<(int NumId, int Level), XElement?> _levels = [];
    private readonly DocxStyles _styles;

    public DocxNumbering(XElement? numbering, DocxStyles styles, WordNames names)
    {
        _w = names;
        _styles = styles;
        if (numbering is null)
        {
            return;
        }

        foreach (var instance in numbering.Elements(_w.Num))
        {
            if (WordNames.ParseInt(instance.Attribute(_w.NumId)?.Value) is int id)
            {
                _instances.TryAdd(id, instance);
            }
        }

        foreach (var abstractNum in numbering.Elements(_w.AbstractNum))
        {
            if (WordNames.ParseInt(abstractNum.Attribute(_w.AbstractNumId)?.Value) is int id)
            {
                _abstracts.TryAdd(id, abstractNum);
            }
        }
    }

    /// <summary>
    /// Advances the counters for a paragraph numbered (numId, level) and returns its printed label
    /// followed by the separator Word puts after it (a space for tab or space, nothing for "nothing").
    /// Returns an empty string when the paragraph shows no label.
    /// </summary>
    public string NextLabel(int numId, int level)
    {
        var definition = LevelOf(numId, level);
        if (definition is null)
        {
            return string.Empty;
        }

        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = new int?[Levels];
            _counters[numId] = counters;
        }

        counters[level] = counters[level] is int current ? current + 1 : StartOf(numId, level);
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            // lvlRestart N: restart after a level numbered (1-based) N or higher; 0: never restart.
            var restart = _w.ChildInt(LevelOf(numId, deeper), _w.LvlRestart);
            if (restart is null || (restart.Value != 0 && level < restart.Value))
            {
                counters[deeper] = null;
            }
        }

        var format = _w.ChildVal(definition, _w.NumFmt);
        var template = _w.ChildVal(definition, _w.LvlText) ?? string.Empty;
        string label;
        if (format == "bullet")
        {
            label = BulletMarker(template);
        }
        else
        {
            var legal = _w.OnOff(definition, _w.IsLgl) ?? false;
            label = Expand(template, numId, counters, legal);
        }

        if (label.Length == 0)
        {
            return string.Empty;
        }

        return _w.ChildVal(definition, _w.Suff) == "nothing" ? label : label + " ";
    }

    private string Expand(string template, int numId, int?[] counters, bool legal)
    {
        var builder = new StringBuilder(template.Length + 8);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var referenced = template[i + 1] - '1';
                var value = counters[referenced] ?? StartOf(numId, referenced);
                var referencedFormat = _w.ChildVal(LevelOf(numId, referenced), _w.NumFmt);
                builder.Append(legal ? value.ToString(CultureInfo.InvariantCulture) : Format(value, referencedFormat));
                i++;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// Bullets print a glyph, often from Symbol or Wingdings at a private-use code point; later
    /// stages only need to know it is a bullet. "+" is kept because party documents use it as a
    /// distinct second-level marker; everything else becomes "-", the common dash bullet.
    /// </summary>
    private static string BulletMarker(string template) => template.Trim() == "+" ? "+" : "-";

    /// <summary>A counter value in an ST_NumberFormat (17.18.59) as Word prints it.</summary>
    private static string Format(int value, string? format)
    {
        var number = value.ToString(CultureInfo.InvariantCulture);
        return format switch
        {
            null or "decimal" => number,
            "none" => string.Empty,
            "decimalZero" => value is >= 0 and < 10 ? "0" + number : number,
            "upperRoman" when value >= 1 => ListLabels.Roman(value),
            "lowerRoman" when value >= 1 => ListLabels.Roman(value).ToLowerInvariant(),
            "upperLetter" when value >= 1 => ListLabels.Letters(value, 'A'),
            "lowerLetter" when value >= 1 => ListLabels.Letters(value, 'a'),

            // Ordinal, cardinal text and the East Asian formats do not occur in Vietnamese party
            // documents; the number itself is the closest readable label.
            _ => number,
        };
    }

    private int StartOf(int numId, int level)
    {
        if (_instances.TryGetValue(numId, out var instance))
        {
            foreach (var levelOverride in instance.Elements(_w.LvlOverride))
            {
                if (WordNames.ParseInt(levelOverride.Attribute(_w.Ilvl)?.Value) == level)
                {
                    var start = _w.ChildInt(levelOverride, _w.StartOverride) ?? _w.ChildInt(levelOverride.Element(_w.Lvl), _w.Start);
                    if (start is not null)
                    {
                        return start.Value;
                    }
                }
            }
        }

        // The schema default for w:start is 0 (17.9.26), and Word honours it.
        return _w.ChildInt(LevelOf(numId, level), _w.Start) ?? 0;
    }

    private XElement? LevelOf(int numId, int level)
    {
        if (!_levels.TryGetValue((numId, level), out var found))
        {
            found = FindLevel(numId, level);
            _levels[(numId, level)] = found;
        }

        return found;
    }

    private XElement? FindLevel(int numId, int level)
    {
        if (!_instances.TryGetValue(numId, out var instance))
        {
            return null;
        }

        foreach (var levelOverride in instance.Elements(_w.LvlOverride))
        {
            if (WordNames.ParseInt(levelOverride.Attribute(_w.Ilvl)?.Value) == level && levelOverride.Element(_w.Lvl) is { } overridden)
            {
                return overridden;
            }
        }

        var abstractNum = ResolveAbstract(_w.ChildInt(instance, _w.AbstractNumId));
        return abstractNum?.Elements(_w.Lvl).FirstOrDefault(l => WordNames.ParseInt(l.Attribute(_w.Ilvl)?.Value) == level);
    }

    /// <summary>
    /// An abstract definition with numStyleLink takes its levels from the definition that the
    /// linked numbering style points to (17.9.27); one hop is all Word writes, two are allowed.
    /// </summary>
    private XElement? ResolveAbstract(int? abstractId)
    {
        for (var hop = 0; hop < 3 && abstractId is not null; hop++)
        {
            if (!_abstracts.TryGetValue(abstractId.Value, out var abstractNum))
            {
                return null;
            }

            var link = _w.ChildVal(abstractNum, _w.NumStyleLink);
            if (link is null || abstractNum.Element(_w.Lvl) is not null)
            {
                return abstractNum;
            }

            var linkedNumId = _w.ChildInt(_styles.Find(link)?.Element(_w.PPr)?.Element(_w.NumPr), _w.NumId);
            abstractId = linkedNumId is not null && _instances.TryGetValue(linkedNumId.Value, out var linked)
                ? _w.ChildInt(linked, _w.AbstractNumId)
                : null;
        }

        return null;
    }
}
