"""Hard negatives: real-world shapes whose values look like the sensitive types but are not."""
import hashlib

import values as V
from values import R, rs, DG, UP, LO, AN


def nl(n, first=None):
    return V.nonluhn_digits(n, first)


def imei():
    while True:
        body = "35" + R.choice(["2099", "3210", "4411", "6705"]) + rs(DG, 8)
        d = V.luhn_complete(body)
        if not V.looks_card(d):
            return d


def iccid():
    return V.luhn_complete("8944" + rs(DG, 14))


def ean13():
    b = R.choice(["400", "501", "871", "978", "979", "590"]) + rs(DG, 9)
    s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(b))
    return b + str((10 - s % 10) % 10)


def sha(n=64):
    return hashlib.sha256(rs(AN, 20).encode()).hexdigest()[:n]


def hn_royal_mail_paf(i):
    rows = ["Postcode,Post Town,Thoroughfare,Building Number,UDPRN"]
    for _ in range(4):
        pc = R.choice(["E11 9", "E10 5", "N17 0", "M25 1", "J45"])
        pc = (R.choice(["E11", "E17", "N10", "M20", "S10", "L40", "K21"]) + f" {R.randint(1, 9)}{rs('ABDEFGHJLNPQRSTUWXYZ', 2)}")
        rows.append(f"{pc},{R.choice(['LONDON', 'MANCHESTER', 'SHEFFIELD', 'LIVERPOOL'])},{R.choice(['High Street', 'Mill Lane', 'Church Road'])},{R.randint(1, 200)},{R.randint(10000000, 59999999)}")
    return {"file": "CSV PAF extract.csv", "content": "\n".join(rows) + "\n"}


def hn_bmw_chassis_forum(i):
    a, b = R.sample(["E30", "E36", "E46", "E39", "E60", "E90", "F10", "F30", "G20", "E28"], 2)
    return {"thread": f"{a} vs {b} for a first project car?", "post": f"Had an {a} 325i for six years, now looking at an {b}. "
            f"Parts for the {a} are cheap; the {b} M54 needs the usual cooling refresh. Build date {V.date()}, VIN ends {rs(DG, 6)}.",
            "author": rs(LO, 7) + str(R.randint(1, 99))}


def hn_sheet_formulas(i):
    c = [R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + str(R.randint(10, 99)) for _ in range(4)]
    return {"sheet": "Budget 2026", "cells": {c[0]: f"=SUM({c[1]}:{c[2]})", c[3]: f"=VLOOKUP({c[0]},Rates!B2:F99,3,FALSE)", "note": f"see cell {c[2]}.{R.randint(1, 9)}"}}


def hn_lc_catalog_marc(i):
    return {"marc": f"=050  00$a{R.choice(['QA', 'RC', 'HF', 'PR'])}{R.randint(76, 999)}.{R.randint(1, 99)}$b.{rs(UP, 1)}{R.randint(10, 99)} {R.randint(1990, 2025)}\n=001  ocm{nl(8)}\n=020  $a{ean13()}\n=245  10$aRecord keeping in small archives"}


def hn_phone_imei_inventory(i):
    rows = ["asset_tag,model,imei,serial"]
    for _ in range(3):
        rows.append(f"IT-{R.randint(1000, 9999)},Pixel 8,{imei()},{rs(UP + DG, 11)}")
    return {"file": "mdm-device-inventory.csv", "content": "\n".join(rows)}


def hn_esim_iccid_batch(i):
    return {"batch": [{"iccid": iccid(), "profile_state": "RELEASED", "imsi": "23410" + rs(DG, 10)} for _ in range(3)]}


def hn_grocery_ean_pricing(i):
    return {"pricefile": "\n".join(f"{ean13()};{R.choice(['Hafermilch 1L', 'Roggenbrot', 'Vitamin B12 Tabletten', 'Eier M 10er'])};{V.amount()}" for _ in range(4))}


def hn_dhl_tracking_email(i):
    return {"headers": {"Subject": "Ihre Sendung ist unterwegs"}, "body": f"Sendungsnummer: JJD00{nl(16, '4')}\nAuftragsnummer: {nl(10)}\nZustellung voraussichtlich {V.date()}."}


def hn_royal_mail_tracked_sms(i):
    return {"sms": f"Royal Mail: your parcel {rs(UP, 2)}{rs(DG, 9)}GB from SHOPCO is due today. Ref {rs(DG, 8)}. Manage: rm.example/{rs(AN, 6)}"}


