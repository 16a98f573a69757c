using System.Buffers;
using System.Text;

namespace Ingest.Vietnamese;

/// <summary>One word changed by <see cref="DiacriticRepair"/>.</summary>
/// <param name="TextIndex">Index of the text in the document.</param>
/// <param name="Offset">UTF-16 offset of the word in that text.</param>
/// <param name="Printed">The word as it was.</param>
/// <param name="Repaired">The word as repaired (same length: only diacritics change).</param>
public sealed record DiacriticCorrection(int TextIndex, int Offset, string Printed, string Repaired);

/// <summary>The outcome of <see cref="DiacriticRepair.RepairDocument"/>.</summary>
/// <param name="Texts">The repaired texts, same count and order as the input.</param>
/// <param name="Corrections">Every change, in document order.</param>
public sealed record DiacriticRepairResult(IReadOnlyList<string> Texts, IReadOnlyList<DiacriticCorrection> Corrections)
{
    /// <summary>
    /// <see cref="TextQuality.Measure"/> of each repaired text, worked out from the words the repair
    /// has already looked up; null where it could not be (the text was changed, or holds combining
    /// marks that TextQuality counts as parts of words), which leaves measuring to the caller.
    /// </summary>
    public IReadOnlyList<TextQualityScore?> Quality { get; init; } = [];
}

/// <summary>
/// Repairs the diacritic slips OCR makes in Vietnamese ("Ket luận" → "Kết luận", "tố chức" → "tổ
/// chức", "phù họp" → "phù hợp") and nothing else: letters are never added, removed or replaced,
/// only tone marks, vowel modifiers and the stroke of đ. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>The model is a noisy channel with deliberately strict evidence, because a wrong "repair"
/// of correct text is worse than a missed slip:</para>
/// <list type="bullet">
/// <item>Candidates for a word are the attested syllables spelled with the same letters
/// (SyllableLexicon, from hunspell-vi), one diacritic feature away for a valid word, two for a word
/// that is not a syllable.</item>
/// <item>A word that is not a syllable ("Ket", "chuân") takes the candidate best supported by its
/// neighbours, then by frequency. Words without any diacritic and capitalised words need a neighbour
/// that attests the candidate, so foreign words and names are left alone.</item>
/// <item>A valid syllable is changed only when a neighbour forms a known collocation with the
/// candidate (Dice coefficient over clean-text counts plus this document's own counts) and the
/// printed pair never occurs in clean text; weak collocations also need the other neighbour's
/// support, and a change that would remove a printed mark (OCR adds marks more rarely than it drops
/// or confuses them) needs a strong collocation. Alternatively, the same three-word phrase printed
/// with the candidate elsewhere in the document is evidence.</item>
/// <item>Never touched: capitalised valid words (names: "Võ Văn Thường"), all-capital words
/// (acronyms, headings), words with inner capitals ("TTg"), and words attached to digits, '/', '-',
/// '@' or '_' (document numbers "03-KH/TW", dates "quý 1/2022", addresses).</item>
/// </list>
/// </remarks>
public static class DiacriticRepair
{
    // Thresholds, chosen so that no clean seed text changes; see the class remarks for their roles.
    private const int MinimumPairCount = 3;
    private const int MinimumRatio = 10;
    private const double MinimumDice = 0.05;
    private const double StrongDice = 0.2;
    private const int MaximumInvalidDistance = 2;

