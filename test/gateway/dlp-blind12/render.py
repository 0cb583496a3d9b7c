"""Renderings of a record: each system uses three of these, each pair is one format."""
import json, html, string
from values import fold
from records import SECTIONS

def sec_title(st, s):
    t = SECTIONS.get(s)
    if t:
        return t.get(st.lang) or t["en"]
    return s.replace("_", " ").title()

ACRO = {"nhs", "ehr", "emr", "cms", "ub", "ada", "vsp", "ohip", "ahcip", "ps", "ed", "cbc", "lis", "cap", "ris", "hl7", "orm", "pa", "rx", "oasis",
        "mds", "cprs", "kv", "adt", "egk", "kvk", "tk", "dak", "tiss", "sp", "sadt", "era", "aim", "gp2gp", "fp10", "mv", "au", "uk", "us", "ny", "mx",
        "es", "fr", "br", "pl", "jp", "se", "it", "nl", "de", "ssa", "irs", "ein", "ss", "aba", "pos", "gds", "pnr", "ivr", "kyc", "cli", "aws", "gcp",
        "yml", "env", "csv", "xml", "json", "sql", "ci", "k9s", "imss", "tsi", "cns", "epa", "ers", "ehealth", "tpv", "gmo", "payu", "php", "py", "i", "w", "e"}

def title(st):
    return " ".join(w.upper() if w in ACRO else w.capitalize() for w in st.slug.split("-"))

def ts(r):
    return "2026-%02d-%02dT%02d:%02d:%02d" % (r.randint(1, 11), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))

def yq(v):
    if v == "" or any(c in v for c in ":#{}[],&*?|<>=!%@`'\"") or v[0] in "-0123456789 " or "\n" in v:
        if "\n" in v:
            return None
        return json.dumps(v, ensure_ascii=False)
    return v

def r_json(r, st, secs, nested=True):
    if nested:
        body = {}
        for s, fields in secs:
            body[st.key(sec_title(st, s)) or s] = {f[2]: f[3] for f in fields}
        w = sum(map(ord, st.slug)) % 4
        if w == 0:
            o = {"source": st.slug, "exported": ts(r) + "Z"}
            o.update(body)
        elif w == 1:
            o = {"meta": {"schemaVersion": "%d.%d" % (r.randint(1, 4), r.randint(0, 9)), "generatedAt": ts(r) + "Z"}, "data": body}
        elif w == 2:
            o = {"status": "ok", "count": 1, "results": [body]}
        else:
            o = body
    else:
        o = {"form": title(st), "fields": [{"label": f[1], "value": f[3]} for s, fl in secs for f in fl]}
    return json.dumps(o, ensure_ascii=False, indent=r.choice([2, 4, None]))

def r_xml(r, st, secs):
    root = "".join(w.capitalize() for w in st.slug.split("-")[:3])
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<%s created=\"%s\">" % (root, ts(r))]
    for s, fields in secs:
        tag = "".join(w.capitalize() for w in (fold(sec_title(st, s)) or s).split()) or s.capitalize()
        tag = "".join(c for c in tag if c.isalnum()) or s.capitalize()
        out.append("  <%s>" % tag)
        for f in fields:
            k = "".join(w[:1].upper() + w[1:] for w in "".join(c if c.isalnum() else " " for c in fold(f[1])).split()) or f[2]
            k = k if k[0].isalpha() else "F" + k
            out.append("    <%s>%s</%s>" % (k, html.escape(f[3], quote=False), k))
        out.append("  </%s>" % tag)
    out.append("</%s>" % root)
    return "\n".join(out)

def flat(secs):
    return [f for s, fl in secs for f in fl]

def csvq(v, sep):
    if any(c in v for c in (sep, '"', "\n")) or (sep == "," and " " in v and r_never):
        return '"' + v.replace('"', '""') + '"'
    return v
r_never = False

def r_csv(r, st, secs, sep=","):
    fl = flat(secs)
    hdr = sep.join(csvq(f[1], sep) for f in fl)
    row = sep.join(csvq(f[3].replace("\n", "\\n"), sep) for f in fl)
    return hdr + "\n" + row + "\n"

def r_kv(r, st, secs):
    out = [title(st), "=" * len(title(st))]
    for s, fl in secs:
        out.append("")
        out.append(sec_title(st, s).upper())
        w = max(len(f[1]) for f in fl) + 1
        for f in fl:
            out.append((f[1] + ":").ljust(w + 1) + f[3])
    return "\n".join(out)

OCR_SUB = {"l": "1", "O": "0", "I": "l", "e": "c", "S": "5", "m": "rn"}

def ocr_noise(r, s):
    out = []
    for c in s:
        if c in OCR_SUB and r.random() < 0.12:
            out.append(OCR_SUB[c])
        else:
            out.append(c)
    return "".join(out)

