namespace Ingest.Extract.Bodies;

/// <summary>What a <see cref="TextToken"/> is.</summary>
internal enum TokenKind
{
    /// <summary>A run of letters, possibly with inner digits, hyphens or slashes ("trị-xã", "đ/c").</summary>
    Word,

    /// <summary>A run starting with a digit ("35", "12/2021", "21-KL/TW").</summary>
    Number,

    /// <summary>One punctuation character; dashes are keyed "-", quotation marks '"'.</summary>
    Punctuation,

    /// <summary>A line break: paragraphs joined into one text are separated by it.</summary>
    LineBreak,
}

/// <summary>
/// One token of a text, with its position so that names can be cut from the text as printed.
/// </summary>
/// <param name="Start">Offset of the first character in the tokenised text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Key">Comparison key: canonical tones, lower case (VietnameseText.Key).</param>
/// <param name="Kind">What the token is.</param>
/// <param name="IsCapitalized">True for a word whose first letter is upper case.</param>
/// <param name="IsAllUpper">True for a word of two letters or more, all upper case ("UBND", "XIII").</param>
/// <param name="Folded">The key without diacritics (VietnameseText.Fold), for matching names that OCR misspelt.</param>
internal readonly record struct TextToken(int Start, int Length, string Key, TokenKind Kind, bool IsCapitalized, bool IsAllUpper = false, string? Folded = null)
{
    /// <summary>The key without diacritics; the key itself for punctuation.</summary>
    public string FoldedKey => Folded ?? Key;

    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True for words (not numbers or punctuation).</summary>
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>True when the token is exactly this punctuation key.</summary>
    public bool Is(string key) => Key == key;
}