    // For each syllable, the syllables one diacritic feature away, and whether reaching them drops a printed mark.
    private static readonly Lazy<(int Candidate, bool RemovesMark)[][]> OneFeatureAway = new(BuildOneFeatureAway, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Repairs all <paramref name="texts"/> of one document together (the document's own repeated
    /// phrases are evidence). Texts should be NFC with white space collapsed, as the normaliser
    /// produces them; words are linked to their neighbours only across a single space.
    /// </summary>
    public static DiacriticRepairResult RepairDocument(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var lexicon = SyllableLexicon.Instance;

        // One rented buffer holds the words of every text: a document has hundreds of texts, and a
        // buffer each overflowed the pool, so most were allocated afresh (many on the large-object heap).
        var capacity = 0;
        foreach (var text in texts)
        {
            capacity += MaxWords(text);
        }

        var buffer = ArrayPool<Word>.Shared.Rent(Math.Max(1, capacity));
        DocumentStatistics? statistics = null;
        try
        {
            var words = new ArraySegment<Word>[texts.Count];
            var used = 0;
            for (var t = 0; t < texts.Count; t++)
            {
                words[t] = Tokenize(texts[t], lexicon, new ArraySegment<Word>(buffer, used, MaxWords(texts[t])));
                used += words[t].Count;
            }

            statistics = DocumentStatistics.Rent(used);
            foreach (var textWords in words)
            {
                statistics.Add(textWords, lexicon);
            }

            var corrections = new List<DiacriticCorrection>();
            var repaired = new string[texts.Count];
            var quality = new TextQualityScore?[texts.Count];
            for (var t = 0; t < texts.Count; t++)
            {
                repaired[t] = RepairText(t, texts[t], words[t], lexicon, statistics, corrections);
                quality[t] = ReferenceEquals(repaired[t], texts[t]) ? QualityOf(texts[t], words[t]) : null;
            }

            return new DiacriticRepairResult(repaired, corrections) { Quality = quality };
        }
        finally
        {
            ArrayPool<Word>.Shared.Return(buffer);
            if (statistics is not null)
            {
                DocumentStatistics.Return(statistics);
            }
        }
    }
    // TextQuality.Measure's count, from these words: its words are runs of letters and combining
    // marks, so without combining marks they are these words, looked up the same way.
    private static TextQualityScore? QualityOf(string text, ReadOnlySpan<Word> words)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u0300', '\u036F') >= 0)
        {
            return null;
        }

        var score = default(TextQualityScore);
        foreach (var word in words)
        {
            score += TextQuality.Score(text.AsSpan(word.Start, word.Length), word.Id >= 0);
        }

        return score;
    }

    // A word is at least one letter and the next starts after a non-letter: never more words than this.
    private static int MaxWords(string text) => text.Length == 0 ? 0 : (text.Length / 2) + 1;

    private static string RepairText(int textIndex, string text, ReadOnlySpan<Word> words, SyllableLexicon lexicon, DocumentStatistics statistics, List<DiacriticCorrection> corrections)
    {
        StringBuilder? builder = null;
        var copiedUpTo = 0;
        for (var k = 0; k < words.Length; k++)
        {
            var word = words[k];
            if (!word.Eligible)
            {
                continue;
            }

            var context = new Context(lexicon, statistics, word.Id, k > 0 && word.JoinedLeft ? words[k - 1].Id : -1, k + 1 < words.Length && words[k + 1].JoinedLeft ? words[k + 1].Id : -1);
            var printed = text.AsSpan(word.Start, word.Length);
            var replacement = word.Id >= 0
                ? (word.Capitalised ? -1 : BestForValid(context))
                : BestForInvalid(printed, word, context);
            if (replacement < 0)
            {
                continue;
            }

            var repairedWord = Render(printed, lexicon[replacement]);
            if (repairedWord.AsSpan().SequenceEqual(printed))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copiedUpTo, word.Start - copiedUpTo).Append(repairedWord);
            copiedUpTo = word.Start + word.Length;
            corrections.Add(new DiacriticCorrection(textIndex, word.Start, printed.ToString(), repairedWord));
        }

        if (builder is null)
        {
            return text;
        }

        return builder.Append(text, copiedUpTo, text.Length - copiedUpTo).ToString();
    }