def hn_airline_miles_statement(i):
    return {"text": f"MILES & MORE STATEMENT\nMember number: 9922 {rs(DG, 4)} {rs(DG, 4)} {rs(DG, 3)}\nStatus: Frequent Traveller\nMiles balance: {R.randint(1000, 90000)}\nFlight LH{R.randint(100, 999)} seat {R.randint(10, 40)}{R.choice('ABCDEF')}"}


def hn_gym_member_card(i):
    return {"member": {"membership_no": f"GYM-{rs(DG, 8)}", "plan": "Premium", "member_since": V.date(), "locker": R.choice(["B12", "C04", "E11"])}}


def hn_hotel_loyalty_csv(i):
    return {"content": "member_id,tier,points\n" + "\n".join(f"HH{rs(DG, 9)},{R.choice(['Gold', 'Silver', 'Diamond'])},{R.randint(100, 99999)}" for _ in range(3))}


def hn_library_patron_record(i):
    return {"text": f"Patron record no.: P{rs(DG, 7)}\nBarcode: 2{nl(13, '2')}\nHolds: 2\nRecord number {R.randint(100000, 999999)} created {V.date()}"}


def hn_court_docket_search(i):
    return {"results": [{"case_number": f"{R.randint(1, 9)}:{R.randint(20, 26)}-cv-{R.randint(10000, 99999)}", "record_no": f"R{rs(DG, 7)}", "filed": V.date()} for _ in range(2)]}


def hn_school_student_record(i):
    return {"record": f"Student record number: {rs(DG, 9)}\nLocker: {R.choice(['J45', 'B22', 'C12'])}\nHomeroom: {R.choice(['E11', 'D14'])}"}


def hn_container_digest_list(i):
    return {"images": [f"registry.example/app@sha256:{sha()}" for _ in range(3)], "built": V.date()}


def hn_release_checksums_md(i):
    return {"markdown": "| file | sha256 |\n|---|---|\n" + "\n".join(f"| tool-{R.randint(1, 9)}.{R.randint(0, 9)}-linux-amd64.tar.gz | `{sha()}` |" for _ in range(3))}


def hn_git_blame_porcelain(i):
    return {"blame": "\n".join(f"{sha(40)} {R.randint(1, 300)} {R.randint(1, 300)} 1\nauthor-time {R.randint(1600000000, 1760000000)}\n\tconst retries = 3;" for _ in range(2))}


def hn_bcrypt_user_table(i):
    return {"rows": [{"id": R.randint(1, 9999), "username": rs(LO, 7), "password_hash": "$2b$12$" + rs(AN + "./", 53), "mfa": True} for _ in range(2)]}


def hn_argon2_shadow(i):
    return {"content": f"{rs(LO, 6)}:$argon2id$v=19$m=65536,t=3,p=4${rs(AN + '+/', 22)}${rs(AN + '+/', 43)}:19700:0:99999:7:::"}


