"""`turnus suggest` at 2 s beside OR-Tools CP-SAT at 10 s, on the instances of benches/suggest/.

    python compare.py TURNUS_CLI OUT_DIR [--seconds 10]

Both assignments are scored by the same Rust score (`turnus suggest --score`), which also runs
the real checker; a CP-SAT assignment with a violation is reported as not lawful. Prints a
Markdown table (also written to OUT_DIR/cpsat.md).
"""

import glob
import json
import os
import subprocess
import sys
import time

import model


def run(args):
    return subprocess.run(args, capture_output=True, text=True, check=False)


def main(argv):
    cli, out_dir = argv[1], argv[2]
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 10.0
    os.makedirs(out_dir, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    rows = ["| instance | CP-SAT first solution | CP-SAT score at %gs | CP-SAT violations | turnus time | turnus score at 2 s |" % seconds,
            "|---|---|---|---|---|---|"]
    for path in sorted(glob.glob(os.path.join(here, "..", "suggest", "*.json"))):
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            request = json.load(f)
        cp = model.solve(request, seconds, 2)
        slots = os.path.join(out_dir, name + ".cpsat.json")
        with open(slots, "w", encoding="utf-8") as f:
            json.dump(cp, f)
        first = cp["cpsat"]["first_solution_seconds"]
        if "slots" in cp:
            scored = run([cli, "suggest", path, "--score", slots])
            result = json.loads(scored.stdout)
            cp_score, cp_viol = "%.2f" % result["score"], str(result["violations"])
        else:
            cp_score, cp_viol = cp["cpsat"]["status"].lower(), "-"
        plan = os.path.join(out_dir, name + ".plan.json")
        started = time.monotonic()
        ours = run([cli, "suggest", path, "--seconds", "2", "-o", plan, "--force", "--format", "json"])
        took = time.monotonic() - started
        if ours.returncode == 0:
            our_score = "%.2f" % json.loads(ours.stdout)["suggestion"]["score"]
        else:
            reasons = json.loads(ours.stdout)["reasons"]
            our_score = "cannot be met (%s)" % ", ".join(r["code"] for r in reasons)
        rows.append("| %s | %s | %s | %s | %.2f s | %s |" % (
            name, "-" if first is None else "%.2f s" % first, cp_score, cp_viol, took, our_score))
        print(rows[-1], flush=True)
    table = "\n".join(rows) + "\n"
    with open(os.path.join(out_dir, "cpsat.md"), "w", encoding="utf-8") as f:
        f.write(table)
    print()
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
