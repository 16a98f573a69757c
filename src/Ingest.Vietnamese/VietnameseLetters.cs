namespace Ingest.Vietnamese;

/// <summary>The five tone marks of Vietnamese ("dấu thanh"), plus the level tone (no mark).</summary>
internal enum Tone : byte
{
    /// <summary>Level tone, "thanh ngang": no mark.</summary>
    None = 0,

    /// <summary>"Huyền", grave accent.</summary>
    Grave = 1,

    /// <summary>"Sắc", acute accent.</summary>
    Acute = 2,

    /// <summary>"Hỏi", hook above.</summary>
    Hook = 3,

    /// <summary>"Ngã", tilde.</summary>
    Tilde = 4,

    /// <summary>"Nặng", dot below.</summary>
    DotBelow = 5,
}

/// <summary>The marks that make a distinct vowel letter: ă, â/ê/ô, ơ/ư.</summary>
internal enum VowelModifier : byte
{
    /// <summary>Plain a, e, i, o, u, y.</summary>
    None = 0,

    /// <summary>"Trăng": ă.</summary>
    Breve = 1,

    /// <summary>"Mũ": â, ê, ô.</summary>
    Circumflex = 2,

    /// <summary>"Râu": ơ, ư.</summary>
    Horn = 3,
}

/// <summary>A letter split into the parts that Vietnamese spelling combines.</summary>
/// <param name="Base">Lower-case ASCII letter, or 'đ' for d with stroke.</param>
/// <param name="Modifier">Vowel modifier (vowels only).</param>
/// <param name="Tone">Tone mark (vowels only).</param>
/// <param name="Upper">True for a capital letter.</param>
internal readonly record struct Letter(char Base, VowelModifier Modifier, Tone Tone, bool Upper)
{
    /// <summary>True for a, e, i, o, u, y with any marks.</summary>
    public bool IsVowel => Base is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>True when this is a real letter (the default value is not).</summary>
    public bool IsLetter => Base != '\0';
}

/// <summary>
/// The Vietnamese alphabet as a table: every precomposed letter and its parts, both ways. Built
/// from the alphabet itself rather than from <see cref="string.Normalize()"/>, so that it works in
/// globalization-invariant mode, where normalisation silently does nothing.
/// </summary>
internal static class VietnameseLetters
{
    // One row per vowel letter, its six tone forms in Tone order (none, huyền, sắc, hỏi, ngã, nặng).
    private static readonly string[] LowerRows =
    [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ];

    private static readonly string[] UpperRows =
    [
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ];

    private static readonly (char Base, VowelModifier Modifier)[] RowKeys =
    [
        ('a', VowelModifier.None), ('a', VowelModifier.Breve), ('a', VowelModifier.Circumflex),
        ('e', VowelModifier.None), ('e', VowelModifier.Circumflex), ('i', VowelModifier.None),
        ('o', VowelModifier.None), ('o', VowelModifier.Circumflex), ('o', VowelModifier.Horn),
        ('u', VowelModifier.None), ('u', VowelModifier.Horn), ('y', VowelModifier.None),
    ];

    // Every Vietnamese letter is below U+1F00 (the highest is ỹ, U+1EF9).
    private const int TableSize = 0x1F00;

    private static readonly Letter[] Table = BuildTable();

    /// <summary>The combining mark Unicode uses for a tone, or '\0' for the level tone.</summary>
    public static char CombiningMark(Tone tone) => tone switch
    {
        Tone.Grave => '\u0300',
        Tone.Acute => '\u0301',
        Tone.Hook => '\u0309',
        Tone.Tilde => '\u0303',
        Tone.DotBelow => '\u0323',
        _ => '\0',
    };

    /// <summary>The tone a combining mark stands for; U+0340/U+0341 are the deprecated tone-mark clones.</summary>
    public static Tone ToneOfMark(char mark) => mark switch
    {
        '\u0300' or '\u0340' => Tone.Grave,
        '\u0301' or '\u0341' => Tone.Acute,
        '\u0309' => Tone.Hook,
        '\u0303' => Tone.Tilde,
        '\u0323' => Tone.DotBelow,
        _ => Tone.None,
    };

    /// <summary>The vowel modifier a combining mark stands for.</summary>
    public static VowelModifier ModifierOfMark(char mark) => mark switch
    {
        '\u0306' => VowelModifier.Breve,
        '\u0302' => VowelModifier.Circumflex,
        '\u031B' => VowelModifier.Horn,
        _ => VowelModifier.None,
    };

    /// <summary>Splits a character into letter parts; false for anything that is not a Latin letter of the table.</summary>
    public static bool TryDecode(char c, out Letter letter)
    {
        letter = c < TableSize ? Table[c] : default;
        return letter.IsLetter;
    }

    /// <summary>The precomposed letter for the parts, or '\0' when Vietnamese has no such letter (e.g. e with breve).</summary>
    public static char Compose(char baseLetter, VowelModifier modifier, Tone tone, bool upper)
    {
        if (baseLetter == 'đ')
        {
            return upper ? 'Đ' : 'đ';
        }

        if (baseLetter is < 'a' or > 'z')
        {
            return '\0';
        }

        for (var row = 0; row < RowKeys.Length; row++)
        {
            if (RowKeys[row].Base == baseLetter && RowKeys[row].Modifier == modifier)
            {
                return (upper ? UpperRows : LowerRows)[row][(int)tone];
            }
        }

        // A consonant: no modifier or tone can sit on it.
        if (modifier != VowelModifier.None || tone != Tone.None)
        {
            return '\0';
        }

        return upper ? char.ToUpperInvariant(baseLetter) : baseLetter;
    }

    /// <summary>Composes <paramref name="letter"/> back into one character.</summary>
    public static char Compose(Letter letter) => Compose(letter.Base, letter.Modifier, letter.Tone, letter.Upper);

    /// <summary>The Vietnamese alphabet in one case: the 72 vowel forms (12 vowels × 6 tones), then đ and the other consonants.</summary>
    public static IEnumerable<char> Alphabet(bool upper)
    {
        foreach (var row in upper ? UpperRows : LowerRows)
        {
            foreach (var c in row)
            {
                yield return c;
            }
        }

        foreach (var c in "bcdđghklmnpqrstvx")
        {
            yield return upper ? (c == 'đ' ? 'Đ' : char.ToUpperInvariant(c)) : c;
        }
    }

    private static Letter[] BuildTable()
    {
        var table = new Letter[TableSize];
        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = new Letter(c, VowelModifier.None, Tone.None, Upper: false);
            table[char.ToUpperInvariant(c)] = new Letter(c, VowelModifier.None, Tone.None, Upper: true);
        }

        table['đ'] = new Letter('đ', VowelModifier.None, Tone.None, Upper: false);
        table['Đ'] = new Letter('đ', VowelModifier.None, Tone.None, Upper: true);
        for (var row = 0; row < RowKeys.Length; row++)
        {
            for (var tone = 0; tone < 6; tone++)
            {
                var (baseLetter, modifier) = RowKeys[row];
                table[LowerRows[row][tone]] = new Letter(baseLetter, modifier, (Tone)tone, Upper: false);
                table[UpperRows[row][tone]] = new Letter(baseLetter, modifier, (Tone)tone, Upper: true);
            }
        }

        return table;
    }
}
