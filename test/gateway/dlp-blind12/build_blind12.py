#!/usr/bin/env python3
"""Build test/gateway/dlp-blind12.jsonl (seed 20261212). Standard library only."""
import sys
sys.dont_write_bytecode = True
import os, re, json, random, collections

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from values import V, luhn_ok, issuer, fold
from labels import DEVKEYS
from records import Gen, SystemStyle, SENSITIVE, API_KEYNAMES, EN_KEYS, mask
from render import RENDERERS, ALLOWED, ROWS
from systems import SYSTEMS
import negatives

SEED = 20261212
OUT = os.path.join(HERE, "..", "dlp-blind12.jsonl")
AVOID_PATH = os.path.join(HERE, "..", "..", "..", ".avoid-formats.txt")
TYPES = ["credit_card", "cvv", "ssn", "email", "phone", "aws_access_key", "api_key", "private_key", "jwt", "password",
         "medical_record_number", "health_insurance_number", "icd10"]
ONE_LINE = ("pdf-text", "xml-fields", "env", "ini", "properties", "fixed-width", "csv", "tsv", "semicolon-csv",
            "sql", "form-post", "log", "ci-log", "letter", "x12", "chat", "transcript", "md-table")
CLINICAL = ("enc", "claim", "rx", "lab", "card", "pa")

