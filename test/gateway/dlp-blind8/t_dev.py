"""Cloud, DevOps, self-hosted apps, databases, network gear, test tooling."""
import json
from core8 import T, enc_b64, UP, LO, DG


def pw_url(g):
    return g.pw("gen_url")


@T("aliyun-cli-config-json")
def _(g):
    return {"current": "default", "profiles": [{"name": "default", "mode": "AK", "access_key_id": "LTAI5t" + g.chars(UP + LO + DG, 18), "access_key_secret": g.sec(g.chars(UP + LO + DG, 30)),
            "region_id": "cn-hangzhou", "output_format": "json", "language": "zh"}], "meta_path": ""}


@T("tccli-credential-json")
def _(g):
    return {"secretId": "AKID" + g.chars(UP + LO + DG, 32), "secretKey": g.sec(g.chars(UP + LO + DG, 32)), "token": ""}


@T("ibmcloud-api-key-json")
def _(g):
    return {"id": "ApiKey-" + g.uuid(), "crn": "crn:v1:bluemix:public:iam-identity::a/" + g.hexs(32) + "::apikey:ApiKey-" + g.uuid(), "iam_id": "IBMid-" + g.num(9, "6"), "name": "ci-deployer",
            "description": "travis deploy", "createdAt": g.ts(), "apikey": g.sec(g.b64url(44))}


@T("ovh-conf")
def _(g):
    return {"file": f"[default]\nendpoint=ovh-eu\n\n[ovh-eu]\napplication_key={g.chars(LO + DG, 16)}\napplication_secret={g.sec(g.chars(LO + DG, 32))}\nconsumer_key={g.chars(LO + DG, 32)}\n"}


@T("scaleway-cli-config-yaml")
def _(g):
    return {"config.yaml": f"access_key: SCW{g.chars(UP + DG, 17)}\nsecret_key: {g.sec(g.uuid())}\ndefault_organization_id: {g.uuid()}\ndefault_project_id: {g.uuid()}\ndefault_region: fr-par\ndefault_zone: fr-par-1\n"}


@T("hcloud-cli-toml")
def _(g):
    return {"cli.toml": f"active_context = \"prod\"\n\n[[contexts]]\n  name = \"prod\"\n  token = \"{g.key('alnum40') + g.chars(UP + LO + DG, 24)}\"\n"}


@T("linode-cli-config")
def _(g):
    return {"linode-cli": f"[DEFAULT]\ndefault-user = {g.first().lower()}\n\n[{g.vals.get('x', g.first().lower())}]\ntoken = {g.key('hex64')}\nregion = eu-central\ntype = g6-standard-2\nimage = linode/debian12\n"}


@T("exoscale-cli-toml")
def _(g):
    return {"exoscale.toml": f"defaultaccount = \"prod\"\n\n[[accounts]]\n  account = \"ops@{g.word()}\"\n  defaultZone = \"ch-gva-2\"\n  key = \"EXO{g.hexs(24)}\"\n  name = \"prod\"\n  secret = \"{g.sec(g.b64url(43))}\"\n"}


@T("backblaze-b2-authorize-shell")
def _(g):
    return {"history": f"$ b2 account authorize 005{g.hexs(22)} {g.sec('K005' + g.chars(UP + LO + DG + '/+', 27))}\nUsing https://api.backblazeb2.com\n$ b2 ls b2://{g.word()}-backups"}


@T("akamai-edgerc")
def _(g):
    return {".edgerc": f"[default]\nclient_secret = {g.sec(g.b64(43) + '=')}\nhost = akab-{g.chars(LO + DG, 16)}-{g.chars(LO + DG, 16)}.luna.akamaiapis.net\naccess_token = akab-{g.chars(LO + DG, 16)}-{g.chars(LO + DG, 16)}\nclient_token = akab-{g.chars(LO + DG, 16)}-{g.chars(LO + DG, 16)}\n"}


@T("fastly-cli-config-toml")
def _(g):
    return {"config.toml": f"[fastly]\napi_endpoint = \"https://api.fastly.com\"\n\n[profile.{g.first().lower()}]\ndefault = true\nemail = \"{g.em()}\"\ntoken = \"{g.key('alnum40')[:32]}\"\n"}


@T("railway-cli-config-json")
def _(g):
    return {"projects": {"/home/dev/" + g.word(): {"projectPath": "/home/dev/" + g.word(), "project": g.uuid(), "environment": g.uuid()}}, "user": {"token": g.key("uuidtok")}, "linkedFunctions": None}


@T("azure-cli-msal-token-cache-json")
def _(g):
    oid, tid = g.uuid(), g.uuid()
    return {"AccessToken": {f"{oid}.{tid}-login.microsoftonline.com-accesstoken-04b07795-8ddb-461a-bbee-02f9e1bf7b46-{tid}-https://management.core.windows.net//.default": {
        "credential_type": "AccessToken", "secret": g.jwt("RS256"), "home_account_id": f"{oid}.{tid}", "environment": "login.microsoftonline.com", "expires_on": str(g.epoch())}},
        "RefreshToken": {f"{oid}.{tid}-login.microsoftonline.com-refreshtoken-04b07795-8ddb-461a-bbee-02f9e1bf7b46--": {"credential_type": "RefreshToken", "secret": g.sec("1.AXoA" + g.b64url(300))}}}


@T("gcloud-credentials-db-row")
def _(g):
    cred = json.dumps({"client_id": g.num(12) + "-" + g.chars(LO + DG, 32) + ".apps.googleusercontent.com", "client_secret": g.b64url(24), "refresh_token": g.sec("1//0g" + g.b64url(100)), "type": "authorized_user"})
    return {"sqlite": "sqlite> select * from credentials;", "row": f"{g.first().lower()}.{g.last().lower()}|{cred}".replace(f"{g.first().lower()}", "ops", 1)}


@T("aws-samconfig-toml")
def _(g):
    return {"samconfig.toml": f"version = 0.1\n[prod.deploy.parameters]\nstack_name = \"{g.word()}-api\"\nregion = \"eu-west-1\"\ncapabilities = \"CAPABILITY_IAM\"\n"
                              f"parameter_overrides = \"Stage=prod DbUser=app DbPassword={pw_url(g)} LogLevel=INFO\"\n"}


@T("aws-ecs-task-definition-json")
def _(g):
    return {"family": g.word() + "-worker", "containerDefinitions": [{"name": "worker", "image": f"{g.num(12)}.dkr.ecr.us-east-1.amazonaws.com/worker:{g.ver()}", "cpu": 256,
            "environment": [{"name": "DB_HOST", "value": g.host()}, {"name": "DB_USER", "value": "worker"}, {"name": "DB_PASSWORD", "value": g.pw()}],
            "secrets": [{"name": "API_TOKEN", "valueFrom": f"arn:aws:ssm:us-east-1:{g.num(12)}:parameter/prod/api-token"}]}]}


@T("aws-lambda-get-function-configuration")
def _(g):
    return {"FunctionName": g.word() + "-thumbnailer", "Runtime": "python3.12", "Handler": "app.handler", "MemorySize": 512, "LastModified": g.ts(),
            "Environment": {"Variables": {"BUCKET": g.word() + "-uploads", "AWS_ACCESS_KEY_ID_LEGACY": g.akia(), "AWS_SECRET_ACCESS_KEY_LEGACY": g.awssec(), "LOG_LEVEL": "debug"}}}


