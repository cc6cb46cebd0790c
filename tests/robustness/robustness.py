#!/usr/bin/env python3
"""The robustness corpus test: a case whose records/ holds the project's own generated hostile
inputs beside good records, run through the real `safesar gather`, `run` and `status`.

Fetches nothing. Checks: exit status 0; one clear line per bad record, naming it; every good
record exported; the parts not read listed as open items; nothing written under records/; no
temporary file left behind (a stale one from a "killed run" is removed).

    robustness.py --safesar BUILD/cli/safesar [--keep]
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import hostile

HERE = os.path.dirname(os.path.abspath(__file__))
DICTIONARIES = os.path.join(HERE, "..", "..", "dictionaries")
BINARY = os.path.join(HERE, "..", "data", "readers", "binary.txt")

# name -> generator; each good record must come out in the bundle.
GOOD = {
    "notes/session.txt": lambda p: open(p, "w").write(
        "Session note: the programme review went well.\nNext session in the spring.\n"),
    "notes/contacts.csv": lambda p: open(p, "w").write(
        "date,contact,note\n2026-03-02,phone,Session booked\n2026-03-09,visit,Attended\n"),
    "letters/letter.pdf": hostile.good_pdf,
    "letters/strings.pdf": hostile.pdf_text_strings,
    "letters/permissions-only.pdf": None,  # encrypted with an empty user password: readable
    "letters/huge-page.pdf": hostile.huge_page_pdf,
    "letters/shared-field.pdf": hostile.shared_field_pdf,
    "mail/booked.eml": hostile.good_mime,
    # Good records with a part that cannot be read: exported, and the part is an open item.
    "letters/missing-page.pdf": hostile.missing_page_pdf,
    "letters/shading.pdf": hostile.shading_pdf,
    "mail/deep.eml": hostile.deep_mime,
    "mail/many-parts.eml": hostile.many_parts_mime,
}
# A name that is not UTF-8 (Latin-1 "café"): read, shown with U+FFFD.
BAD_NAME = b"notes/caf\xe9-note.txt"
BAD_NAME_SHOWN = "notes/caf\ufffd-note.txt"

# name -> (generator, a word the error line must hold)
BAD = {
    "bad/truncated.pdf": (hostile.truncated_pdf, "PDF"),
    "bad/encrypted.pdf": (None, "encrypted"),
    "bad/bomb.pdf": (hostile.bomb_pdf, "decompress"),
    "bad/image-bomb.pdf": (hostile.image_bomb_pdf, "pixels"),
    "bad/many-pages.pdf": (hostile.many_pages_pdf, "pages"),
    "bad/binary.txt": (lambda p: shutil.copy(BINARY, p), "binary data"),
    "bad/empty.txt": (lambda p: open(p, "wb").close(), "empty"),
    "bad/fake.pdf": (lambda p: open(p, "wb").write(b"\x7fELF\x02\x01" + bytes(200)), "not a PDF"),
}
# name -> (link target, a word the line must hold)
BAD_LINKS = {
    "bad/loop-a": ("loop-b", "loops"),
    "bad/loop-b": ("loop-a", "loops"),
    "bad/outside": ("/etc/hostname", "leads out of"),
    "bad/dangling": ("no-such-file.txt", "does not exist"),
}
GOOD_LINK = ("notes/same-session.txt", "session.txt")  # inside records/: read once, as its target

# What `status` must list as open items (record, words).
OPEN_ITEMS = [
    ("mail/deep.eml", "nested more than 10 levels"),
    ("mail/many-parts.eml", "past the first 1000"),
    ("letters/missing-page.pdf", "page 2 (Poppler cannot open it)"),
]


def fail(message):
    print("robustness: FAILED: " + message, file=sys.stderr)
    sys.exit(1)


def make_case(root):
    case = os.path.join(root, "case")
    records = os.path.join(case, "records")
    for sub in ("notes", "letters", "mail", "bad"):
        os.makedirs(os.path.join(records, sub))
    with open(os.path.join(case, "request.json"), "w") as f:
        json.dump({"reference": "SAR-ROBUST-1", "received": "2026-03-02", "profile": "standard",
                   "subject": {"name": "Marcus Tindall", "phones": ["07700 900123"]},
                   "parties": [{"name": "Zoë Okafor", "role": "victim"}]}, f)
    plain = os.path.join(root, "plain.pdf")
    hostile.good_pdf(plain)
    for name, make in GOOD.items():
        if make:
            make(os.path.join(records, name))
    subprocess.run(["qpdf", "--encrypt", "", "owner-secret", "256", "--", plain,
                    os.path.join(records, "letters/permissions-only.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", plain,
                    os.path.join(records, "bad/encrypted.pdf")], check=True)
    for name, (make, _) in BAD.items():
        if make:
            make(os.path.join(records, name))
    with open(os.path.join(os.fsencode(records), BAD_NAME), "w") as f:
        f.write("A note about the programme, saved under a Latin-1 file name.\n")
    for name, (target, _) in BAD_LINKS.items():
        os.symlink(target, os.path.join(records, name))
    os.symlink(GOOD_LINK[1], os.path.join(records, GOOD_LINK[0]))
    return case


def snapshot(folder):
    """Every entry under `folder`: type, size, modification time and content hash."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(folder)):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            digest = ""
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            out[path] = (st.st_mode, st.st_size, st.st_mtime_ns, digest)
    return out


