using Ingest.Vietnamese;

namespace Ingest.Extract.Bodies;

/// <summary>Where a phrase stands, which decides how ambiguous heads are read.</summary>
internal enum PhrasePosition
{
    /// <summary>First body of a list.</summary>
    ListStart,

    /// <summary>After a comma or "và" inside a list.</summary>
    ListContinuation,

    /// <summary>After "cơ quan," whose modifiers are shared: "tổ chức" is a noun here.</summary>
    AfterIncomplete,

    /// <summary>The bodies a person noun governs ("bí thư các tỉnh ủy").</summary>
    Complement,
}

/// <summary>
/// Reads lists of responsible bodies from tokens: the gazetteer first, then head words with their
/// modifiers (Data/body-grammar.tsv). Coordinated lists are split into conjuncts at commas and
/// "và", except where the gold conventions keep them together: inside gazetteer names
/// ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"), after a bare "cơ quan"
/// ("các cơ quan, tổ chức có liên quan"), between coordinated classifiers ("cơ quan tham mưu,
/// giúp việc") and under a governing person noun ("bí thư các tỉnh ủy, thành ủy, ...").
/// Stateless and thread-safe.
/// </summary>
internal sealed class BodyListParser
{
    private static readonly Lazy<BodyListParser> LazyDefault = new(() => new BodyListParser(BodyGazetteer.Default, BodyGrammar.Default));

    private readonly BodyGazetteer _gazetteer;
    private readonly BodyGrammar _grammar;

    public BodyListParser(BodyGazetteer gazetteer, BodyGrammar grammar)
    {
        _gazetteer = gazetteer;
        _grammar = grammar;
    }

    /// <summary>The parser over the shipped gazetteer and grammar.</summary>
    public static BodyListParser Default => LazyDefault.Value;

    /// <summary>
    /// The list of bodies starting at <paramref name="index"/>; empty when no body starts there.
    /// A list whose first body is distributive ("từng cơ quan") is empty: it refers back.
    /// </summary>
    /// <param name="tokens">Tokens of the text.</param>
    /// <param name="index">Where the list should start.</param>
    /// <param name="semicolonSeparates">Also split at ';' (headings list groups of bodies that way).</param>
    public BodyList ParseList(IReadOnlyList<TextToken> tokens, int index, bool semicolonSeparates = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = ParsePhrase(tokens, SkipDropPrefix(tokens, index), PhrasePosition.ListStart);
        if (first is null)
        {
            return BodyList.Empty(index);
        }

        var items = new List<BodyPhrase> { first };
        var current = first;
        var i = first.Next;
        while (i < tokens.Count)
        {
            var afterSeparator = SeparatorEnd(tokens, i, semicolonSeparates);
            if (afterSeparator < 0)
            {
                break;
            }

            var isComma = tokens[i].Is(",");
            var j = SkipDropPrefix(tokens, afterSeparator);
            if (current.Kind == BodyPhraseKind.Person)
            {
                // "bí thư các tỉnh ủy, thành ủy, đảng đoàn ... và lãnh đạo các cơ quan": the person
                // noun governs every body up to the next person noun.
                var governed = ParsePhrase(tokens, j, current.IsBareIncomplete && isComma ? PhrasePosition.AfterIncomplete : PhrasePosition.ListContinuation);
                if (governed is null)
                {
                    break;
                }

                if (governed.Kind == BodyPhraseKind.Person)
                {
                    items.Add(governed);
                    current = governed;
                }
                else
                {
                    current = current with
                    {
                        NameEnd = governed.NameEnd,
                        Next = governed.Next,
                        IsBareIncomplete = governed.IsBareIncomplete,
                        Corrections = [.. current.Corrections, .. governed.Corrections],
                    };
                    items[^1] = current;
                }

                i = governed.Next;
                continue;
            }

            if (current.IsBareIncomplete && isComma && ParsePhrase(tokens, j, PhrasePosition.AfterIncomplete) is { Kind: not BodyPhraseKind.Person } partner)
            {
                current = current with
                {
                    NameEnd = partner.NameEnd,
                    Next = partner.Next,
                    IsBareIncomplete = partner.IsBareIncomplete,
                    Corrections = [.. current.Corrections, .. partner.Corrections],
                };
                items[^1] = current;
                i = partner.Next;
                continue;
            }

            var next = ParsePhrase(tokens, j, PhrasePosition.ListContinuation);
            if (next is null)
            {
                break;
            }

            items.Add(next);
            current = next;
            i = next.Next;
        }

        return new BodyList(items, index, i);
    }