@T("aws-ssm-get-parameters-decrypted")
def _(g):
    return {"Parameters": [{"Name": "/prod/orders/db_password", "Type": "SecureString", "Value": g.pw(), "Version": g.ri(1, 9), "LastModifiedDate": g.ts(),
                            "ARN": f"arn:aws:ssm:eu-central-1:{g.num(12)}:parameter/prod/orders/db_password", "DataType": "text"}], "InvalidParameters": []}


@T("aws-sts-assume-role-output")
def _(g):
    return {"Credentials": {"AccessKeyId": g.akia(True), "SecretAccessKey": g.awssec(), "SessionToken": "IQoJb3JpZ2luX2VjE" + g.b64(380), "Expiration": g.ts()},
            "AssumedRoleUser": {"AssumedRoleId": "AROA" + g.chars(UP + DG, 17) + ":ci", "Arn": f"arn:aws:sts::{g.num(12)}:assumed-role/deploy/ci"}}


@T("legacy-boto-cfg")
def _(g):
    return {"~/.boto": f"[Credentials]\naws_access_key_id = {g.akia()}\naws_secret_access_key = {g.awssec()}\n\n[Boto]\ndebug = 0\nnum_retries = 10\n"}


@T("s3fs-passwd-file")
def _(g):
    return {"path": "/etc/passwd-s3fs", "content": f"{g.word()}-archive:{g.akia()}:{g.awssec()}\n", "mode": "0600"}


@T("duplicity-backup-env-script")
def _(g):
    return {"backup.sh": f"#!/bin/sh\nexport AWS_ACCESS_KEY_ID={g.akia()}\nexport AWS_SECRET_ACCESS_KEY={g.awssec()}\nexport PASSPHRASE='{g.pw('phrase')}'\n"
                         f"duplicity --full-if-older-than 1M /srv/data s3://s3.eu-west-1.amazonaws.com/{g.word()}-dup/data\nunset PASSPHRASE"}


@T("borgmatic-config-yaml")
def _(g):
    return {"config.yaml": f"source_directories:\n  - /home\n  - /etc\nrepositories:\n  - path: ssh://borg@{g.host()}/./repo\n    label: offsite\nencryption_passphrase: \"{g.pw('phrase')}\"\nkeep_daily: 7\nkeep_weekly: 4\n"}


@T("terraform-cli-credentials-tfrc-json")
def _(g):
    return {"credentials": {"app.terraform.io": {"token": g.sec(g.chars(LO + UP + DG, 14) + ".atlasv1." + g.chars(LO + UP + DG, 67))}}}


@T("pulumi-credentials-json")
def _(g):
    return {"current": "https://api.pulumi.com", "accessTokens": {"https://api.pulumi.com": g.sec("pul-" + g.hexs(40))}, "accounts": {"https://api.pulumi.com": {"accessToken": "", "username": g.first().lower(), "lastValidatedAt": g.ts()}}}


@T("consul-acl-token-create-output")
def _(g):
    return {"stdout": f"AccessorID:       {g.uuid()}\nSecretID:         {g.sec(g.uuid())}\nDescription:      agent token for {g.host()}\nLocal:            false\nCreate Time:      {g.date()} 10:22:04 +0000 UTC\nPolicies:\n   {g.uuid()} - agent-policy"}


@T("harbor-robot-account-create-response")
def _(g):
    return {"id": g.ri(1, 90), "name": "robot$" + g.word() + "+ci", "secret": g.sec(g.chars(UP + LO + DG, 32)), "creation_time": g.ts(), "expires_at": g.epoch()}


@T("artifactory-access-token-create")
def _(g):
    return {"cmd": f"curl -u admin -XPOST https://{g.word()}.jfrog.io/access/api/v1/tokens -d scope=applied-permissions/user", "response": {"token_id": g.uuid(), "access_token": g.jwt("RS256"),
            "expires_in": 31536000, "scope": "applied-permissions/user", "token_type": "Bearer"}}


@T("sonar-project-properties")
def _(g):
    return {"sonar-project.properties": f"sonar.projectKey={g.word()}-service\nsonar.host.url=https://sonar.{g.word()}.internal\nsonar.login={g.sec('squ_' + g.hexs(40))}\nsonar.sources=src\nsonar.exclusions=**/*.spec.ts\n"}


@T("sonarqube-sonar-properties")
def _(g):
    return {"conf/sonar.properties": f"sonar.jdbc.username=sonar\nsonar.jdbc.password={g.pw()}\nsonar.jdbc.url=jdbc:postgresql://{g.host()}/sonarqube\nsonar.web.port=9000\n"}


@T("gitlab-rb-omnibus")
def _(g):
    return {"gitlab.rb": f"external_url 'https://gitlab.{g.word()}.org'\ngitlab_rails['smtp_enable'] = true\ngitlab_rails['smtp_address'] = \"smtp.{g.word()}.org\"\ngitlab_rails['smtp_user_name'] = \"{g.role_em('gitlab')}\"\n"
                          f"gitlab_rails['smtp_password'] = \"{g.pw()}\"\ngitlab_rails['smtp_port'] = 587\n"}


@T("harbor-yml")
def _(g):
    return {"harbor.yml": f"hostname: registry.{g.word()}.io\nhttps:\n  port: 443\n  certificate: /data/cert/server.crt\nharbor_admin_password: {g.pw()}\ndatabase:\n  password: {g.pw('gen_url')}\n  max_idle_conns: 100\ndata_volume: /data\n"}


@T("authelia-configuration-yml")
def _(g):
    return {"configuration.yml": f"identity_validation:\n  reset_password:\n    jwt_secret: '{g.key('alnum40')}'\nsession:\n  secret: '{g.chars(UP + LO + DG, 48)}'\nstorage:\n  encryption_key: '{g.chars(UP + LO + DG, 64)}'\n"
                                 f"authentication_backend:\n  ldap:\n    address: ldaps://ldap.{g.word()}.lan\n    user: CN=authelia,OU=svc,DC=corp,DC=lan\n    password: '{g.pw()}'\n"}


@T("dex-config-yaml")
def _(g):
    return {"config.yaml": f"issuer: https://dex.{g.word()}.dev\nstorage:\n  type: sqlite3\nconnectors:\n- type: ldap\n  id: ldap\n  config:\n    host: ldap.{g.word()}.dev:636\n    bindDN: uid=dex,ou=svc,dc=corp\n    bindPW: {g.pw()}\n"
                           f"staticClients:\n- id: grafana\n  name: Grafana\n  secret: {g.key('alnum40')}\n  redirectURIs: ['https://grafana.{g.word()}.dev/login/generic_oauth']\n"}


@T("pomerium-config-yaml")
def _(g):
    return {"config.yaml": f"authenticate_service_url: https://authenticate.{g.word()}.io\nshared_secret: {g.key('b64_32')}\ncookie_secret: {g.b64(43)}=\nidp_provider: google\nidp_client_id: {g.num(12)}-x.apps.googleusercontent.com\n"
                           f"idp_client_secret: GOCSPX-{g.b64url(28)}\nroutes:\n  - from: https://grafana.{g.word()}.io\n    to: http://grafana:3000\n"}


@T("vaultwarden-env")
def _(g):
    return {".env": f"DOMAIN=https://vault.{g.word()}.net\nSIGNUPS_ALLOWED=false\nADMIN_TOKEN={g.key('b64_32').rstrip('=')}\nSMTP_HOST=smtp.{g.word()}.net\nSMTP_FROM={g.role_em('vault')}\nSMTP_USERNAME=vaultwarden\nSMTP_PASSWORD={g.pw()}\n"}