def r_ocr(r, st, secs):
    out = ["~~ " + ocr_noise(r, title(st)) + " ~~", "Page 1 of 1  |  scanned " + ts(r)[:10], ""]
    for s, fl in secs:
        out.append(ocr_noise(r, sec_title(st, s).upper()))
        for f in fl:
            out.append(ocr_noise(r, f[1]))
            out.append("  " + f[3])
        out.append(r.choice(["", "_____", "  .  ,"]))
    return "\n".join(out)

def r_yaml(r, st, secs):
    out = ["# " + st.slug, "---"]
    for s, fl in secs:
        out.append((st.key(sec_title(st, s)) or s) + ":")
        for f in fl:
            q = yq(f[3])
            if q is None:
                out.append("  %s: |" % f[2])
                out += ["    " + x for x in f[3].split("\n")]
            else:
                out.append("  %s: %s" % (f[2], q))
    return "\n".join(out)

def r_ini(r, st, secs):
    out = ["; " + title(st)]
    for s, fl in secs:
        out.append("[%s]" % s)
        for f in fl:
            out.append("%s = %s" % (f[2], f[3].replace("\n", "\\n")))
        out.append("")
    return "\n".join(out)

def r_props(r, st, secs):
    out = ["# %s" % st.slug, "# generated " + ts(r)]
    for s, fl in secs:
        for f in fl:
            k = f[2] if "." in f[2] else s + "." + f[2]
            out.append("%s=%s" % (k, f[3].replace("\n", "\\n")))
    return "\n".join(out)

def r_toml(r, st, secs):
    out = ["# " + st.slug]
    for s, fl in secs:
        out.append("\n[%s]" % s)
        for f in fl:
            k = f[2] if all(c.isalnum() or c in "_-" for c in f[2]) else json.dumps(f[2])
            v = '"""\n' + f[3] + '\n"""' if "\n" in f[3] else json.dumps(f[3], ensure_ascii=False)
            out.append("%s = %s" % (k, v))
    return "\n".join(out)

def r_hcl(r, st, secs):
    out = []
    for s, fl in secs:
        out.append('%s "%s" {' % (r.choice(["variable_set", "config", "secret", "block"]), s))
        w = max(len(f[2]) for f in fl)
        for f in fl:
            k = "".join(c if c.isalnum() or c == "_" else "_" for c in f[2]).lower()
            if "\n" in f[3]:
                out.append("  %s = <<EOT\n%s\nEOT" % (k, f[3]))
            else:
                out.append("  %s = %s" % (k.ljust(w), json.dumps(f[3], ensure_ascii=False)))
        out.append("}")
    return "\n".join(out)

def r_env(r, st, secs):
    out = ["# " + st.slug + " — do not commit"]
    for s, fl in secs:
        for f in fl:
            k = "".join(c if c.isalnum() else "_" for c in f[2]).upper()
            if not k.startswith(s.upper()) and r.random() < 0.3:
                k = s.upper() + "_" + k
            v = f[3]
            if "\n" in v:
                v = '"' + v.replace("\n", "\\n") + '"'
            elif any(c in v for c in " #$&;") :
                v = "'" + v + "'"
            out.append("%s=%s" % (k, v))
    return "\n".join(out)

def r_log(r, st, secs):
    out = []
    base = ts(r)
    comp = st.slug.split("-")[0]
    for i, (s, fl) in enumerate(secs):
        kv = " ".join("%s=%s" % (f[2], json.dumps(f[3], ensure_ascii=False) if (" " in f[3] or "\n" in f[3]) else f[3]) for f in fl)
        out.append("%s.%03dZ %s [%s] %s.%s %s" % (base, r.randint(0, 999), r.choice(["INFO", "DEBUG", "WARN", "TRACE"]), comp, s, r.choice(["loaded", "upsert", "received", "mapped"]), kv))
    return "\n".join(out)

def r_fixed(r, st, secs):
    fl = flat(secs)
    fl = [f for f in fl if "\n" not in f[3]]
    widths = [max(len(f[1]), len(f[3])) + 2 for f in fl]
    hdr = "".join(f[1].upper()[:w - 1].ljust(w) for f, w in zip(fl, widths))
    row = "".join(f[3].ljust(w) for f, w in zip(fl, widths))
    rec = "H" + st.slug[:10].upper().ljust(12) + ts(r)[:10].replace("-", "")
    return rec + "\n" + hdr.rstrip() + "\n" + row.rstrip() + "\nT" + "%06d" % 1