    private static int BestForValid(Context context)
    {
        var confusable = OneFeatureAway.Value[context.Id];
        if (confusable.Length == 0)
        {
            // No other syllable is one diacritic feature away: there is nothing to weigh.
            return -1;
        }

        var lexicon = context.Lexicon;

        // A collocation can only overturn a side where the printed pair never occurs in clean text
        // and the neighbour occurs often enough with other spellings of the word, and a phrase only
        // where the document has the same neighbours around another word: most words fail these
        // tests and cost nothing more.
        var leftOpen = context.Left >= 0 && lexicon.Bigram(context.Left, context.Id) == 0
            && context.OtherSpellingsUnattested(context.Left, neighbourOnLeft: true, MinimumPairCount) >= MinimumPairCount;
        var rightOpen = context.Right >= 0 && lexicon.Bigram(context.Id, context.Right) == 0
            && context.OtherSpellingsUnattested(context.Right, neighbourOnLeft: false, MinimumPairCount) >= MinimumPairCount;
        var phraseOpen = context.Left >= 0 && context.Right >= 0 && context.Statistics.HasOtherMiddle(context.Left, context.Id, context.Right);
        if (!(leftOpen || rightOpen || phraseOpen))
        {
            return -1;
        }

        var best = -1;
        long bestEvidence = 0;
        foreach (var (candidate, removesMark) in confusable)
        {
            var evidence = Math.Max(
                phraseOpen ? PhraseEvidence(context, candidate, removesMark) : 0,
                Math.Max(
                    leftOpen ? CollocationEvidence(context, candidate, leftSide: true, removesMark) : 0,
                    rightOpen ? CollocationEvidence(context, candidate, leftSide: false, removesMark) : 0));
            if (evidence > bestEvidence)
            {
                bestEvidence = evidence;
                best = candidate;
            }
        }

        return best;
    }

    private static long PhraseEvidence(Context context, int candidate, bool removesMark)
    {
        // The same three words printed elsewhere in the document with the candidate: "tạo sự
        // chuyển biến" three items after "tạo sự chuyến biến".
        if (context.Left < 0 || context.Right < 0 || removesMark)
        {
            return 0;
        }

        var withCandidate = context.Statistics.Trigram(context.Left, candidate, context.Right);
        var asPrinted = context.Statistics.Trigram(context.Left, context.Id, context.Right);
        var lexicon = context.Lexicon;
        var moreOften = withCandidate > asPrinted || (withCandidate == asPrinted && lexicon.Unigram(candidate) > lexicon.Unigram(context.Id));
        if (withCandidate < 1 || !moreOften)
        {
            return 0;
        }

        var cleanCandidate = lexicon.Bigram(context.Left, candidate) + lexicon.Bigram(candidate, context.Right);
        var cleanPrinted = lexicon.Bigram(context.Left, context.Id) + lexicon.Bigram(context.Id, context.Right);
        return cleanCandidate >= cleanPrinted ? long.MaxValue / 2 : 0;
    }

    private static long CollocationEvidence(Context context, int candidate, bool leftSide, bool removesMark)
    {
        var neighbour = leftSide ? context.Left : context.Right;
        var other = leftSide ? context.Right : context.Left;
        if (neighbour < 0)
        {
            return 0;
        }

        // The caller has checked that the printed pair never occurs in clean text.
        var withCandidate = context.Pair(neighbour, candidate, leftSide);
        if (withCandidate < MinimumPairCount || withCandidate < MinimumRatio * context.Pair(neighbour, context.Id, leftSide))
        {
            return 0;
        }

        var dice = 2.0 * withCandidate / (context.Unigram(neighbour) + context.Unigram(candidate));
        if (dice < MinimumDice || (removesMark && dice < StrongDice))
        {
            return 0;
        }

        if (other >= 0)
        {
            var otherWithCandidate = context.Pair(other, candidate, !leftSide);
            if ((dice < StrongDice || removesMark) && otherWithCandidate == 0)
            {
                return 0;
            }

            if (context.Pair(other, context.Id, !leftSide) > otherWithCandidate)
            {
                return 0;
            }
        }

        return withCandidate;
    }

