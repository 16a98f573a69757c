using System.Runtime.InteropServices;
using System.Text;

namespace Ingest.Vietnamese;

/// <summary>
/// Decoders (and, for tests and tools, encoders) for the pre-Unicode Vietnamese encodings still
/// found in archives: TCVN3/ABC (.VnTime fonts), VNI-Windows (VNI-Times fonts), VISCII and
/// Windows-1258. Output is always NFC. Pure and thread-safe.
/// </summary>
/// <remarks>
/// Text in a legacy font reaches us in two ways: as bytes of a plain-text file, or as the
/// Windows-1252/Latin-1 characters a word processor stored for those bytes ("misread" text). Both
/// go through the same byte tables; <see cref="TryGetByte"/> turns a misread character back into its byte.
/// </remarks>
internal static class LegacyCodec
{
    // TCVN 5712:1993. The lower-case letters and Ă Â Ê Ô Ơ Ư Đ (0xA1-0xFE) are TCVN3 ("ABC", VN3), the
    // set .VnTime fonts draw; the capitals in the gaps (0xAF, 0xBA, 0xBF-0xC5 ...) and the combining
    // tones at 0xB0-0xB4 come from the full VN1 table (as glibc's TCVN5712-1). VN1's other capitals
    // sit in 0x80-0x9F and C0 controls, which TCVN3 documents use for Windows-1252 punctuation, so
    // those bytes keep their Windows-1252 meaning here. Capitals in TCVN3 are drawn by the ".VnTimeH"
    // fonts from the lower-case codes (see LegacyFonts).
    private const string Tcvn3High =
        "\u00A0ĂÂÊÔƠƯĐăâêôơưđẰ" + // A0-AF
        "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ" + // B0-BF
        "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ" + // C0-CF
        "éẹềểễếệìỉỄẾỒĩíịò" + // D0-DF
        "Ổỏõóọồổỗốộờởỡớợù" + // E0-EF
        "ỖủũúụừửữứựỳỷỹýỵỐ"; // F0-FF

    // VISCII (RFC 1456): all of 0x80-0xFF, plus six C0 controls reused for capitals.
    private const string VisciiHigh =
        "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐ" + // 80-8F
        "ỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ" + // 90-9F
        "Õắằặấầẩậẽẹếềểễệố" + // A0-AF
        "ồổỗỠƠộờởịỰỨỪỬơớƯ" + // B0-BF
        "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳ" + // C0-CF
        "ĐứÒÓÔạỷừửÙÚỹỵÝỡư" + // D0-DF
        "àáâãảăữẫèéêẻìíĩỉ" + // E0-EF
        "đựòóôõỏọụùúũủýợỮ"; // F0-FF

    private static readonly char[] Tcvn3Table = BuildTcvn3();
    private static readonly char[] VisciiTable = BuildViscii();
    private static readonly Dictionary<char, byte> Tcvn3Reverse = Reverse(Tcvn3Table);
    private static readonly Dictionary<char, byte> VisciiReverse = Reverse(VisciiTable);

    // VNI-Windows writes a letter as its base followed by one "mark" character: tones alone after
    // any vowel (á = a + ù), circumflex with a tone after a, e, o (ấ = a + á), breve with a tone after a
    // (ắ = a + é); ơ, ư, đ are ô, ö, ñ, and the tones of i and ỵ are single characters (í ì æ ó ò, î).
    private const string VniToneMarks = "\0øùûõï";
    private const string VniCircumflexMarks = "âàáåãä";
    private const string VniBreveMarks = "êèéúüë";
    private const string VniITones = "iìíæóò";

    private static readonly Dictionary<char, (VowelModifier Modifier, Tone Tone)> VniMarks = BuildVniMarks();

    /// <summary>The byte a misread character stood for: Latin-1 and C1 code points, Windows-1252 punctuation, and the U+F0xx range symbol fonts use.</summary>
    public static bool TryGetByte(char c, out byte value)
    {
        if (c < 0x100)
        {
            value = (byte)c;
            return true;
        }

        if (c is >= '\uF020' and <= '\uF0FF')
        {
            value = (byte)(c - 0xF000);
            return true;
        }

        value = c switch
        {
            '€' => 0x80, '‚' => 0x82, 'ƒ' => 0x83, '„' => 0x84, '…' => 0x85, '†' => 0x86, '‡' => 0x87, 'ˆ' => 0x88,
            '‰' => 0x89, 'Š' => 0x8A, '‹' => 0x8B, 'Œ' => 0x8C, 'Ž' => 0x8E, '‘' => 0x91, '’' => 0x92, '“' => 0x93,
            '”' => 0x94, '•' => 0x95, '–' => 0x96, '—' => 0x97, '˜' => 0x98, '™' => 0x99, 'š' => 0x9A, '›' => 0x9B,
            'œ' => 0x9C, 'ž' => 0x9E, 'Ÿ' => 0x9F,
            _ => 0,
        };
        return value != 0;
    }

