"""Value generators and the template renderer for the blind9 corpus.

A template is plain text (or JSON text) with placeholders written «kind», «kind:arg», «kind~2»
(a second, distinct value of the same kind), «kind=literal» (a fixed value, still labelled) or
«|a|b|c» (one of the alternatives, not labelled). The same placeholder text inside one sample
always yields the same value. Positive kinds carry their type; all other kinds are fillers.
"""
import base64
import json
import random
import re
import string

SEED = 20261209
rng = random.Random(SEED)

POSITIVE = {
    'card': 'credit_card', 'cvv': 'cvv', 'ssn': 'ssn', 'email': 'email', 'phone': 'phone',
    'akid': 'aws_access_key', 'awssecret': 'api_key', 'key': 'api_key', 'pem': 'private_key',
    'jwt': 'jwt', 'pw': 'password', 'mrn': 'medical_record_number',
    'hin': 'health_insurance_number', 'icd': 'icd10',
}

FIRST = ['Maren', 'Tobias', 'Aiko', 'Rafael', 'Ingrid', 'Kwame', 'Lucía', 'Desmond', 'Priya', 'Oskar',
         'Fenna', 'Mateus', 'Yusuf', 'Hana', 'Colm', 'Ilse', 'Teodor', 'Nadia', 'Bruno', 'Saoirse',
         'Jarrah', 'Eun-ji', 'Florin', 'Margit', 'Thiago', 'Odile', 'Kasimir', 'Leilani', 'Anouk', 'Dario']
LAST = ['Vellacourt', 'Brandhorst', 'Okonkwo-Reyes', 'Tamsin', 'Quillfeather', 'Harrowgate', 'Lindqvar',
        'Mbeki-Stone', 'Castellane', 'Drummelow', 'Featherby', 'Nakashima-Ruiz', 'Pemberthy', 'Ostrander',
        'Kowalczyk-Hale', 'Ravensdale', 'Achterberg', 'Szymborek', 'Valcourt', 'Whitlowe', 'Delacorte',
        'Marchetti-Fox', 'Oyelaran', 'Brisbois', 'Hollingrake', 'Tervonen', 'Abernethy-Lo', 'Quintero-Vale']
DOMAINS = ['northwind-clinic.org', 'fabrikam-health.com', 'lakeside-ortho.net', 'bluequarry.io',
           'mail.kestrelbank.co.uk', 'tannery-logistics.de', 'orchardview.com.au', 'praxis-lindenhof.de',
           'cabinet-sauvage.fr', 'helix-payments.com', 'studio-marsala.it', 'corvid-labs.dev',
           'ridgeback-insure.com', 'polder-zorg.nl', 'saltmarsh-retail.com', 'yamabiko-shoji.co.jp',
           'clinica-aurora.com.br', 'granite-hr.com', 'quayside-travel.ie', 'emberline.app']
CITIES = ['Springfield', 'Leeds', 'Lyon', 'Freiburg', 'Ballarat', 'Osaka', 'Porto Alegre', 'Utrecht',
          'Cork', 'Tucson', 'Graz', 'Gdańsk', 'Halifax', 'Dunedin']
WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper',
         'kestrel', 'lantern', 'meadow', 'nimbus', 'onyx', 'pebble', 'quartz', 'raven', 'saffron', 'tundra',
         'umber', 'violet', 'willow', 'yarrow', 'zephyr', 'copper', 'falcon', 'maple', 'orbit', 'cedar']
ICD = ['E11.9', 'I10', 'J45.909', 'M54.5', 'F32.9', 'Z00.00', 'K21.9', 'N39.0', 'R51.9', 'S82.201A',
       'O80', 'C50.911', 'G43.909', 'E78.5', 'J06.9', 'L40.0', 'H52.4', 'A09', 'E66.9', 'I48.91',
       'F41.1', 'M17.11', 'J44.1', 'N18.3', 'E03.9', 'K58.9', 'R10.9', 'Z23', 'M79.7', 'G47.33',
       'I25.10', 'E55.9', 'D64.9', 'R05.9', 'J20.9', 'B34.9', 'S93.401A', 'M25.561', 'F90.0', 'Z79.4',
       'E11.65', 'I50.9', 'N40.0', 'K57.30', 'H10.9', 'L03.115', 'R07.9', 'T78.40XA', 'Z34.90', 'F17.210',
       'M81.0', 'J30.1', 'E87.1', 'R73.03', 'K80.20', 'C34.90', 'G35', 'Z87.891', 'M62.830', 'O24.410']

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
B64 = AN + '+/'
B64U = AN + '-_'
HEX = '0123456789abcdef'


