#!/usr/bin/env python3
"""Derives syllable-counts.tsv from clean Vietnamese text shipped in Debian packages.

Usage:
    apt-get download libreoffice-help-vi libreoffice-l10n-vi firefox-esr-l10n-vi thunderbird-l10n-vi
    python3 derive-syllable-counts.py *.deb > syllable-counts.tsv

Only MPL-2.0 sources are read (see README.md). A syllable is counted when its lower-case form, with
the tone mark moved to the first vowel of an open "oa", "oe", "uy" rhyme, is in vi_VN.dic. Bigrams
are counted only between syllables separated by white space inside one phrase (punctuation and line
ends break phrases). Repeated lines (menu labels, boilerplate) are counted once, so that software
strings do not outweigh prose. Lines that are mostly untranslated English are skipped.
"""
import html
import os
import re
import struct
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
SPLIT_PHRASES = re.compile(r"[^\w \t]|_|\d")
WORD = re.compile(r"[^\W\d_]+")


def canonical(word):
    """Lower case, tone on the first vowel of an open oa/oe/uy rhyme (the C# loader re-checks this)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tone = next((c for c in nfd if c in TONES), None)
    if tone is None:
        return unicodedata.normalize("NFC", nfd)
    bare = "".join(c for c in nfd if c not in TONES)
    letters = unicodedata.normalize("NFC", bare)
    for rhyme in ("oa", "oe", "uy"):
        if letters.endswith(rhyme) and not letters.endswith("q" + rhyme) and not re.search(r"[aeiouyăâêôơư]" + rhyme + "$", letters):
            head = letters[: len(letters) - 2]
            return unicodedata.normalize("NFC", head + rhyme[0] + tone + rhyme[1])
    return unicodedata.normalize("NFC", nfd)


def mo_strings(data):
    order = "<" if struct.unpack("<I", data[:4])[0] == 0x950412DE else ">"
    count, _, translated = struct.unpack(order + "III", data[8:20])
    for i in range(count):
        length, offset = struct.unpack(order + "II", data[translated + 8 * i: translated + 8 * i + 8])
        yield data[offset: offset + length].decode("utf-8", "replace")


def texts(root):
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".html") and "/help/vi/" in path:
                page = open(path, encoding="utf-8", errors="replace").read()
                page = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", "", page)
                yield html.unescape(re.sub(r"<[^>]+>", "\n", page))
            elif name.endswith(".mo") and "/vi/" in path:
                yield from mo_strings(open(path, "rb").read())
            elif name.endswith(".xpi"):
                with zipfile.ZipFile(path) as archive:
                    for member in sorted(archive.namelist()):
                        if member.endswith((".ftl", ".properties", ".dtd")):
                            yield archive.read(member).decode("utf-8", "replace")


def main(debs):
    lexicon = set()
    with open(os.path.join(HERE, "vi_VN.dic"), encoding="utf-8") as dic:
        next(dic)
        for line in dic:
            if line.strip():
                lexicon.add(canonical(line.strip()))
    unigrams, bigrams, seen = Counter(), Counter(), set()
    with tempfile.TemporaryDirectory() as root:
        for deb in debs:
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        for text in texts(root):
            for line in unicodedata.normalize("NFC", text).split("\n"):
                if line in seen:
                    continue
                seen.add(line)
                for phrase in SPLIT_PHRASES.split(line):
                    words = phrase.split()
                    if not words:
                        continue
                    accented = sum(1 for w in words if any(ord(c) > 127 for c in w))
                    if len(words) >= 2 and accented * 3 < len(words):
                        continue
                    keys = [canonical(w) if WORD.fullmatch(w) else None for w in words]
                    keys = [k if k in lexicon else None for k in keys]
                    unigrams.update(k for k in keys if k)
                    bigrams.update((a, b) for a, b in zip(keys, keys[1:]) if a and b)
    out = sys.stdout
    out.write("# Syllable unigram and bigram counts; see README.md for sources and licence.\n")
    out.write("# Format: <syllable>\\t<count> or <syllable> <syllable>\\t<count>.\n")
    for word, count in sorted(unigrams.items()):
        out.write(f"{word}\t{count}\n")
    for (first, second), count in sorted(bigrams.items()):
        out.write(f"{first} {second}\t{count}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