    /// <summary>One body at <paramref name="index"/>, or null. Distributive phrases give null.</summary>
    internal BodyPhrase? ParsePhrase(IReadOnlyList<TextToken> tokens, int index, PhrasePosition position)
    {
        if (index >= tokens.Count || !tokens[index].IsWord)
        {
            return null;
        }

        var i = index;
        var hasDeterminer = false;
        if (_grammar.Determiners.TryMatch(tokens, i, out var determiner, out var determinerLength))
        {
            if (determiner == DeterminerClass.Distributive)
            {
                return null;
            }

            hasDeterminer = true;
            i += determinerLength;
        }

        var headStart = i;
        TryGazetteer(tokens, i, out var entry, out var gazetteerLength, out var headCorrection);
        (int From, int To, string Name)? headWordCorrection = null;
        if (!_grammar.Heads.TryMatch(tokens, i, out var headClass, out var headLength)
            && _grammar.FoldedHeads.TryMatch(tokens, i, out var foldedHead, out headLength))
        {
            headClass = foldedHead.Class;
            headWordCorrection = (i, i + headLength, foldedHead.Spelling);
        }

        var headMatch = Math.Max(gazetteerLength, headLength);
        if (headMatch == 0 || IsNonBodyLonger(tokens, i, headMatch))
        {
            return null;
        }

        // Allocated only once a head is found: at most positions where a list is tried, none starts.
        var corrections = new List<(int From, int To, string Name)>();

        BodyPhraseKind kind;
        bool incomplete = false;
        if (gazetteerLength >= headLength)
        {
            kind = entry.IsGeneric ? BodyPhraseKind.Generic : BodyPhraseKind.Named;
            i += gazetteerLength;
            AddCorrection(corrections, headCorrection);
        }
        else
        {
            i += headLength;
            headCorrection = headWordCorrection;
            switch (headClass)
            {
                case HeadClass.Proper:
                    if (!StartsName(tokens, i))
                    {
                        return null;
                    }

                    kind = BodyPhraseKind.Proper;
                    break;
                case HeadClass.Weak:
                    // "tổ chức" is a verb at the start of most items ("Tổ chức hội nghị ...").
                    if (!hasDeterminer && position != PhrasePosition.AfterIncomplete && !ClassifierAt(tokens, i, HeadKey(tokens, headStart, i, headCorrection)))
                    {
                        return null;
                    }

                    kind = BodyPhraseKind.Generic;
                    incomplete = true;
                    break;
                case HeadClass.Incomplete:
                    kind = BodyPhraseKind.Generic;
                    incomplete = true;
                    break;
                case HeadClass.WeakPerson:
                    // "lãnh đạo" starts a predicate ("lãnh đạo, chỉ đạo ...") unless it continues a list
                    // and governs a body ("... và lãnh đạo các cơ quan, tổ chức").
                    if (position != PhrasePosition.ListContinuation || ParsePhrase(tokens, i, PhrasePosition.Complement) is null)
                    {
                        return null;
                    }

                    kind = BodyPhraseKind.Person;
                    break;
                case HeadClass.Person:
                    kind = BodyPhraseKind.Person;
                    break;
                default:
                    kind = BodyPhraseKind.Generic;
                    break;
            }
        }

        var headEnd = i;
        var headKey = HeadKey(tokens, headStart, headEnd, headCorrection);
        if (gazetteerLength < headLength)
        {
            AddCorrection(corrections, headCorrection);
        }

        var lowerFirst = hasDeterminer || (kind is BodyPhraseKind.Generic or BodyPhraseKind.Person && !(headEnd < tokens.Count && tokens[headEnd].IsCapitalized));

        var complementEnd = -1;
        if (kind == BodyPhraseKind.Person && ParsePhrase(tokens, i, PhrasePosition.Complement) is { } complement)
        {
            // "lãnh đạo các cơ quan, tổ chức": a bare complement pairs like a bare head.
            i = complement.NameEnd;
            complementEnd = complement.IsBareIncomplete ? i : -1;
            corrections.AddRange(complement.Corrections);
        }

        i = ExtendModifiers(tokens, i, headEnd, kind, headKey, corrections);
        var nameEnd = i;
        incomplete |= complementEnd >= 0 && nameEnd == complementEnd;
        var next = _grammar.Scopes.TryMatch(tokens, i, out _, out var scopeLength) ? i + scopeLength : i;
        var bare = kind == BodyPhraseKind.Person ? incomplete : incomplete && nameEnd == headEnd;
        return new BodyPhrase(index, headEnd, nameEnd, next, kind, bare, lowerFirst) { Corrections = corrections };
    }

