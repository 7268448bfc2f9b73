#!/usr/bin/env python3
"""Every message the programs can show is in the template and translated in every catalogue.

  check_catalogues.py XGETTEXT PO_DIR -- XGETTEXT_OPTIONS... -- SOURCES...

Fails (exit 1, one line per problem) when:
  - a message marked in the sources is not in po/steadypay.pot, or the template holds one the
    sources no longer have (run: cmake --build --preset dev --target steadypay-pot);
  - a catalogue in po/LINGUAS lacks a message, leaves it untranslated or fuzzy, or has fewer
    plural forms than its Plural-Forms header says;
  - a function or lambda takes a core::Message (an error's message, written as a literal at the
    call) but is not an xgettext keyword, so the literals given to it never reach the template;
  - a translation's numbered fields ({0}, {1}...) are not the message's: a field the message
    does not have would print nothing, a field left out loses a name or an amount (a message
    whose TRANSLATORS note says "use {n}" may leave out the others).
Only the standard library: the .po files are read here.
"""
import ast
import os
import re
import subprocess
import sys
import tempfile


def parse_po(path):
    """The entries of a .po file: dicts with msgid, msgid_plural, msgstr (list), flags, comments."""
    entries = []
    cur = None
    key = None

    def finish():
        if cur is not None and "msgid" in cur:
            entries.append(cur)

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            if line.startswith("#~"):
                finish()
                cur, key = None, None
                entries.append({"obsolete": True, "msgid": line})
                continue
            if line.startswith("#"):
                if cur is not None and cur["msgstr"]:
                    finish()
                    cur = None
                if cur is None:
                    cur = {"flags": set(), "comments": [], "msgstr": []}
                if line.startswith("#,"):
                    cur["flags"].update(x.strip() for x in line[2:].split(","))
                elif line.startswith("#."):
                    cur["comments"].append(line[2:].strip())
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
            if m:
                if m.group(1) == "msgid" and cur is not None and cur["msgstr"]:
                    finish()
                    cur = None
                if cur is None:
                    cur = {"flags": set(), "comments": [], "msgstr": []}
                key = m.group(1)
                value = ast.literal_eval(m.group(3))
                if key.startswith("msgstr"):
                    cur["msgstr"].append(value)
                    key = ("msgstr", len(cur["msgstr"]) - 1)
                else:
                    cur[key] = value
                continue
            if line.startswith('"') and cur is not None and key is not None:
                value = ast.literal_eval(line)
                if isinstance(key, tuple):
                    cur["msgstr"][key[1]] += value
                else:
                    cur[key] += value
                continue
            raise SystemExit(f"{path}: cannot read the line {line!r}")
    finish()
    return [e for e in entries if not e.get("obsolete")], [e for e in entries if e.get("obsolete")]


def ident(e):
    return (e.get("msgctxt"), e["msgid"], e.get("msgid_plural"))


def fields(text):
    return set(re.findall(r"\{(\d+)\}", text))


def nplurals(header):
    m = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(m.group(1)) if m else None


def message_takers(path):
    """(name, line) of each function or lambda in a source file with a Message parameter."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    found = []
    param = r"[^;{}()]*\b(?:core::)?Message\s+\w+"
    for m in re.finditer(r"\b(\w+)\s*=\s*\[[^\]]*\]\s*\(" + param, text):  # lambdas
        found.append((m.group(1), text.count("\n", 0, m.start()) + 1))
    for m in re.finditer(r"\b(\w+)\s*\(" + param, text):  # functions and constructors
        found.append((m.group(1), text.count("\n", 0, m.start()) + 1))
    return found


def main(argv):
    sep = [i for i, a in enumerate(argv) if a == "--"]
    if len(sep) != 2:
        raise SystemExit(__doc__)
    xgettext, po_dir = argv[1], argv[2]
    options = argv[sep[0] + 1 : sep[1]]
    sources = argv[sep[1] + 1 :]
    problems = []
    keywords = {o.split("=", 1)[1].split(":")[0] for o in options if o.startswith("--keyword=")}
    # Message itself (its constructors) and core/result.hpp's declarations are not calls.
    for path in sources:
        for name, line in message_takers(path):
            if name not in keywords and name != "Message":
                problems.append(f"{path}:{line}: {name}() takes a Message but is not an xgettext keyword "
                                "(add it to po/CMakeLists.txt, or take a core::Marked made with N_)")
    with tempfile.TemporaryDirectory() as tmp:
        fresh_path = os.path.join(tmp, "fresh.pot")
        subprocess.run([xgettext, *options, "--output=" + fresh_path, *sources], check=True)
        fresh, _ = parse_po(fresh_path)
    template, _ = parse_po(os.path.join(po_dir, "steadypay.pot"))
    fresh_ids = {ident(e): e for e in fresh if e["msgid"]}
    template_ids = {ident(e) for e in template if e["msgid"]}
    for i in sorted(set(fresh_ids) - template_ids, key=str):
        problems.append(f"po/steadypay.pot: lacks {i[1]!r} (run the steadypay-pot target)")
    for i in sorted(template_ids - set(fresh_ids), key=str):
        problems.append(f"po/steadypay.pot: holds {i[1]!r}, which no source has any more (run the steadypay-pot target)")

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for lang in languages:
        path = f"po/{lang}.po"
        entries, obsolete = parse_po(os.path.join(po_dir, f"{lang}.po"))
        header = next((e["msgstr"][0] for e in entries if e["msgid"] == ""), "")
        n = nplurals(header)
        if n is None:
            problems.append(f"{path}: the header has no Plural-Forms")
        by_id = {ident(e): e for e in entries if e["msgid"]}
        for i, source in sorted(fresh_ids.items(), key=lambda kv: str(kv[0])):
            e = by_id.get(i)
            if e is None:
                problems.append(f"{path}: lacks {i[1]!r}")
                continue
            if "fuzzy" in e["flags"]:
                problems.append(f"{path}: {i[1]!r} is fuzzy")
            if not e["msgstr"] or any(not s for s in e["msgstr"]):
                problems.append(f"{path}: {i[1]!r} is not translated")
                continue
            if i[2] is not None and n is not None and len(e["msgstr"]) != n:
                problems.append(f"{path}: {i[1]!r} has {len(e['msgstr'])} plural forms, the header says {n}")
            want = fields(i[1]) | fields(i[2] or "")
            # A note "use {2}" offers the translation a field the English message does not show.
            notes = " ".join(source.get("comments", []))
            offered = set(re.findall(r"\{(\d+)\}", notes)) if "use {" in notes else set()
            may_drop = bool(offered)
            for form, s in enumerate(e["msgstr"]):
                got = fields(s)
                if got - want - offered:
                    problems.append(f"{path}: {i[1]!r} form {form} has fields the message lacks: {sorted(got - want - offered)}")
                # A plural form may say its number in words ("يوم واحد"): it may leave out one
                # field; other messages keep every field.
                missing = want - got
                allowed = 1 if i[2] is not None else 0
                if len(missing) > allowed and not may_drop:
                    problems.append(f"{path}: {i[1]!r} leaves out {sorted(missing)}")
        for i in sorted(set(by_id) - set(fresh_ids), key=str):
            problems.append(f"{path}: holds {i[1]!r}, which no source has any more (msgmerge it)")
        if obsolete:
            problems.append(f"{path}: {len(obsolete)} obsolete lines (#~): remove them")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problems in the catalogues")
        return 1
    print(f"{len(fresh_ids)} messages, translated in {', '.join(languages)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