def r_html(r, st, secs):
    out = ["<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>" % html.escape(title(st)), "<h2>%s</h2>" % html.escape(title(st))]
    for s, fl in secs:
        out.append("<table class=\"%s\"><caption>%s</caption>" % (s, html.escape(sec_title(st, s))))
        for f in fl:
            v = html.escape(f[3], quote=False)
            if "\n" in f[3]:
                v = "<pre>" + v + "</pre>"
            out.append("<tr><th>%s</th><td>%s</td></tr>" % (html.escape(f[1]), v))
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)

def r_md(r, st, secs):
    out = ["### " + title(st), ""]
    for s, fl in secs:
        out += ["**%s**" % sec_title(st, s), "", "| Field | Value |", "|---|---|"]
        for f in fl:
            v = f[3].replace("\n", "<br>")
            out.append("| %s | %s |" % (f[1], v.replace("|", "\\|")))
        out.append("")
    return "\n".join(out)

def r_sql(r, st, secs):
    fl = [f for f in flat(secs)]
    tbl = st.slug.replace("-", "_")[:40]
    cols = ", ".join((st.key(f[1]) or f[2]).replace("-", "_") for f in fl)
    vals = ", ".join("'" + f[3].replace("'", "''") + "'" for f in fl)
    return "INSERT INTO %s (%s)\nVALUES (%s);" % (tbl, cols, vals)

GREET = {"en": ("Hello,", "Please find the details below.", "Regards,"), "de": ("Guten Tag,", "anbei die Angaben:", "Mit freundlichen Grüßen"),
         "fr": ("Bonjour,", "veuillez trouver ci-dessous les informations :", "Cordialement,"), "es": ("Hola:", "a continuación los datos:", "Un saludo,"),
         "pt": ("Olá,", "seguem os dados abaixo:", "Atenciosamente,"), "it": ("Buongiorno,", "di seguito i dati richiesti:", "Cordiali saluti,"),
         "nl": ("Beste collega,", "hieronder de gegevens:", "Met vriendelijke groet,"), "ja": ("お世話になっております。", "下記の通りご連絡いたします。", "よろしくお願いいたします。"),
         "sv": ("Hej,", "här kommer uppgifterna:", "Vänliga hälsningar,"), "pl": ("Dzień dobry,", "poniżej przesyłam dane:", "Pozdrawiam,")}
SUBJ = {"en": "Subject", "de": "Betreff", "fr": "Objet", "es": "Asunto", "pt": "Assunto", "it": "Oggetto", "nl": "Onderwerp", "ja": "件名", "sv": "Ämne", "pl": "Temat"}

def r_email(r, st, secs):
    g = GREET.get(st.lang, GREET["en"])
    out = ["From: %s Desk" % title(st).split()[0], "Sent: " + ts(r).replace("T", " "), "To: Records Team", "%s: %s" % (SUBJ.get(st.lang, "Subject"), title(st)), "", g[0], "", g[1]]
    for s, fl in secs:
        for f in fl:
            out.append("  %s: %s" % (f[1], f[3]))
    out += ["", g[2], r.choice(["M. Front Office", "Intake", "Back office"])]
    return "\n".join(out)

def r_letter(r, st, secs):
    g = GREET.get(st.lang, GREET["en"])
    out = [title(st), ts(r)[:10], "", g[0], g[1], ""]
    for s, fl in secs:
        out.append(sec_title(st, s) + " — " + "; ".join("%s %s" % (f[1], f[3]) for f in fl if "\n" not in f[3]))
    out += ["", g[2]]
    return "\n".join(out)

def r_form(r, st, secs):
    from urllib.parse import quote
    parts = []
    for f in flat(secs):
        parts.append("%s=%s" % (f[2], quote(f[3], safe="@:/*-_.~")))
    return "POST /%s HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n%s" % (st.slug.split("-")[0], "&".join(parts))

# ---- clinical-specific ------------------------------------------------
def get(secs, kind):
    return [f for s, fl in secs for f in fl if f[0].split(":")[0] == kind]