@T("mastodon-env-production")
def _(g):
    return {".env.production": f"LOCAL_DOMAIN={g.word()}.social\nSECRET_KEY_BASE={g.key('hex64')}{g.hexs(64)}\nOTP_SECRET={g.hexs(128)}\nDB_HOST=db\nDB_USER=mastodon\nDB_NAME=mastodon_production\nDB_PASS={g.pw()}\n"
                                 f"SMTP_SERVER=smtp.mailgun.org\nSMTP_LOGIN={g.role_em('postmaster', 'mg.' + g.word() + '.social')}\nSMTP_PASSWORD={g.pw('gen_url')}\n"}


@T("synapse-homeserver-yaml")
def _(g):
    return {"homeserver.yaml": f"server_name: \"{g.word()}.chat\"\nregistration_shared_secret: \"{g.key('alnum40')}\"\nmacaroon_secret_key: \"{g.chars(UP + LO + DG + '=+,.~', 50)}\"\ndatabase:\n  name: psycopg2\n  args:\n"
                                 f"    user: synapse\n    password: \"{g.pw()}\"\n    database: synapse\n    host: localhost\n"}


@T("discourse-app-yml")
def _(g):
    return {"containers/app.yml": f"env:\n  LANG: en_US.UTF-8\n  DISCOURSE_HOSTNAME: forum.{g.word()}.org\n  DISCOURSE_DEVELOPER_EMAILS: '{g.em()}'\n  DISCOURSE_SMTP_ADDRESS: smtp.{g.word()}.org\n  DISCOURSE_SMTP_PORT: 587\n"
                                  f"  DISCOURSE_SMTP_USER_NAME: forum\n  DISCOURSE_SMTP_PASSWORD: \"{g.pw()}\"\n"}


@T("mattermost-config-json")
def _(g):
    return {"SqlSettings": {"DriverName": "postgres", "DataSource": f"postgres://mmuser:{pw_url(g)}@{g.host()}:5432/mattermost?sslmode=require&connect_timeout=10"},
            "EmailSettings": {"SMTPUsername": "mattermost", "SMTPPassword": g.pw(), "SMTPServer": "smtp.office365.com", "SMTPPort": "587"}, "ServiceSettings": {"SiteURL": "https://chat." + g.word() + ".com"}}


@T("odoo-conf")
def _(g):
    return {"odoo.conf": f"[options]\nadmin_passwd = {g.pw()}\ndb_host = {g.host()}\ndb_port = 5432\ndb_user = odoo\ndb_password = {g.pw('gen')}\naddons_path = /usr/lib/python3/dist-packages/odoo/addons\nworkers = 4\n"}


@T("magento-env-php")
def _(g):
    return {"app/etc/env.php": f"<?php\nreturn [\n    'crypt' => ['key' => '{g.key('hex32')}'],\n    'db' => ['connection' => ['default' => ['host' => '{g.host()}', 'dbname' => 'magento', 'username' => 'magento', 'password' => '{g.pw()}', 'active' => '1']]],\n    'MAGE_MODE' => 'production',\n];"}


@T("prestashop-parameters-php")
def _(g):
    return {"app/config/parameters.php": f"<?php return array (\n  'parameters' => array (\n    'database_host' => '{g.host()}',\n    'database_name' => 'prestashop',\n    'database_user' => 'ps_user',\n    'database_password' => '{g.pw()}',\n"
                                         f"    'cookie_key' => '{g.key('alnum40') + g.chars(UP + LO + DG, 16)}',\n    'secret' => '{g.chars(UP + LO + DG, 56)}',\n  ),\n);"}


@T("drupal-settings-php")
def _(g):
    return {"sites/default/settings.php": f"$databases['default']['default'] = [\n  'database' => 'drupal',\n  'username' => 'drupal',\n  'password' => '{g.pw()}',\n  'host' => '{g.host()}',\n  'driver' => 'mysql',\n];\n"
                                          f"$settings['hash_salt'] = '{g.key('b64_32').rstrip('=').replace('+', '-').replace('/', '_')}';"}


@T("joomla-configuration-php")
def _(g):
    return {"configuration.php": f"<?php\nclass JConfig {{\n\tpublic $dbtype = 'mysqli';\n\tpublic $host = 'localhost';\n\tpublic $user = 'joomla';\n\tpublic $password = '{g.pw()}';\n\tpublic $db = 'joomla';\n\tpublic $dbprefix = 'jos_';\n"
                                 f"\tpublic $secret = '{g.key('alnum24')[:16]}';\n\tpublic $mailfrom = '{g.role_em('webmaster')}';\n}}"}


@T("mediawiki-localsettings-php")
def _(g):
    return {"LocalSettings.php": f"$wgDBtype = \"mysql\";\n$wgDBserver = \"localhost\";\n$wgDBname = \"wiki\";\n$wgDBuser = \"wikiuser\";\n$wgDBpassword = \"{g.pw()}\";\n$wgSecretKey = \"{g.key('hex64')}\";\n$wgUpgradeKey = \"{g.hexs(16)}\";"}


@T("moodle-config-php")
def _(g):
    return {"config.php": f"<?php\nunset($CFG);\nglobal $CFG;\n$CFG = new stdClass();\n$CFG->dbtype    = 'pgsql';\n$CFG->dbhost    = '{g.host()}';\n$CFG->dbname    = 'moodle';\n$CFG->dbuser    = 'moodleuser';\n$CFG->dbpass    = '{g.pw()}';\n$CFG->wwwroot   = 'https://learn.{g.word()}.edu';\n$CFG->dataroot  = '/var/moodledata';"}


@T("whmcs-configuration-php")
def _(g):
    return {"configuration.php": f"<?php\n$license = 'Owned-{g.hexs(20)}';\n$db_host = 'localhost';\n$db_username = 'whmcs';\n$db_password = '{g.pw()}';\n$db_name = 'whmcs';\n$cc_encryption_hash = '{g.key('alnum40') + g.chars(UP + LO + DG, 24)}';\n$templates_compiledir = 'templates_c';"}


@T("ghost-config-production-json")
def _(g):
    return {"url": "https://blog." + g.word() + ".com", "database": {"client": "mysql", "connection": {"host": "localhost", "user": "ghost", "password": g.pw(), "database": "ghost_prod"}},
            "mail": {"transport": "SMTP", "options": {"service": "Mailgun", "auth": {"user": "postmaster", "pass": g.pw("gen")}}}}


@T("directus-env")
def _(g):
    return {".env": f"KEY=\"{g.uuid()}\"\nSECRET=\"{g.key('alnum40')}\"\nDB_CLIENT=\"pg\"\nDB_HOST=\"{g.host()}\"\nDB_USER=\"directus\"\nDB_PASSWORD=\"{g.pw()}\"\nADMIN_EMAIL=\"{g.em()}\"\nADMIN_PASSWORD=\"{g.pw('gen')}\"\n"}


@T("superset-config-py")
def _(g):
    return {"superset_config.py": f"SECRET_KEY = '{g.key('b64_32')}'\nSQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://superset:{pw_url(g)}@{g.host()}:5432/superset'\nFEATURE_FLAGS = {{'ALERT_REPORTS': True}}\n"}


@T("redash-env")
def _(g):
    return {"env": f"PYTHONUNBUFFERED=0\nREDASH_LOG_LEVEL=INFO\nREDASH_REDIS_URL=redis://redis:6379/0\nREDASH_COOKIE_SECRET={g.key('hex64')}\nREDASH_SECRET_KEY={g.hexs(64)}\n"
                   f"REDASH_DATABASE_URL=postgresql://redash:{pw_url(g)}@postgres/redash\n"}