    private static int BestForInvalid(ReadOnlySpan<char> printed, Word word, Context context)
    {
        var lexicon = context.Lexicon;
        Span<Letter> letters = stackalloc Letter[Syllables.MaxLength];
        if (!Syllables.TryParse(printed, letters, out _))
        {
            return -1;
        }

        Span<char> folded = stackalloc char[printed.Length];
        Fold(printed, folded);
        Span<char> lower = stackalloc char[printed.Length];
        printed.ToLowerInvariant(lower);
        var needsContext = word.AsciiOnly || word.Capitalised;
        var best = -1;
        (long Support, long Frequency, int Distance) bestKey = (-1, -1, int.MinValue);
        foreach (var candidate in lexicon.SameSpelling(folded))
        {
            var (distance, _) = Compare(lower, lexicon[candidate]);
            if (distance > MaximumInvalidDistance)
            {
                continue;
            }

            long support = 0;
            if (context.Left >= 0)
            {
                support += context.Pair(context.Left, candidate, neighbourOnLeft: true);
            }

            if (context.Right >= 0)
            {
                support += context.Pair(context.Right, candidate, neighbourOnLeft: false);
            }

            if (needsContext && support == 0)
            {
                continue;
            }

            var key = (support, (long)context.Unigram(candidate), -distance);
            if (key.CompareTo(bestKey) > 0)
            {
                bestKey = key;
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Diacritic features that differ (tone, each vowel modifier, d/đ), and whether the candidate lacks a mark the printed word has.</summary>
    internal static (int Distance, bool RemovesMark) Compare(ReadOnlySpan<char> printed, ReadOnlySpan<char> candidate)
    {
        if (printed.Length != candidate.Length)
        {
            return (int.MaxValue, false);
        }

        var distance = 0;
        var removesMark = false;
        Tone printedTone = Tone.None, candidateTone = Tone.None;
        for (var i = 0; i < printed.Length; i++)
        {
            if (!VietnameseLetters.TryDecode(printed[i], out var p) || !VietnameseLetters.TryDecode(candidate[i], out var c))
            {
                return (int.MaxValue, false);
            }

            printedTone = p.Tone == Tone.None ? printedTone : p.Tone;
            candidateTone = c.Tone == Tone.None ? candidateTone : c.Tone;
            if (p.Base != c.Base)
            {
                distance++;
                removesMark |= p.Base == 'đ';
            }
            else if (p.Modifier != c.Modifier)
            {
                distance++;
                removesMark |= c.Modifier == VowelModifier.None;
            }
        }

        if (printedTone != candidateTone)
        {
            distance++;
            removesMark |= candidateTone == Tone.None;
        }

        return (distance, removesMark);
    }

    private static string Render(ReadOnlySpan<char> printed, string candidate)
    {
        // Keep the printed capitals and, for "oa", "oe", "uy", the printed tone style.
        Span<Letter> letters = stackalloc Letter[Syllables.MaxLength];
        var style = Syllables.TryParse(printed, letters, out var parts)
            && parts.PrintedToneIndex == parts.VowelStart + 1
            && parts.VowelCount == 2
            && !parts.HasCoda
            ? ToneStyle.Classic
            : ToneStyle.Canonical;
        Span<char> shaped = stackalloc char[Syllables.MaxLength];
        var source = Syllables.TryShape(candidate, shaped, style, repairHorn: false, lowerCase: true)
            ? shaped[..candidate.Length]
            : candidate.AsSpan();
        return string.Create(source.Length, (source.ToString(), printed.ToString()), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsUpper(state.Item2[i]) ? char.ToUpperInvariant(state.Item1[i]) : state.Item1[i];
            }
        });
    }

    private static (int Candidate, bool RemovesMark)[][] BuildOneFeatureAway()
    {
        var lexicon = SyllableLexicon.Instance;
        var table = new (int, bool)[lexicon.Count][];
        for (var id = 0; id < lexicon.Count; id++)
        {
            var syllable = lexicon[id];
            var near = new List<(int, bool)>();
            foreach (var candidate in lexicon.SameSpelling(VietnameseText.Fold(syllable)))
            {
                var (distance, removesMark) = Compare(syllable, lexicon[candidate]);
                if (distance == 1)
                {
                    near.Add((candidate, removesMark));
                }
            }

            table[id] = [.. near];
        }

        return table;
    }

    private static void Fold(ReadOnlySpan<char> word, Span<char> folded)
    {
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = VietnameseText.FoldChar(word[i]);
        }
    }

    private static ArraySegment<Word> Tokenize(string text, SyllableLexicon lexicon, ArraySegment<Word> words)
    {
        var count = 0;
        var i = 0;
        var previousEnd = -1;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var span = text.AsSpan(start, i - start);
            var id = lexicon.TryGetId(span, out var found) ? found : -1;
            var joinedLeft = previousEnd >= 0 && start - previousEnd == 1 && text[previousEnd] == ' ';
            words[count++] = new Word(start, i - start, id, joinedLeft, IsEligible(text, start, i), char.IsUpper(span[0]), IsAscii(span));
            previousEnd = i;
        }