    /// <summary>
    /// A gazetteer name at <paramref name="index"/>, as printed or, failing that, with diacritics
    /// ignored; a name found the second way comes with the correction of its printed words.
    /// </summary>
    private bool TryGazetteer(IReadOnlyList<TextToken> tokens, int index, out GazetteerEntry entry, out int length, out (int From, int To, string Name)? correction)
    {
        correction = null;
        if (_gazetteer.TryMatchAt(tokens, index, out entry, out length))
        {
            return true;
        }

        if (_gazetteer.TryMatchIgnoringDiacriticsAt(tokens, index, out entry, out var spelling, out length))
        {
            correction = (index, index + length, spelling);
            return true;
        }

        return false;
    }

    private static void AddCorrection(List<(int From, int To, string Name)> corrections, (int From, int To, string Name)? correction)
    {
        if (correction is { } value)
        {
            corrections.Add(value);
        }
    }

    private int ExtendModifiers(IReadOnlyList<TextToken> tokens, int i, int headEnd, BodyPhraseKind kind, string headKey, List<(int From, int To, string Name)> corrections)
    {
        // Classifiers ("tổ chức đảng", "cơ quan tham mưu") come right after a generic head; once a
        // relational modifier was read ("các cơ quan liên quan"), a following "tham mưu" is the verb.
        var classifierSlot = kind == BodyPhraseKind.Generic;
        var relationalSeen = false;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (kind != BodyPhraseKind.Named && !relationalSeen && token.IsWord
                && TryGazetteer(tokens, i, out _, out var nestedLength, out var nestedCorrection) && !IsNonBodyLonger(tokens, i, nestedLength))
            {
                // "Ban cán sự đảng Tòa án nhân dân tối cao", "ban tổ chức cấp ủy các cấp".
                AddCorrection(corrections, nestedCorrection);
                i += nestedLength;
                classifierSlot = false;
                continue;
            }

            if (token.IsCapitalized || (token.Kind == TokenKind.Number && i == headEnd))
            {
                i = CapitalizedRunEnd(tokens, i);
                classifierSlot = false;
                continue;
            }

            if (classifierSlot && TryClassifier(tokens, i, headKey, out var classifierLength))
            {
                i += classifierLength;
                continue;
            }

            if (classifierSlot && token.Is(",") && TryClassifier(tokens, i + 1, headKey, out classifierLength))
            {
                // "cơ quan tham mưu, giúp việc của Trung ương" is one body.
                i += 1 + classifierLength;
                continue;
            }

            if (_grammar.Relational.TryMatch(tokens, i, out _, out var relationalLength) && !IsNonBodyLonger(tokens, i, relationalLength))
            {
                i += relationalLength;
                classifierSlot = false;
                relationalSeen = true;
                continue;
            }

            if (_grammar.Prepositions.TryMatch(tokens, i, out _, out var prepositionLength)
                && i + prepositionLength < tokens.Count
                && (tokens[i + prepositionLength].IsCapitalized || _gazetteer.TryMatchAt(tokens, i + prepositionLength, out _, out _)))
            {
                // "thuộc Tỉnh ủy", "của Huyện ủy Thủ Thừa": a listed name or a capitalised one.
                var complementStart = i + prepositionLength;
                if (TryGazetteer(tokens, complementStart, out _, out var complementLength, out var complementCorrection))
                {
                    AddCorrection(corrections, complementCorrection);
                    i = complementStart + complementLength;
                }
                else
                {
                    i = CapitalizedRunEnd(tokens, complementStart);
                }

                classifierSlot = false;
                relationalSeen = true;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>
    /// The end of a capitalised name. Vietnamese capitalises only the first syllable of each
    /// word of a name ("Sở Tài nguyên và Môi trường", "Ban Tổ chức Huyện ủy"), so a capitalised
    /// syllable may take one lower-case syllable after it; two capitalised syllables ("Long An",
    /// "Công Thương"), a one-syllable word ("Đảng") or an abbreviation are complete, and the
    /// lower-case word after them starts the predicate.
    /// </summary>
    private int CapitalizedRunEnd(IReadOnlyList<TextToken> tokens, int i)
    {
        var expectSecondSyllable = false;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.IsCapitalized)
            {
                expectSecondSyllable = !expectSecondSyllable && !IsAbbreviation(tokens, i) && !_grammar.WholeCapitals.Contains(token.Key);
                i++;
                continue;
            }

            if (token.Kind == TokenKind.Number)
            {
                expectSecondSyllable = false;
                i++;
                continue;
            }

            if (_grammar.NameWords.TryMatch(tokens, i, out _, out var nameWordLength))
            {
                expectSecondSyllable = false;
                i += nameWordLength;
                continue;
            }

            if (expectSecondSyllable && token.IsWord && !IsFunctionWord(tokens, i))
            {
                expectSecondSyllable = false;
                i++;
                continue;
            }

            // "Sở Tài nguyên và Môi trường", "Lao động - Thương binh": a conjunction or dash inside a
            // name joins two capitalised words; before a head or a gazetteer name it starts a new body.
            if ((token.Key == "và" || token.Is("-")) && i + 1 < tokens.Count && tokens[i + 1].IsCapitalized
                && !StartsAnyBody(tokens, i + 1))
            {
                expectSecondSyllable = false;
                i++;
                continue;
            }

            break;
        }

        return i;
    }

