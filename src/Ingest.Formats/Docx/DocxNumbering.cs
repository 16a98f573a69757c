using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;

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

    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<int, int?[]> _counters = [];
    private readonly DocxStyles _styles;

    public DocxNumbering(Numbering? numbering, DocxStyles styles)
    {
        _styles = styles;
        if (numbering is null)
        {
            return;
        }

        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is int id)
            {
                _instances.TryAdd(id, instance);
            }
        }

        foreach (var abstractNum in numbering.Elements<AbstractNum>())
        {
            if (abstractNum.AbstractNumberId?.Value is int id)
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
            var restart = LevelOf(numId, deeper)?.LevelRestart?.Val?.Value;
            if (restart is null || (restart.Value != 0 && level < restart.Value))
            {
                counters[deeper] = null;
            }
        }

        var format = definition.NumberingFormat?.Val;
        var template = definition.LevelText?.Val?.Value ?? string.Empty;
        string label;
        if (format is not null && format.Value == NumberFormatValues.Bullet)
        {
            label = BulletMarker(template);
        }
        else
        {
            var legal = definition.IsLegalNumberingStyle is { } lgl && (lgl.Val is null || lgl.Val.Value);
            label = Expand(template, numId, counters, legal);
        }

        if (label.Length == 0)
        {
            return string.Empty;
        }

        var suffix = definition.LevelSuffix?.Val;
        return suffix is not null && suffix.Value == LevelSuffixValues.Nothing ? label : label + " ";
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
                var referencedFormat = LevelOf(numId, referenced)?.NumberingFormat?.Val?.Value;
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

    private static string Format(int value, NumberFormatValues? format)
    {
        if (format is null || format.Value == NumberFormatValues.Decimal)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var f = format.Value;
        if (f == NumberFormatValues.None)
        {
            return string.Empty;
        }

        if (f == NumberFormatValues.DecimalZero)
        {
            return value is >= 0 and < 10 ? "0" + value.ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
        }

        if (value >= 1 && f == NumberFormatValues.UpperRoman)
        {
            return ListLabels.Roman(value);
        }

        if (value >= 1 && f == NumberFormatValues.LowerRoman)
        {
            return ListLabels.Roman(value).ToLowerInvariant();
        }

        if (value >= 1 && f == NumberFormatValues.UpperLetter)
        {
            return ListLabels.Letters(value, 'A');
        }

        if (value >= 1 && f == NumberFormatValues.LowerLetter)
        {
            return ListLabels.Letters(value, 'a');
        }

        // Ordinal, cardinal text and the East Asian formats do not occur in Vietnamese party
        // documents; the number itself is the closest readable label.
        return value.ToString(CultureInfo.InvariantCulture);
    }

    private int StartOf(int numId, int level)
    {
        if (_instances.TryGetValue(numId, out var instance))
        {
            foreach (var levelOverride in instance.Elements<LevelOverride>())
            {
                if (levelOverride.LevelIndex?.Value == level)
                {
                    var start = levelOverride.StartOverrideNumberingValue?.Val?.Value ?? levelOverride.Level?.StartNumberingValue?.Val?.Value;
                    if (start is not null)
                    {
                        return start.Value;
                    }
                }
            }
        }

        // The schema default for w:start is 0 (17.9.26), and Word honours it.
        return LevelOf(numId, level)?.StartNumberingValue?.Val?.Value ?? 0;
    }

    private Level? LevelOf(int numId, int level)
    {
        if (!_instances.TryGetValue(numId, out var instance))
        {
            return null;
        }

        foreach (var levelOverride in instance.Elements<LevelOverride>())
        {
            if (levelOverride.LevelIndex?.Value == level && levelOverride.Level is { } overridden)
            {
                return overridden;
            }
        }

        var abstractNum = ResolveAbstract(instance.AbstractNumId?.Val?.Value);
        return abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
    }

    /// <summary>
    /// An abstract definition with numStyleLink takes its levels from the definition that the
    /// linked numbering style points to (17.9.27); one hop is all Word writes, two are allowed.
    /// </summary>
    private AbstractNum? ResolveAbstract(int? abstractId)
    {
        for (var hop = 0; hop < 3 && abstractId is not null; hop++)
        {
            if (!_abstracts.TryGetValue(abstractId.Value, out var abstractNum))
            {
                return null;
            }

            var link = abstractNum.NumberingStyleLink?.Val?.Value;
            if (link is null || abstractNum.Elements<Level>().Any())
            {
                return abstractNum;
            }

            var linkedNumId = _styles.Find(link)?.StyleParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;
            abstractId = linkedNumId is not null && _instances.TryGetValue(linkedNumId.Value, out var linked)
                ? linked.AbstractNumId?.Val?.Value
                : null;
        }

        return null;
    }
}