def rs(chars, n):
    return ''.join(rng.choice(chars) for _ in range(n))


def luhn_ok(d):
    total = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def luhn_complete(prefix_body):
    for c in DG:
        if luhn_ok(prefix_body + c):
            return prefix_body + c
    raise AssertionError


def issuer_ok(d):
    n = len(d)
    if d[0] == '4' and n in (13, 16, 19):
        return True
    if n == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return True
    if n == 15 and d[:2] in ('34', '37'):
        return True
    if n in (16, 19) and (d[:4] == '6011' or d[:2] == '65' or 644 <= int(d[:3]) <= 649):
        return True
    if n in (16, 19) and 3528 <= int(d[:4]) <= 3589:
        return True
    if n == 14 and d[:2] in ('36', '38', '30'):
        return True
    if n in (16, 17, 18, 19) and d[:2] == '62':
        return True
    return False


def not_luhn(n, first=None):
    """A digit string of length n that fails Luhn (and so can never pass as a card)."""
    d = (first or rs('123456789', 1)) + rs(DG, n - 1 - len(first or 'x'))
    while len(d) < n - 1:
        d += rng.choice(DG)
    good = luhn_complete(d)
    bad = d + str((int(good[-1]) + 1 + rng.randrange(8)) % 10)
    assert not luhn_ok(bad)
    return bad


def gen_card(arg):
    parts = arg.split('_') if arg else []
    brand = next((p for p in parts if p in ('visa', 'mc', 'amex', 'disc', 'jcb', 'diners', 'mc2', 'up')), None)
    sep = next((p for p in parts if p in ('sp', 'dash', 'nbsp')), None)
    brand = brand or rng.choice(['visa', 'visa', 'mc', 'mc2', 'amex', 'disc', 'jcb'])
    if brand == 'visa':
        pre, n = rng.choice(['4539', '4716', '4485', '4024', '4929', '4556']), 16
    elif brand == 'mc':
        pre, n = str(rng.randint(51, 55)), 16
    elif brand == 'mc2':
        pre, n = str(rng.randint(2221, 2720)), 16
    elif brand == 'amex':
        pre, n = rng.choice(['34', '37']), 15
    elif brand == 'disc':
        pre, n = rng.choice(['6011', '65']), 16
    elif brand == 'jcb':
        pre, n = str(rng.randint(3528, 3589)), 16
    elif brand == 'up':
        pre, n = '62', 16
    else:
        pre, n = rng.choice(['36', '38']), 14
    d = luhn_complete(pre + rs(DG, n - len(pre) - 1))
    assert luhn_ok(d) and issuer_ok(d)
    if sep:
        ch = {'sp': ' ', 'dash': '-', 'nbsp': '\u00a0'}[sep]
        groups = [4, 6, 5] if n == 15 else ([4, 6, 4] if n == 14 else [4, 4, 4, 4])
        out, i = [], 0
        for g in groups:
            out.append(d[i:i + g])
            i += g
        return ch.join(out)
    return d


def gen_ssn(arg):
    while True:
        a = rng.randint(1, 899)
        if a != 666:
            break
    g, s = rng.randint(1, 99), rng.randint(1, 9999)
    a, g, s = '%03d' % a, '%02d' % g, '%04d' % s
    if arg == 'plain':
        return a + g + s
    if arg == 'sp':
        return '%s %s %s' % (a, g, s)
    return '%s-%s-%s' % (a, g, s)


def gen_email(arg):
    f, l = rng.choice(FIRST), rng.choice(LAST)
    f = f.lower().replace('í', 'i').replace('ú', 'u').replace('-', '')
    l = l.lower().replace('-', '')
    dom = rng.choice(DOMAINS)
    if arg == 'role':
        return rng.choice(['billing', 'accounts', 'frontdesk', 'payroll', 'ops-alerts', 'records']) + '@' + dom
    if arg == 'free':
        dom = rng.choice(['gmail.com', 'outlook.com', 'yahoo.co.jp', 'web.de', 'orange.fr', 'icloud.com', 'proton.me'])
    style = rng.randrange(4)
    local = [f + '.' + l, f[0] + l, f + '_' + l[:4] + str(rng.randint(1, 99)), l + '.' + f[0]][style]
    return local + '@' + dom