def r_hl7(r, st, secs):
    def one(k, d=""):
        g = get(secs, k)
        return g[0][3] if g else d
    name = one("name").replace(", ", "^").replace(" ", "^")
    t = ts(r).replace("-", "").replace(":", "").replace("T", "")
    segs = ["MSH|^~\\&|%s|%s|RCV|HUB|%s||ADT^A08|%s|P|2.5.1" % (st.slug.split("-")[0].upper(), st.country, t, "MSG" + str(r.randint(10000, 99999)))]
    mrn = one("mrn")
    pid3 = (mrn + "^^^" + st.slug.split("-")[0].upper() + "^MR") if mrn else ""
    segs.append("PID|1||%s||%s||%s|%s|||^^%s||%s|||||||%s" % (pid3, name, one("dob"), r.choice("MF"), one("city"), one("phone"), one("ssn")))
    h = get(secs, "hin")
    if h:
        segs.append("IN1|1|%s|%s|PAYER||||%s|||||||||||||||||||||||||||||%s" % (r.choice(["HMO", "PPO", "GKV", "MCR"]), one("group_no"), one("group_no"), h[0][3]))
    for i, f in enumerate(get(secs, "icd")):
        segs.append("DG1|%d||%s^^I10|||%s" % (i + 1, f[3], r.choice(["A", "F", "W"])))
    used = {"name", "mrn", "dob", "city", "phone", "ssn", "hin", "group_no", "icd"}
    rest = [f for f in flat(secs) if f[0].split(":")[0] not in used]
    for i, f in enumerate(rest):
        segs.append("NTE|%d|L|%s: %s" % (i + 1, f[1], f[3]))
    return "\r".join(segs) if r.random() < 0.5 else "\n".join(segs)

def r_x12(r, st, secs):
    def one(k, d=""):
        g = get(secs, k)
        return g[0][3] if g else d
    name = one("name")
    last, first = (name.split(", ") + [""])[:2] if ", " in name else (name.split(" ")[-1], name.split(" ")[0])
    segs = ["ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*PAYER0001      *261101*1200*^*00501*%09d*0*P*:" % r.randint(1, 999999999),
            "GS*HC*SUBMIT*PAYER*20261101*1200*1*X*005010X222A1", "ST*837*0001*005010X222A1",
            "BHT*0019*00*%s*20261101*1200*CH" % one("claim_id", "B" + str(r.randint(100000, 999999)))]
    hin = one("hin")
    segs.append("NM1*IL*1*%s*%s****MI*%s" % (fold(last).upper(), fold(first).upper(), hin))
    dob = one("dob")
    segs.append("DMG*D8*%s*%s" % ("".join(c for c in dob if c.isdigit())[:8], r.choice("MF")))
    if one("ssn"):
        segs.append("REF*SY*%s" % one("ssn"))
    if one("phone"):
        segs.append("PER*IC*BILLING*TE*%s" % one("phone"))
    segs.append("CLM*%s*%s***11:B:1*Y*A*Y*Y" % (one("claim_id", "PCN" + str(r.randint(1000, 9999))), "".join(c for c in one("amount", "125.00") if c.isdigit() or c in ".,").replace(",", "") or "125.00"))
    if one("mrn"):
        segs.append("REF*EA*%s" % one("mrn"))
    codes = [f[3].replace(".", "") for f in get(secs, "icd")]
    if codes:
        segs.append("HI*" + "*".join(("ABK:" if i == 0 else "ABF:") + c for i, c in enumerate(codes)))
    used = {"name", "hin", "dob", "ssn", "phone", "claim_id", "amount", "mrn", "icd"}
    for f in flat(secs):
        if f[0] not in used and "\n" not in f[3]:
            segs.append("NTE*ADD*%s %s" % (fold(f[1]).upper() or f[2].upper(), f[3].replace("*", " ").replace("~", " ")))
    segs.append("SE*%d*0001" % (len(segs) - 1))
    return "~\n".join(segs) + "~"

def x12_values(secs):
    """In X12 the ICD codes are written without the dot."""
    return {"icd": lambda v: v.replace(".", "")}