def hn_dotenv_template(i):
    keys = R.sample(["STRIPE_SECRET_KEY", "DATABASE_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "SENDGRID_API_KEY", "JWT_SECRET", "SMTP_PASS", "GITHUB_TOKEN"], 4)
    return {"path": ".env.template", "content": "\n".join(f"{k}=" for k in keys) + "\n# fill in from 1Password\n"}


def hn_stripe_docs_snippet(i):
    return {"markdown": "```bash\ncurl https://api.stripe.com/v1/charges \\\n  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\\n  -d amount=2000 -d currency=usd -d source=tok_visa\n```\nThe `tok_visa` token stands in for a test card; see the testing page."}


def hn_aws_docs_snippet(i):
    return {"markdown": "```ini\n[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = eu-west-1\n```"}


def hn_password_rules_intranet(i):
    return {"html": R.choice(["<p>Passwords must be at least 14 characters and rotate every 90 days. Never share your password.</p>",
                              "<p>Ihr Passwort muss mindestens 12 Zeichen lang sein und darf nicht wiederverwendet werden.</p>",
                              "<p>Le mot de passe doit contenir 12 caractères dont un chiffre.</p>"])}


def hn_sshd_pam_faillock_log(i):
    return {"log": f"{V.date()}T10:0{R.randint(0, 9)}:11Z sshd[{R.randint(1000, 9999)}]: Failed password for invalid user {rs(LO, 5)} from 203.0.113.{R.randint(1, 254)} port {R.randint(30000, 60000)} ssh2"}


def hn_public_cert_bundle(i):
    return {"pem": "-----BEGIN CERTIFICATE-----\nMIID" + rs(AN + "+/", 60) + "\n" + rs(AN + "+/", 64) + "\n-----END CERTIFICATE-----"}


def hn_ssh_known_hosts(i):
    return {"content": f"bastion.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rs(AN + '+/', 43)}\n|1|{rs(AN + '+/', 27)}=|{rs(AN + '+/', 27)}= ecdsa-sha2-nistp256 AAAAE2VjZHNh{rs(AN, 40)}"}


def hn_masked_card_receipt_es(i):
    return {"ticket": f"TICKET {R.randint(1000, 9999)}\nTARJETA: ************{rs(DG, 4)}\nAUT: {rs(DG, 6)}\nIMPORTE: {V.amount()} EUR\nARC: {rs(UP + DG, 8)}"}


def hn_epoch_metrics_export(i):
    return {"series": [[int(f"17{rs(DG, 11)}"), round(R.random() * 100, 2)] for _ in range(3)], "metric": "queue_depth"}


def hn_uuid_request_trace(i):
    return {"trace": {"trace_id": rs("0123456789abcdef", 32), "span_id": rs("0123456789abcdef", 16), "request_id": f"{rs('0123456789abcdef', 8)}-{rs('0123456789abcdef', 4)}-4{rs('0123456789abcdef', 3)}-a{rs('0123456789abcdef', 3)}-{rs('0123456789abcdef', 12)}"}}


def hn_vehicle_fault_dtc_dealer(i):
    return {"text": f"Werkstattauftrag {nl(8)}\nFehlerspeicher: {R.choice(['U0100', 'B1318', 'C0035'])}, Steuergerät {R.choice(['J45', 'J104', 'J533'])}\nKilometerstand: {R.randint(10000, 200000)}"}


def hn_paper_sizes_print_queue(i):
    return {"jobs": [{"job": R.randint(1, 999), "media": R.choice(["A4", "A3", "B5", "C5 envelope", "E10"]), "tray": R.choice(["T1", "T2"])} for _ in range(2)]}


def hn_pharma_batch_coa(i):
    return {"coa": f"Product: Cyanocobalamin (vitamin B12) 1000 mcg\nBatch: {rs(UP, 2)}{rs(DG, 6)}\nSpec: USP <467>\nStorage code: {R.choice(['C10', 'D25'])}"}


def hn_sap_material_master(i):
    return {"record": f"MATNR {nl(10)}  MAKTX Washer pump E11 rev {R.randint(1, 9)}  MEINS ST  WERKS {R.choice(['K210', 'M541'])}"}


def hn_telecom_imsi_log(i):
    return {"log": f"{V.date()} MME attach imsi=31026{rs(DG, 10)} imei={imei()} tac={R.randint(1000, 9999)} cell=0x{rs('0123456789abcdef', 7)}"}


def hn_parcel_locker_pickup(i):
    return {"sms": f"InPost: paczka {nl(24)} czeka w paczkomacie WAW{R.randint(10, 99)}M. Kod odbioru: {rs(DG, 6)}"}


def hn_lottery_ticket_ocr(i):
    return {"ocr_text": f"TICKET SERIAL {nl(14, '8')}\nDRAW {V.date()}\nNUMBERS 04 11 19 27 33 45"}


def hn_member_ids_nonhealth(i):
    return {"text": f"AAA membership number: 429 {rs(DG, 3)} {rs(DG, 9)} {rs(DG, 1)}\nValid thru {R.randint(1, 12):02d}/{R.randint(27, 30)}"
            if False else f"Costco membership #: 111{rs(DG, 9)}\nExecutive member since {V.date()}"}


def hn_bank_sortcode_statement(i):
    return {"statement": f"Sort code {R.randint(10, 99)}-{R.randint(10, 99)}-{R.randint(10, 99)}  Account {rs(DG, 8)}\nPayment ref INV-{rs(DG, 6)}  {V.amount()} GBP"}


def hn_census_tract_fips(i):
    return {"rows": [{"geoid": f"06037{rs(DG, 6)}", "tract": f"{R.randint(1000, 9999)}.{R.randint(10, 99)}", "pop": R.randint(1000, 9000)} for _ in range(3)]}


def hn_chess_style_grid_game(i):
    return {"moves": " ".join(f"{R.choice('ABCDEFGHIJ')}{R.randint(1, 10)}" for _ in range(8)), "game": "naval grid"}


def hn_masked_ssn_tax_portal(i):
    return {"profile": {"taxpayer": V.name(), "ssn": f"***-**-{rs(DG, 4)}", "itin_on_file": False, "phone": f"(***) ***-{rs(DG, 4)}"}}


def hn_redacted_pem_ticket(i):
    return {"comment": "Pasted the key below (redacted by bot):\n-----BEGIN RSA PRIVATE KEY-----\n[REDACTED BY DLP]\n-----END RSA PRIVATE KEY-----"}


def hn_oauth_authorize_url(i):
    return {"url": f"https://login.example.org/authorize?response_type=code&client_id={rs('0123456789abcdef', 8)}-{rs('0123456789abcdef', 4)}&state={rs(AN, 16)}&code_challenge_method=S256"}


def hn_icd_codes_in_warehouse_bins(i):
    return {"picklist": [{"bin": f"{R.choice('ACEFGIJKLMNR')}{R.randint(10, 99)}.{R.randint(1, 9)}", "sku": f"SKU-{rs(DG, 6)}", "qty": R.randint(1, 40)} for _ in range(3)]}


HARD_NEGATIVES = [(n, f, c) for n, f, c in [
    ("royal-mail-paf-address-extract-csv", hn_royal_mail_paf, 5),
    ("bmw-chassis-code-forum-post", hn_bmw_chassis_forum, 5),
    ("spreadsheet-cell-formula-json", hn_sheet_formulas, 5),
    ("marc21-mnemonic-lc-classification", hn_lc_catalog_marc, 5),
    ("mdm-device-imei-inventory-csv", hn_phone_imei_inventory, 5),
    ("esim-profile-iccid-batch-json", hn_esim_iccid_batch, 5),
    ("grocery-ean13-price-file", hn_grocery_ean_pricing, 5),
    ("dhl-sendungsverfolgung-email-de", hn_dhl_tracking_email, 5),
    ("royal-mail-tracked-delivery-sms", hn_royal_mail_tracked_sms, 5),
    ("miles-and-more-statement-text", hn_airline_miles_statement, 5),
    ("gym-membership-card-json", hn_gym_member_card, 5),
    ("hotel-points-member-csv", hn_hotel_loyalty_csv, 5),
    ("ils-patron-record-text", hn_library_patron_record, 5),
    ("federal-court-case-search-json", hn_court_docket_search, 5),
    ("school-student-record-locker-text", hn_school_student_record, 5),
    ("oci-image-digest-list-json", hn_container_digest_list, 5),
    ("release-notes-sha256-table-md", hn_release_checksums_md, 5),
    ("git-blame-porcelain-output", hn_git_blame_porcelain, 5),
    ("webapp-users-bcrypt-rows-json", hn_bcrypt_user_table, 5),
    ("etc-shadow-argon2-line", hn_argon2_shadow, 5),
    ("dotenv-template-empty-keys", hn_dotenv_template, 5),
    ("stripe-docs-curl-test-key-md", hn_stripe_docs_snippet, 2),
    ("aws-docs-credentials-file-example-md", hn_aws_docs_snippet, 2),
    ("intranet-password-rules-html", hn_password_rules_intranet, 5),
    ("sshd-failed-password-auth-log", hn_sshd_pam_faillock_log, 5),
    ("x509-certificate-only-pem", hn_public_cert_bundle, 5),
    ("openssh-known-hosts-hashed", hn_ssh_known_hosts, 5),
    ("datafono-ticket-tarjeta-enmascarada-es", hn_masked_card_receipt_es, 5),
    ("prometheus-range-query-epoch-json", hn_epoch_metrics_export, 5),
    ("w3c-tracecontext-ids-json", hn_uuid_request_trace, 5),
    ("kfz-werkstattauftrag-fehlerspeicher-de", hn_vehicle_fault_dtc_dealer, 5),
    ("cups-like-print-queue-media-json", hn_paper_sizes_print_queue, 5),
    ("vitamin-b12-certificate-of-analysis", hn_pharma_batch_coa, 5),
    ("sap-mm-material-master-line", hn_sap_material_master, 5),
    ("lte-mme-attach-imsi-log", hn_telecom_imsi_log, 5),
    ("inpost-paczkomat-pickup-sms-pl", hn_parcel_locker_pickup, 5),
    ("lottery-ticket-serial-ocr", hn_lottery_ticket_ocr, 5),
    ("warehouse-club-membership-text", hn_member_ids_nonhealth, 5),
    ("uk-sort-code-statement-line", hn_bank_sortcode_statement, 5),
    ("census-tract-geoid-json", hn_census_tract_fips, 5),
    ("naval-grid-game-moves-json", hn_chess_style_grid_game, 3),
    ("irs-online-account-masked-profile-json", hn_masked_ssn_tax_portal, 5),
    ("helpdesk-comment-redacted-rsa-key", hn_redacted_pem_ticket, 5),
    ("oauth-authorize-redirect-url", hn_oauth_authorize_url, 5),
    ("warehouse-pick-list-bin-codes-json", hn_icd_codes_in_warehouse_bins, 5),
]]
