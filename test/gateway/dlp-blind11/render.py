"""Renderers: turn (root, [(label, value)]) into the data object of one real-world file shape."""
import csv
import io
import json
import re

from values import R, rs, name, date, DG, UP, LO

GREET = {
    "en": ("Hello,", "Kind regards"), "de": ("Guten Tag,", "Mit freundlichen Grüßen"), "fr": ("Bonjour,", "Cordialement"),
    "es": ("Hola,", "Saludos"), "it": ("Buongiorno,", "Cordiali saluti"), "pt": ("Olá,", "Atenciosamente"),
    "nl": ("Beste,", "Met vriendelijke groet"), "sv": ("Hej,", "Med vänliga hälsningar"), "no": ("Hei,", "Vennlig hilsen"),
    "da": ("Hej,", "Venlig hilsen"), "fi": ("Hei,", "Ystävällisin terveisin"), "pl": ("Dzień dobry,", "Pozdrawiam"),
    "ja": ("お世話になっております。", "よろしくお願いいたします。"), "ko": ("안녕하세요.", "감사합니다."), "zh": ("您好，", "谢谢"),
    "ru": ("Здравствуйте,", "С уважением"), "uk": ("Добрий день,", "З повагою"), "ar": ("مرحباً،", "مع التحية"),
    "hi": ("नमस्ते,", "धन्यवाद"), "tr": ("Merhaba,", "Saygılarımla"), "he": ("שלום,", "בברכה"),
}
EU_SEMI = {"de", "fr", "nl", "es", "it", "pt", "pl", "da", "fi", "no", "sv"}


def tag(label):
    t = re.sub(r"[^\w.-]+", "_", label).strip("_")
    if not t or t[0].isdigit() or t[0] in ".-":
        t = "f_" + t
    return t


def key(label):
    return re.sub(r"[^\w.:-]+", "_", label).strip("_") or "field"


def multiline(v):
    return "\n" in v


def esc_nl(v):
    return v.replace("\n", "\\n")


def yq(v):
    if multiline(v):
        return None
    if v == "" or re.search(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|^\d+$|^(true|false|yes|no|null)$", v, re.I):
        return json.dumps(v, ensure_ascii=False)
    return v


def r_json(root, fields, sysname):
    obj = {}
    for k, v in fields:
        if "." in k and not k.startswith("."):
            a, b = k.split(".", 1)
            obj.setdefault(a, {}) if isinstance(obj.get(a, {}), dict) else None
            if isinstance(obj.get(a), dict):
                obj[a][b] = v
                continue
        obj[k] = v
    if R.random() < 0.5:
        return {root: obj, "meta": {"exportedAt": date() + "T0" + str(R.randint(0, 9)) + ":1" + str(R.randint(0, 9)) + ":00Z", "source": sysname}}
    return {"data": [obj] if R.random() < 0.5 else obj, "status": R.choice(["ok", "success", 200])}


def r_xml(root, fields, sysname):
    rt = tag(root)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<{rt}>"]
    attr_style = sum(map(ord, sysname)) % 3 == 0
    for k, v in fields:
        if attr_style:
            out.append(f'  <field name="{k}">{v}</field>')
        else:
            out.append(f"  <{tag(k)}>{v}</{tag(k)}>")
    out.append(f"</{rt}>")
    return {"document": "\n".join(out)}


def _delim(fields, d):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=d, lineterminator="\n")
    w.writerow([k for k, _ in fields])
    w.writerow([v for _, v in fields])
    return buf.getvalue()


def r_csv(root, fields, sysname, lang="en"):
    return {"file": f"{tag(root).lower()}_{date().replace('-', '')}.csv", "content": _delim(fields, ";" if lang in EU_SEMI else ",")}


def r_tsv(root, fields, sysname):
    return {"file": f"{tag(root).lower()}.tsv", "content": _delim(fields, "\t")}


def r_psv(root, fields, sysname):
    lines = ["|".join(k for k, _ in fields), "|".join(esc_nl(v) for _, v in fields)]
    return {"file": f"{tag(root).upper()}.TXT", "content": "\n".join(lines) + "\n"}


def r_kv(root, fields, sysname):
    lines = [root, "=" * len(root)] + [f"{k}: {v}" for k, v in fields]
    return {"text": "\n".join(lines)}


def r_ocr(root, fields, sysname):
    lines = [root.upper(), ""]
    for k, v in fields:
        lab = k.upper()
        if R.random() < 0.5:
            lines += [f"| {lab}", f"| {v}", ""]
        else:
            lines += [f"{lab} ______ {v}"]
    return {"ocr_text": "\n".join(lines), "confidence": round(0.81 + R.random() * 0.17, 3), "page": 1}


