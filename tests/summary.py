"""Count the test cases of every meson test run and print the summary line.

cmocka reports "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)";
the golden runner "golden: N passed, N failed"; any other test counts as
one case. A test that failed without saying how many counts as one failure;
a skipped one (its tools missing) is counted apart.
Usage: summary.py STATUS... BUILD_DIR...  (a status is 0 when that check passed)
"""
import json
import re
import sys

passed = failed = skipped = 0
args = sys.argv[1:]
while args and args[0].isdigit():  # the statuses of the checks outside meson
    if args.pop(0) == "0":
        passed += 1
    else:
        failed += 1
for build in args:
    try:
        lines = open(f"{build}/meson-logs/testlog.json").read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        t = json.loads(line)
        if t.get("result") == "SKIP":
            skipped += 1
            continue
        out = (t.get("stdout") or "") + (t.get("stderr") or "")
        ok = t.get("result") == "OK"
        p = sum(int(n) for n in re.findall(r"\[  PASSED  \] (\d+) test", out))
        f = sum(int(n) for n in re.findall(r"\[  FAILED  \] (\d+) test", out))
        # the scripts' own summaries; a test may print more than one (the
        # browser test: e2e and personas), and all of them count
        g = re.findall(r"\b(?:golden|tty|security|again|e2e|personas|experiment|look|bench|report|crypt|durability|io|limits|hosted|serve|isolation|phone|account): (\d+) passed, (\d+) failed", out)
        if g:
            p, f = sum(int(a) for a, _ in g), sum(int(b) for _, b in g)
        if p == 0 and f == 0:
            p, f = (1, 0) if ok else (0, 1)
        if not ok and f == 0:
            f = 1
        passed += p
        failed += f
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
