#!/usr/bin/env python3
"""Writes ../dlp-blind9.jsonl: the ninth blind DLP corpus (see README.md).

    python3 test/gateway/dlp-blind9/build_blind9.py
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import gen  # noqa: E402
import t_health, t_dev, t_pay, t_comm, t_more, t_neg  # noqa: E402,F401  (registration order is part of the seed)

OUT = os.path.join(HERE, '..', 'dlp-blind9.jsonl')
TYPES = ['credit_card', 'cvv', 'ssn', 'email', 'phone', 'aws_access_key', 'api_key', 'private_key', 'jwt',
         'password', 'medical_record_number', 'health_insurance_number', 'icd10']
MIN_PER_TYPE = {t: 60 for t in TYPES}
for t in ['password', 'api_key', 'health_insurance_number', 'medical_record_number', 'ssn', 'phone']:
    MIN_PER_TYPE[t] = 150

RUN = re.compile(r'\d(?:[ \-\u00a0\u2011\u200b]?\d)+')
SSN = re.compile(r'(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])')
EMAIL = re.compile(r'[A-Za-z0-9._%+\-]+[@＠][A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}')
AKID = re.compile(r'(?:AKIA|ASIA)[A-Z2-7]{16}')
JWT = re.compile(r'eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}')
PEMRE = re.compile(r'-----BEGIN [A-Z ]*PRIVATE KEY-----(?:\s|\\n|\\r)*[A-Za-z0-9+/]{40}')
FICT_PHONE = re.compile(r'555[-. ]?01\d\d|7946 0\d{3}|7700 900\d{3}|496 0\d{3}|491 570 \d{3}|99 00 \d\d|39 98 \d\d')


def strings(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)
    elif isinstance(obj, str):
        yield obj
    elif obj is not None:
        yield json.dumps(obj)


def problems(data, types):
    """Every checkable value present must be labelled, and every checkable label must be present."""
    text = '\n'.join(strings(data))
    bad = []
    for m in RUN.finditer(text):
        digits = re.sub(r'\D', '', m.group(0))
        if 13 <= len(digits) <= 19 and gen.luhn_ok(digits) and gen.issuer_ok(digits) and 'credit_card' not in types:
            bad.append('card-like ' + digits)
        if len(digits) == 16 and gen.luhn_ok(digits) and 'credit_card' not in types:
            bad.append('16-digit Luhn ' + digits)
    for m in SSN.finditer(text):
        a, g, s = m.groups()
        if a not in ('000', '666') and a < '900' and g != '00' and s != '0000' and 'ssn' not in types:
            bad.append('ssn-like ' + m.group(0))
    for m in EMAIL.finditer(text):
        # URL userinfo (scheme://user:pass@host), Kerberos principals (svc/host@REALM) and
        # SSH remotes (git@host:org/repo) are not addresses.
        before = text[m.start() - 1] if m.start() else ''
        if before in ':/' or m.group(0).startswith('git@'):
            continue
        if 'email' not in types:
            bad.append('email ' + m.group(0))
    for m in AKID.finditer(text):
        if 'EXAMPLE' not in m.group(0) and 'aws_access_key' not in types:
            bad.append('akid ' + m.group(0))
    if JWT.search(text) and 'jwt' not in types:
        bad.append('jwt')
    if PEMRE.search(text) and 'private_key' not in types:
        bad.append('pem')
    if FICT_PHONE.search(text) and 'phone' not in types:
        bad.append('phone ' + FICT_PHONE.search(text).group(0))
    if 'email' in types and not EMAIL.search(text):
        bad.append('email label without address')
    if 'aws_access_key' in types and not AKID.search(text):
        bad.append('aws label without id')
    if 'jwt' in types and not JWT.search(text):
        bad.append('jwt label without token')
    if 'private_key' in types and not PEMRE.search(text) and 'b3BlbnNzaC1rZXktdjE' not in text and 'MII' not in text and 'LS0tLS1CRUdJTi' not in text and 'PGP PRIVATE KEY BLOCK' not in text:
        bad.append('private_key label without key body')
    return bad, text


def build():
    samples = []
    for fmt in gen.REGISTRY:
        for ti, tpl in enumerate(fmt['templates']):
            for rep in range(fmt['n']):
                for attempt in range(30):
                    text, types, values = gen.render(tpl, fmt['kind'])
                    if fmt['kind'] == 'json':
                        try:
                            data = json.loads(text)
                        except json.JSONDecodeError as e:
                            raise SystemExit('bad JSON in %s template %d: %s\n%s' % (fmt['name'], ti, e, text))
                        if not isinstance(data, dict):
                            data = {'document': data}
                    else:
                        data = dict(fmt['meta'] or {})
                        data[fmt['key']] = text
                    bad, flat = problems(data, types)
                    for typ, val in values:
                        if val not in flat:
                            bad.append('labelled %s value not in data: %r' % (typ, val))
                        if typ == 'credit_card':
                            dg = re.sub(r'\D', '', val)
                            if not (gen.luhn_ok(dg) and gen.issuer_ok(dg)):
                                bad.append('card fails Luhn/issuer ' + val)
                        if typ == 'ssn':
                            dg = re.sub(r'\D', '', val)
                            if not (len(dg) == 9 and dg[:3] not in ('000', '666') and dg[0] != '9' and dg[3:5] != '00' and dg[5:] != '0000'):
                                bad.append('ssn out of range ' + val)
                        if typ == 'aws_access_key' and 'EXAMPLE' in val:
                            bad.append('EXAMPLE key labelled')
                    if not bad:
                        break
                    if attempt == 29 or any(b.startswith(('labelled', 'email label', 'aws label', 'jwt label', 'private_key label', 'card fails', 'ssn out')) for b in bad):
                        raise SystemExit('%s template %d: %s' % (fmt['name'], ti, bad[:3]))
                samples.append({'format': fmt['name'], 'types': sorted(types, key=TYPES.index), 'data': data})
    for i, s in enumerate(samples):
        s['id'] = 'b9-%04d' % (i + 1)
    return [{'id': s['id'], 'format': s['format'], 'types': s['types'], 'data': s['data']} for s in samples]


def main():
    samples = build()
    per_type = Counter(t for s in samples for t in s['types'])
    negatives = sum(1 for s in samples if not s['types'])
    formats = {s['format'] for s in samples}
    names = [f['name'] for f in gen.REGISTRY]
    dup = [n for n, c in Counter(names).items() if c > 1]
    assert not dup, dup
    avoid_path = os.path.join(HERE, '..', '..', '..', '.avoid-formats.txt')
    if os.path.exists(avoid_path):
        avoid = {l.strip() for l in open(avoid_path) if l.strip()}
        clash = sorted(formats & avoid)
        assert not clash, clash
    assert len(samples) >= 1600, len(samples)
    assert len(formats) >= 500, len(formats)
    assert negatives >= 380, negatives
    for t in TYPES:
        assert per_type[t] >= MIN_PER_TYPE[t], (t, per_type[t], MIN_PER_TYPE[t])
    with open(OUT, 'w', encoding='utf-8', newline='\n') as fh:
        for s in samples:
            fh.write(json.dumps(s, ensure_ascii=False) + '\n')
    print('%d samples, %d negatives, %d formats' % (len(samples), negatives, len(formats)))
    for t in TYPES:
        print('  %-24s %d' % (t, per_type[t]))


def tables():
    """Markdown tables for README.md (counts per type, per number of types, per format)."""
    samples = build()
    per_type = Counter(t for s in samples for t in s['types'])
    print('| type | positives |\n|---|---|')
    for t in TYPES:
        print('| `%s` | %d |' % (t, per_type[t]))
    print()
    by_n = Counter(len(s['types']) for s in samples)
    print('Samples by number of types: ' + ', '.join('%d with %d' % (by_n[k], k) for k in sorted(by_n)))
    print()
    pos, neg = Counter(), Counter()
    for s in samples:
        (pos if s['types'] else neg)[s['format']] += 1
    print('| format | + | − |\n|---|---|---|')
    for f in sorted(set(pos) | set(neg)):
        print('| %s | %d | %d |' % (f, pos[f], neg[f]))


if __name__ == '__main__':
    if '--tables' in sys.argv:
        tables()
    elif '--stats' in sys.argv:
        samples = build()
        per_type = Counter(t for s in samples for t in s['types'])
        print(len(samples), 'samples', sum(1 for s in samples if not s['types']), 'neg',
              len({s['format'] for s in samples}), 'formats')
        for t in TYPES:
            print('  %-24s %d' % (t, per_type[t]))
    else:
        main()
