#!/usr/bin/env python3
"""Apply French typography to content files in place (an authoring aid).

    Scripts/french-typography.py FILE...

Typographic apostrophe, narrow no-break space before ; ! ? and no-break space before
: and inside « », before € and %. Comment lines (#) and `key =` parts are left alone.
`goodbye check` and Scripts/check-french say what remains.
"""
import re
import sys

NBSP, NNBSP = "\u00a0", "\u202f"


def fix(value):
    value = value.replace("'", "\u2019")
    value = re.sub(r"« +", "«" + NBSP, value)
    value = re.sub(r" +([;!?])", NNBSP + r"\1", value)
    value = re.sub(r" +:(?=\s|$)", NBSP + ":", value)
    value = re.sub(r"« +", "«" + NBSP, value)
    value = re.sub(r" +»", NBSP + "»", value)
    value = re.sub(r"(\S) +(€|%)", r"\1" + NBSP + r"\2", value)
    value = re.sub(r"n° +", "n°" + NBSP, value)
    value = re.sub(r"(\d) (\d{3})\b", r"\1" + NNBSP + r"\2", value)
    return value


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 else 64)
    for path in sys.argv[1:]:
        lines = open(path, encoding="utf-8").read().split("\n")
        out = []
        for line in lines:
            stripped = line.lstrip()
            if stripped.startswith("#") or stripped.startswith("["):
                out.append(line)
            elif path.endswith(".ini") and "=" in line and not line[:1].isspace():
                key, value = line.split("=", 1)
                out.append(key + "=" + fix(value))
            else:
                out.append(fix(line))
        open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main()