# ---------------------------------------------------------------- detectors for the self-check
RUN = re.compile(r"(?<![\d])\d(?:[ \-\u00a0]?\d){12,18}(?![\d])")
SSN_RE = re.compile(r"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
AKIA_RE = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{10,}")
PEM_RE = re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----(?:\\n|\s)+[A-Za-z0-9+/=]{20,}")
DOC_KEYS = {"AKIAIOSFODNN7EXAMPLE"}


def found_types(text):
    f = set()
    for m in RUN.finditer(text):
        d = re.sub(r"\D", "", m.group(0))
        if issuer(d) and luhn_ok(d):
            f.add("credit_card")
        if len(d) == 16 and luhn_ok(d):
            f.add("luhn16")
    for m in SSN_RE.finditer(text):
        a, g, s = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= a <= 899 and a != 666 and g and s:
            f.add("ssn")
    for m in EMAIL_RE.finditer(text):
        if m.group(0).startswith("git@") and text[m.end():m.end() + 1] == ":":
            continue  # scp-style SSH remote, not an address
        f.add("email")
    if any(m.group(0) not in DOC_KEYS for m in AKIA_RE.finditer(text)):
        f.add("aws_access_key")
    if JWT_RE.search(text):
        f.add("jwt")
    if PEM_RE.search(text):
        f.add("private_key")
    return f


def present(v, text):
    """The value is in the text; a multi-line value may be indented line by line (YAML block, HCL heredoc)."""
    if v in text:
        return True
    if json.dumps(v, ensure_ascii=False)[1:-1] in text:  # inside a JSON string a newline is written \n
        return True
    if "\n" in v:
        pos = 0
        for line in v.split("\n"):
            k = text.find(line, pos)
            if k < 0:
                return False
            pos = k + len(line)
        return True
    return False


def check(text, types):
    """Returns a problem string or None: unlabelled look-alike values must not occur by accident."""
    f = found_types(text)
    for t in ("credit_card", "ssn", "email", "aws_access_key", "jwt", "private_key"):
        if t in f and t not in types:
            return "unlabelled %s" % t
    if "luhn16" in f and "credit_card" not in types:
        return "luhn-valid 16-digit run"
    return None


# ---------------------------------------------------------------- field preparation
def label_for(st, kind, seen):
    base = kind.split(":")[0]
    if st.domain in ("dev", "ci"):
        if base == "api_key":
            k = kind.split(":")[1]
            key = st.r.choice(API_KEYNAMES[k])
        else:
            dk = {"uuid": "uuid", "ref": "uuid", "aws_id": "aws_id"}.get(base, base)
            if dk not in st.pick:
                st.pick[dk] = st.r.choice(DEVKEYS[dk]) if dk in DEVKEYS else dk
            key = st.pick[dk]
        lab = key
    else:
        if base == "ref":
            lab = {"de": "Referenz", "fr": "Réf. interne", "es": "Ref. interna", "pt": "Ref. interna", "it": "Rif.", "nl": "Referentie", "ja": "参照番号", "sv": "Referens", "pl": "Nr ref."}.get(st.lang, "Reference ID")
        elif base == "api_key":
            lab = API_KEYNAMES[kind.split(":")[1]][0]
        elif base in ("aws_id", "aws_secret", "jwt", "pem", "password", "env", "host", "user", "port", "db", "region", "uuid"):
            lab = {"aws_id": "AWS access key ID", "aws_secret": "AWS secret", "jwt": "Token", "pem": "Private key", "password": st.r.choice(["Temporary password", "Initial password", "Password", "Kennwort"]) if base not in st.pick else st.pick[base]}.get(base, base)
            st.pick.setdefault(base, lab)
            lab = st.pick[base] if base == "password" else lab
        else:
            lab = st.label(base)
        key = st.key(lab) or EN_KEYS.get(base, base)
    n = seen[lab] = seen.get(lab, 0) + 1
    if n > 1:
        lab, key = "%s %d" % (lab, n), "%s_%d" % (key, n)
    return lab, key


def prepare(st, secs):
    seen = {}
    out = []
    for s, fl in secs:
        row = []
        for kind, v in fl:
            lab, key = label_for(st, kind, seen)
            row.append([kind, lab, key, v])
        out.append((s, row))
    return out


def transform_for(tag, secs):
    for s, fl in secs:
        for f in fl:
            b = f[0].split(":")[0]
            if tag == "x12":
                if b == "icd":
                    f[3] = f[3].replace(".", "")
                elif b in ("ssn", "phone"):
                    f[3] = re.sub(r"\D", "", f[3])
            if tag == "form-post":
                if b in ("card", "phone"):
                    f[3] = re.sub(r"\D", "", f[3])
                elif b == "cardholder":
                    pass
            if tag in ONE_LINE and "\n" in f[3]:
                f[3] = f[3].replace("\n", "\\n")
    return secs


def apply_variant(r, secs, variant):
    """full: every value; partial: some sensitive values masked; negative: all masked. ICD codes are dropped when masked."""
    sens = [(i, j) for i, (s, fl) in enumerate(secs) for j, f in enumerate(fl) if f[0].split(":")[0] in SENSITIVE]
    if variant == "full" or not sens:
        chosen = set()
    elif variant == "negative":
        chosen = set(sens)
    else:
        chosen = set(p for p in sens if r.random() < 0.5)
        if len(chosen) == len(sens):
            chosen.discard(r.choice(sens))
        if not chosen and len(sens) > 1:
            chosen.add(r.choice(sens))
    # a masked card masks its CVV too
    for i, (s, fl) in enumerate(secs):
        if any((i, j) in chosen and f[0] == "card" for j, f in enumerate(fl)):
            for j, f in enumerate(fl):
                if f[0] == "cvv":
                    chosen.add((i, j))
    out = []
    for i, (s, fl) in enumerate(secs):
        row = []
        for j, f in enumerate(fl):
            if (i, j) in chosen:
                mv = mask(r, f[0], f[3])
                if mv is None:
                    continue
                row.append([f[0] + "#masked", f[1], f[2], mv])
            else:
                row.append(list(f))
        if row:
            out.append((s, row))
    return out


def labelled(secs):
    vals = collections.defaultdict(list)
    for s, fl in secs:
        for f in fl:
            b = f[0].split(":")[0]
            if b in SENSITIVE and "#masked" not in f[0]:
                vals[SENSITIVE[b]].append(f[3])
    return vals


# ---------------------------------------------------------------- build
def main():
    avoid = set(open(AVOID_PATH, encoding="utf-8").read().split()) if os.path.exists(AVOID_PATH) else None
    assert avoid is None or len(avoid) > 4000, "avoid list unexpectedly small"
    if avoid is None:
        print("warning: .avoid-formats.txt not found; the avoid-list check is skipped", file=sys.stderr)
    rng = random.Random(SEED)
    samples = []
    formats_used = set()

    def add(fmt, text, types):
        samples.append({"format": fmt, "types": sorted(types, key=TYPES.index), "data": text})

    for slug, domain, lang, country in SYSTEMS:
        srng = random.Random("%d:%s" % (SEED, slug))
        st = SystemStyle(srng, slug, domain, lang, country)
        vv = V(srng)
        g = Gen(srng, vv)
        tags = list(ALLOWED[domain])
        srng.shuffle(tags)
        chosen = []
        for t in tags:
            fmt = slug + "-" + t
            if (avoid and fmt in avoid) or fmt in formats_used:
                continue
            chosen.append(t)
            if len(chosen) == 3:
                break
        assert len(chosen) == 3, slug
        for tag in chosen:
            fmt = slug + "-" + tag
            formats_used.add(fmt)
            for variant in ("full", "partial", "negative"):
                for attempt in range(40):
                    sender = None
                    if domain == "msg":
                        raw, sender = g.message(st)
                    else:
                        raw = g.build(st)
                    secs = transform_for(tag, prepare(st, raw))
                    vsecs = apply_variant(srng, secs, variant)
                    vals = labelled(vsecs)
                    if tag in ROWS and domain != "msg" and srng.random() < 0.55:
                        # a batch export / spreadsheet: the same system writes several records
                        rows = [vsecs]
                        for _ in range(srng.randint(1, 3)):
                            extra = apply_variant(srng, transform_for(tag, prepare(st, g.build(st))), variant)
                            rows.append(extra)
                            for t, vs in labelled(extra).items():
                                vals[t].extend(vs)
                        if variant == "partial" and not vals:
                            continue
                        text = ROWS[tag](srng, st, rows)
                    else:
                        if variant == "partial" and not vals:
                            continue
                        rf = RENDERERS[tag]
                        text = rf(srng, st, vsecs, sender) if domain == "msg" else rf(srng, st, vsecs)
                    types = set(vals)
                    missing = [(t, v) for t, vs in vals.items() for v in vs if not present(v, text)]
                    assert not missing, (fmt, missing[:2])
                    if check(text, types):
                        continue
                    add(fmt, text, types)
                    break
                else:
                    raise AssertionError("no clean sample for %s/%s" % (fmt, variant))

    nrng = random.Random("%d:negatives" % SEED)
    nv = V(nrng)
    for fmt in negatives.FORMATS:
        assert fmt not in formats_used and not (avoid and fmt in avoid), fmt
        formats_used.add(fmt)
        texts = set()
        for k in range(3):
            for attempt in range(40):
                text = negatives.gen(fmt, nrng, nv)
                if check(text, set()) is None and text not in texts:
                    break
            else:
                if texts:
                    continue  # a fixed text (docs snippet, policy page): written once or twice, not repeated
                raise AssertionError(fmt)
            texts.add(text)
            add(fmt, text, set())

    # ---------------------------------------------------------------- assertions
    fmts = collections.Counter(s["format"] for s in samples)
    assert len(fmts) >= 700, len(fmts)
    if avoid:
        bad = [f for f in fmts if f in avoid]
        assert not bad, bad[:5]
    assert len(samples) >= 2000, len(samples)
    neg = [s for s in samples if not s["types"]]
    assert len(neg) >= 700, len(neg)
    per = collections.Counter(t for s in samples for t in s["types"])
    print("counts", dict(per), "samples", len(samples), "neg", len(neg), "formats", len(fmts), file=sys.stderr)
    for t in TYPES:
        need = 150 if t in ("password", "api_key", "health_insurance_number", "medical_record_number", "ssn", "cvv") else 70
        assert per[t] >= need, (t, per[t])
    for s in samples:
        assert "envelope" not in s
        p = check(s["data"], set(s["types"]))
        assert p is None, (s["format"], p)
    for i, s in enumerate(samples):
        s["id"] = "blind12-%05d" % (i + 1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for s in samples:
            fh.write(json.dumps({"id": s["id"], "format": s["format"], "types": s["types"], "data": {"text": s["data"]}}, ensure_ascii=False) + "\n")
    print("samples", len(samples), "formats", len(fmts), "negatives", len(neg), "positives", len(samples) - len(neg))
    for t in TYPES:
        print("  %-24s %d" % (t, per[t]))


if __name__ == "__main__":
    main()