def temporaries(folder):
    found = []
    for dirpath, _, filenames in os.walk(folder):
        found += [os.path.join(dirpath, n) for n in filenames if ".tmp" in n]
    return found


def run(cmd, env):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                       timeout=1200)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--safesar", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    root = tempfile.mkdtemp(prefix="safesar-robustness-")
    try:
        check(args.safesar, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            print("work folder kept: " + root)
    print("robustness: all checks passed")


def check(safesar, root):
    case = make_case(root)
    records = os.path.join(case, "records")
    # Short page limits, so the shading page is given up in seconds, not a minute.
    dictionaries = os.path.join(root, "dictionaries")
    shutil.copytree(DICTIONARIES, dictionaries)
    settings = os.path.join(dictionaries, "controller-settings.json")
    with open(settings) as f:
        s = json.load(f)
    s["limits"]["page_seconds"] = 20
    s["limits"]["ocr_page_seconds"] = 30
    with open(settings, "w") as f:
        json.dump(s, f)
    env = dict(os.environ, SAFESAR_DICTIONARIES=dictionaries)
    before = snapshot(records)

    # gather: exit 0, one line per bad record naming it, every good record listed.
    status, out, err = run([safesar, "gather", case], env)
    if status != 0:
        fail("gather exited %d: %s" % (status, err.strip()[-2000:]))
    lines = out.splitlines()
    for name, (_, word) in list(BAD.items()) + list(BAD_LINKS.items()):
        mine = [l for l in lines if l.startswith(name + "  ")]
        if len(mine) != 1 or "ERROR:" not in mine[0] or word not in mine[0].split("ERROR:")[1]:
            fail("gather: expected one ERROR line for %s holding %r, got %r" % (name, word, mine))
        if len(mine[0]) > 400:
            fail("gather: the line for %s is %d characters long" % (name, len(mine[0])))
    listed = {l.split("  ")[0] for l in lines if "ERROR:" not in l and "LINK:" not in l}
    for name in list(GOOD) + [BAD_NAME_SHOWN]:
        if name not in listed:
            fail("gather: good record %s not listed:\n%s" % (name, out))
    link = [l for l in lines if l.startswith(GOOD_LINK[0] + "  ")]
    if len(link) != 1 or "LINK:" not in link[0] or "notes/session.txt" not in link[0]:
        fail("gather: the link %s should say where it leads: %r" % (GOOD_LINK[0], link))

    # run: a stale temporary file of a killed run is removed; every good record is exported.
    out_dir = os.path.join(root, "out")
    os.makedirs(out_dir)
    stale = os.path.join(out_dir, ".SAR-ROBUST-1.pdf.tmp-Ab12Cd")
    open(stale, "w").write("half a bundle from a killed run")
    status, out, err = run([safesar, "run", case, "--out", out_dir], env)
    if status != 0:
        fail("run exited %d: %s" % (status, err.strip()[-3000:]))
    if os.path.exists(stale):
        fail("run left the stale temporary file of a killed run")
    for name in BAD:
        mine = [l for l in err.splitlines() if l.strip().startswith("skipped " + name + ":")]
        if len(mine) != 1:
            fail("run: expected one 'skipped' line for %s, got %r" % (name, mine))
    with open(os.path.join(out_dir, "SAR-ROBUST-1.json")) as f:
        bundle = json.load(f)
    titles = {r["title"] for r in bundle["records"]}
    for name in list(GOOD) + [BAD_NAME_SHOWN]:
        if name not in titles:
            fail("run: good record %s is not in the bundle (records: %s)" % (name, sorted(titles)))
    for name, words in OPEN_ITEMS:
        if not any(name in l and words in l for l in err.splitlines()):
            fail("run: the summary does not list %s: %s" % (name, words))
    if not any("letters/shading.pdf" in l and "not shown" in l for l in err.splitlines()):
        fail("run: the page given up after its time limit is not reported:\n" + err)

    # The controller's schedule (never the bundle) lists the skipped records, the parts not
    # read and the page given up.
    schedules = [f for f in os.listdir(os.path.join(case, ".safesar"))
                 if f.endswith("NOT-FOR-DISCLOSURE.txt")]
    if len(schedules) != 1:
        fail("run: expected one controller's schedule, found %r" % schedules)
    with open(os.path.join(case, ".safesar", schedules[0]), encoding="utf-8") as f:
        schedule = f.read()
    for name in BAD:
        if "- " + name + ": " not in schedule:
            fail("schedule: the skipped record %s is not listed" % name)
    for name, words in OPEN_ITEMS:
        if not any(name in l and words in l for l in schedule.splitlines()):
            fail("schedule: no line for %s (%s)" % (name, words))
    if not any("letters/shading.pdf" in l and "not shown" in l for l in schedule.splitlines()):
        fail("schedule: the page given up is not listed:\n" + schedule)

    # status: the parts not read are open items.
    status, out, err = run([safesar, "status", case], env)
    if status != 0:
        fail("status exited %d: %s" % (status, err))
    for name, words in OPEN_ITEMS:
        if not any(name in l and words in l for l in out.splitlines()):
            fail("status: no open item for %s (%s):\n%s" % (name, words, out))

    if snapshot(records) != before:
        fail("something under records/ changed")
    left = temporaries(out_dir) + temporaries(os.path.join(case, ".safesar"))
    if left:
        fail("temporary files left behind: %s" % left)


if __name__ == "__main__":
    main()
