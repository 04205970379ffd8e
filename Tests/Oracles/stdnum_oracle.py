#!/usr/bin/env python3
"""Test oracle for the Latvian personal code (RulesTests/PersonalCodeOracleTests.swift).

Reads one code per line on stdin and writes one verdict per line on stdout:
  valid:<compact digits>   or   invalid:<stdnum exception class>
using python-stdnum 2.2 (stdnum.lv.pvn, which validates personal codes as the natural-person
form of the Latvian VAT number). Exits 3 with a message on stderr if python-stdnum 2.2 is
not importable: install it with `pip install python-stdnum==2.2`.
"""
import sys

try:
    import stdnum
    from stdnum.exceptions import ValidationError
    from stdnum.lv import pvn
except ImportError:
    sys.stderr.write("python-stdnum is not importable: run `pip install python-stdnum==2.2`\n")
    sys.exit(3)

if stdnum.__version__ != "2.2":
    sys.stderr.write("python-stdnum %s found, the oracle needs 2.2: run `pip install python-stdnum==2.2`\n"
                     % stdnum.__version__)
    sys.exit(3)

out = []
for raw in sys.stdin.buffer.read().decode("utf-8").split("\n")[:-1]:
    try:
        out.append("valid:" + pvn.validate(raw))
    except ValidationError as error:
        out.append("invalid:" + type(error).__name__)
sys.stdout.write("\n".join(out) + ("\n" if out else ""))