    /// <summary>Decodes the bytes of a file in <paramref name="encoding"/> (a legacy encoding or Windows-1252) to NFC text.</summary>
    public static string DecodeBytes(ReadOnlySpan<byte> bytes, SourceEncoding encoding)
    {
        var text = encoding switch
        {
            SourceEncoding.Tcvn3 => MapBytes(bytes, Tcvn3Table),
            SourceEncoding.Viscii => MapBytes(bytes, VisciiTable),
            SourceEncoding.Vni => ComposeVni(CodePages.Windows1252.GetString(bytes)),
            SourceEncoding.Windows1258 => CodePages.Windows1258.GetString(bytes),
            SourceEncoding.Windows1252 => CodePages.Windows1252.GetString(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a single-byte encoding."),
        };
        return VietnameseText.Nfc(text);
    }

    /// <summary>
    /// Decodes text whose characters are the Windows-1252/Latin-1 reading of legacy bytes (a .VnTime
    /// run, a mis-decoded file). Characters that cannot have come from a byte are kept as they are.
    /// </summary>
    public static string DecodeMisread(string text, SourceEncoding encoding)
    {
        var builder = new StringBuilder(text.Length);
        var run = new List<byte>(Math.Min(text.Length, 1024));
        foreach (var c in text)
        {
            if (TryGetByte(c, out var b))
            {
                run.Add(b);
                continue;
            }

            Flush();
            builder.Append(c);
        }

        Flush();
        return VietnameseText.Nfc(builder.ToString());

        void Flush()
        {
            if (run.Count > 0)
            {
                builder.Append(DecodeBytes(CollectionsMarshal.AsSpan(run), encoding));
                run.Clear();
            }
        }
    }

    /// <summary>Encodes NFC text in a legacy encoding; characters it cannot represent become '?'. For tests and tools.</summary>
    public static byte[] Encode(string text, SourceEncoding encoding)
    {
        var nfc = VietnameseText.Nfc(text);
        return encoding switch
        {
            SourceEncoding.Tcvn3 => EncodeWith(nfc, Tcvn3Reverse),
            SourceEncoding.Viscii => EncodeWith(nfc, VisciiReverse),
            SourceEncoding.Vni => CodePages.Windows1252.GetBytes(ToVniCharacters(nfc)),
            SourceEncoding.Windows1258 => CodePages.Windows1258.GetBytes(Decompose1258(nfc)),
            SourceEncoding.Windows1252 => CodePages.Windows1252.GetBytes(nfc),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Not a single-byte encoding."),
        };
    }

    private static string MapBytes(ReadOnlySpan<byte> bytes, char[] table)
    {
        return string.Create(bytes.Length, bytes.ToArray(), (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });
    }

    private static string ComposeVni(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (TryVniBase(c, out var baseLetter, out var baseModifier, out var upper)
                && i + 1 < text.Length
                && VniMarks.TryGetValue(text[i + 1], out var mark)
                && TryCombineVni(baseLetter, baseModifier, mark, out var modifier))
            {
                var composed = VietnameseLetters.Compose(baseLetter, modifier, mark.Tone, upper);
                if (composed != '\0')
                {
                    builder.Append(composed);
                    i++;
                    continue;
                }
            }

            builder.Append(VniSingle(c));
        }

        return builder.ToString();
    }

    private static bool TryVniBase(char c, out char baseLetter, out VowelModifier modifier, out bool upper)
    {
        modifier = VowelModifier.None;
        upper = char.IsUpper(c);
        switch (c)
        {
            case 'ô' or 'Ô':
                baseLetter = 'o';
                modifier = VowelModifier.Horn;
                return true;
            case 'ö' or 'Ö':
                baseLetter = 'u';
                modifier = VowelModifier.Horn;
                return true;
            case 'a' or 'e' or 'o' or 'u' or 'y' or 'A' or 'E' or 'O' or 'U' or 'Y':
                baseLetter = char.ToLowerInvariant(c);
                return true;
            default:
                baseLetter = '\0';
                return false;
        }
    }

    private static bool TryCombineVni(char baseLetter, VowelModifier baseModifier, (VowelModifier Modifier, Tone Tone) mark, out VowelModifier modifier)
    {
        modifier = baseModifier;
        if (mark.Modifier == VowelModifier.None)
        {
            return true;
        }

        // ơ and ư already carry their horn; only a tone may follow them.
        if (baseModifier != VowelModifier.None)
        {
            return false;
        }

        var allowed = mark.Modifier == VowelModifier.Breve ? baseLetter == 'a' : baseLetter is 'a' or 'e' or 'o';
        modifier = mark.Modifier;
        return allowed;
    }

    private static char VniSingle(char c) => c switch
    {
        'ô' => 'ơ', 'Ô' => 'Ơ', 'ö' => 'ư', 'Ö' => 'Ư', 'ñ' => 'đ', 'Ñ' => 'Đ', 'î' => 'ỵ', 'Î' => 'Ỵ',
        'æ' => 'ỉ', 'Æ' => 'Ỉ', 'ó' => 'ĩ', 'Ó' => 'Ĩ', 'ò' => 'ị', 'Ò' => 'Ị',
        _ => c,
    };