        return words[..count];
    }

    private static bool IsEligible(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length > Syllables.MaxLength)
        {
            return false;
        }

        for (var i = 1; i < word.Length; i++)
        {
            // Inner capitals: acronyms ("TW", "XIII"), all-capital headings, symbols ("TTg").
            if (char.IsUpper(word[i]))
            {
                return false;
            }
        }

        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (IsCodeJoiner(before) || IsCodeJoiner(after) || before == '.')
        {
            return false;
        }

        // "www.example" or "v.v": a dot with more text straight after it joins a code, not a sentence.
        return !(after == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]));
    }

    private static bool IsCodeJoiner(char c) => char.IsDigit(c) || c is '/' or '-' or '_' or '@' or '\\' or '&' or '=' or '#';

    private static bool IsAscii(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word of a text: a run of letters.</summary>
    /// <param name="Start">Offset in the text.</param>
    /// <param name="Length">Number of characters.</param>
    /// <param name="Id">Lexicon id, -1 when the word is not an attested syllable.</param>
    /// <param name="JoinedLeft">True when a single space separates it from the previous word, so the two form a phrase.</param>
    /// <param name="Eligible">False for words repair must not touch (acronyms, codes, dates).</param>
    /// <param name="Capitalised">First letter upper case: a name, or the start of a sentence.</param>
    /// <param name="AsciiOnly">No diacritic at all: possibly a foreign word.</param>
    private readonly record struct Word(int Start, int Length, int Id, bool JoinedLeft, bool Eligible, bool Capitalised, bool AsciiOnly);

    /// <summary>Counts of this document's own syllables, pairs and triples.</summary>
    private sealed class DocumentStatistics
    {
        // Sets of tables kept between documents and emptied for each: allocating and growing the
        // tables for every document cost more than counting in them. A shared pool rather than one
        // set per thread, so that a long run on many pool threads keeps only as many sets as
        // documents were repaired at once.
        private static readonly Stack<DocumentStatistics> Pool = new();

        private readonly PairCounts _bigrams = new();
        private readonly PairCounts _trigrams = new();

        // Occurrences of each (left, right) pair of neighbours, whatever word stands between them.
        private readonly PairCounts _surroundings = new();

        // Unigram counts by syllable id and by spelling group; a count is valid only where its
        // stamp is this document's.
        private int[] _unigrams = [];
        private int[] _unigramStamps = [];
        private int[] _groupUnigrams = [];
        private int[] _groupUnigramStamps = [];
        private int _stamp;

        /// <summary>
        /// A set of tables from the pool, emptied and sized for a document of <paramref name="words"/>
        /// words. A table gets at most one key a word, but long documents repeat their pairs: past a
        /// few thousand words the tables grow as keys arrive rather than being sized for the words.
        /// </summary>
        public static DocumentStatistics Rent(int words)
        {
            DocumentStatistics? statistics;
            lock (Pool)
            {
                Pool.TryPop(out statistics);
            }

            statistics ??= new DocumentStatistics();
            var capacity = Math.Min(words, 1 << 13);
            statistics._bigrams.Reset(capacity);
            statistics._trigrams.Reset(capacity);
            statistics._surroundings.Reset(capacity);
            var lexicon = SyllableLexicon.Instance;
            if (statistics._unigrams.Length != lexicon.Count || statistics._stamp == int.MaxValue)
            {
                statistics._unigrams = new int[lexicon.Count];
                statistics._unigramStamps = new int[lexicon.Count];
                statistics._groupUnigrams = new int[lexicon.GroupCount];
                statistics._groupUnigramStamps = new int[lexicon.GroupCount];
                statistics._stamp = 0;
            }

            statistics._stamp++;
            return statistics;
        }

        /// <summary>Gives a set of tables back to the pool once its document is repaired.</summary>
        public static void Return(DocumentStatistics statistics)
        {
            lock (Pool)
            {
                Pool.Push(statistics);
            }
        }

        public void Add(ReadOnlySpan<Word> words, SyllableLexicon lexicon)
        {
            for (var k = 0; k < words.Length; k++)
            {
                var id = words[k].Id;
                if (id < 0)
                {
                    continue;
                }

                if (_unigramStamps[id] != _stamp)
                {
                    _unigramStamps[id] = _stamp;
                    _unigrams[id] = 0;
                }

                _unigrams[id]++;
                var group = lexicon.SpellingGroup(id);
                if (_groupUnigramStamps[group] != _stamp)
                {
                    _groupUnigramStamps[group] = _stamp;
                    _groupUnigrams[group] = 0;
                }

                _groupUnigrams[group]++;
                var left = k > 0 && words[k].JoinedLeft ? words[k - 1].Id : -1;
                var right = k + 1 < words.Length && words[k + 1].JoinedLeft ? words[k + 1].Id : -1;
                if (right >= 0)
                {
                    _bigrams.Add(SyllableLexicon.PairKey(id, right));
                }

                if (left >= 0 && right >= 0)
                {
                    _trigrams.Add(TripleKey(left, id, right));
                    _surroundings.Add(SyllableLexicon.PairKey(left, right));
                }
            }
        }

        public int Unigram(int id) => _unigramStamps[id] == _stamp ? _unigrams[id] : 0;

        /// <summary>Occurrences of all spellings of spelling group <paramref name="group"/>.</summary>
        public int GroupUnigram(int group) => _groupUnigramStamps[group] == _stamp ? _groupUnigrams[group] : 0;

        public int Bigram(int first, int second) => _bigrams.Get(SyllableLexicon.PairKey(first, second));

        public int Trigram(int first, int second, int third) => _trigrams.Get(TripleKey(first, second, third));


        /// <summary>True when the document spells group <paramref name="group"/> some other way than as <paramref name="id"/>.</summary>
        public bool HasOtherSpellings(int group, int id) => GroupUnigram(group) > Unigram(id);

        /// <summary>True when some other word than <paramref name="middle"/> stands between these neighbours elsewhere in the document.</summary>
        public bool HasOtherMiddle(int left, int middle, int right) =>
            _surroundings.Get(SyllableLexicon.PairKey(left, right)) > Trigram(left, middle, right);

        // Syllable ids are far below 2^21, so three fit in one long.
        private static long TripleKey(int first, int second, int third) => ((long)first << 42) | ((long)second << 21) | (uint)third;
    }

    /// <summary>The word being judged, its neighbours, and counts seen from it.</summary>
    private readonly record struct Context(SyllableLexicon Lexicon, DocumentStatistics Statistics, int Id, int Left, int Right)
    {
        public long Unigram(int id) => Lexicon.Unigram(id) + Statistics.Unigram(id);

        /// <summary>
        /// How often <paramref name="neighbour"/> stands next to a differently marked spelling of
        /// the word (before it when <paramref name="neighbourOnLeft"/>), in clean text and the
        /// document, for a printed pair that clean text never has (so the clean count of the whole
        /// spelling group is all other spellings); counted until <paramref name="enough"/>.
        /// </summary>
        public long OtherSpellingsUnattested(int neighbour, bool neighbourOnLeft, int enough)
        {
            var group = Lexicon.SpellingGroup(Id);
            long count = neighbourOnLeft ? Lexicon.GroupAfter(neighbour, group) : Lexicon.GroupBefore(group, neighbour);
            if (!Statistics.HasOtherSpellings(group, Id))
            {
                return count;
            }

            foreach (var member in Lexicon.GroupMembers(group))
            {
                if (count >= enough)
                {
                    break;
                }

                // A spelling the document never uses is in none of its pairs: no lookup needed.
                if (member != Id && Statistics.Unigram(member) > 0)
                {
                    count += neighbourOnLeft ? Statistics.Bigram(neighbour, member) : Statistics.Bigram(member, neighbour);
                }
            }

            return count;
        }

        /// <summary>
        /// Clean-text plus document count of the pair (neighbour, word) — or (word, neighbour) when
        /// <paramref name="neighbourOnLeft"/> is false — leaving out the occurrence being judged.
        /// </summary>
        public long Pair(int neighbour, int word, bool neighbourOnLeft)
        {
            var (first, second) = neighbourOnLeft ? (neighbour, word) : (word, neighbour);
            var count = (long)Lexicon.Bigram(first, second) + Statistics.Bigram(first, second);
            var isSelf = word == Id && (neighbourOnLeft ? neighbour == Left : neighbour == Right);
            return isSelf ? Math.Max(0, count - 1) : count;
        }
    }
}
