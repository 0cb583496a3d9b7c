"""
Builds ../dlp-realworld.jsonl: labelled samples in the shapes real traffic has (chat, logs, nested
JSON, CSV inside strings, HL7 v2, FHIR, env dumps, URLs with credentials, e-mail headers, forms) and
hard negatives. Written from those formats (specs of HL7/FHIR, Stripe/GitHub/Slack key formats,
12-factor env files, nginx/syslog lines), not from the gateway's detectors. Values are synthetic or
published test values. Deterministic: `python3 build.py` rewrites the same file.
"""
import json
from pathlib import Path

import part_financial_contact
import part_negatives
import part_secrets_health

samples = []


def add(fmt, types, data, envelope=None):
    sample = {"id": f"rw-{len(samples):03d}", "format": fmt, "types": sorted(set(types)), "data": data}
    if envelope:
        sample["envelope"] = envelope
    samples.append(sample)


for part in (part_financial_contact, part_secrets_health, part_negatives):
    part.build(add)
out = Path(__file__).resolve().parent.parent / "dlp-realworld.jsonl"
out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in samples), encoding="utf-8")
pos = sum(1 for s in samples if s["types"])
print(f"{len(samples)} samples ({pos} positive, {len(samples) - pos} negative) -> {out}")
