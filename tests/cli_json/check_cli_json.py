#!/usr/bin/env python3
"""Every command's --json output against its schema in docs/json/, and the exit statuses of
docs/user-guide.md, through the real binary on a copy of the fictional demo case.

check_cli_json.py --safesar BIN --source SOURCE_DIR
A missing jsonschema module fails the run (python3-jsonschema)."""
import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import jsonschema

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def run(args, status=0):
    p = subprocess.run(args, capture_output=True, text=True)
    check(p.returncode == status,
          f"{' '.join(map(str, args[1:]))}: exit {p.returncode}, expected {status}\n{p.stderr}")
    return p


class Schemas:
    def __init__(self, folder):
        self.folder = folder
        self.used = set()

    def validate(self, name, document):
        self.used.add(name)
        schema = json.loads((self.folder / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
        check(not errors, f"{name}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors))


def json_of(schemas, name, args, status=0):
    """Runs a command with --json: its standard output is one JSON document of that schema."""
    p = run(args + ["--json"], status)
    try:
        document = json.loads(p.stdout)
    except json.JSONDecodeError as e:
        check(False, f"{name}: standard output is not one JSON document ({e}): {p.stdout[:300]}")
        return {}
    schemas.validate(name, document)
    return document


def complete_review(safesar, schemas, c, scan):
    """Decides everything a sign-off needs, as a reviewer would, driven by status --json."""
    for category in scan.get("findings_to_redact", {}):
        run([safesar, "review", c, "--approve-category", category])
    review = json_of(schemas, "status", [safesar, "status", c])["review"]
    risks = [r["id"] for r in review["open_risks"]]
    if risks:
        run([safesar, "review", c, "--ack-risk", *risks, "--comment", "checked"])
    for unread in review["pages"]["unread"]:
        run([safesar, "review", c, "--read-page", unread["record"], *map(str, unread["pages"])])
    review = json_of(schemas, "status", [safesar, "status", c])["review"]
    check(review["undecided"] == 0 and not review["open_risks"] and not review["pages"]["unread"],
          f"the review is not complete: {review['blockers']}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--safesar", required=True)
    parser.add_argument("--source", required=True, type=Path)
    a = parser.parse_args()
    safesar = a.safesar
    schemas = Schemas(a.source / "docs" / "json")

    # --version: the first line as help2man and the bundle read it, then the libraries.
    version = run([safesar, "--version"]).stdout
    first = version.splitlines()[0] if version else ""
    m = re.fullmatch(r"safesar (\d+\.\d+\.\d+ \(git [^)]+\))", first)
    check(m is not None, f"--version first line: {first!r}")
    version_line = m.group(1) if m else None
    for library in ["Poppler", "PoDoFo", "qpdf", "ICU", "RE2", "Tesseract", "SQLite"]:
        check(re.search(rf"^  {library} \d", version, re.M) is not None,
              f"--version names no {library} version")

    # The profiles a request may name: the contract's three, the perpetrator's with two sign-offs.
    profiles = json_of(schemas, "profiles", [safesar, "profiles"])
    by_name = {p.get("name"): p for p in profiles.get("profiles", [])}
    check({"standard", "perpetrator", "family-contact"} <= set(by_name),
          f"profiles: {sorted(by_name)}")
    perpetrator = by_name.get("perpetrator", {})
    check(perpetrator.get("review", {}).get("signoffs") == 2 and
          perpetrator.get("requester_may_be_perpetrator") is True,
          f"profiles: the perpetrator profile {perpetrator}")
    check(profiles.get("problems") == [], f"profiles: problems {profiles.get('problems')}")

    # db check: without SAFESAR_DATABASE, the embedded store needs nothing.
    db = json_of(schemas, "db-check", [safesar, "db", "check"])
    check(db.get("store") == "embedded" and db.get("ready") is True, f"db check: {db}")

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "workspace"
        case = workspace / "demo"
        shutil.copytree(a.source / "fixtures" / "cases" / "demo-perpetrator", case,
                        ignore=shutil.ignore_patterns(".safesar"))
        c = str(case)

        # Usage errors exit 2, failures 1 with one line on standard error (user-guide.md).
        run([safesar], 2)
        run([safesar, "no-such-command"], 2)
        run([safesar, "status"], 2)
        run([safesar, "status", c, "--no-such-option"], 2)
        run([safesar, "deadline", c, "--today", "31/12/2026"], 2)
        missing = run([safesar, "status", str(Path(tmp) / "no-such-case")], 1)
        check(len(missing.stderr.splitlines()) == 1, f"a failure's stderr: {missing.stderr!r}")
        run([safesar, "signoff", c], 1)  # not scanned yet

        deadline = json_of(schemas, "deadline", [safesar, "deadline", c, "--today", "2026-12-04"])
        check(deadline.get("today") == "2026-12-04", "deadline --today")
        status = json_of(schemas, "status", [safesar, "status", c])
        check(status.get("scanned") is False and status.get("review") is None,
              "status before a scan")
        scan = json_of(schemas, "scan", [safesar, "scan", c])
        check(scan.get("records_read", 0) > 0, "scan read no records")
        check(Path(scan.get("findings_file", "")).is_file(), "scan: findings file")
        status = json_of(schemas, "status", [safesar, "status", c])
        check(status.get("scanned") is True and status["review"]["scans"] == 1,
              "status after a scan")
        cases = json_of(schemas, "list", [safesar, "list", str(workspace)])
        check([x.get("reference") for x in cases.get("cases", [])] == [status.get("reference")],
              "list: the one case")
        complete_review(safesar, schemas, c, scan)
        signoff = json_of(schemas, "signoff", [safesar, "signoff", c])
        check(len(signoff.get("current_signoffs", [])) == 1, "signoff: one current sign-off")

        exported = json_of(schemas, "export",
                           [safesar, "export", c, "--out", str(Path(tmp) / "export")])
        check(exported.get("final") is False and Path(exported.get("pdf", "")).is_file(),
              "export: a draft PDF")
        ran = json_of(schemas, "run", [safesar, "run", c, "--out", str(Path(tmp) / "run")])
        check(Path(ran.get("pdf", "")).is_file(), "run: the PDF")
        # The bundle and the audit trail name the build that made them.
        bundle = json.loads(Path(ran.get("json", "/nonexistent")).read_text())
        check(bundle.get("safesar_version") == version_line,
              f"bundle safesar_version {bundle.get('safesar_version')!r}, --version {version_line!r}")
        check(ran.get("safesar_version") == version_line, "run --json: safesar_version")

        audit = json_of(schemas, "audit", [safesar, "audit", c])
        actions = {e["action"]: e for e in audit.get("entries", [])}
        check("export" in actions and
              actions["export"]["detail"].get("safesar_version") == version_line,
              "the audit's export entry names the build")
        check(actions.get("scan", {}).get("detail", {}).get("safesar_version") == version_line,
              "the audit's scan entry names the build")
        verified = json_of(schemas, "audit-verify", [safesar, "audit", c, "--verify"])
        check(verified.get("verified") is True, "audit --verify on an intact trail")

        # A changed entry: --verify exits 1, and its JSON names the entry.
        db = sqlite3.connect(case / ".safesar" / "review.db")
        db.execute("DROP TRIGGER audit_no_update")  # what someone editing the file would do
        db.execute("UPDATE audit SET detail_json = '{\"changed\": true}' WHERE seq = 2")
        db.commit()
        db.close()
        broken = json_of(schemas, "audit-verify", [safesar, "audit", c, "--verify"], 1)
        check(broken.get("verified") is False and broken.get("first_broken") == 2,
              f"audit --verify on a changed trail: {broken}")

    unused = {p.name.removesuffix(".schema.json") for p in schemas.folder.glob("*.schema.json")}
    check(unused == schemas.used, f"schemas no test output was checked against: {unused - schemas.used}")
    print(f"{len(schemas.used)} schemas checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