def d(n):
    return rs(DG, n)


def gen_phone(arg):
    a = arg or 'us'
    ac = rng.choice(['212', '312', '415', '503', '617', '702', '808', '919', '206', '303'])
    x = '01' + d(2)
    m = {
        'us': lambda: '(%s) 555-%s' % (ac, x),
        'usdash': lambda: '%s-555-%s' % (ac, x),
        'usdot': lambda: '%s.555.%s' % (ac, x),
        'use164': lambda: '+1%s555%s' % (ac, x),
        'usintl': lambda: '+1 %s 555 %s' % (ac, x),
        'usplain': lambda: '%s555%s' % (ac, x),
        'uk': lambda: '020 7946 0%s' % d(3),
        'ukmob': lambda: '07700 900%s' % d(3),
        'ukint': lambda: '+44 7700 900%s' % d(3),
        'ukleeds': lambda: '0113 496 0%s' % d(3),
        'au': lambda: '0491 570 %s' % d(3),
        'auint': lambda: '+61 491 570 %s' % d(3),
        'aulan': lambda: '(02) 5550 %s' % d(4),
        'fr': lambda: '01 99 00 %s %s' % (d(2), d(2)),
        'frmob': lambda: '06 39 98 %s %s' % (d(2), d(2)),
        'frint': lambda: '+33 6 39 98 %s %s' % (d(2), d(2)),
        'de': lambda: '030 23125%s' % d(3),
        'demob': lambda: '0152 0%s %s' % (d(3), d(4)),
        'deint': lambda: '+49 152 0%s%s' % (d(3), d(4)),
        'jp': lambda: '090-%s-%s' % (d(4), d(4)),
        'jpland': lambda: '03-5%s-%s' % (d(3), d(4)),
        'br': lambda: '(11) 9%s-%s' % (d(4), d(4)),
        'in': lambda: '+91 98%s %s' % (d(3), d(5)),
        'es': lambda: '+34 6%s %s %s' % (d(2), d(3), d(3)),
        'it': lambda: '+39 333 %s %s' % (d(3), d(4)),
        'nl': lambda: '06-%s %s' % (d(4), d(4)),
        'pl': lambda: '+48 5%s %s %s' % (d(2), d(3), d(3)),
        'ae': lambda: '+971 50 %s %s' % (d(3), d(4)),
        'za': lambda: '082 %s %s' % (d(3), d(4)),
        'mx': lambda: '+52 55 %s %s' % (d(4), d(4)),
        'ie': lambda: '087 %s %s' % (d(3), d(4)),
        'kr': lambda: '010-%s-%s' % (d(4), d(4)),
        'ng': lambda: '+234 803 %s %s' % (d(3), d(4)),
        'ke': lambda: '25470' + d(7),
        'bd': lambda: '0170' + d(7),
        'tr': lambda: '+90 532 %s %s %s' % (d(3), d(2), d(2)),
        'brlocal': lambda: '9' + d(8),
        'at': lambda: '+43 660 %s' % d(7),
        'cn': lambda: '138%s' % d(8),
        'se': lambda: '+46 70 %s %s %s' % (d(3), d(2), d(2)),
        'fi': lambda: '+358 40 %s %s' % (d(3), d(4)),
    }
    return m[a]()


def gen_akid(arg):
    return (arg or 'AKIA') + rs(UP + '234567', 16)