    // Roman numerals ("khóa XIII") and abbreviations ("UBND") are whole words.
    private static bool IsAbbreviation(IReadOnlyList<TextToken> tokens, int index) => tokens[index].IsAllUpper;

    // A determiner, modifier or preposition after a capitalised word belongs to the phrase, not to the name.
    private bool IsFunctionWord(IReadOnlyList<TextToken> tokens, int index) =>
        tokens[index].Key is "và" or "của" or "ở" or "thuộc" or "với" or "về" or "trong" or "tại"
        || _grammar.Determiners.StartsAt(tokens, index)
        || _grammar.Relational.StartsAt(tokens, index)
        || _grammar.Scopes.StartsAt(tokens, index);

    private bool StartsAnyBody(IReadOnlyList<TextToken> tokens, int index) =>
        _gazetteer.TryMatchAt(tokens, index, out _, out _) || _grammar.Heads.StartsAt(tokens, index) || _grammar.Determiners.StartsAt(tokens, index);

    private static bool StartsName(IReadOnlyList<TextToken> tokens, int index) =>
        index < tokens.Count && (tokens[index].IsCapitalized || tokens[index].Kind == TokenKind.Number);

    private bool ClassifierAt(IReadOnlyList<TextToken> tokens, int index, string headKey) => TryClassifier(tokens, index, headKey, out _);

    private bool TryClassifier(IReadOnlyList<TextToken> tokens, int index, string headKey, out int length)
    {
        if (_grammar.Classifiers.TryMatch(tokens, index, out var heads, out length)
            && (heads is null || heads.Contains(headKey))
            && !IsNonBodyLonger(tokens, index, length)
            && !IsBodyLonger(tokens, index, length))
        {
            return true;
        }

        length = 0;
        return false;
    }

    // "thành ủy, đảng đoàn": the classifier "đảng" must not eat the head of the next body.
    private bool IsBodyLonger(IReadOnlyList<TextToken> tokens, int index, int matchLength) =>
        (_gazetteer.TryMatchAt(tokens, index, out _, out var named) && named > matchLength)
        || (_grammar.Heads.TryMatch(tokens, index, out _, out var head) && head > matchLength);

    private bool IsNonBodyLonger(IReadOnlyList<TextToken> tokens, int index, int matchLength) =>
        _grammar.NonBodies.TryMatch(tokens, index, out _, out var length) && length > matchLength;

    private int SkipDropPrefix(IReadOnlyList<TextToken> tokens, int index) =>
        _grammar.DropPrefixes.TryMatch(tokens, index, out _, out var length) ? index + length : index;

    private static int SeparatorEnd(IReadOnlyList<TextToken> tokens, int i, bool semicolonSeparates)
    {
        var token = tokens[i];
        if (token.Is(",") || (semicolonSeparates && token.Is(";")))
        {
            return i + 1 < tokens.Count && tokens[i + 1].Key == "và" ? i + 2 : i + 1;
        }

        return token.Key == "và" ? i + 1 : -1;
    }

    // A head that OCR misspelt ("tố chức") is known by its restored spelling.
    private static string HeadKey(IReadOnlyList<TextToken> tokens, int from, int to, (int From, int To, string Name)? correction)
    {
        if (correction is { } restored && restored.From == from && restored.To == to)
        {
            return VietnameseText.Key(restored.Name);
        }

        // Most heads are one word ("ban", "sở"), whose key is the token's own.
        if (to - from == 1)
        {
            return tokens[from].Key;
        }

        var keys = new string[to - from];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = tokens[from + k].Key;
        }

        return string.Join(' ', keys);
    }
}