@T("prefect-profiles-toml")
def _(g):
    return {"profiles.toml": f"active = \"cloud\"\n\n[profiles.cloud]\nPREFECT_API_URL = \"https://api.prefect.cloud/api/accounts/{g.uuid()}/workspaces/{g.uuid()}\"\nPREFECT_API_KEY = \"{g.sec('pnu_' + g.chars(UP + LO + DG, 36))}\"\n"}


@T("mlflow-tracking-env-script")
def _(g):
    return {"train.sh": f"export MLFLOW_TRACKING_URI=https://mlflow.{g.word()}.ai\nexport MLFLOW_TRACKING_USERNAME=trainer\nexport MLFLOW_TRACKING_PASSWORD='{g.pw()}'\npython train.py --epochs {g.ri(5, 50)}"}


@T("thanos-objstore-yml")
def _(g):
    return {"objstore.yml": f"type: S3\nconfig:\n  bucket: {g.word()}-metrics\n  endpoint: s3.eu-west-1.amazonaws.com\n  access_key: {g.akia()}\n  secret_key: {g.awssec()}\n  insecure: false\n"}


@T("loki-config-s3-storage")
def _(g):
    return {"loki.yaml": f"common:\n  storage:\n    s3:\n      s3: s3://{g.akia()}:{g.awssec().replace('/', '%2F').replace('+', '%2B')}@eu-central-1/{g.word()}-loki\n      s3forcepathstyle: true\nschema_config:\n  configs:\n    - from: 2024-04-01\n      store: tsdb\n"}


@T("rsyslog-omelasticsearch-conf")
def _(g):
    return {"/etc/rsyslog.d/50-es.conf": f"module(load=\"omelasticsearch\")\naction(type=\"omelasticsearch\" server=\"es.{g.word()}.lan\" serverport=\"9200\" usehttps=\"on\" searchIndex=\"syslog\"\n       uid=\"rsyslog\" pwd=\"{g.pw()}\" bulkmode=\"on\")"}


@T("syslog-ng-elastic-http-conf")
def _(g):
    return {"conf": f"destination d_elastic {{\n  elasticsearch-http(\n    index(\"syslog-ng\")\n    url(\"https://es.{g.word()}.lan:9200/_bulk\")\n    user(\"syslogng\")\n    password(\"{g.pw()}\")\n  );\n}};"}


@T("metricbeat-yml")
def _(g):
    return {"metricbeat.yml": f"metricbeat.modules:\n- module: system\n  metricsets: [cpu, memory]\n  period: 10s\noutput.elasticsearch:\n  hosts: [\"https://es01.{g.word()}.lan:9200\"]\n  username: \"metricbeat_writer\"\n  password: \"{g.pw()}\"\n"}


@T("collectd-network-plugin-conf")
def _(g):
    return {"collectd.conf": f"<Plugin network>\n  <Server \"{g.ip()}\" \"25826\">\n    SecurityLevel Encrypt\n    Username \"collectd\"\n    Password \"{g.pw()}\"\n  </Server>\n</Plugin>"}


@T("netdata-stream-conf")
def _(g):
    return {"stream.conf": f"[stream]\n    enabled = yes\n    destination = {g.ip()}:19999\n    api key = {g.sec(g.uuid())}\n    timeout seconds = 60\n"}


@T("splunk-inputs-conf-hec")
def _(g):
    return {"inputs.conf": f"[http://{g.word()}_hec]\ndisabled = 0\ntoken = {g.sec(g.uuid().upper())}\nindex = main\nsourcetype = _json\n"}


@T("splunk-outputs-conf-ssl")
def _(g):
    return {"outputs.conf": f"[tcpout:primary]\nserver = idx1.{g.word()}.lan:9997, idx2.{g.word()}.lan:9997\nclientCert = $SPLUNK_HOME/etc/auth/client.pem\nsslPassword = {g.pw()}\nsslVerifyServerCert = true\n"}


@T("fetchmailrc")
def _(g):
    return {"~/.fetchmailrc": f"set daemon 300\npoll imap.{g.word()}.net proto IMAP\n  user '{g.first().lower()}' there with password '{g.pw()}' is '{g.first().lower()}' here\n  ssl\n  keep\n"}


@T("offlineimaprc")
def _(g):
    return {"~/.offlineimaprc": f"[general]\naccounts = Work\n\n[Account Work]\nlocalrepository = Local\nremoterepository = Remote\n\n[Repository Remote]\ntype = IMAP\nremotehost = mail.{g.word()}.com\nremoteuser = {g.em()}\nremotepass = {g.pw()}\nsslcacertfile = /etc/ssl/certs/ca-certificates.crt\n"}


@T("mbsyncrc")
def _(g):
    return {"~/.mbsyncrc": f"IMAPAccount fastmail\nHost imap.fastmail.com\nUser {g.em()}\nPass {g.pw('gen_url')}\nSSLType IMAPS\n\nIMAPStore fastmail-remote\nAccount fastmail\n"}


@T("opensmtpd-secrets-table")
def _(g):
    return {"/etc/mail/secrets": f"relay   {g.first().lower()}:{g.pw()}\n", "smtpd.conf": "table secrets file:/etc/mail/secrets\naction \"outbound\" relay host smtp+tls://relay@smtp.relay.net:587 auth <secrets>"}


@T("ppp-chap-secrets")
def _(g):
    return {"/etc/ppp/chap-secrets": f"# Secrets for authentication using CHAP\n# client\tserver\tsecret\t\t\tIP addresses\n{g.first().lower()}\tpptpd\t{g.pw()}\t\t*\nbranch{g.ri(1, 9)}\t*\t\"{g.pw('gen')}\"\t10.8.0.{g.ri(2, 200)}\n"}


@T("openconnect-passwd-on-stdin")
def _(g):
    return {"cmd": f"echo '{g.pw()}' | sudo openconnect --protocol=anyconnect --user={g.first().lower()} --passwd-on-stdin vpn.{g.word()}.com --servercert pin-sha256:{g.b64(43)}="}


@T("tinc-rsa-key-priv")
def _(g):
    return {"path": f"/etc/tinc/{g.word()}net/rsa_key.priv", "content": g.pem("rsa")}


@T("mssql-server-env-sa-password")
def _(g):
    return {"cmd": f"docker run -e \"ACCEPT_EULA=Y\" -e \"MSSQL_SA_PASSWORD={g.pw()}\" -p 1433:1433 --name sql1 -d mcr.microsoft.com/mssql/server:2022-latest"}


@T("neo4j-admin-set-initial-password")
def _(g):
    return {"shell": f"root@graph-{g.ri(1, 9)}:~# neo4j-admin dbms set-initial-password {g.pw()}\nChanged password for user 'neo4j'. IMPORTANT: this change will only take effect if performed before the database is started for the first time."}


@T("proxysql-cnf")
def _(g):
    return {"proxysql.cnf": f"mysql_users =\n(\n  {{ username = \"app\", password = \"{g.pw()}\", default_hostgroup = 10, active = 1 }},\n  {{ username = \"report\", password = \"{g.pw('gen')}\", default_hostgroup = 20 }}\n)"}


@T("maxscale-cnf")
def _(g):
    return {"maxscale.cnf": f"[Read-Write-Service]\ntype=service\nrouter=readwritesplit\nservers=db1,db2\nuser=maxscale\npassword={g.pw()}\n\n[db1]\ntype=server\naddress={g.ip()}\nport=3306\n"}