def r_fhir(r, st, secs):
    def one(k, d=None):
        g = get(secs, k)
        return g[0][3] if g else d
    pat = {"resourceType": "Patient", "id": "pat-%d" % r.randint(1000, 9999), "identifier": [], "name": [{"text": one("name")}], "birthDate": one("dob")}
    if one("mrn"):
        pat["identifier"].append({"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]}, "system": "urn:oid:2.16.840.1.113883.3.%d" % r.randint(100, 999), "value": one("mrn")})
    if one("ssn"):
        pat["identifier"].append({"system": "http://hl7.org/fhir/sid/us-ssn", "value": one("ssn")})
    tel = []
    if one("phone"):
        tel.append({"system": "phone", "value": one("phone")})
    if one("email"):
        tel.append({"system": "email", "value": one("email")})
    if tel:
        pat["telecom"] = tel
    entries = [{"resource": pat}]
    if one("hin"):
        entries.append({"resource": {"resourceType": "Coverage", "status": "active", "subscriberId": one("hin"), "beneficiary": {"reference": "Patient/" + pat["id"]}}})
    for f in get(secs, "icd"):
        sysu = "http://hl7.org/fhir/sid/icd-10-cm" if st.country == "US" else "http://hl7.org/fhir/sid/icd-10"
        entries.append({"resource": {"resourceType": "Condition", "code": {"coding": [{"system": sysu, "code": f[3]}]}, "subject": {"reference": "Patient/" + pat["id"]}}})
    used = {"name", "mrn", "dob", "phone", "ssn", "hin", "icd", "email"}
    rest = [f for f in flat(secs) if f[0] not in used]
    if rest:
        entries.append({"resource": {"resourceType": "Basic", "extension": [{"url": "urn:" + st.slug + ":" + (st.key(f[1]) or f[2]), "valueString": f[3]} for f in rest]}})
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": entries}, ensure_ascii=False, indent=r.choice([None, 2]))

# ---- dev / ci-specific ------------------------------------------------
def r_shell(r, st, secs):
    out = []
    n = r.randint(480, 2200)
    def h(cmd):
        nonlocal n
        n += r.randint(1, 7)
        out.append(" %d  %s" % (n, cmd) if r.random() < 0.5 else ": %d:0;%s" % (1767000000 + n * 37, cmd))
    h("cd ~/src/" + st.slug.split("-")[0])
    for s, fl in secs:
        for f in fl:
            k, v = f[0].split(":")[0], f[3]
            if k == "password":
                h(r.choice(["PGPASSWORD='%s' psql -h db -U app -d orders" % v, "mysql -u root -p'%s' -e 'show databases'" % v,
                            "curl -u deploy:'%s' https://artifacts.corp.example/api/repos" % v, "sshpass -p '%s' ssh ops@10.0.3.4" % v]))
            elif k == "pem":
                h("cat > ~/.ssh/id_deploy <<'EOF'\n%s\nEOF" % v)
            elif k == "jwt":
                h("curl -s -H 'Authorization: Bearer %s' https://api.internal.example/v2/me" % v)
            elif "\n" not in v:
                h("export %s=%s" % ("".join(c if c.isalnum() else "_" for c in f[2]).upper(), v if " " not in v else "'" + v + "'"))
    h("git status")
    return "\n".join(out)

def r_cilog(r, st, secs):
    out = []
    t0 = r.randint(0, 50)
    day = r.randint(1, 28)
    def line(s):
        nonlocal t0
        t0 += r.randint(0, 3)
        out.append("2026-11-%02dT10:%02d:%02d.%07dZ %s" % (day, t0 % 60, r.randint(0, 59), r.randint(0, 9999999), s))
    line("##[group]Run ./scripts/deploy.sh")
    for s, fl in secs:
        for f in fl:
            k, v = f[0].split(":")[0], f[3]
            if k == "pem":
                line("+ echo \"%s\" > key.pem" % v.replace("\n", "\\n"))
            elif k == "jwt":
                line("> Authorization: Bearer %s" % v)
            else:
                line("+ %s=%s" % (f[2], v))
    line("##[endgroup]")
    line(r.choice(["Deploy finished in 41s", "Error: process completed with exit code 1.", "Uploading artifact... done"]))
    return "\n".join(out)

def r_curl(r, st, secs):
    hdrs, body = [], {}
    for s, fl in secs:
        for f in fl:
            k, v = f[0].split(":")[0], f[3]
            if k in ("api_key", "aws_secret") and not hdrs:
                hdrs.append("-H 'X-Api-Key: %s'" % v)
            elif k == "jwt":
                hdrs.append("-H 'Authorization: Bearer %s'" % v)
            else:
                body[f[2]] = v
    return "curl -sS -X POST 'https://api.%s.example/v1/%s' \\\n  %s \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '%s'" % (
        st.slug.split("-")[0], r.choice(["sync", "import", "config"]), " \\\n  ".join(hdrs) or "-H 'Accept: */*'", json.dumps(body).replace("'", "'\\''"))

# ---- messaging ----------------------------------------------------------
CHAT = {
 "en": {"password": "the password is {v}", "api_key": "here's the token: {v}", "email": "send it to {v}", "phone": "call me on {v}", "card": "card {v}",
        "exp": "exp {v}", "cvv": "cvv {v}", "mrn": "pt MRN {v}", "hin": "member id {v}", "icd": "coded as {v}", "aws_id": "key id {v}", "aws_secret": "secret {v}",
        "jwt": "use this bearer {v}", "ssn": "her SSN is {v}", "order_id": "order {v}"},
 "de": {"password": "Passwort lautet {v}", "api_key": "Token: {v}", "email": "schick es an {v}", "phone": "ruf mich an unter {v}", "card": "Karte {v}",
        "exp": "gültig bis {v}", "cvv": "Prüfnummer {v}", "mrn": "Patientennummer (MRN) {v}", "hin": "Versichertennummer {v}", "icd": "ICD {v}",
        "aws_id": "Access Key {v}", "aws_secret": "Secret {v}", "jwt": "Bearer-Token {v}", "ssn": "SSN {v}", "order_id": "Bestellung {v}"},
 "es": {"password": "la contraseña es {v}", "api_key": "el token: {v}", "email": "mándalo a {v}", "phone": "llámame al {v}", "card": "tarjeta {v}",
        "exp": "caduca {v}", "cvv": "CVV {v}", "mrn": "NHC {v}", "hin": "tarjeta sanitaria {v}", "icd": "CIE-10 {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "token bearer {v}", "ssn": "su número de Seguro Social es {v}", "order_id": "pedido {v}"},
 "fr": {"password": "le mot de passe : {v}", "api_key": "voici le jeton : {v}", "email": "écris à {v}", "phone": "appelle-moi au {v}", "card": "carte {v}",
        "exp": "expire {v}", "cvv": "cryptogramme {v}", "mrn": "IPP {v}", "hin": "n° adhérent {v}", "icd": "CIM-10 {v}", "aws_id": "clé d'accès {v}",
        "aws_secret": "secret {v}", "jwt": "jeton bearer {v}", "ssn": "SSN {v}", "order_id": "commande {v}"},
 "pt": {"password": "a senha é {v}", "api_key": "segue o token: {v}", "email": "manda para {v}", "phone": "me liga no {v}", "card": "cartão {v}",
        "exp": "validade {v}", "cvv": "CVV {v}", "mrn": "prontuário {v}", "hin": "CNS {v}", "icd": "CID {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "token {v}", "ssn": "SSN {v}", "order_id": "pedido {v}"},
 "it": {"password": "la password è {v}", "api_key": "ecco il token: {v}", "email": "scrivi a {v}", "phone": "chiamami al {v}", "card": "carta {v}",
        "exp": "scadenza {v}", "cvv": "CVV {v}", "mrn": "cartella clinica n. {v}", "hin": "tessera sanitaria {v}", "icd": "ICD-10 {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "token {v}", "ssn": "SSN {v}", "order_id": "ordine {v}"},
 "nl": {"password": "wachtwoord is {v}", "api_key": "token: {v}", "email": "stuur naar {v}", "phone": "bel me op {v}", "card": "kaart {v}",
        "exp": "geldig t/m {v}", "cvv": "CVC {v}", "mrn": "patiëntnummer (MRN) {v}", "hin": "verzekerdennummer {v}", "icd": "ICD-10 {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "bearer {v}", "ssn": "SSN {v}", "order_id": "order {v}"},
 "ja": {"password": "パスワードは {v} です", "api_key": "トークン: {v}", "email": "{v} 宛に送ってください", "phone": "電話は {v} まで", "card": "カード番号 {v}",
        "exp": "有効期限 {v}", "cvv": "セキュリティコード {v}", "mrn": "カルテ番号 {v}", "hin": "被保険者番号 {v}", "icd": "ICD-10 {v}", "aws_id": "アクセスキー {v}",
        "aws_secret": "シークレット {v}", "jwt": "ベアラートークン {v}", "ssn": "SSN {v}", "order_id": "注文番号 {v}"},
 "sv": {"password": "lösenordet är {v}", "api_key": "token: {v}", "email": "skicka till {v}", "phone": "ring mig på {v}", "card": "kort {v}",
        "exp": "giltigt t.o.m. {v}", "cvv": "CVC {v}", "mrn": "journalnummer {v}", "hin": "försäkringsnummer {v}", "icd": "diagnoskod {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "bearer {v}", "ssn": "SSN {v}", "order_id": "order {v}"},
 "pl": {"password": "hasło to {v}", "api_key": "token: {v}", "email": "wyślij na {v}", "phone": "zadzwoń pod {v}", "card": "karta {v}",
        "exp": "ważna do {v}", "cvv": "CVV {v}", "mrn": "nr historii choroby {v}", "hin": "nr ubezpieczenia {v}", "icd": "ICD-10 {v}", "aws_id": "access key {v}",
        "aws_secret": "secret {v}", "jwt": "bearer {v}", "ssn": "SSN {v}", "order_id": "zamówienie {v}"},
}
OPENERS = {"en": ["hey, quick one", "as discussed", "fyi"], "de": ["Hi, kurz:", "wie besprochen", "zur Info"], "es": ["oye", "como hablamos", "te paso esto"],
           "fr": ["salut", "comme convenu", "pour info"], "pt": ["oi", "conforme combinado", "só pra constar"], "it": ["ciao", "come d'accordo"],
           "nl": ["hoi", "zoals besproken"], "ja": ["お疲れ様です", "先ほどの件"], "sv": ["hej", "som vi pratade om"], "pl": ["cześć", "tak jak ustaliliśmy"]}

def chat_lines(r, st, items, sender):
    t = CHAT.get(st.lang, CHAT["en"])
    out = [r.choice(OPENERS.get(st.lang, OPENERS["en"]))]
    for f in items:
        k = f[0].split(":")[0]
        out.append(t.get(k, "{v}").format(v=f[3]) if k in t else "%s %s" % (f[1], f[3]))
    return out

def r_chat(r, st, secs, sender="Alex"):
    items = flat(secs)
    lines = chat_lines(r, st, items, sender)
    out = []
    day, hh, mm = "2026-%02d-%02d" % (r.randint(1, 11), r.randint(1, 28)), r.randint(7, 18), r.randint(0, 30)
    for i, l in enumerate(lines):
        who = sender if i % 3 != 2 else "Sam K."
        mm += r.randint(0, 4)
        out.append("[%s %02d:%02d] %s: %s" % (day, hh + mm // 60, mm % 60, who, l))
    out.append("[%s %02d:%02d] Sam K.: %s" % (day, hh + (mm + 1) // 60, (mm + 1) % 60, r.choice(["👍", "ok danke", "got it", "merci", "了解です", "gracias"])))
    return "\n".join(out)

def r_msgmail(r, st, secs, sender="Alex"):
    g = GREET.get(st.lang, GREET["en"])
    lines = chat_lines(r, st, flat(secs), sender)
    return "\n".join(["From: " + sender, "Date: " + ts(r), "%s: %s" % (SUBJ.get(st.lang, "Subject"), "Re: " + title(st)), "", g[0], ""] + [l[:1].upper() + l[1:] + "." for l in lines] + ["", g[2], sender])

def r_transcript(r, st, secs, sender="Alex"):
    lines = chat_lines(r, st, flat(secs), sender)
    out = []
    for i, l in enumerate(lines):
        out.append("%02d:%02d  %s: %s" % (i // 2, r.randint(0, 59), "SPEAKER_%d" % (i % 2), l))
    return "\n".join(out)

def r_pdftext(r, st, secs):
    out = [" " * 20 + title(st).upper(), ""]
    for s, fl in secs:
        out.append(sec_title(st, s))
        for f in fl:
            out.append("  " + (f[1] + " ").ljust(34, ".") + " " + f[3])
        out.append("")
    out.append("\f" + " " * 30 + "- 1 -")
    return "\n".join(out)

def r_ndjson(r, st, secs):
    base = ts(r)
    return "\n".join(json.dumps(dict([("@timestamp", base + ".%03dZ" % (i * 7)), ("event.dataset", st.slug.split("-")[0] + "." + s)] + [(f[2], f[3]) for f in fl]), ensure_ascii=False) for i, (s, fl) in enumerate(secs))

def r_xmlattrs(r, st, secs):
    out = ['<?xml version="1.0"?>', '<document type="%s">' % st.slug]
    for s, fl in secs:
        out.append('  <group id="%s">' % s)
        for f in fl:
            out.append('    <field name="%s" label="%s" value="%s"/>' % (html.escape(f[2]), html.escape(f[1]), html.escape(f[3])))
        out.append("  </group>")
    out.append("</document>")
    return "\n".join(out)

def r_php(r, st, secs):
    out = ["<?php", "/** " + title(st) + " */"]
    for s, fl in secs:
        for f in fl:
            k = "".join(c if c.isalnum() else "_" for c in f[2]).upper()
            out.append("define( '%s', '%s' );" % (k, f[3].replace("'", "\\'")))
    out.append("$table_prefix = 'wp_';")
    return "\n".join(out)

def r_textproto(r, st, secs):
    out = ["# proto-file: config/%s.proto" % st.slug.replace("-", "_"), "# proto-message: Config"]
    for s, fl in secs:
        out.append("%s {" % s)
        for f in fl:
            k = "".join(c if c.isalnum() else "_" for c in f[2]).lower()
            out.append("  %s: %s" % (k, json.dumps(f[3], ensure_ascii=False)))
        out.append("}")
    return "\n".join(out)

# ---- several records in one export (spreadsheets, batch files) ----------
def columns(rows):
    cols = []
    for secs in rows:
        for f in flat(secs):
            if f[1] not in [c[0] for c in cols]:
                cols.append((f[1], f[2]))
    return cols

def cell(secs, lab):
    for f in flat(secs):
        if f[1] == lab:
            return f[3]
    return ""

def rows_csv(r, st, rows, sep=","):
    cols = columns(rows)
    out = [sep.join(csvq(c[0], sep) for c in cols)]
    for secs in rows:
        out.append(sep.join(csvq(cell(secs, c[0]), sep) for c in cols))
    return "\n".join(out) + "\n"

def rows_fixed(r, st, rows):
    cols = columns(rows)
    widths = [max([len(c[0])] + [len(cell(x, c[0])) for x in rows]) + 2 for c in cols]
    out = ["H" + st.slug[:10].upper().ljust(12) + ts(r)[:10].replace("-", ""), "".join(c[0].upper().ljust(w) for c, w in zip(cols, widths)).rstrip()]
    for x in rows:
        out.append("".join(cell(x, c[0]).ljust(w) for c, w in zip(cols, widths)).rstrip())
    out.append("T%06d" % len(rows))
    return "\n".join(out)

def rows_sql(r, st, rows):
    cols = columns(rows)
    tbl = st.slug.replace("-", "_")[:40]
    vals = ",\n  ".join("(" + ", ".join(("'" + cell(x, c[0]).replace("'", "''") + "'") if cell(x, c[0]) else "NULL" for c in cols) + ")" for x in rows)
    return "INSERT INTO %s (%s) VALUES\n  %s;" % (tbl, ", ".join((st.key(c[0]) or c[1]).replace("-", "_") for c in cols), vals)

def rows_ndjson(r, st, rows):
    return "\n".join(json.dumps({c[1]: cell(x, c[0]) for c in columns([x])}, ensure_ascii=False) for x in rows)

ROWS = {"csv": rows_csv, "tsv": lambda r, st, rows: rows_csv(r, st, rows, "\t"), "semicolon-csv": lambda r, st, rows: rows_csv(r, st, rows, ";"),
        "fixed-width": rows_fixed, "sql": rows_sql, "ndjson": rows_ndjson}

RENDERERS = {
    "pdf-text": r_pdftext, "ndjson": r_ndjson, "xml-fields": r_xmlattrs, "php-define": r_php, "textproto": r_textproto,
    "json": lambda r, st, s: r_json(r, st, s, True), "json-fields": lambda r, st, s: r_json(r, st, s, False), "xml": r_xml,
    "csv": r_csv, "tsv": lambda r, st, s: r_csv(r, st, s, "\t"), "semicolon-csv": lambda r, st, s: r_csv(r, st, s, ";"), "text": r_kv, "ocr": r_ocr,
    "yaml": r_yaml, "ini": r_ini, "properties": r_props, "toml": r_toml, "hcl": r_hcl, "env": r_env, "log": r_log, "fixed-width": r_fixed,
    "html": r_html, "md-table": r_md, "sql": r_sql, "email": r_email, "letter": r_letter, "form-post": r_form, "hl7": r_hl7, "x12": r_x12,
    "fhir-bundle": r_fhir, "shell-history": r_shell, "ci-log": r_cilog, "curl": r_curl, "chat": r_chat, "mail-thread": r_msgmail, "transcript": r_transcript,
}
ALLOWED = {
    "enc": ["pdf-text", "xml-fields", "json", "xml", "csv", "text", "ocr", "html", "md-table", "hl7", "fhir-bundle", "letter", "email", "fixed-width", "sql", "yaml", "tsv", "json-fields", "semicolon-csv"],
    "claim": ["x12", "pdf-text", "ndjson", "json", "xml", "csv", "ocr", "fixed-width", "text", "html", "tsv", "sql", "log", "json-fields"],
    "rx": ["json", "xml", "text", "ocr", "hl7", "csv", "log", "letter", "fixed-width", "email"],
    "lab": ["hl7", "pdf-text", "xml-fields", "fhir-bundle", "text", "ocr", "csv", "xml", "html", "letter", "tsv", "json"],
    "card": ["ocr", "json", "text", "xml", "csv", "html", "json-fields", "email"],
    "pa": ["letter", "pdf-text", "email", "ocr", "json", "xml", "text", "fhir-bundle", "html", "json-fields", "csv"],
    "payroll": ["csv", "pdf-text", "fixed-width", "text", "ocr", "json", "xml", "tsv", "html", "sql", "email", "semicolon-csv"],
    "tax": ["ocr", "pdf-text", "xml-fields", "text", "json", "xml", "csv", "fixed-width", "html", "email", "letter", "json-fields"],
    "hr": ["csv", "json", "text", "email", "html", "xml", "ocr", "md-table", "sql", "yaml"],
    "pay": ["ndjson", "xml-fields", "json", "xml", "log", "form-post", "csv", "text", "ocr", "email", "curl", "sql", "json-fields", "tsv"],
    "bank": ["pdf-text", "text", "ocr", "csv", "json", "xml", "email", "html", "letter", "semicolon-csv"],
    "dev": ["php-define", "textproto", "ndjson", "env", "yaml", "ini", "properties", "toml", "hcl", "json", "xml", "shell-history", "log", "md-table"],
    "ci": ["ndjson", "ci-log", "shell-history", "curl", "log", "json", "text", "yaml", "env"],
    "msg": ["chat", "mail-thread", "transcript"],
}