def gen_key(arg):
    k = arg or 'hex32'
    m = {
        'stripe': lambda: 'sk_live_' + rs(AN, rng.choice([24, 99])),
        'rk': lambda: 'rk_live_' + rs(AN, 99),
        'whsec': lambda: 'whsec_' + rs(AN, 32),
        'gh': lambda: 'ghp_' + rs(AN, 36),
        'gho': lambda: 'gho_' + rs(AN, 36),
        'ghs': lambda: 'ghs_' + rs(AN, 36),
        'ghpat': lambda: 'github_pat_' + rs(AN, 22) + '_' + rs(AN, 59),
        'gl': lambda: 'glpat-' + rs(AN + '-_', 20),
        'glrt': lambda: 'glrt-' + rs(AN + '-_', 20),
        'slack': lambda: 'xoxb-%s-%s-%s' % (d(12), d(13), rs(AN, 24)),
        'slackp': lambda: 'xoxp-%s-%s-%s-%s' % (d(12), d(12), d(13), rs(HEX, 32)),
        'slackhook': lambda: 'https://hooks.slack.com/services/T%s/B%s/%s' % (rs(UP + DG, 8), rs(UP + DG, 10), rs(AN, 24)),
        'google': lambda: 'AIza' + rs(AN + '-_', 35),
        'sg': lambda: 'SG.' + rs(AN + '-_', 22) + '.' + rs(AN + '-_', 43),
        'npm': lambda: 'npm_' + rs(AN, 36),
        'hf': lambda: 'hf_' + rs(AN, 34),
        'shopify': lambda: 'shpat_' + rs(HEX, 32),
        'twilio': lambda: 'SK' + rs(HEX, 32),
        'hex32': lambda: rs(HEX, 32),
        'hex40': lambda: rs(HEX, 40),
        'hex64': lambda: rs(HEX, 64),
        'b64': lambda: rs(AN + '+/', 40),
        'an32': lambda: rs(AN, 32),
        'an40': lambda: rs(AN, 40),
        'openai': lambda: 'sk-proj-' + rs(AN + '-_', 48) + 'T3BlbkFJ' + rs(AN + '-_', 48),
        'anthropic': lambda: 'sk-ant-api03-' + rs(AN + '-_', 93) + 'AA',
        'mailgun': lambda: 'key-' + rs(HEX, 32),
        'do': lambda: 'dop_v1_' + rs(HEX, 64),
        'azure': lambda: rs(AN + '+/', 86) + '==',
        'pypi': lambda: 'pypi-AgEIcHlwaS5vcmc' + rs(AN + '-_', 60),
        'linear': lambda: 'lin_api_' + rs(AN, 40),
        'notion': lambda: 'secret_' + rs(AN, 43),
        'ntn': lambda: 'ntn_' + rs(DG, 11) + rs(AN, 35),
        'atlassian': lambda: 'ATATT3xFfGF0' + rs(AN + '-_', 180) + '=' + rs(HEX.upper(), 8),
        'square': lambda: 'EAAA' + rs(AN + '-_', 60),
        'okta': lambda: '00' + rs(AN + '-_', 40),
        'contentful': lambda: 'CFPAT-' + rs(AN + '-_', 43),
        'figma': lambda: 'figd_' + rs(AN + '-_', 40),
        'telegram': lambda: '%s:AA%s' % (d(10), rs(AN + '-_', 33)),
        'databricks': lambda: 'dapi' + rs(HEX, 32),
        'grafana': lambda: 'glsa_' + rs(AN, 32) + '_' + rs(HEX, 8),
        'newrelic': lambda: 'NRAK-' + rs(UP + DG, 27),
        'mailchimp': lambda: rs(HEX, 32) + '-us' + str(rng.randint(2, 21)),
        'brevo': lambda: 'xkeysib-' + rs(HEX, 64) + '-' + rs(AN, 16),
        'jfrog': lambda: 'AKCp' + rs(AN, 69),
        'dopplertok': lambda: 'dp.st.prd.' + rs(AN, 43),
        'tfc': lambda: rs(AN, 14) + '.atlasv1.' + rs(AN, 67),
        'pagerduty': lambda: 'u+' + rs(AN + '-_', 18),
        'algolia': lambda: rs(HEX, 32),
        'cloudflare': lambda: rs(AN + '-_', 40),
        'vercel': lambda: rs(AN, 24),
        'circle': lambda: 'CCIPAT_' + rs(AN, 22) + '_' + rs(HEX, 40),
        'postmark': lambda: '%s-%s-%s-%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 4), rs(HEX, 4), rs(HEX, 12)),
        'sentryauth': lambda: 'sntrys_' + rs(AN, 64),
        'dd': lambda: rs(HEX, 32),
        'ddapp': lambda: rs(HEX, 40),
        'replicate': lambda: 'r8_' + rs(AN, 37),
        'groq': lambda: 'gsk_' + rs(AN, 52),
        'mistral': lambda: rs(AN, 32),
        'pinecone': lambda: 'pcsk_' + rs(AN, 6) + '_' + rs(AN, 60),
        'supabase': lambda: 'sbp_' + rs(HEX, 40),
        'pscale': lambda: 'pscale_tkn_' + rs(AN + '_', 43),
        'flyio': lambda: 'FlyV1 fm2_' + rs(AN + '+/', 120),
        'railway': lambda: '%s-%s-%s-%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 4), rs(HEX, 4), rs(HEX, 12)),
        'paypalsecret': lambda: 'E' + rs(AN + '-_', 79),
        'adyen': lambda: 'AQE' + rs(AN + '+/', 90) + '=',
        'mollie': lambda: 'live_' + rs(AN, 30),
        'razorpay': lambda: rs(AN, 24),
        'klaviyo': lambda: 'pk_' + rs(HEX, 34),
        'zendesk': lambda: rs(AN, 40),
        'hubspot': lambda: 'pat-na1-%s-%s-%s-%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 4), rs(HEX, 4), rs(HEX, 12)),
        'airtable': lambda: 'pat' + rs(AN, 14) + '.' + rs(HEX, 64),
        'asana': lambda: '2/%s/%s:%s' % (d(16), d(16), rs(HEX, 32)),
        'dropbox': lambda: 'sl.B' + rs(AN + '-_', 135),
        'intercom': lambda: 'dG9rOj' + rs(AN, 54) + '=',
        'age': lambda: 'AGE-SECRET-KEY-1' + rs('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
        'vault': lambda: 'hvs.' + rs(AN + '-_', 90),
        'tailscale': lambda: 'tskey-auth-' + rs(AN, 17) + '-' + rs(AN, 32),
        'ngrok': lambda: rs(AN, 27) + '_' + rs(AN, 21),
        'heroku': lambda: 'HRKU-' + rs(AN + '-_', 60),
        'netlify': lambda: 'nfp_' + rs(AN, 36),
        'render': lambda: 'rnd_' + rs(AN, 32),
        'snyk': lambda: '%s-%s-%s-%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 4), rs(HEX, 4), rs(HEX, 12)),
        'mapkit': lambda: rs(AN, 32),
        'wx': lambda: rs(HEX, 32),
        'clientsecret': lambda: rs(AN + '~._-', 40),
        'ibm': lambda: rs(AN + '-_', 44),
        'sumo': lambda: rs(AN, 64),
        'oauth': lambda: 'ya29.' + rs(AN + '-_', 150),
        'fb': lambda: 'EAAG' + rs(AN, 180),
        'rubygems': lambda: 'rubygems_' + rs(HEX, 48),
        'an16': lambda: rs(AN, 16),
        'hex16': lambda: rs(HEX, 16),
        'an64': lambda: rs(AN, 64),
        'hex128': lambda: rs(HEX, 128),
        'laravel': lambda: 'base64:' + rs(AN + '+/', 43) + '=',
        'awssession': lambda: 'IQoJb3JpZ2luX2Vj' + rs(AN + '+/', 300),
        'dockerpat': lambda: 'dckr_pat_' + rs(AN + '-_', 27),
        'mongo': lambda: rs(HEX, 8) + '-' + rs(HEX, 4) + '-' + rs(HEX, 4) + '-' + rs(HEX, 4) + '-' + rs(HEX, 12),
    }
    return m[k]()


PEM = {
    'rsa': ('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA', 1580, 64),
    'rsa4k': ('RSA PRIVATE KEY', 'MIIJKAIBAAKCAgEA', 3170, 64),
    'pkcs8': ('PRIVATE KEY', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', 1590, 64),
    'ec': ('EC PRIVATE KEY', 'MHcCAQEEI', 212, 64),
    'ecp8': ('PRIVATE KEY', 'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg', 176, 64),
    'openssh': ('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACA', 340, 70),
    'enc': ('ENCRYPTED PRIVATE KEY', 'MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI', 1700, 64),
    'dsa': ('DSA PRIVATE KEY', 'MIIBuwIBAAKBgQD', 600, 64),
}


def gen_pem(arg):
    parts = (arg or 'rsa').split('_')
    label, pre, n, width = PEM[parts[0]]
    body = pre + rs(B64, n - len(pre))
    if parts[0] == 'openssh':
        body = body + '='
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    nl = '\\n' if 'esc' in parts else '\n'
    if 'body' in parts:
        return nl.join(lines)
    pem = '-----BEGIN %s-----%s%s%s-----END %s-----' % (label, nl, nl.join(lines), nl, label)
    if 'b64' in parts:
        return base64.b64encode((pem + '\n').encode()).decode()
    return pem


def b64u(obj):
    raw = json.dumps(obj, separators=(',', ':')).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip('=')


def gen_jwt(arg):
    alg = rng.choice(['HS256', 'RS256', 'ES256', 'HS256'])
    hdr = {'alg': alg, 'typ': 'JWT'}
    if alg != 'HS256':
        hdr['kid'] = rs(HEX, 16)
    iat = 1764000000 + rng.randrange(3000000)
    pl = {'sub': rng.choice(['usr_', 'acct|', '']) + rs(HEX, 12), 'iat': iat, 'exp': iat + rng.choice([900, 3600, 86400])}
    if rng.random() < 0.5:
        pl['scope'] = rng.choice(['read:orders', 'openid profile', 'claims.write', 'admin'])
    if rng.random() < 0.4:
        pl['iss'] = rng.choice(['https://auth.corvid-labs.dev/', 'urn:fabrikam:sso', 'https://login.emberline.app'])
    sig = rs(B64U, 43 if alg == 'HS256' else (86 if alg == 'ES256' else 342))
    return b64u(hdr) + '.' + b64u(pl) + '.' + sig


SYL = ['Kor', 'vel', 'Tam', 'rik', 'Sol', 'mun', 'Bre', 'zo', 'Lum', 'pax', 'Qui', 'dor', 'Nex', 'ta']


def gen_pw(arg):
    sym = '!%*-_+=.?^~'
    if arg == 'url':
        sym = '-_.'
    if arg == 'pin':
        return d(rng.choice([4, 6]))
    s = rng.randrange(5)
    if s == 0:
        return rng.choice(WORDS).capitalize() + rng.choice(sym) + rng.choice(WORDS) + d(rng.randint(2, 4))
    if s == 1:
        return rs(AN + sym, rng.randint(14, 22))
    if s == 2:
        return ''.join(rng.choice(SYL) for _ in range(3)) + d(2) + rng.choice(sym)
    if s == 3:
        return rng.choice(WORDS).capitalize() + str(rng.randint(1970, 2026)) + rng.choice(sym)
    return rs(AN, 6) + rng.choice(sym) + rs(AN, 6) + rng.choice(sym) + d(2)


def gen_mrn(arg):
    a = arg or 'num8'
    m = {
        'num6': lambda: rs('123456789', 1) + d(5),
        'num7': lambda: rs('123456789', 1) + d(6),
        'num8': lambda: rs('123456789', 1) + d(7),
        'num9': lambda: '00' + d(7),
        'num10': lambda: rs('123456789', 1) + d(9),
        'e': lambda: 'E' + d(7),
        'alpha': lambda: rs(UP, 2) + d(6),
        'dash': lambda: '%s-%s-%s' % (d(2), d(2), d(4)),
        'hosp': lambda: rs('HKMRT', 1) + d(7),
        'pad': lambda: '000' + d(6),
        'yr': lambda: '%d-%s' % (rng.randint(2009, 2026), d(6)),
        'dot': lambda: '%s.%s.%s' % (d(3), d(3), d(3)),
    }
    return m[a]()


MBI_L = 'ACDEFGHJKMNPQRTUVWXY'


def gen_mbi():
    an = MBI_L + DG
    c = [rs('123456789', 1), rng.choice(MBI_L), rng.choice(an), rng.choice(DG), rng.choice(MBI_L),
         rng.choice(an), rng.choice(DG), rng.choice(MBI_L), rng.choice(MBI_L), rng.choice(DG), rng.choice(DG)]
    return ''.join(c)


def kvnr():
    letter = rng.choice(UP)
    num = '%02d' % (UP.index(letter) + 1) + d(8)
    total = 0
    for i, ch in enumerate(num[:10]):
        v = int(ch) * (1 if i % 2 == 0 else 2)
        total += v // 10 + v % 10
    return letter + num[2:10] + str(total % 10)


def gen_hin(arg):
    a = arg or 'member'
    if a == 'mbi':
        return gen_mbi()
    if a == 'mbidash':
        m = gen_mbi()
        return '%s-%s-%s' % (m[:4], m[4:7], m[7:])
    if a == 'kvnr':
        return kvnr()
    m = {
        'member': lambda: rs(UP, 3) + d(9),
        'w': lambda: 'W' + d(9),
        'num9': lambda: rs('123456789', 1) + d(8),
        'num11': lambda: rs('123456789', 1) + d(10),
        'medicaid': lambda: rs(UP, 2) + d(5) + rs(UP, 1),
        'ohip': lambda: '%s-%s-%s-%s' % (d(4), d(3), d(3), rs(UP, 2)),
        'aumed': lambda: '%s %s %s' % (rs('23456', 1) + d(3), d(5), d(1)),
        'bcbs': lambda: rs(UP, 3) + d(8) + '01',
        'alnum10': lambda: rs(UP + DG, 10),
        'ins': lambda: 'U' + d(8) + '01',
        'tricare': lambda: d(11),
        'jp': lambda: d(8),
        'zn': lambda: d(9),
        'pl': lambda: '%s%s' % (rs(UP, 2), d(8)),
        'mx': lambda: d(11),
        'ch': lambda: '80756' + d(15)[:0] + d(5),
        'ramq': lambda: rs(UP, 4) + d(8),
        'itts': lambda: '80380' + d(15),
        'it': lambda: rs(UP, 6) + d(2) + rs(UP, 1) + d(2) + rs(UP, 1) + d(3) + rs(UP, 1),
    }
    return m[a]()


def gen_filler(kind, arg):
    a = arg
    if kind == 'first':
        return rng.choice(FIRST)
    if kind == 'last':
        return rng.choice(LAST)
    if kind == 'name':
        return rng.choice(FIRST) + ' ' + rng.choice(LAST)
    if kind == 'city':
        return rng.choice(CITIES)
    if kind == 'word':
        return rng.choice(WORDS)
    if kind == 'date':
        y, mo, dd = rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28)
        fmt = a or 'iso'
        if fmt == 'us':
            return '%02d/%02d/%d' % (mo, dd, y)
        if fmt == 'eu':
            return '%02d.%02d.%d' % (dd, mo, y)
        if fmt == 'uk':
            return '%02d/%02d/%d' % (dd, mo, y)
        if fmt == 'compact':
            return '%d%02d%02d' % (y, mo, dd)
        return '%d-%02d-%02d' % (y, mo, dd)
    if kind == 'dob':
        y, mo, dd = rng.randint(1938, 2004), rng.randint(1, 12), rng.randint(1, 28)
        if a == 'us':
            return '%02d/%02d/%d' % (mo, dd, y)
        if a == 'eu':
            return '%02d.%02d.%d' % (dd, mo, y)
        if a == 'compact':
            return '%d%02d%02d' % (y, mo, dd)
        return '%d-%02d-%02d' % (y, mo, dd)
    if kind == 'time':
        return '%02d:%02d:%02d' % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if kind == 'dt':
        return '%d-%02d-%02dT%02d:%02d:%02dZ' % (rng.randint(2025, 2026), rng.randint(1, 12), rng.randint(1, 28),
                                                 rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    if kind == 'ts':
        return str(1764000000 + rng.randrange(5000000))
    if kind == 'tsms':
        return str(1764000000000 + rng.randrange(5000000000))
    if kind == 'uuid':
        return '%s-%s-4%s-%s%s-%s' % (rs(HEX, 8), rs(HEX, 4), rs(HEX, 3), rng.choice('89ab'), rs(HEX, 3), rs(HEX, 12))
    if kind == 'hex':
        return rs(HEX, int(a or 12))
    if kind == 'HEX':
        return rs(HEX.upper()[:16], int(a or 12))
    if kind == 'num':
        n = int(a or 6)
        return not_luhn(n) if n >= 12 else rs('123456789', 1) + d(n - 1)
    if kind == 'an':
        return rs(UP + DG, int(a or 8))
    if kind == 'lower':
        return rs(LO + DG, int(a or 8))
    if kind == 'up':
        return rs(UP, int(a or 3))
    if kind == 'int':
        lo, hi = (a or '1-99').split('-')
        return str(rng.randint(int(lo), int(hi)))
    if kind == 'amt':
        return '%d.%02d' % (rng.randint(3, 2400), rng.randint(0, 99))
    if kind == 'ip':
        return rng.choice(['10.%d.%d.%d', '192.168.%d.%d%d', '172.16.%d.%d%d']) % tuple(rng.randint(1, 9) for _ in range(3)) if False else '10.%d.%d.%d' % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
    if kind == 'pubip':
        return rng.choice(['198.51.100.', '203.0.113.', '192.0.2.']) + str(rng.randint(1, 254))
    if kind == 'mac':
        return ':'.join(rs(HEX, 2) for _ in range(6))
    if kind == 'sha256':
        return rs(HEX, 64)
    if kind == 'sha1':
        return rs(HEX, 40)
    if kind == 'md5':
        return rs(HEX, 32)
    if kind == 'gitsha':
        return rs(HEX, 7)
    if kind == 'maskcard':
        return rng.choice(['**** **** **** ', 'XXXX-XXXX-XXXX-', '•••• ', '************', '411111******']) + d(4)
    if kind == 'last4':
        return d(4)
    if kind == 'ups':
        return '1Z' + rs(UP + DG, 6) + d(10)
    if kind == 'usps':
        return '9400' + not_luhn(18)
    if kind == 'zip':
        return d(5)
    if kind == 'npi':
        body = '1' + d(8)
        full = luhn_complete('80840' + body)
        return body + full[-1]
    if kind == 'ndc':
        return '%s-%s-%s' % (d(5), d(4), d(2))
    if kind == 'company':
        return rng.choice(['Kestrel Freight GmbH', 'Orchard & Vine Ltd', 'Bluequarry Systems', 'Polder Zorg BV',
                           'Saltmarsh Retail Inc.', 'Yamabiko Shoji KK', 'Helix Payments', 'Granite HR LLC'])
    if kind == 'street':
        return '%d %s %s' % (rng.randint(2, 980), rng.choice(['Larkspur', 'Mill', 'Quarry', 'Harbour', 'Linden']),
                             rng.choice(['Lane', 'Road', 'St', 'Avenue', 'Way']))
    if kind == 'host':
        return rng.choice(['db-prod-2', 'api-eu1', 'worker-07', 'ip-10-2-14-8', 'build-agent-3', 'edge-sfo-12'])
    if kind == 'user':
        return rng.choice(['svc_reporting', 'deploy', 'appuser', 'etl_loader', 'ci-bot', 'grafana_ro', 'admin'])
    if kind == 'ver':
        return '%d.%d.%d' % (rng.randint(0, 9), rng.randint(0, 30), rng.randint(0, 40))
    if kind == 'imei':
        return luhn_complete('35' + d(12))
    if kind == 'fp':
        return ':'.join(rs(HEX, 2) for _ in range(int(a or 16)))
    if kind == 'icdfake':
        return rs(UP, 1) + d(2)
    raise KeyError(kind)


GEN = {
    'card': gen_card, 'ssn': gen_ssn, 'email': gen_email, 'phone': gen_phone, 'akid': gen_akid,
    'key': gen_key, 'pem': gen_pem, 'jwt': gen_jwt, 'pw': gen_pw, 'mrn': gen_mrn, 'hin': gen_hin,
    'awssecret': lambda a: rs(AN + '+/', 40),
    'cvv': lambda a: d(4) if a == '4' else d(3),
    'icd': lambda a: rng.choice(ICD),
}

# Fillers that name one thing (a person, host, product) keep their value within a sample; counters,
# amounts, dates and ids are drawn afresh at every occurrence.
SAME_IN_SAMPLE = {'first', 'last', 'name', 'word', 'user', 'host', 'company', 'city', 'street', 'zip', 'dob', 'ip'}

PH = re.compile('«([^«»]*)»')


def json_escape(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def render(template, kind):
    """Return (text, types, values) for one rendering of a template."""
    cache = {}
    types = set()
    values = []

    def sub(m):
        spec = m.group(1)
        if spec.startswith('|'):
            val = rng.choice(spec[1:].split('|'))
            return val
        if spec in cache:
            return cache[spec]
        base = spec.split('~')[0]
        if '=' in base:
            k, lit = base.split('=', 1)
            val, typ = lit, POSITIVE[k]
        else:
            k, _, arg = base.partition(':')
            if k in POSITIVE:
                val, typ = GEN[k](arg or None), POSITIVE[k]
            else:
                val, typ = gen_filler(k, arg or None), None
        if typ:
            types.add(typ)
            values.append((typ, val))
        out = json_escape(val) if kind == 'json' else val
        if typ or k in SAME_IN_SAMPLE:
            cache[spec] = out
        return out

    text = PH.sub(sub, template)
    return text, types, values


REGISTRY = []


def F(name, *templates, kind='text', key='text', n=2, meta=None):
    """Register a format: each template is rendered n times."""
    REGISTRY.append({'name': name, 'templates': templates, 'kind': kind, 'key': key, 'n': n, 'meta': meta})