@T("patroni-yml")
def _(g):
    return {"patroni.yml": f"scope: pg-{g.word()}\nname: node{g.ri(1, 3)}\npostgresql:\n  listen: 0.0.0.0:5432\n  data_dir: /var/lib/postgresql/16/main\n  authentication:\n    superuser:\n      username: postgres\n      password: {g.pw()}\n"
                           f"    replication:\n      username: replicator\n      password: {g.pw('gen')}\n"}


@T("pgbackrest-conf")
def _(g):
    return {"/etc/pgbackrest/pgbackrest.conf": f"[global]\nrepo1-type=s3\nrepo1-s3-bucket={g.word()}-pgbackrest\nrepo1-s3-endpoint=s3.eu-west-1.amazonaws.com\nrepo1-s3-region=eu-west-1\nrepo1-s3-key={g.akia()}\n"
                                               f"repo1-s3-key-secret={g.awssec()}\nrepo1-cipher-type=aes-256-cbc\nrepo1-cipher-pass={g.pw('phrase')}\n\n[main]\npg1-path=/var/lib/postgresql/16/main\n"}


@T("barman-server-conf")
def _(g):
    return {"/etc/barman.d/pg.conf": f"[pg]\ndescription = \"Main PostgreSQL\"\nconninfo = host={g.host()} user=barman dbname=postgres password={g.pw()}\nstreaming_conninfo = host={g.host()} user=streaming_barman\nbackup_method = postgres\n"}


@T("sequelize-config-json")
def _(g):
    return {"development": {"username": "root", "password": None, "database": "app_dev", "host": "127.0.0.1", "dialect": "mysql"},
            "production": {"username": "app", "password": g.pw(), "database": "app_prod", "host": g.host(), "dialect": "mysql", "logging": False}}


@T("ormconfig-json")
def _(g):
    return {"type": "postgres", "host": g.host(), "port": 5432, "username": "api", "password": g.pw(), "database": "api", "synchronize": False, "entities": ["dist/**/*.entity.js"]}


@T("hibernate-cfg-xml")
def _(g):
    return {"hibernate.cfg.xml": f"<hibernate-configuration><session-factory>\n  <property name=\"connection.url\">jdbc:mysql://{g.host()}:3306/inventory</property>\n  <property name=\"connection.username\">inventory</property>\n"
                                 f"  <property name=\"connection.password\">{g.pw()}</property>\n  <property name=\"dialect\">org.hibernate.dialect.MySQLDialect</property>\n</session-factory></hibernate-configuration>"}


@T("mybatis-config-xml")
def _(g):
    return {"mybatis-config.xml": f"<environments default=\"prod\"><environment id=\"prod\"><transactionManager type=\"JDBC\"/><dataSource type=\"POOLED\">\n  <property name=\"driver\" value=\"org.postgresql.Driver\"/>\n"
                                  f"  <property name=\"url\" value=\"jdbc:postgresql://{g.host()}/ledger\"/>\n  <property name=\"username\" value=\"ledger\"/>\n  <property name=\"password\" value=\"{g.pw()}\"/>\n</dataSource></environment></environments>"}


@T("condarc-private-channel")
def _(g):
    return {".condarc": f"channels:\n  - https://conda.anaconda.org/t/{g.sec(g.chars(LO + DG + '-', 34))}/{g.word()}-internal\n  - conda-forge\nchannel_priority: strict\n"}


@T("dart-pub-credentials-json")
def _(g):
    return {"accessToken": g.key("ya29"), "refreshToken": "1//0g" + g.b64url(100), "tokenEndpoint": "https://accounts.google.com/o/oauth2/token", "scopes": ["openid", "https://www.googleapis.com/auth/userinfo.email"], "expiration": g.ms()}


@T("conan-credentials-json")
def _(g):
    return {"credentials": [{"remote": "artifactory", "user": "ci-bot", "password": g.pw()}, {"remote": "conancenter", "user": None, "password": None}]}


@T("fastlane-env-default")
def _(g):
    return {"fastlane/.env.default": f"MATCH_GIT_URL=git@github.com:{g.word()}/certificates.git\nMATCH_PASSWORD={g.pw()}\nFASTLANE_USER={g.em()}\nFASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD={g.chars(LO, 4)}-{g.chars(LO, 4)}-{g.chars(LO, 4)}-{g.chars(LO, 4)}\n"}


@T("android-keystore-properties")
def _(g):
    return {"keystore.properties": f"storePassword={g.pw()}\nkeyPassword={g.pw('gen')}\nkeyAlias=upload\nstoreFile=/home/ci/keys/upload-keystore.jks\n"}


@T("bitrise-yml-app-envs")
def _(g):
    return {"bitrise.yml": f"format_version: '13'\napp:\n  envs:\n  - BITRISE_PROJECT_PATH: ios/App.xcworkspace\n  - KEYSTORE_PASSWORD: {g.pw()}\n  - BITRISE_SCHEME: App\nworkflows:\n  primary:\n    steps:\n    - git-clone@8: {{}}\n"}


@T("azure-pipelines-yml-variables")
def _(g):
    return {"azure-pipelines.yml": f"trigger:\n- main\nvariables:\n  buildConfiguration: 'Release'\n  sqlAdminUser: 'sqladmin'\n  sqlAdminPassword: '{g.pw()}'\nsteps:\n- script: dotnet build --configuration $(buildConfiguration)\n"}


@T("argo-workflow-template-args")
def _(g):
    return {"workflow.yaml": f"apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: db-migrate-\nspec:\n  entrypoint: migrate\n  templates:\n  - name: migrate\n    container:\n      image: flyway/flyway:10\n"
                             f"      args: [\"-url=jdbc:postgresql://{g.host()}/app\", \"-user=flyway\", \"-password={g.pw()}\", \"migrate\"]\n"}


@T("chamber-export-json")
def _(g):
    return {"cmd": "chamber export orders-api --format json", "stdout": json.dumps({"db_password": g.pw(), "db_user": "orders", "sentry_dsn": "https://" + g.hexs(32) + "@o" + g.num(6) + ".ingest.sentry.io/" + g.num(7)})}


@T("gcloud-secrets-versions-access-json")
def _(g):
    return {"name": f"projects/{g.num(12)}/secrets/billing-db-password/versions/{g.ri(1, 9)}", "payload": {"data": enc_b64(g.pw()), "dataCrc32c": str(g.num(10))}}


@T("azure-keyvault-secret-show-json")
def _(g):
    return {"attributes": {"created": g.ts(), "enabled": True, "recoveryLevel": "Recoverable+Purgeable"}, "contentType": "text/plain",
            "id": f"https://kv-{g.word()}-prod.vault.azure.net/secrets/sql-admin-password/{g.hexs(32)}", "name": "sql-admin-password", "value": g.pw()}


@T("infisical-export-dotenv")
def _(g):
    return {"stdout": f"$ infisical export --env=prod\nDATABASE_PASSWORD='{g.pw()}'\nREDIS_URL='redis://cache:6379'\nPOSTMARK_SERVER_TOKEN='{g.key('uuidtok')}'\n"}


@T("op-item-get-json")
def _(g):
    return {"id": g.chars(LO + DG, 26), "title": "Prod Postgres", "category": "DATABASE", "vault": {"id": g.chars(LO + DG, 26), "name": "Infra"},
            "fields": [{"id": "username", "type": "STRING", "label": "username", "value": "postgres"}, {"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": g.pw()},
                       {"id": "hostname", "type": "STRING", "label": "server", "value": g.host()}]}


@T("lastpass-cli-show")
def _(g):
    return {"terminal": f"$ lpass show 'Shared-IT/router admin'\nShared-IT/router admin [id: {g.num(19)}]\nUsername: admin\nPassword: {g.pw()}\nURL: https://{g.ip()}\nNotes: reset after the audit"}