def r_yaml(root, fields, sysname):
    out = [f"{key(root)}:"]
    for k, v in fields:
        q = yq(v)
        if q is None:
            out.append(f"  {key(k)}: |")
            out += ["    " + ln for ln in v.split("\n")]
        else:
            out.append(f"  {key(k)}: {q}")
    return {"path": f"config/{key(root).lower()}.yaml", "content": "\n".join(out) + "\n"}


def r_ini(root, fields, sysname):
    out = [f"[{key(root)}]"]
    for k, v in fields:
        if multiline(v):
            ls = v.split("\n")
            out.append(f"{key(k)} = {ls[0]}")
            out += ["    " + ln for ln in ls[1:]]
        else:
            out.append(f"{key(k)} = {v}")
    return {"path": f"/etc/{sysname.split('-')[0]}/{key(root).lower()}.ini", "content": "\n".join(out) + "\n"}


def r_toml(root, fields, sysname):
    out = [f"[{key(root)}]"]
    for k, v in fields:
        kk = key(k) if re.fullmatch(r"[\w-]+", key(k)) else json.dumps(k)
        if multiline(v):
            out.append(f'{kk} = """\n{v}\n"""')
        else:
            out.append(f"{kk} = {json.dumps(v, ensure_ascii=False)}")
    return {"path": f"{key(root).lower()}.toml", "content": "\n".join(out) + "\n"}


def r_hcl(root, fields, sysname):
    out = [f'{key(root)} = {{']
    for k, v in fields:
        kk = k if re.fullmatch(r"[A-Za-z_][\w-]*", k) else json.dumps(k)
        if multiline(v):
            out.append(f"  {kk} = <<-EOT\n{v}\n  EOT")
        else:
            out.append(f"  {kk} = {json.dumps(v, ensure_ascii=False)}")
    out.append("}")
    return {"path": "terragrunt.hcl" if "terragrunt" in sysname else "main.auto.tfvars", "content": "\n".join(out) + "\n"}


def r_properties(root, fields, sysname):
    out = [f"# {root}"] + [f"{key(k)}={esc_nl(v)}" for k, v in fields]
    return {"path": f"{key(root).lower()}.properties", "content": "\n".join(out) + "\n"}


def r_fixed(root, fields, sysname):
    parts = []
    for k, v in fields:
        v = esc_nl(v)
        w = max(len(v) + 2, 12)
        parts.append(v.ljust(w) if R.random() < 0.7 else v.rjust(w))
    hdr = "H" + tag(root).upper()[:8].ljust(8) + date().replace("-", "") + "001"
    return {"records": [hdr, "D" + "".join(parts), "T" + "000001".rjust(9, "0")]}


def r_log(root, fields, sysname):
    ts = f"{date()}T{R.randint(0, 23):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}.{R.randint(0, 999):03d}Z"
    kv = " ".join(f"{key(k)}=" + (f'"{esc_nl(v)}"' if (" " in v or not v) else esc_nl(v)) for k, v in fields)
    lvl = R.choice(["DEBUG", "INFO", "TRACE"])
    return {"log": f"{ts} {lvl} [{sysname.split('-')[0]}] {root}: {kv}", "host": R.choice(["app-01", "worker-3", "gw-eu-2", "batch-7"])}


def r_email(root, fields, sysname, lang="en"):
    hi, bye = GREET.get(lang, GREET["en"])
    body = [hi, ""] + [f"{k}: {v}" for k, v in fields] + ["", bye, name()]
    return {"headers": {"Subject": f"{root} {R.randint(100, 999)}", "Date": f"{date()} 09:{R.randint(10, 59)}", "Content-Type": "text/plain; charset=utf-8"},
            "body": "\n".join(body)}


def r_html(root, fields, sysname):
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in fields)
    return {"html": f"<html><body><h2>{root}</h2><table class=\"grid\">{rows}</table></body></html>"}


FNS = {"json": r_json, "xml": r_xml, "csv": r_csv, "tsv": r_tsv, "psv": r_psv, "kv": r_kv, "ocr": r_ocr, "yaml": r_yaml,
       "ini": r_ini, "toml": r_toml, "hcl": r_hcl, "properties": r_properties, "fixed": r_fixed, "log": r_log, "email": r_email,
       "html": r_html}
SUFFIX = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "psv": "pipe-file", "kv": "text", "ocr": "ocr", "yaml": "yaml",
          "ini": "ini", "toml": "toml", "hcl": "hcl", "properties": "properties", "fixed": "fixed-width", "log": "log-line",
          "email": "email", "html": "html-print"}


def render(kind, root, fields, sysname, lang):
    f = FNS[kind]
    if kind in ("csv", "email"):
        return f(root, fields, sysname, lang)
    return f(root, fields, sysname)
