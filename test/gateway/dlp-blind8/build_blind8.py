#!/usr/bin/env python3
"""Build ../dlp-blind8.jsonl: a blind, labelled DLP corpus (standard library only, fixed seed).

    python3 test/gateway/dlp-blind8/build_blind8.py            # write the corpus, print sha256
    python3 test/gateway/dlp-blind8/build_blind8.py --stats    # positives per type
    python3 test/gateway/dlp-blind8/build_blind8.py --formats  # every tag with positive / negative counts
"""
import hashlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import core8  # noqa: E402
from core8 import G, REG, cardlike, luhn_ok, issuer_ok  # noqa: E402
import t_pay, t_dev, t_health, t_comm, t_neg, t_neg2, t_more  # noqa: E402,F401

SEED = 20261208
TYPES = ["ssn", "credit_card", "cvv", "email", "phone", "aws_access_key", "api_key", "private_key", "jwt", "password",
         "medical_record_number", "health_insurance_number", "icd10"]
OUT = os.path.join(HERE, "..", "dlp-blind8.jsonl")
FW = {ord("０") + i: ord("0") + i for i in range(10)}
ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
SEP = " -\u00a0\u2011\u2009\u202f\u2007"
RUN = re.compile(r"\d+(?:[" + SEP + r"]{1,2}\d+)*")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AWS_RE = re.compile(r"(?:AKIA|ASIA)[A-Z0-9]{16}")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")
PEM_RE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\r|\\n|\s)*[A-Za-z0-9+/]{40}")
NOT_EMAILS = {"ssh-rsa-cert-v01@openssh.com"}  # an SSH certificate algorithm name
EMAIL_OK_IN_NEG = re.compile(r"^git@[a-z.]+$")  # SSH remotes (git@github.com:org/repo) are not addresses


def strings(o):
    if isinstance(o, dict):
        for k, v in o.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)
    elif isinstance(o, bool) or o is None:
        return
    else:
        yield str(o)


def card_runs(text):
    t = text.translate(FW).translate(ZW)
    found = []
    for m in RUN.finditer(t):
        groups = re.split("[" + SEP + "]+", m.group(0))
        for i in range(len(groups)):
            tot = ""
            for j in range(i, len(groups)):
                tot += groups[j]
                if len(tot) > 19:
                    break
                if cardlike(tot) or (len(tot) == 16 and luhn_ok(tot)):
                    found.append(tot)
    return found


def ssn_valid(a, g, s):
    a, g, s = int(a), int(g), int(s)
    return 0 < a < 900 and a != 666 and g != 0 and s != 0


def build():
    g = G(SEED)
    samples, tags, fails = [], set(), []
    for tag, fn in REG:
        if tag in tags:
            raise SystemExit(f"duplicate format tag {tag}")
        tags.add(tag)
        prev = None
        for k in range(3):
            g.reset()
            data = fn(g)
            rec = (json.dumps(data, ensure_ascii=False, sort_keys=True), tuple(g.types))
            if prev is not None and rec == prev:
                break
            prev = rec
            samples.append((tag, data, list(g.types), dict(g.vals), g.encoded))
    out = []
    for n, (tag, data, types, vals, encoded) in enumerate(samples, 1):
        sid = f"b8-{n:04d}"
        if not isinstance(data, dict):
            fails.append(f"{sid} {tag}: data is not an object")
        text = "\n".join(strings(data))
        for t in types:
            if t not in TYPES:
                fails.append(f"{sid}: unknown type {t}")
        for d in vals.get("_card_digits", []):
            if not (luhn_ok(d) and issuer_ok(d)):
                fails.append(f"{sid} {tag}: card {d} fails Luhn/issuer")
        for t in ("credit_card", "ssn", "email", "aws_access_key", "jwt"):
            for v in vals.get(t, []):
                if not encoded and v not in text:
                    fails.append(f"{sid} {tag}: drawn {t} {v!r} not in text")
        for b in vals.get("_pem_bodies", []):
            if not encoded and b not in text:
                fails.append(f"{sid} {tag}: PEM body not in text")
        if "credit_card" not in types:
            runs = card_runs(text)
            if runs:
                fails.append(f"{sid} {tag}: unlabelled card-like run(s) {runs}")
        if "ssn" not in types:
            for m in SSN_RE.finditer(text.translate(FW)):
                if ssn_valid(*m.groups()):
                    fails.append(f"{sid} {tag}: unlabelled SSN-shaped {m.group(0)}")
        if "email" not in types:
            for m in EMAIL_RE.finditer(text):
                before = text[m.start() - 1] if m.start() else ""
                if before in ":/" or m.group(0) in NOT_EMAILS or EMAIL_OK_IN_NEG.match(m.group(0)):
                    continue
                if True:
                    fails.append(f"{sid} {tag}: unlabelled email {m.group(0)}")
        if "aws_access_key" not in types:
            for m in AWS_RE.finditer(text):
                if "EXAMPLE" not in m.group(0):
                    fails.append(f"{sid} {tag}: unlabelled AWS id {m.group(0)}")
        if "jwt" not in types and JWT_RE.search(text):
            fails.append(f"{sid} {tag}: unlabelled JWT")
        if "private_key" not in types and PEM_RE.search(text):
            fails.append(f"{sid} {tag}: unlabelled PEM private key body")
        out.append({"id": sid, "format": tag, "types": types, "data": data})
    per = {t: sum(1 for s in out if t in s["types"]) for t in TYPES}
    neg = sum(1 for s in out if not s["types"])
    fmts = sorted({s["format"] for s in out})
    if len(out) < 1200:
        fails.append(f"only {len(out)} samples")
    if len(fmts) < 450:
        fails.append(f"only {len(fmts)} formats")
    if neg < 300:
        fails.append(f"only {neg} negatives")
    for t, c in per.items():
        if c < 40:
            fails.append(f"type {t}: only {c} positives")
    return out, per, neg, fmts, fails


def main():
    out, per, neg, fmts, fails = build()
    if "--formats" in sys.argv:
        for f in fmts:
            p = sum(1 for s in out if s["format"] == f and s["types"])
            q = sum(1 for s in out if s["format"] == f and not s["types"])
            print(f"{f}\t{p}\t{q}")
        return
    if "--stats" in sys.argv:
        print(f"samples {len(out)}  positives {len(out) - neg}  negatives {neg}  formats {len(fmts)}")
        for t, c in per.items():
            print(f"{t}\t{c}")
        multi = {}
        for s in out:
            multi[len(s["types"])] = multi.get(len(s["types"]), 0) + 1
        print("by number of types:", dict(sorted(multi.items())))
        if fails:
            print(f"{len(fails)} assertion failures (run without flags to list)")
        return
    if fails:
        for f in fails[:80]:
            print("FAIL", f, file=sys.stderr)
        raise SystemExit(f"{len(fails)} assertion failures; nothing written")
    body = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in out).encode("utf-8")
    with open(OUT, "wb") as fh:
        fh.write(body)
    print(f"wrote {len(out)} samples ({len(out) - neg} positive, {neg} negative) in {len(fmts)} formats")
    print("sha256", hashlib.sha256(body).hexdigest())


if __name__ == "__main__":
    main()
