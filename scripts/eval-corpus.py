#!/usr/bin/env python3
"""Scores morgue's extraction against a make_corpus.py truth file: the pages of a generated WARC
are imported into a scratch index, each article is read back with `morgue show --json`, and its
title, authors, publication day and body words are compared with the truth (a third evaluation
beside the dev sets: other templates, old dates, Usenet and wire texts).

    scripts/eval-corpus.py WARC TRUTH.jsonl.gz [--morgue target/release/morgue] [--limit N]
"""
import argparse, collections, gzip, json, re, subprocess, sys, tempfile

WORD = re.compile(r"\w+")


def words(s):
    return collections.Counter(WORD.findall((s or "").lower()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("warc")
    ap.add_argument("truth")
    ap.add_argument("--morgue", default="target/release/morgue")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N truth records")
    ap.add_argument("--misses", type=int, default=3, help="examples of misses printed per field")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as index:
        subprocess.run([a.morgue, "--index", index, "import", a.warc], check=True,
                       stdout=subprocess.DEVNULL)
        n, right, f1s = 0, collections.Counter(), []
        f1s_by_template = collections.defaultdict(list)
        misses = collections.defaultdict(list)
        for line in gzip.open(a.truth, "rt"):
            t = json.loads(line)
            if a.limit and n >= a.limit:
                break
            shown = subprocess.run([a.morgue, "--index", index, "show", t["url"], "--json"],
                                   capture_output=True, text=True)
            n += 1
            if shown.returncode != 0:
                misses["not indexed"].append(t["url"])
                continue
            p = json.loads(shown.stdout)
            day = (t.get("published_local") or t.get("published") or "")[:10]
            checks = {
                "title": (p["title"] == t["title"], t["title"], p["title"]),
                "authors": (sorted(p["authors"] or []) == sorted(t["authors"] or []),
                            t["authors"], p["authors"]),
                "published": ((p["published"] or "")[:10] == day, day, p["published"]),
            }
            for field, (ok, want, got) in checks.items():
                right[field] += ok
                if not ok:
                    misses[field].append((t.get("template"), want, got))
            got, want = words(p["text"]), words(t["body"])
            common = sum((got & want).values())
            prec, rec = common / max(1, sum(got.values())), common / max(1, sum(want.values()))
            f1 = 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec)
            f1s.append(f1)
            f1s_by_template[t.get("template")].append(f1)
    if n == 0:
        sys.exit("eval-corpus: no truth records read")
    print(f"pages {n}  title {right['title'] / n:.3f}  authors {right['authors'] / n:.3f}  "
          f"published {right['published'] / n:.3f}  body word F1 {sum(f1s) / max(1, len(f1s)):.3f}")
    print("  body word F1 by template: " + ", ".join(
        f"{name} {sum(v) / len(v):.3f} ({len(v)})" for name, v in sorted(f1s_by_template.items())))
    for field, items in misses.items():
        by_template = collections.Counter(m[0] if isinstance(m, tuple) else "-" for m in items)
        print(f"  {field}: {len(items)} misses {dict(by_template)}")
        for m in items[: a.misses]:
            print("     ", m)


if __name__ == "__main__":
    main()
