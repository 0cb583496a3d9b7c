#!/usr/bin/env python3
"""Build test/gateway/dlp-blind11.jsonl (blind DLP corpus, seed 20261211). Standard library only."""
import hashlib
import json
import os
import re
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import values as V  # noqa: E402
from values import R, rs  # noqa: E402
from render import render, SUFFIX  # noqa: E402
from systems import SYSTEMS  # noqa: E402
from hardneg import HARD_NEGATIVES  # noqa: E402

OUT = os.path.normpath(os.path.join(HERE, "..", "dlp-blind11.jsonl"))
AVOID = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt"))
TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key", "private_key", "jwt", "password",
         "medical_record_number", "health_insurance_number", "icd10"]
KIND_TYPE = {"card": "credit_card", "cvv": "cvv", "ssn": "ssn", "email": "email", "phone": "phone", "aws": "aws_access_key",
             "awssec": "api_key", "key": "api_key", "pkey": "private_key", "jwt": "jwt", "pw": "password",
             "mrn": "medical_record_number", "hin": "health_insurance_number", "icd": "icd10", "icdd": "icd10"}


class Sample:
    def __init__(self):
        self.vals = []  # (type, value)
        self.last_card = None

    def add(self, t, v):
        self.vals.append((t, v))
        return v


def positive_value(s, kind, arg, escaped=False):
    if kind == "card":
        d = V.card()
        s.last_card = d
        return s.add("credit_card", d)
    if kind == "cvv":
        amex = s.last_card is not None and re.sub(r"\D", "", s.last_card)[:2] in ("34", "37")
        return s.add("cvv", V.cvv(amex))
    if kind == "ssn":
        return s.add("ssn", V.ssn(R.random() < 0.85))
    if kind == "email":
        return s.add("email", V.email())
    if kind == "phone":
        return s.add("phone", V.phone(arg or "us"))
    if kind == "aws":
        return s.add("aws_access_key", V.aws_id())
    if kind == "awssec":
        return s.add("api_key", V.aws_secret())
    if kind == "key":
        return s.add("api_key", V.apikey(arg or "hex32"))
    if kind == "pkey":
        return s.add("private_key", V.pkey(escaped=escaped))
    if kind == "jwt":
        return s.add("jwt", V.jwt())
    if kind == "pw":
        return s.add("password", V.password())
    if kind == "mrn":
        return s.add("medical_record_number", V.mrn(arg or "num8"))
    if kind == "hin":
        return s.add("health_insurance_number", V.member_id(arg or "member"))
    if kind == "icd":
        return s.add("icd10", V.icd()[0])
    if kind == "icdd":
        c, d = V.icd()
        s.add("icd10", c)
        return f"{c} {d}" if R.random() < 0.6 else f"{d} ({c})"
    raise KeyError(kind)