@T("pass-show-output")
def _(g):
    return {"terminal": f"$ pass show work/{g.word()}-portal\n{g.pw()}\nuser: {g.first().lower()}\nurl: https://portal.{g.word()}.com/login\n"}


@T("secret-tool-lookup-shell")
def _(g):
    return {"terminal": f"$ secret-tool lookup service smb server {g.host()} user {g.first().lower()}\n{g.pw()}\n$"}


@T("macos-security-find-generic-password")
def _(g):
    return {"stdout": f"keychain: \"/Users/{g.first().lower()}/Library/Keychains/login.keychain-db\"\nversion: 512\nclass: \"genp\"\nattributes:\n    \"acct\"<blob>=\"{g.first().lower()}\"\n    \"svce\"<blob>=\"Wi-Fi {g.word()}\"\npassword: \"{g.pw()}\""}


@T("windows-cmdkey-add")
def _(g):
    return {"script": f"cmdkey /add:fileserver{g.ri(1, 9)}.corp.lan /user:CORP\\svc_backup /pass:{g.pw()}\nrobocopy D:\\exports \\\\fileserver{g.ri(1, 9)}.corp.lan\\archive /MIR /R:2"}


@T("psexec-cmdline")
def _(g):
    return {"process": {"image": "C:\\Tools\\PsExec64.exe", "command_line": f"PsExec64.exe \\\\{g.word().upper()}-SQL{g.ri(1, 9)} -u CORP\\da_{g.first().lower()} -p {g.pw()} -accepteula cmd /c ipconfig", "parent": "cmd.exe", "pid": g.ri(1000, 9999)}}


@T("sqlcmd-cmdline")
def _(g):
    return {"job_step": f"sqlcmd -S tcp:{g.host()},1433 -U sa -P \"{g.pw()}\" -d master -Q \"BACKUP DATABASE [Sales] TO DISK=N'D:\\bak\\sales.bak' WITH COMPRESSION\""}


@T("mysqldump-backup-script")
def _(g):
    return {"backup-db.sh": f"#!/bin/bash\nDATE=$(date +%F)\nmysqldump -u root -p'{g.pw()}' --single-transaction --routines shop | gzip > /backups/shop-$DATE.sql.gz\nfind /backups -mtime +14 -delete"}


@T("mongodump-uri-cmd")
def _(g):
    return {"cmd": f"mongodump --uri=\"mongodb+srv://backup:{pw_url(g)}@cluster0.{g.chars(LO + DG, 5)}.mongodb.net/shop\" --gzip --archive=/backups/shop.gz"}


@T("rabbitmqctl-add-user")
def _(g):
    return {"provision.sh": f"rabbitmqctl add_user orders '{g.pw()}'\nrabbitmqctl set_permissions -p / orders '^orders.*' '^orders.*' '.*'\nrabbitmqctl set_user_tags orders monitoring"}


@T("activemq-credentials-properties")
def _(g):
    return {"conf/credentials.properties": f"activemq.username=system\nactivemq.password={g.pw()}\nguest.password={g.pw('gen')}\n"}


@T("nats-server-conf-users")
def _(g):
    return {"nats-server.conf": f"port: 4222\nauthorization {{\n  users = [\n    {{user: ingest, password: \"{g.pw()}\"}}\n    {{user: monitor, password: \"$2a$11${g.b64(53)}\"}}\n  ]\n}}"}


@T("coturn-turnserver-conf")
def _(g):
    return {"/etc/turnserver.conf": f"listening-port=3478\nfingerprint\nuse-auth-secret\nstatic-auth-secret={g.key('hex64')}\nrealm=turn.{g.word()}.io\nuser=webrtc:{g.pw()}\ntotal-quota=100\n"}


@T("jitsi-meet-docker-env")
def _(g):
    return {".env": f"PUBLIC_URL=https://meet.{g.word()}.org\nJICOFO_AUTH_PASSWORD={g.pw('gen_url')}\nJVB_AUTH_PASSWORD={g.pw('gen_url')}\nJIGASI_XMPP_PASSWORD={g.pw('gen_url')}\nTZ=Europe/Berlin\n"}


@T("freeswitch-directory-user-xml")
def _(g):
    ext = g.ri(1000, 1999)
    return {"directory/default/%d.xml" % ext: f"<include><user id=\"{ext}\"><params><param name=\"password\" value=\"{g.pw()}\"/><param name=\"vm-password\" value=\"{ext}\"/></params>"
                                              f"<variables><variable name=\"effective_caller_id_name\" value=\"{g.name()}\"/><variable name=\"effective_caller_id_number\" value=\"{ext}\"/></variables></user></include>"}


@T("kamctl-add-subscriber")
def _(g):
    ext = g.ri(2000, 2999)
    return {"shell": f"# kamctl add {ext} {g.pw()}\nMySQL password for user 'kamailio@localhost':\nnew user '{ext}' added"}


@T("yealink-phone-provisioning-cfg")
def _(g):
    return {"y000000000028.cfg": f"#!version:1.0.0.1\naccount.1.enable = 1\naccount.1.label = {g.first()}\naccount.1.auth_name = {g.ri(100, 999)}\naccount.1.user_name = {g.ri(100, 999)}\naccount.1.password = {g.pw()}\n"
                                 f"account.1.sip_server.1.address = pbx.{g.word()}.lan\nstatic.security.user_password = admin:{g.pw('pin_word')}\n"}


@T("openwrt-uci-wireless-config")
def _(g):
    return {"/etc/config/wireless": f"config wifi-iface 'default_radio0'\n\toption device 'radio0'\n\toption network 'lan'\n\toption mode 'ap'\n\toption ssid '{g.word().title()}Net'\n\toption encryption 'psk2'\n\toption key '{g.pw()}'\n"}


@T("hostapd-conf")
def _(g):
    return {"/etc/hostapd/hostapd.conf": f"interface=wlan0\ndriver=nl80211\nssid={g.word()}-guest\nhw_mode=g\nchannel={g.ri(1, 11)}\nwpa=2\nwpa_key_mgmt=WPA-PSK\nwpa_passphrase={g.pw()}\nrsn_pairwise=CCMP\n"}


@T("ipmitool-cmdline")
def _(g):
    return {"runbook": f"Power-cycle the stuck node:\n  ipmitool -I lanplus -H {g.ip()} -U ADMIN -P '{g.pw()}' chassis power cycle\nthen watch the SOL console."}


@T("racadm-remote-cmdline")
def _(g):
    return {"cmd": f"racadm -r {g.ip()} -u root -p {g.pw()} serveraction powerstatus", "output": "Server power status: ON"}


@T("redfish-session-create")
def _(g):
    return {"method": "POST", "url": f"https://{g.ip()}/redfish/v1/SessionService/Sessions", "body": {"UserName": "Administrator", "Password": g.pw()}}


@T("govc-env-script")
def _(g):
    return {"govc.env": f"export GOVC_URL=https://vcenter.{g.word()}.lan/sdk\nexport GOVC_USERNAME='administrator@vsphere.local'\nexport GOVC_PASSWORD='{g.pw()}'\nexport GOVC_INSECURE=1\n".replace("@vsphere.local", "\\\\vsphere")}


@T("proxmox-api-token-header")
def _(g):
    return {"request": f"GET /api2/json/nodes HTTP/1.1\nHost: pve.{g.word()}.lan:8006\nAuthorization: PVEAPIToken=root@pam!terraform={g.sec(g.uuid())}\nAccept: application/json"}