    private static string ToVniCharacters(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (!VietnameseLetters.TryDecode(c, out var letter) || (c < 0x80 && letter.Tone == Tone.None))
            {
                builder.Append(c);
                continue;
            }

            AppendVni(builder, letter);
        }

        return builder.ToString();
    }

    private static void AppendVni(StringBuilder builder, Letter letter)
    {
        var upper = letter.Upper;
        char Cased(char lower) => upper ? char.ToUpperInvariant(lower) : lower;

        if (letter.Base == 'đ')
        {
            builder.Append(Cased('ñ'));
            return;
        }

        if (letter.Base == 'i')
        {
            builder.Append(Cased(VniITones[(int)letter.Tone]));
            return;
        }

        if (letter.Base == 'y' && letter.Tone == Tone.DotBelow)
        {
            builder.Append(Cased('î'));
            return;
        }

        char? mark = letter.Modifier switch
        {
            VowelModifier.Circumflex => VniCircumflexMarks[(int)letter.Tone],
            VowelModifier.Breve => VniBreveMarks[(int)letter.Tone],
            _ => letter.Tone == Tone.None ? null : VniToneMarks[(int)letter.Tone],
        };
        var baseChar = letter.Modifier == VowelModifier.Horn ? (letter.Base == 'o' ? 'ô' : 'ö') : letter.Base;
        builder.Append(Cased(baseChar));
        if (mark is { } m)
        {
            builder.Append(Cased(m));
        }
    }

    private static string Decompose1258(string text)
    {
        // Windows-1258 has ă â ê ô ơ ư đ and a few precomposed Latin-1 letters; tones are combining bytes.
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (VietnameseLetters.TryDecode(c, out var letter) && letter.Tone != Tone.None)
            {
                builder.Append(VietnameseLetters.Compose(letter.Base, letter.Modifier, Tone.None, letter.Upper));
                builder.Append(VietnameseLetters.CombiningMark(letter.Tone));
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static byte[] EncodeWith(string text, Dictionary<char, byte> reverse)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            bytes[i] = c < 0x80 ? (byte)c : reverse.GetValueOrDefault(c, (byte)'?');
        }

        return bytes;
    }

    private static char[] BuildTcvn3()
    {
        var table = new char[256];
        for (var b = 0; b < 0x80; b++)
        {
            table[b] = (char)b;
        }

        var windows = CodePages.Windows1252.GetString(Enumerable.Range(0x80, 0x20).Select(b => (byte)b).ToArray());
        for (var b = 0x80; b < 0xA0; b++)
        {
            table[b] = windows[b - 0x80];
        }

        for (var b = 0xA0; b < 0x100; b++)
        {
            table[b] = Tcvn3High[b - 0xA0];
        }

        return table;
    }

    private static char[] BuildViscii()
    {
        var table = new char[256];
        for (var b = 0; b < 0x80; b++)
        {
            table[b] = (char)b;
        }

        table[0x02] = 'Ẳ';
        table[0x05] = 'Ẵ';
        table[0x06] = 'Ẫ';
        table[0x14] = 'Ỷ';
        table[0x19] = 'Ỹ';
        table[0x1E] = 'Ỵ';
        for (var b = 0x80; b < 0x100; b++)
        {
            table[b] = VisciiHigh[b - 0x80];
        }

        return table;
    }

    private static Dictionary<char, byte> Reverse(char[] table)
    {
        var reverse = new Dictionary<char, byte>();
        for (var b = 0x80; b < 0x100; b++)
        {
            reverse.TryAdd(table[b], (byte)b);
        }

        // VISCII's capitals in the C0 range.
        for (var b = 0; b < 0x20; b++)
        {
            if (table[b] != (char)b)
            {
                reverse.TryAdd(table[b], (byte)b);
            }
        }

        return reverse;
    }

    private static Dictionary<char, (VowelModifier, Tone)> BuildVniMarks()
    {
        var marks = new Dictionary<char, (VowelModifier, Tone)>();
        for (var tone = 0; tone < 6; tone++)
        {
            if (tone > 0)
            {
                Add(VniToneMarks[tone], VowelModifier.None, (Tone)tone);
            }

            Add(VniCircumflexMarks[tone], VowelModifier.Circumflex, (Tone)tone);
            Add(VniBreveMarks[tone], VowelModifier.Breve, (Tone)tone);
        }

        return marks;

        void Add(char lower, VowelModifier modifier, Tone tone)
        {
            marks[lower] = (modifier, tone);
            marks[char.ToUpperInvariant(lower)] = (modifier, tone);
        }
    }
}

/// <summary>The code pages .NET keeps in its code-pages provider, registered once.</summary>
internal static class CodePages
{
    static CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
        Windows1258 = Encoding.GetEncoding(1258);
    }

    /// <summary>Windows-1252 (Western), the code page word processors show legacy-font bytes in.</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>Windows-1258 (Vietnamese): base letters plus combining tone bytes.</summary>
    public static Encoding Windows1258 { get; }
}
