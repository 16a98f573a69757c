using Ingest.Model;
using Ingest.Structure.Header;
using Ingest.Structure.Text;

namespace Ingest.Structure.Segmentation;

/// <summary>
/// Links the documents of one file: a copy notice forwards the document it copies (the one before
/// it, else the one after), a cover letter forwards the document that follows it (gold 004: the
/// letter's own subject may name another number), and an unnumbered document that the previous one
/// issues ("QUYẾT ĐỊNH ban hành Quy trình ..." followed by "QUY TRÌNH") is attached to it (real 01).
/// </summary>
internal static class DocumentLinks
{
    public static void Link(List<StructuredDocument> documents)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            if (IsCopyNotice(document))
            {
                var copied = Previous(documents, i, d => !IsCopyNotice(d) && !IsCoverLetter(documents, d)) ?? Next(documents, i, d => !IsCopyNotice(d));
                documents[i] = document with { Forwards = copied?.Number };
                continue;
            }

            if (IsCoverLetter(documents, document))
            {
                var forwarded = Next(documents, i, d => !IsCopyNotice(d));
                documents[i] = document with { Forwards = forwarded?.Number };
                continue;
            }

            if (i > 0 && document.Number is null && document.AttachedTo is null && IssuedBy(documents[i - 1], document))
            {
                document = document with { AttachedTo = documents[i - 1].Number };
            }

            if (document.AttachedTo is not null && document.Issuer is null)
            {
                var parent = documents.Take(i).LastOrDefault(d => d.Number == document.AttachedTo) ?? (i > 0 ? documents[i - 1] : null);
                document = document with { Issuer = parent?.Issuer };
            }

            documents[i] = document;
        }
    }

    private static bool IsCopyNotice(StructuredDocument document) => DocumentKind.FromName(document.Kind)?.IsCopyNotice == true;

    /// <summary>A letter with no numbered body of its own, followed by another document in the same file.</summary>
    private static bool IsCoverLetter(List<StructuredDocument> documents, StructuredDocument document)
    {
        var index = documents.IndexOf(document);
        return document.Kind == DocumentKind.Letter && document.Sections.Count == 0
            && index >= 0 && Next(documents, index, d => !IsCopyNotice(d)) is not null;
    }

    /// <summary>True when <paramref name="parent"/> has a number and its subject says it issues a document of the child's kind.</summary>
    private static bool IssuedBy(StructuredDocument parent, StructuredDocument child)
    {
        if (parent.Number is null || parent.Title is null)
        {
            return false;
        }

        var title = TextShape.Fold(parent.Title);
        return TextShape.ContainsWords(title, "ban hanh " + TextShape.Fold(child.Kind));
    }

    private static StructuredDocument? Previous(List<StructuredDocument> documents, int index, Func<StructuredDocument, bool> accept)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            if (accept(documents[j]))
            {
                return documents[j];
            }
        }

        return null;
    }

    private static StructuredDocument? Next(List<StructuredDocument> documents, int index, Func<StructuredDocument, bool> accept)
    {
        for (var j = index + 1; j < documents.Count; j++)
        {
            if (accept(documents[j]))
            {
                return documents[j];
            }
        }

        return null;
    }
}
