#!/usr/bin/env python3
"""Compares what Ingest reads from each rendition with what it reads from the seed.

    compare.py TEXT_DIR SEEDS_DIR RENDITIONS_DIR [--show N]

TEXT_DIR holds the outputs of rendition-text (NAME.EXT.txt, block kinds as "Kind: " prefixes).
The texts are compared word by word after dropping the block kinds and folding whitespace, so
line and paragraph breaks do not count; the figure is the characters of words only one side has
(deleted plus inserted), over the length of the seed's text. A second figure excuses moves:
words a change deletes in one place and inserts in another (a letterhead read column by column,
a footnote printed at the foot of the page) are not counted. --show prints the first N changes.
"""
from collections import Counter
import difflib
import pathlib
import re
import sys

KIND = re.compile(r"^(Heading|Paragraph|ListItem|Table|Footnote): ", re.M)


def words(path):
    text = KIND.sub("", path.read_text(encoding="utf-8"))
    return text.split()


def compare(seed_words, other_words):
    matcher = difflib.SequenceMatcher(None, seed_words, other_words, autojunk=False)
    changed = []
    deleted = inserted = 0
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        deleted += sum(len(w) + 1 for w in seed_words[a1:a2])
        inserted += sum(len(w) + 1 for w in other_words[b1:b2])
        changed.append((" ".join(seed_words[a1:a2]), " ".join(other_words[b1:b2])))
    total = sum(len(w) + 1 for w in seed_words)
    gone = Counter(w for old, _ in changed for w in old.split())
    came = Counter(w for _, new in changed for w in new.split())
    residue = sum((len(w) + 1) * n for w, n in ((gone - came) + (came - gone)).items())
    return (deleted + inserted) / max(total, 1), residue / max(total, 1), deleted, inserted, changed


def main():
    text_dir, seeds_dir, renditions_dir = map(pathlib.Path, sys.argv[1:4])
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    print(f"{'seed':24} {'rendition':10} {'seed chars':>10} {'deleted':>8} {'inserted':>8} {'differ':>8} {'no moves':>8}")
    for seed in sorted(seeds_dir.iterdir()):
        if seed.suffix not in (".txt", ".md"):
            continue
        seed_text = text_dir / (seed.name + ".txt")
        if not seed_text.exists():
            continue
        seed_words = words(seed_text)
        for kind, ext in (("docx", "docx"), ("pdf", "pdf"), ("html", "html"), ("scanned", "pdf")):
            other = text_dir / kind / (seed.stem + "." + ext + ".txt")
            if not other.exists():
                continue
            ratio, unmoved, deleted, inserted, changed = compare(seed_words, words(other))
            total = sum(len(w) + 1 for w in seed_words)
            print(f"{seed.stem:24} {kind:10} {total:10d} {deleted:8d} {inserted:8d} {ratio:8.2%} {unmoved:8.2%}")
            for old, new in changed[:show]:
                print(f"      - {old[:150]!r}\n      + {new[:150]!r}")


if __name__ == "__main__":
    main()
