#!/usr/bin/env python3
"""Writes the committed word samples data/words/<language>.txt from the Debian word lists.

Chapter 03 trains character-level models on words and asks which language a word comes from, so each
sample must be clean letters only and each word must have exactly one language. For each of the seven
lists this script keeps the lines made only of letters (str.isalpha), lowercases them, keeps lengths 2 to
20 and drops duplicates; then it drops every word found in more than one list (after lowercasing, "die"
is German and English, "pain" French and English: no label would be right), and draws 4,000 words per
language with a fixed seed, written sorted, one per line, UTF-8.

Python 3 standard library only. Deterministic: the lists are sorted before sampling, so the output does
not depend on set order or on PYTHONHASHSEED.

    python3 tools/make_word_samples.py            # reads /usr/share/dict, writes data/words
    python3 tools/make_word_samples.py --dict-dir D --out-dir O --per-language N --seed S
"""

import argparse
import pathlib
import random
import sys

# language -> (file under /usr/share/dict, Debian package); the same table as lib/Course/Datasets/WordLists.cs.
LISTS = {
    "english": ("american-english", "wamerican"),
    "german": ("ngerman", "wngerman"),
    "french": ("french", "wfrench"),
    "italian": ("italian", "witalian"),
    "spanish": ("spanish", "wspanish"),
    "dutch": ("dutch", "wdutch"),
    "polish": ("polish", "wpolish"),
}

MIN_LENGTH, MAX_LENGTH = 2, 20


def clean_words(path):
    """The distinct lowercased all-letter words of 2 to 20 characters in one list."""
    words = set()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            word = line.strip()
            if not word.isalpha():
                continue
            word = word.lower()
            # Lowercasing can add a combining mark ("İ" -> "i" + U+0307): check the result again.
            if word.isalpha() and MIN_LENGTH <= len(word) <= MAX_LENGTH:
                words.add(word)
    return words


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dict-dir", default="/usr/share/dict")
    parser.add_argument("--out-dir", default=str(pathlib.Path(__file__).resolve().parent.parent / "data" / "words"))
    parser.add_argument("--per-language", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    cleaned = {}
    for language, (file_name, package) in LISTS.items():
        path = pathlib.Path(args.dict_dir) / file_name
        if not path.is_file():
            sys.exit(f"make_word_samples: {path} not found; install it with `sudo apt-get install {package}`.")
        cleaned[language] = clean_words(path)

    seen_in = {}
    for words in cleaned.values():
        for word in words:
            seen_in[word] = seen_in.get(word, 0) + 1
    shared = {word for word, count in seen_in.items() if count > 1}

    out_dir = pathlib.Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    print(f"{len(shared)} distinct words occur in more than one list and were removed from all of them.")
    print(f"{'language':<10}{'clean':>10}{'shared':>10}{'unique':>10}{'written':>9}")
    for language, words in cleaned.items():
        unique = sorted(words - shared)
        if len(unique) < args.per_language:
            sys.exit(f"make_word_samples: {language} has only {len(unique)} words of its own, fewer than {args.per_language}.")
        sample = sorted(rng.sample(unique, args.per_language))
        (out_dir / f"{language}.txt").write_text("".join(word + "\n" for word in sample), encoding="utf-8")
        print(f"{language:<10}{len(words):>10}{len(words & shared):>10}{len(unique):>10}{len(sample):>9}")


if __name__ == "__main__":
    main()
