using System.Text;

namespace Ingest.Vietnamese;

/// <summary>
/// Composes a vowel and the combining marks after it into one precomposed letter, whatever the order
/// of the marks: decomposed input (NFD, Windows-1258, VNI-style typing) often puts the tone before the
/// circumflex or breve, an order Unicode normalisation leaves uncomposed because both marks sit
/// above the letter (same combining class). Uses <see cref="VietnameseLetters"/>, so it also works
/// where the runtime cannot normalise.
/// </summary>
internal static class MarkComposer
{
    /// <summary>True when any combining diacritic (U+0300-U+036F) is left in <paramref name="text"/>.</summary>
    public static bool HasCombiningMarks(ReadOnlySpan<char> text)
    {
        return text.IndexOfAnyInRange('\u0300', '\u036F') >= 0;
    }

    /// <summary>True for the combining marks Vietnamese uses: five tones, breve, circumflex, horn.</summary>
    public static bool IsVietnameseMark(char c) =>
        VietnameseLetters.ToneOfMark(c) != Tone.None || VietnameseLetters.ModifierOfMark(c) != VowelModifier.None;

    /// <summary>Composes every vowel + marks sequence that names a Vietnamese letter; leaves other marks where they are.</summary>
    public static string Compose(string text)
    {
        if (!HasCombiningMarks(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (i + 1 < text.Length && IsVietnameseMark(text[i + 1]) && VietnameseLetters.TryDecode(c, out var letter) && letter.IsVowel)
            {
                var modifier = letter.Modifier;
                var tone = letter.Tone;
                var next = i + 1;
                while (next < text.Length && TryAddMark(text[next], ref modifier, ref tone))
                {
                    next++;
                }

                var composed = VietnameseLetters.Compose(letter.Base, modifier, tone, letter.Upper);
                if (composed != '\0')
                {
                    builder.Append(composed);
                    i = next;
                    continue;
                }
            }

            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }

    private static bool TryAddMark(char mark, ref VowelModifier modifier, ref Tone tone)
    {
        var markTone = VietnameseLetters.ToneOfMark(mark);
        if (markTone != Tone.None)
        {
            // A second, different tone cannot be merged: leave it visible rather than guess.
            if (tone != Tone.None && tone != markTone)
            {
                return false;
            }

            tone = markTone;
            return true;
        }

        var markModifier = VietnameseLetters.ModifierOfMark(mark);
        if (markModifier == VowelModifier.None || (modifier != VowelModifier.None && modifier != markModifier))
        {
            return false;
        }

        modifier = markModifier;
        return true;
    }
}