@T("libvirt-domain-xml-graphics")
def _(g):
    return {"domain.xml": f"<domain type='kvm'><name>{g.word()}-vm</name><memory unit='GiB'>4</memory><devices><graphics type='vnc' port='-1' autoport='yes' listen='0.0.0.0' passwd='{g.pw('gen_url')[:8]}'/></devices></domain>"}


@T("kitty-portable-session-file")
def _(g):
    return {"path": f"Sessions/{g.word()}-jump", "content": f"HostName\\{g.host()}\\\nPortNumber\\22\\\nProxyMethod\\3\\\nProxyHost\\proxy.corp.lan\\\nProxyUsername\\{g.first().lower()}\\\nProxyPassword\\{g.pw('gen_url')}\\\n"}


@T("jenkins-init-groovy-credentials")
def _(g):
    return {"init.groovy.d/creds.groovy": f"import com.cloudbees.plugins.credentials.*\nimport com.cloudbees.plugins.credentials.impl.*\ndef store = SystemCredentialsProvider.getInstance().getStore()\n"
                                          f"def c = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, 'nexus-deploy', 'Nexus deploy user', 'deployer', '{g.pw()}')\nstore.addCredentials(Domain.global(), c)"}


@T("gh-secret-set-shell")
def _(g):
    return {"history": f"gh secret set DB_PASSWORD --repo {g.word()}/api --body '{g.pw()}'\ngh secret list --repo {g.word()}/api"}


@T("pm2-ecosystem-config-js")
def _(g):
    return {"ecosystem.config.js": f"module.exports = {{\n  apps: [{{\n    name: 'api',\n    script: 'dist/main.js',\n    instances: 2,\n    env_production: {{\n      NODE_ENV: 'production',\n      DB_PASSWORD: '{g.pw()}',\n      MAILGUN_KEY: '{g.key('mailgun')}'\n    }}\n  }}]\n}};"}


@T("nixos-configuration-nix")
def _(g):
    return {"configuration.nix": f"{{ config, pkgs, ... }}:\n{{\n  networking.hostName = \"{g.word()}\";\n  users.users.{g.first().lower()} = {{\n    isNormalUser = true;\n    extraGroups = [ \"wheel\" ];\n    initialPassword = \"{g.pw()}\";\n  }};\n  services.openssh.enable = true;\n}}"}


@T("autohotkey-login-script")
def _(g):
    return {"login.ahk": f"#z::\nRun, https://erp.{g.word()}.local/login\nWinWaitActive, ERP Login\nSend, {g.first().lower()}{{Tab}}\nSend, {g.pw('word').replace('!', '{!}').replace('#', '{#}').replace('+', '{+}')}{{Enter}}\nreturn"}


@T("selenium-ide-side-file")
def _(g):
    return {"id": g.uuid(), "version": "2.0", "name": "checkout smoke", "url": f"https://staging.{g.word()}.shop", "tests": [{"id": g.uuid(), "name": "login", "commands": [
        {"command": "open", "target": "/login", "value": ""}, {"command": "type", "target": "id=email", "value": g.em()}, {"command": "type", "target": "id=password", "value": g.pw()},
        {"command": "click", "target": "css=button[type=submit]", "value": ""}]}]}


@T("puppeteer-login-script")
def _(g):
    return {"scrape.js": f"const browser = await puppeteer.launch();\nconst page = await browser.newPage();\nawait page.goto('https://portal.{g.word()}.com/signin');\nawait page.type('#username', '{g.first().lower()}');\n"
                         f"await page.type('#password', '{g.pw()}');\nawait page.click('#signin');\nawait page.waitForNavigation();"}


@T("locustfile-py")
def _(g):
    return {"locustfile.py": f"from locust import HttpUser, task\n\nclass Shopper(HttpUser):\n    def on_start(self):\n        self.client.post(\"/api/login\", json={{\"username\": \"loadtest01\", \"password\": \"{g.pw()}\"}})\n\n    @task\n    def browse(self):\n        self.client.get(\"/api/products\")"}


@T("gatling-scala-simulation")
def _(g):
    return {"LoginSimulation.scala": f"val scn = scenario(\"login\")\n  .exec(http(\"login\").post(\"/auth\")\n    .formParam(\"user\", \"perf_{g.ri(1, 99)}\")\n    .formParam(\"password\", \"{g.pw()}\")\n    .check(status.is(200)))"}


@T("vegeta-targets-file")
def _(g):
    return {"targets.txt": f"GET https://api.{g.word()}.io/v2/orders?limit=50\nAuthorization: Bearer {g.jwt()}\n\nGET https://api.{g.word()}.io/v2/health\n"}


@T("thunder-client-collection-json")
def _(g):
    return {"clientName": "Thunder Client", "collectionName": g.word() + " API", "requests": [{"_id": g.uuid(), "name": "list invoices", "url": "https://api.invoiced.example/v1/invoices", "method": "GET",
            "auth": {"type": "bearer", "bearer": g.key("alnum40")}}]}


@T("hoppscotch-collection-json")
def _(g):
    return {"v": 2, "name": "Billing", "requests": [{"name": "token", "endpoint": "https://billing.internal/api/token", "method": "POST", "auth": {"authType": "basic", "authActive": True, "username": "svc-billing", "password": g.pw()}}]}


@T("soapui-project-xml")
def _(g):
    return {"project.xml": f"<con:request name=\"GetPolicy\"><con:endpoint>https://ws.{g.word()}.com/PolicyService</con:endpoint><con:credentials><con:username>ws_{g.first().lower()}</con:username>"
                           f"<con:password>{g.pw()}</con:password><con:authType>Preemptive</con:authType></con:credentials></con:request>"}


@T("cyberduck-s3-bookmark")
def _(g):
    return {"bookmark.duck": f"<plist version=\"1.0\"><dict><key>Protocol</key><string>s3</string><key>Hostname</key><string>s3.amazonaws.com</string><key>Username</key><string>{g.akia()}</string>"
                             f"<key>Nickname</key><string>{g.word()} archive</string><key>Path</key><string>/{g.word()}-archive</string></dict></plist>"}


@T("trino-hive-catalog-properties")
def _(g):
    return {"etc/catalog/hive.properties": f"connector.name=hive\nhive.metastore.uri=thrift://{g.host()}:9083\nhive.s3.aws-access-key={g.akia()}\nhive.s3.aws-secret-key={g.awssec()}\nhive.non-managed-table-writes-enabled=true\n"}


@T("spark-defaults-conf")
def _(g):
    return {"spark-defaults.conf": f"spark.master                     yarn\nspark.hadoop.fs.s3a.access.key   {g.akia()}\nspark.hadoop.fs.s3a.secret.key   {g.awssec()}\nspark.executor.memory            8g\n"}


@T("clickhouse-s3-table-function-sql")
def _(g):
    return {"query": f"INSERT INTO events SELECT * FROM s3('https://{g.word()}-raw.s3.eu-west-1.amazonaws.com/events/*.parquet', '{g.akia()}', '{g.awssec()}', 'Parquet')"}


@T("athena-jdbc-url")
def _(g):
    return {"datasource": {"driver": "com.simba.athena.jdbc.Driver", "url": f"jdbc:awsathena://AwsRegion=us-east-1;S3OutputLocation=s3://{g.word()}-athena/;User={g.akia()};Password={g.awssec()};"}}


@T("zappa-settings-json")
def _(g):
    return {"production": {"app_function": "app.app", "aws_region": "us-east-1", "s3_bucket": "zappa-" + g.hexs(8), "environment_variables": {"S3_KEY_ID": g.akia(), "S3_SECRET": g.awssec(), "FLASK_ENV": "production"}}}