def masked_value(kind, arg):
    l4 = rs(V.DG, 4)
    if kind == "card":
        return R.choice([f"**** **** **** {l4}", f"XXXXXXXXXXXX{l4}", f"{R.choice(['411111', '542418', '371449'])}******{l4}",
                         f"Visa ending {l4}", f"tok_{rs(V.AN, 24)}", f"•••• {l4}"])
    if kind == "cvv":
        return R.choice(["***", "", "XXX", "not stored", "N/A"])
    if kind == "ssn":
        return R.choice([f"***-**-{l4}", f"XXX-XX-{l4}", "[REDACTED]", f"last4={l4}"])
    if kind == "email":
        return R.choice(["", "[email protected]", f"{rs(V.LO, 1)}•••@•••.com", "REDACTED", "<email>"])
    if kind == "phone":
        return R.choice([f"(***) ***-{l4}", f"+44 ••••• •••{l4[:3]}", "", "[redacted]", f"xxx-xxx-{l4}"])
    if kind == "aws":
        return R.choice(["AKIAIOSFODNN7EXAMPLE", "AKIA****************", "${AWS_ACCESS_KEY_ID}", ""])
    if kind == "awssec":
        return R.choice(["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "${AWS_SECRET_ACCESS_KEY}", "****", ""])
    if kind == "key":
        return R.choice(["${API_KEY}", "<your-api-key>", "", "REPLACE_ME", "{{ .Values.apiKey }}", f"sk_live_••••{rs(V.AN, 4)}",
                         "${{ secrets.SERVICE_TOKEN }}", "********", "sk_test_" + "4eC39HqLyjWDarjtT1zdp7dc"])
    if kind == "pkey":
        return R.choice(["-----BEGIN PRIVATE KEY-----\n[REDACTED]\n-----END PRIVATE KEY-----", "/etc/ssl/private/service.key",
                         "file://keys/deploy.pem", "${TLS_KEY}"])
    if kind == "jwt":
        return R.choice(["${ACCESS_TOKEN}", "<jwt>", "Bearer [REDACTED]", "", "{{id_token}}"])
    if kind == "pw":
        return R.choice(["********", "", "${DB_PASSWORD}", "{{ vault_db_password }}", "$2b$12$" + rs(V.AN + "./", 53), "<password>",
                         "(set via env)"])
    if kind == "mrn":
        return R.choice([f"*****{l4[:3]}", "[REDACTED]", "", "pending"])
    if kind == "hin":
        return R.choice([f"XXXXXXX{l4}", "[REDACTED]", "", f"****{l4}"])
    if kind in ("icd", "icdd"):
        return R.choice(["", "(pending coding)", "[REDACTED]", "see chart"])
    raise KeyError(kind)


def neutral_value(kind, arg):
    if kind == "name":
        return V.name()
    if kind == "dob":
        return V.dob()
    if kind == "date":
        return V.date()
    if kind == "amt":
        return V.amount()
    if kind == "id":
        return rs("ABCDEFGHJKLMNPRSTUVWXYZ", 3) + "-" + rs("0123456789ABCDEF", 6)
    if kind == "ord":
        return "ORD-" + rs(V.DG, 7)
    if kind == "lit":
        return arg
    raise KeyError(kind)


def parse_fields(spec):
    out = []
    for part in spec.split(";"):
        if "=lit:" in part:
            lab, lit = part.split("=lit:", 1)
            out.append((lab, "lit", lit))
            continue
        lab, kind = part.rsplit("=", 1)
        k, _, a = kind.partition(":")
        if k not in KIND_TYPE and k not in ("name", "dob", "date", "amt", "id", "ord"):
            out.append((lab, "lit", kind))
            continue
        out.append((lab, k, a))
    return out


def build_system_sample(sysname, rkind, root, fields, lang, mode):
    """mode: 'pos' (all sensitive), 'mix' (some masked, >=1 real), 'neg' (all masked)."""
    s = Sample()
    sens = [i for i, (_, k, _) in enumerate(fields) if k in KIND_TYPE]
    keep = set(sens)
    if mode == "neg":
        keep = set()
    elif mode == "mix" and len(sens) > 1:
        keep = {i for i in sens if R.random() < 0.6} or {R.choice(sens)}
    escaped = rkind in ("properties", "log", "fixed", "psv")
    out = []
    for i, (lab, k, a) in enumerate(fields):
        if k in KIND_TYPE:
            v = positive_value(s, k, a, escaped) if i in keep else masked_value(k, a)
        else:
            v = neutral_value(k, a)
        out.append((lab, v))
    data = render(rkind, root, out, sysname, lang)
    return data, s


# ---------------------------------------------------------------- checks
def leaves(o):
    if isinstance(o, dict):
        for k, v in o.items():
            yield str(k)
            yield from leaves(v)
    elif isinstance(o, list):
        for v in o:
            yield from leaves(v)
    else:
        yield str(o)


DIGRUN = re.compile(r"(?<![\d])\d(?:[ \-\u00a0]?\d){12,18}(?![\d])")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AWS_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{16,}")
PEM_RE = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\\n|\s)+[A-Za-z0-9+/]{40}")


def detect(text):
    found = set()
    for m in DIGRUN.finditer(text):
        d = re.sub(r"\D", "", m.group(0))
        if V.looks_card(d) or (len(d) == 16 and V.luhn_ok(d)):
            found.add("credit_card")
        # sub-runs separated by single spaces could also be read as a card
    for m in SSN_RE.finditer(text):
        a, g, sr = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= a <= 899 and a != 666 and g and sr:
            found.add("ssn")
    if EMAIL_RE.search(text):
        found.add("email")
    for m in AWS_RE.finditer(text):
        if "EXAMPLE" not in m.group(0):
            found.add("aws_access_key")
    if JWT_RE.search(text):
        found.add("jwt")
    if PEM_RE.search(text):
        found.add("private_key")
    return found


CHECKABLE = {"credit_card", "ssn", "email", "aws_access_key", "jwt", "private_key"}


def sample_ok(data, types, vals, encoded=False):
    text = "\n".join(leaves(data))
    det = detect(text)
    for t in CHECKABLE:
        if t in det and t not in types:
            return False, f"accidental {t}"
    if not encoded:
        for t, v in vals:
            if v not in text and v.replace("\n", "\\n") not in text and not ("\n" in v and all(ln in text for ln in v.split("\n"))):
                return False, f"value of {t} missing: {v[:30]}"
    return True, ""


def main():
    avoid = set()
    if os.path.exists(AVOID):
        avoid = {ln.strip() for ln in open(AVOID, encoding="utf-8") if ln.strip()}
    samples = []
    seen_formats = set()
    for sysname, rends, root, spec, lang in SYSTEMS:
        fields = parse_fields(spec)
        for ri, rkind in enumerate(rends.split()):
            fmt = f"{sysname}-{SUFFIX[rkind]}"
            assert fmt not in avoid, fmt
            assert fmt not in seen_formats, fmt
            seen_formats.add(fmt)
            modes = ["pos", "neg"] if ri % 2 else ["pos", "mix", "neg"]
            for mode in modes:
                for _ in range(30):
                    data, s = build_system_sample(sysname, rkind, root, fields, lang, mode)
                    types = sorted({t for t, _ in s.vals}, key=TYPES.index)
                    ok, why = sample_ok(data, types, s.vals)
                    if ok:
                        break
                else:
                    raise AssertionError(f"{fmt} {mode}: {why}")
                assert (mode == "neg") == (not types), (fmt, mode, types)
                for t, v in s.vals:
                    if t == "credit_card":
                        d = re.sub(r"\D", "", v)
                        assert V.looks_card(d), v
                samples.append({"format": fmt, "types": types, "data": data, "_vals": s.vals})
    for fmt, fn, n in HARD_NEGATIVES:
        assert fmt not in avoid, fmt
        assert fmt not in seen_formats, fmt
        seen_formats.add(fmt)
        for i in range(n):
            for _ in range(30):
                data = fn(i)
                ok, why = sample_ok(data, [], [])
                if ok:
                    break
            else:
                raise AssertionError(f"{fmt}: {why}")
            samples.append({"format": fmt, "types": [], "data": data, "_vals": []})

    # deterministic shuffle, ids
    R.shuffle(samples)
    lines = []
    counts = {t: 0 for t in TYPES}
    for i, smp in enumerate(samples):
        for t in smp["types"]:
            counts[t] += 1
        smp.pop("_vals")
        obj = {"id": f"blind11-{i + 1:04d}", "format": smp["format"], "types": smp["types"], "data": smp["data"]}
        lines.append(json.dumps(obj, ensure_ascii=False, sort_keys=False))
    neg = sum(1 for s in samples if not s["types"])
    formats = {s["format"] for s in samples}
    print(len(samples), neg, len(formats), counts)
    assert len(samples) >= 1600, len(samples)
    assert len(formats) >= 500, len(formats)
    assert neg >= 450, neg
    for t in TYPES:
        assert counts[t] >= 70, (t, counts[t])
    for t in ("password", "api_key", "health_insurance_number", "medical_record_number", "ssn", "cvv"):
        assert counts[t] >= 150, (t, counts[t])
    body = "\n".join(lines) + "\n"
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(body)
    print(f"{len(samples)} samples, {neg} negatives, {len(formats)} formats -> {OUT}")
    print(" ".join(f"{t}={counts[t]}" for t in TYPES))
    print("sha256", hashlib.sha256(body.encode()).hexdigest())


if __name__ == "__main__":
    main()