@T("dvc-config-local")
def _(g):
    return {".dvc/config.local": f"['remote \"storage\"']\n    access_key_id = {g.akia()}\n    secret_access_key = {g.awssec()}\n"}


@T("fusionauth-login-response")
def _(g):
    return {"token": g.jwt("HS256"), "refreshToken": g.key("b64_32").replace("+", "-").replace("/", "_").rstrip("="), "tokenExpirationInstant": g.ms(),
            "user": {"id": g.uuid(), "email": g.em(), "verified": True, "active": True, "lastLoginInstant": g.ms()}}


@T("zitadel-token-response")
def _(g):
    return {"access_token": g.jwt("RS256"), "token_type": "Bearer", "expires_in": 43199, "id_token": None}


@T("aspnetcore-console-request-log")
def _(g):
    return {"log": f"info: Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware[1]\n      Request:\n      Protocol: HTTP/1.1\n      Method: GET\n      Path: /api/orders/{g.ri(1000, 9999)}\n"
                   f"      Accept: application/json\n      Authorization: Bearer {g.jwt()}\n      Host: localhost:5001"}


@T("graphql-ws-connection-init")
def _(g):
    return {"frames": [json.dumps({"type": "connection_init", "payload": {"headers": {"Authorization": "Bearer " + g.jwt()}}}), json.dumps({"type": "connection_ack"})]}


@T("opa-decision-log-json")
def _(g):
    return {"decision_id": g.uuid(), "path": "envoy/authz/allow", "result": True, "timestamp": g.ts(),
            "input": {"attributes": {"request": {"http": {"method": "GET", "path": "/v1/accounts", "headers": {":authority": "api.internal", "authorization": "Bearer " + g.jwt("RS256")}}}}}}


@T("nats-creds-file")
def _(g):
    return {"user.creds": f"-----BEGIN NATS USER JWT-----\n{g.jwt('ES256')}\n------END NATS USER JWT------\n\n************************* IMPORTANT *************************\nNKEY Seed printed below can be used to sign and prove identity.\n\n"
                          f"-----BEGIN USER NKEY SEED-----\n{g.sec('SUA' + g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 55))}\n------END USER NKEY SEED------\n"}


@T("livekit-cli-create-token-output")
def _(g):
    return {"stdout": f"valid for (mins):  360\ntoken grants:\n{{\n  \"roomJoin\": true,\n  \"room\": \"standup\"\n}}\n\naccess token:  {g.jwt('HS256')}"}


@T("apple-music-developer-token-curl")
def _(g):
    return {"cmd": f"curl -v -H 'Authorization: Bearer {g.jwt('ES256')}' \"https://api.music.apple.com/v1/catalog/us/songs/{g.num(9)}\""}


@T("fastlane-app-store-connect-api-key-json")
def _(g):
    return {"key_id": g.chars(UP + DG, 10), "issuer_id": g.uuid(), "key": g.pem("ec8"), "duration": 1200, "in_house": False}


@T("docusign-jwt-grant-config-json")
def _(g):
    return {"dsClientId": g.uuid(), "impersonatedUserGuid": g.uuid(), "dsOauthServer": "https://account.docusign.com", "privateKey": g.pem("rsa")}


@T("node-https-server-inline-key-js")
def _(g):
    k = g.pem("pkcs8")
    return {"server.js": "const https = require('https');\nconst options = {\n  key: `" + k + "`,\n  cert: fs.readFileSync('cert.pem'),\n};\nhttps.createServer(options, app).listen(8443);"}


@T("vault-pki-issue-json")
def _(g):
    return {"request_id": g.uuid(), "lease_id": "", "data": {"certificate": "-----BEGIN CERTIFICATE-----\nMIIDXTCCAkWgAwIBAgIU" + g.b64(40) + "\n-----END CERTIFICATE-----", "private_key": g.pem("rsa"), "private_key_type": "rsa",
            "serial_number": ":".join(g.hexs(2) for _ in range(16)), "expiration": g.epoch()}}


@T("cfssl-gencert-json-output")
def _(g):
    return {"cert": "-----BEGIN CERTIFICATE-----\nMIIB" + g.b64(60) + "\n-----END CERTIFICATE-----\n", "csr": "-----BEGIN CERTIFICATE REQUEST-----\nMIIB" + g.b64(60) + "\n-----END CERTIFICATE REQUEST-----\n", "key": g.pem("ec") + "\n"}


@T("kafka-client-ssl-pem-properties")
def _(g):
    return {"client.properties": "security.protocol=SSL\nssl.keystore.type=PEM\nssl.keystore.key=" + g.pem("pkcs8", nl=" \\\n  ") + "\nssl.keystore.certificate.chain=-----BEGIN CERTIFICATE----- MIID... -----END CERTIFICATE-----\n"}


@T("deploy-script-heredoc-ssh-key")
def _(g):
    return {"deploy.sh": "#!/bin/bash\nmkdir -p ~/.ssh\ncat > ~/.ssh/id_deploy <<'EOF'\n" + g.pem("openssh") + "\nEOF\nchmod 600 ~/.ssh/id_deploy\nrsync -az -e 'ssh -i ~/.ssh/id_deploy' dist/ deploy@web1:/srv/app/"}


@T("talosconfig-yaml")
def _(g):
    g.mark_encoded()
    return {"talosconfig": f"context: prod\ncontexts:\n  prod:\n    endpoints:\n      - {g.ip()}\n    ca: {g.b64(80)}\n    crt: {g.b64(80)}\n    key: {enc_b64(g.pem('ec'))}\n"}


@T("nebula-config-yaml")
def _(g):
    return {"config.yml": f"pki:\n  ca: /etc/nebula/ca.crt\n  cert: /etc/nebula/host.crt\n  key: |\n    -----BEGIN NEBULA X25519 PRIVATE KEY-----\n    {g.sec(g.b64(43) + '=', 'private_key')}\n    -----END NEBULA X25519 PRIVATE KEY-----\nstatic_host_map:\n  \"192.168.100.1\": [\"{g.pubip()}:4242\"]\n"}


@T("teleport-tsh-identity-file")
def _(g):
    return {"identity": g.pem("rsa") + "\nssh-rsa-cert-v01@openssh.com AAAAHHNzaC1yc2EtY2VydC12MDFAb3BlbnNzaC5jb20" + g.b64(120) + "\n-----BEGIN CERTIFICATE-----\nMIID" + g.b64(64) + "\n-----END CERTIFICATE-----"}


@T("salt-master-minion-key-pem")
def _(g):
    return {"path": "/etc/salt/pki/minion/minion.pem", "mode": "0400", "content": g.pem("rsa")}


@T("puppet-agent-private-key-pem")
def _(g):
    return {"path": f"/etc/puppetlabs/puppet/ssl/private_keys/{g.word()}-{g.ri(1, 40)}.corp.lan.pem", "content": g.pem("rsa")}


@T("chef-validator-pem-in-bootstrap")
def _(g):
    return {"user_data": "#!/bin/bash\nmkdir -p /etc/chef\ncat > /etc/chef/validation.pem <<'PEM'\n" + g.pem("rsa") + "\nPEM\nchef-client -r 'role[web]' -E production"}


@T("coolify-private-key-api-post")
def _(g):
    return {"method": "POST", "url": f"https://coolify.{g.word()}.dev/api/v1/security/keys", "body": {"name": "deploy-" + g.word(), "description": "server key", "private_key": g.pem("openssh")}}