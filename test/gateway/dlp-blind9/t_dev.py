"""Configuration files, CLIs, CI logs and developer tooling."""
from gen import F

F('jenkins-ssh-agent-plugin-console',
  '[ssh-agent] Using credentials deploy (prod box)\n$ ssh-agent\nSSH_AUTH_SOCK=/tmp/ssh-«lower:10»/agent.«int:1000-9999»\nIdentity added: /var/lib/jenkins/workspace/app@tmp/private_key_«num:18».key\n[Pipeline] sh\n+ echo ****\n****\n', n=2)
F('maven-settings-xml-servers',
  '<settings>\n  <servers>\n    <server>\n      <id>artifactory-releases</id>\n      <username>«user»</username>\n      <password>«pw»</password>\n    </server>\n  </servers>\n</settings>\n',
  '<settings>\n  <servers>\n    <server>\n      <id>artifactory-releases</id>\n      <username>${env.ART_USER}</username>\n      <password>${env.ART_PASSWORD}</password>\n    </server>\n  </servers>\n</settings>\n')
F('maven-settings-security-master',
  '<settingsSecurity>\n  <master>{«an:22»=}</master>\n</settingsSecurity>\n', n=2)
F('rubygems-credentials-yaml',
  '---\n:rubygems_api_key: «key:rubygems»\n', n=1)
F('rubygems-credentials-yaml-multi',
  '---\n:rubygems_api_key: «key:rubygems»\n:github: Bearer «key:gh»\n', n=1)
F('docker-credential-helper-get-output',
  '{"ServerURL":"https://index.docker.io/v1/","Username":"«user»","Secret":"«key:dockerpat»"}',
  '{"ServerURL":"https://ghcr.io","Username":"«user»","Secret":"«key:gh»"}', kind='json')
F('goreleaser-yaml-publishers',
  'release:\n  github:\n    owner: corvid-labs\n    name: «word»ctl\nbrews:\n  - tap:\n      owner: corvid-labs\n      name: homebrew-tap\n      token: "{{ .Env.HOMEBREW_TAP_TOKEN }}"\n', n=2)
F('semantic-release-ci-output',
  '[semantic-release] › ✔  Allowed to push to the Git repository\n[semantic-release] [@semantic-release/npm] › ℹ  Verify authentication for registry https://registry.npmjs.org/\n[semantic-release] [@semantic-release/npm] › ℹ  Wrote NPM_TOKEN to /tmp/«lower:8»/.npmrc\n//registry.npmjs.org/:_authToken=«key:npm»\n',
  '[semantic-release] › ✔  Allowed to push to the Git repository\n[semantic-release] › ℹ  The next release version is «ver»\n[semantic-release] › ✔  Published release «ver» on default channel\n')
F('sentryclirc',
  '[defaults]\norg=corvid-labs\nproject=web\n\n[auth]\ntoken=«key:sentryauth»\n',
  '[defaults]\norg=corvid-labs\nproject=web\nurl=https://sentry.io/\n')
F('codecov-yml-token',
  'codecov:\n  token: «uuid»\n  require_ci_to_pass: yes\ncoverage:\n  precision: 2\n'.replace('«uuid»', '«key:snyk»'),
  'codecov:\n  require_ci_to_pass: yes\ncomment:\n  layout: "reach,diff,flags,files"\n')
F('gcloud-adc-authorized-user-json',
  '{"client_id": "«num:12»-«lower:32».apps.googleusercontent.com", "client_secret": "GOCSPX-«key:an32»", "refresh_token": "1//0«key:an40»«lower:40»", "type": "authorized_user"}', kind='json')
F('oci-api-key-pem-cat',
  '$ cat ~/.oci/oci_api_key.pem\n«pem:pkcs8»\nOCI_API_KEY\n', n=2)
F('openstack-clouds-yaml',
  'clouds:\n  ovh-gra:\n    auth:\n      auth_url: https://auth.cloud.ovh.net/v3\n      username: "«user»"\n      password: "«pw»"\n      project_id: «hex:32»\n    region_name: GRA11\n',
  'clouds:\n  ovh-gra:\n    auth:\n      auth_url: https://auth.cloud.ovh.net/v3\n      application_credential_id: «hex:32»\n    auth_type: v3applicationcredential\n    region_name: GRA11\n')
F('openstack-openrc-sh',
  '#!/usr/bin/env bash\nexport OS_AUTH_URL=https://keystone.«word».internal:5000/v3\nexport OS_PROJECT_NAME="«word»"\nexport OS_USERNAME="«user»"\necho "Please enter your OpenStack Password: "\nexport OS_PASSWORD=«pw»\nexport OS_REGION_NAME="RegionOne"\n',
  '#!/usr/bin/env bash\nexport OS_AUTH_URL=https://keystone.«word».internal:5000/v3\nexport OS_USERNAME="«user»"\necho "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "\nread -sr OS_PASSWORD_INPUT\nexport OS_PASSWORD=$OS_PASSWORD_INPUT\n')
F('github-actions-add-mask-log',
  '2026-12-01T10:12:03.118Z ::add-mask::***\n2026-12-01T10:12:03.311Z Run ./deploy.sh\n2026-12-01T10:12:04.002Z   DEPLOY_TOKEN: ***\n2026-12-01T10:12:09.550Z deployed «gitsha» to production\n', n=2)
F('gitlab-ci-printenv-job-trace',
  '$ printenv | sort\nCI_JOB_ID=«num:10»\nCI_JOB_TOKEN=«key:glrt»\nCI_REGISTRY_PASSWORD=«pw»\nCI_REGISTRY_USER=gitlab-ci-token\nHOME=/root\n',
  '$ printenv | sort | grep -v TOKEN\nCI_JOB_ID=«num:10»\nCI_PIPELINE_SOURCE=push\nCI_REGISTRY=registry.gitlab.com\nHOME=/root\n')
F('teamcity-build-parameters-tab',
  'Name\tValue\nenv.DB_PASSWORD\t«pw»\nenv.JAVA_HOME\t/opt/jdk-21\nsystem.teamcity.build.id\t«num:6»\n',
  'Name\tValue\nenv.DB_PASSWORD\t*******\nenv.JAVA_HOME\t/opt/jdk-21\nsystem.teamcity.build.id\t«num:6»\n')
F('octopus-deploy-variable-set-json',
  '{"Variables": [{"Name": "ConnectionStrings:Orders", "Value": "Server=sql01;Database=orders;User Id=«user»;Password=«pw»;", "IsSensitive": false}, {"Name": "Smtp:ApiKey", "Value": "«key:sg»", "IsSensitive": false}]}',
  '{"Variables": [{"Name": "ConnectionStrings:Orders", "Value": null, "IsSensitive": true}, {"Name": "Smtp:ApiKey", "Value": null, "IsSensitive": true}]}', kind='json')
F('harness-delegate-manifest-yaml',
  'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n    spec:\n      containers:\n      - name: delegate\n        env:\n        - name: ACCOUNT_ID\n          value: «an:22»\n        - name: DELEGATE_TOKEN\n          value: «key:hex32»\n', n=2)
F('nomad-job-template-stanza',
  'template {\n  data = <<EOH\nDATABASE_URL=postgresql://«user»:«pw:url»@pg.service.consul:5432/app\nEOH\n  destination = "secrets/app.env"\n  env = true\n}\n',
  'template {\n  data = <<EOH\n{{ with secret "kv/data/app" }}DATABASE_URL={{ .Data.data.url }}{{ end }}\nEOH\n  destination = "secrets/app.env"\n}\n')
F('traefik-dynamic-basicauth-yaml',
  'http:\n  middlewares:\n    dash-auth:\n      basicAuth:\n        users:\n          - "admin:$apr1$«lower:8»$«an:22»"\n', n=2)
F('haproxy-userlist-insecure-password',
  'userlist stats_users\n    user «user» insecure-password «pw»\n\nlisten stats\n    bind :8404\n    stats enable\n    stats auth ops:«pw~2»\n',
  'userlist stats_users\n    user «user» password $6$«lower:16»$«an:86»\n')
F('mysql-login-path-print',
  '$ mysql_config_editor print --all\n[client]\nuser = "«user»"\npassword = *****\nhost = "localhost"\n', n=2)
F('kafka-client-jaas-conf',
  'KafkaClient {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  username="«user»"\n  password="«pw»";\n};\n',
  'KafkaClient {\n  com.sun.security.auth.module.Krb5LoginModule required\n  useKeyTab=true\n  keyTab="/etc/security/keytabs/kafka.keytab"\n  principal="kafka/«host»@CORP.INTERNAL";\n};\n')
F('confluent-cloud-client-properties',
  'bootstrap.servers=pkc-«lower:5».eu-west-1.aws.confluent.cloud:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\nsasl.username=«up:16»\nsasl.password=«key:an40»«an:24»\n'.replace('«up:16»', '«an:16»'))
F('kafka-connect-jdbc-connector-json',
  '{"name": "orders-sink", "config": {"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url": "jdbc:postgresql://«host»:5432/dw", "connection.user": "«user»", "connection.password": "«pw»", "topics": "orders"}}',
  '{"name": "orders-sink", "config": {"connector.class": "io.confluent.connect.jdbc.JdbcSinkConnector", "connection.url": "jdbc:postgresql://«host»:5432/dw", "connection.user": "«user»", "connection.password": "${file:/opt/secrets.properties:dw_password}", "topics": "orders"}}', kind='json')
F('alertmanager-yml-receivers',
  'global:\n  smtp_smarthost: smtp.«word».example:587\n  smtp_auth_username: alerts\n  smtp_auth_password: «pw»\nreceivers:\n- name: slack\n  slack_configs:\n  - api_url: «key:slackhook»\n',
  'global:\n  resolve_timeout: 5m\nroute:\n  receiver: pager\n  group_by: [alertname]\nreceivers:\n- name: pager\n  pagerduty_configs:\n  - routing_key_file: /etc/am/pd_key\n')
F('nexus-repository-rest-curl',
  '$ curl -u «user»:«pw» -X GET "https://nexus.«word».internal/service/rest/v1/repositories"\n[{"name":"maven-releases","format":"maven2"}]\n',
  '$ curl -n -X GET "https://nexus.«word».internal/service/rest/v1/status"\nHTTP/1.1 200 OK\n')
F('minio-mc-config-json',
  '{"version": "10", "aliases": {"local": {"url": "http://localhost:9000", "accessKey": "«an:20»", "secretKey": "«key:an40»", "api": "S3v4", "path": "auto"}}}',
  '{"version": "10", "aliases": {"s3": {"url": "https://s3.amazonaws.com", "accessKey": "YOUR-ACCESS-KEY-HERE", "secretKey": "YOUR-SECRET-KEY-HERE", "api": "S3v4", "path": "dns"}}}', kind='json')
F('syncthing-config-xml',
  '<configuration version="37">\n  <gui enabled="true" tls="false">\n    <address>127.0.0.1:8384</address>\n    <user>«user»</user>\n    <password>$2a$10$«an:53»</password>\n    <apikey>«key:an32»</apikey>\n  </gui>\n</configuration>\n')
F('octoprint-config-yaml',
  'api:\n  key: «HEX:32»\nserver:\n  firstRun: false\n  secretKey: «key:an32»\nplugins:\n  octolapse: {}\n'.replace('«HEX:32»', '«key:hex32»'))
F('pihole-setupvars-conf',
  'PIHOLE_INTERFACE=eth0\nIPV4_ADDRESS=«ip»/24\nWEBPASSWORD=«hex:64»\nBLOCKING_ENABLED=true\n', n=2)
F('unifi-system-properties',
  '## system.properties\nunifi.http.port=8080\ndb.mongo.local=false\ndb.mongo.uri=mongodb://unifi:«pw:url»@«host»:27017/unifi\n',
  '## system.properties\nunifi.http.port=8080\nunifi.https.port=8443\nportal.http.port=8880\n')
F('junos-radius-secret-plain',
  'set system radius-server «ip» secret "«pw»"\nset system radius-server «ip» source-address «ip~2»\n')
F('panos-xml-api-keygen-response',
  '<response status="success"><result><key>LUFRPT1«an:40»«an:40~b»==</key></result></response>'.replace('LUFRPT1«an:40»«an:40~b»==', '«key=LUFRPT1aVXJuSGxyRkd5Z2VzQ3JQcGJNT2tRV1ppS2F4dz09TkFQUWRlcm1iV1J4cmtEd3Bs»'), n=1)
F('panos-api-keygen-request-log',
  'GET /api/?type=keygen&user=«user»&password=«pw:url» HTTP/1.1\nHost: fw01.«word».internal\n')
F('f5-tmsh-list-auth-user',
  'auth user «user» {\n    description «user»\n    encrypted-password $6$«lower:8»$«an:86»\n    partition Common\n    role admin\n    shell tmsh\n}\n', n=2)
F('edgeos-config-boot',
  'system {\n    login {\n        user «user» {\n            authentication {\n                plaintext-password "«pw»"\n            }\n            level admin\n        }\n    }\n}\n',
  'system {\n    login {\n        user «user» {\n            authentication {\n                encrypted-password $6$«lower:8»$«an:86»\n            }\n        }\n    }\n}\n')
F('opnsense-api-key-txt',
  'key=«an:40»«an:40~b»\nsecret=«key:an40»«an:40»\n'.replace('key=«an:40»«an:40~b»', 'key=«an:40»'))
F('ldapsearch-ldif-userpassword',
  'dn: uid=«user»,ou=people,dc=corp,dc=internal\nobjectClass: inetOrgPerson\nuid: «user»\nuserPassword:: e1NTSEF9«an:32»\nloginShell: /bin/bash\n', n=2)
F('ldapmodify-replace-password-ldif',
  'dn: uid=«user»,ou=people,dc=corp,dc=internal\nchangetype: modify\nreplace: userPassword\nuserPassword: «pw»\n')
F('powershell-convertto-securestring-script',
  '$user = "CORP\\«user»"\n$pass = ConvertTo-SecureString "«pw»" -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential($user, $pass)\nInvoke-Command -ComputerName «host» -Credential $cred -ScriptBlock { Get-Service }\n',
  '$cred = Get-Credential -Message "Enter admin credentials"\nInvoke-Command -ComputerName «host» -Credential $cred -ScriptBlock { Get-Service }\n')
F('psreadline-consolehost-history',
  'cd C:\\src\\billing\nSet-AzContext -Subscription «uuid»\n$env:OPENAI_API_KEY="«key:openai»"\npython .\\summarize.py\n',
  'cd C:\\src\\billing\ngit pull\ndotnet test\n')
F('glab-cli-config-yml',
  'hosts:\n    gitlab.com:\n        token: «key:gl»\n        api_host: gitlab.com\n        git_protocol: ssh\n        api_protocol: https\n')
F('azure-devops-pat-remote-url',
  '$ git remote -v\norigin  https://«user»:«key:an40»«lower:12»@dev.azure.com/fabrikam/Payments/_git/payments (fetch)\n',
  '$ git remote -v\norigin  git@ssh.dev.azure.com:v3/fabrikam/Payments/payments (fetch)\n')
F('vscode-rest-client-http-file',
  '@baseUrl = https://api.«word».example\n\n### list orders\nGET {{baseUrl}}/orders\nAuthorization: Bearer «jwt»\n',
  '@baseUrl = https://api.«word».example\n@token = {{$dotenv API_TOKEN}}\n\n### list orders\nGET {{baseUrl}}/orders\nAuthorization: Bearer {{token}}\n')
F('intellij-http-client-private-env-json',
  '{"dev": {"host": "localhost:8080", "token": "«jwt»"}, "prod": {"host": "api.«word».example", "api_key": "«key:an40»"}}',
  '{"dev": {"host": "localhost:8080"}, "prod": {"host": "api.«word».example"}}', kind='json')
F('k6-load-test-script',
  'import http from \'k6/http\';\nconst TOKEN = \'«jwt»\';\nexport default function () {\n  http.get(\'https://api.«word».example/catalog\', { headers: { Authorization: `Bearer ${TOKEN}` } });\n}\n',
  'import http from \'k6/http\';\nexport const options = { vus: 50, duration: \'2m\' };\nexport default function () {\n  http.get(`${__ENV.BASE_URL}/catalog`, { headers: { Authorization: `Bearer ${__ENV.TOKEN}` } });\n}\n')
F('locustfile-login-task',
  'class Shopper(HttpUser):\n    @task\n    def login(self):\n        self.client.post("/api/login", json={"email": "«email»", "password": "«pw»"})\n',
  'class Shopper(HttpUser):\n    wait_time = between(1, 3)\n    @task\n    def browse(self):\n        self.client.get("/api/products?page=%d" % random.randint(1, 40))\n')
F('jmeter-jmx-header-manager',
  '<HeaderManager guiclass="HeaderPanel" testname="HTTP Header Manager">\n  <collectionProp name="HeaderManager.headers">\n    <elementProp name="" elementType="Header">\n      <stringProp name="Header.name">Authorization</stringProp>\n      <stringProp name="Header.value">Bearer «jwt»</stringProp>\n    </elementProp>\n  </collectionProp>\n</HeaderManager>\n',
  '<HeaderManager guiclass="HeaderPanel" testname="HTTP Header Manager">\n  <collectionProp name="HeaderManager.headers">\n    <elementProp name="" elementType="Header">\n      <stringProp name="Header.name">Authorization</stringProp>\n      <stringProp name="Header.value">Bearer ${__P(token)}</stringProp>\n    </elementProp>\n  </collectionProp>\n</HeaderManager>\n')
F('jest-snapshot-file',
  '// Jest Snapshot v1, https://goo.gl/fbAQLP\n\nexports[`renders masked card 1`] = `\n<span className="pan">\n  •••• «last4»\n</span>\n`;\n', n=2)
F('webpack-minified-bundle-chunk',
  '!function(e){var t={apiKey:"«key:google»",authDomain:"«word»-prod.firebaseapp.com",projectId:"«word»-prod"};e.firebase.initializeApp(t)}(window);',
  '!function(e){var t={apiBase:"/api",retries:3,timeoutMs:8e3};e.__CFG__=t}(window);')
F('next-config-js-env-block',
  'module.exports = {\n  reactStrictMode: true,\n  env: {\n    STRIPE_SECRET: \'«key:stripe»\',\n    CMS_TOKEN: \'«key:contentful»\',\n  },\n}\n',
  'module.exports = {\n  reactStrictMode: true,\n  env: {\n    NEXT_PUBLIC_STRIPE_PK: process.env.NEXT_PUBLIC_STRIPE_PK,\n  },\n}\n')
F('nuxt-config-runtimeconfig',
  'export default defineNuxtConfig({\n  runtimeConfig: {\n    mailgunKey: \'«key:mailgun»\',\n    public: { apiBase: \'/api\' }\n  }\n})\n')
F('angular-environment-prod-ts',
  'export const environment = {\n  production: true,\n  firebase: {\n    apiKey: \'«key:google»\',\n    authDomain: \'«word»-app.firebaseapp.com\',\n    messagingSenderId: \'«num:12»\'\n  },\n  mapsKey: \'«key:google~2»\'\n};\n',
  'export const environment = {\n  production: true,\n  apiUrl: \'https://api.«word».example\',\n  sentryDsnEnabled: false\n};\n')
F('capacitor-config-json',
  '{"appId": "com.«word».app", "appName": "«word»", "webDir": "dist", "plugins": {"PushNotifications": {"presentationOptions": ["badge", "sound"]}}}', kind='json', n=2)
F('ios-info-plist-keys',
  '<key>CFBundleIdentifier</key>\n<string>com.«word».mobile</string>\n<key>GMSApiKey</key>\n<string>«key:google»</string>\n<key>BranchKey</key>\n<string>key_live_«lower:32»</string>\n',
  '<key>CFBundleIdentifier</key>\n<string>com.«word».mobile</string>\n<key>NSCameraUsageDescription</key>\n<string>Scan your insurance card</string>\n')
F('android-buildconfigfield-gradle',
  'android {\n  defaultConfig {\n    buildConfigField "String", "MAPBOX_SECRET", "\\"sk.«lower:60»\\""\n    buildConfigField "String", "BACKEND_KEY", "\\"«key:an40»\\""\n  }\n}\n'.replace('"\\"sk.«lower:60»\\""', '"\\"«key:hex64»\\""'),
  'android {\n  defaultConfig {\n    buildConfigField "String", "BACKEND_KEY", "\\"${project.findProperty(\'backendKey\') ?: \'\'}\\""\n  }\n}\n')
F('unreal-defaultengine-ini',
  '[OnlineSubsystemEOS]\nbEnabled=true\n[/Script/OnlineSubsystemEOS.EOSSettings]\n+Artifacts=(ArtifactName="Game",ClientId="xyza«an:28»",ClientSecret="«key:an40»«an:3»",ProductId="«hex:32»")\n',
  '[/Script/Engine.RendererSettings]\nr.DefaultFeature.AutoExposure=False\nr.Shadow.Virtual.Enable=1\n')
F('godot-export-presets-cfg',
  '[preset.0.options]\nkeystore/release="/home/«user»/release.keystore"\nkeystore/release_user="upload"\nkeystore/release_password="«pw»"\npackage/unique_name="com.«word».game"\n',
  '[preset.0.options]\nkeystore/release=""\nkeystore/release_user=""\nkeystore/release_password=""\npackage/unique_name="com.«word».game"\n')
F('cloudformation-parameters-json',
  '[{"ParameterKey": "DBMasterPassword", "ParameterValue": "«pw»"}, {"ParameterKey": "Environment", "ParameterValue": "prod"}]',
  '[{"ParameterKey": "DBMasterPassword", "UsePreviousValue": true}, {"ParameterKey": "Environment", "ParameterValue": "prod"}]', kind='json')
F('codeartifact-get-authorization-token-output',
  '{"authorizationToken": "eyJ2ZXIiOjEsImlzdSI6«an:40»«an:40~b»«an:40»", "expiration": "«dt»"}'.replace('eyJ2ZXIiOjEsImlzdSI6«an:40»«an:40~b»«an:40»', '«key:b64»«an:40»«an:40~b»'), kind='json')
F('rds-generate-db-auth-token-output',
  'mydb.«lower:12».eu-west-1.rds.amazonaws.com:5432/?Action=connect&DBUser=iam_app&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=«akid:ASIA»%2F«date:compact»%2Feu-west-1%2Frds-db%2Faws4_request&X-Amz-Date=«date:compact»T101112Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Security-Token=«key:awssession»&X-Amz-Signature=«hex:64»\n')
F('winscp-console-open-command',
  'winscp.com /ini=nul /command "open sftp://«user»:«pw:url»@sftp.«word».example/ -hostkey=""ssh-ed25519 255 «an:43»""" "put report.csv /inbound/" "exit"\n',
  'winscp.com /ini=nul /command "open sftp://«user»@sftp.«word».example/ -privatekey=C:\\keys\\upload.ppk" "put report.csv /inbound/" "exit"\n')
F('plink-batch-command',
  'plink.exe -ssh «user»@«ip» -pw «pw» -batch "systemctl restart app"\n',
  'plink.exe -ssh «user»@«ip» -i C:\\keys\\ops.ppk -batch "systemctl status app"\n')
F('mremoteng-confcons-xml',
  '<Node Name="«host»" Type="Connection" Username="«user»" Domain="CORP" Password="«an:40»«an:20»==" Hostname="«ip»" Protocol="RDP" />\n', n=2)
F('openssl-req-newkey-terminal',
  '$ openssl req -new -newkey rsa:2048 -nodes -keyout api.key -out api.csr -subj "/CN=api.«word».example"\n$ cat api.key\n«pem:pkcs8»\n')
F('mkcert-rootca-key-pem',
  '$ cat "$(mkcert -CAROOT)/rootCA-key.pem"\n«pem:pkcs8»\n',
  '$ mkcert -CAROOT\n/home/«user»/.local/share/mkcert\n$ ls\nrootCA-key.pem  rootCA.pem\n')
F('istioctl-proxy-config-secret-output',
  'RESOURCE NAME     TYPE           STATUS     VALID CERT     SERIAL NUMBER                               NOT AFTER                NOT BEFORE\ndefault           Cert Chain     ACTIVE     true           «hex:32»            «dt»     «dt»\nROOTCA            CA             ACTIVE     true           «hex:32»            «dt»     «dt»\n', n=2)
F('linkerd-identity-issuer-values',
  'identity:\n  issuer:\n    tls:\n      crtPEM: |\n        -----BEGIN CERTIFICATE-----\n        MIIBwDCCAWagAwIBAgIQ«an:40»\n        -----END CERTIFICATE-----\n      keyPEM: "«pem:ec_esc»"\n')
F('cert-manager-certificate-describe',
  'Name:         api-tls\nNamespace:    prod\nStatus:\n  Conditions:\n    Message:  Certificate is up to date and has not expired\n    Reason:   Ready\n  Not After:  «dt»\n  Revision:   «int:1-12»\n', n=2)
F('kustomize-secretgenerator-literals',
  'secretGenerator:\n- name: app-secrets\n  literals:\n  - DB_PASSWORD=«pw»\n  - SENDGRID_KEY=«key:sg»\n',
  'secretGenerator:\n- name: app-secrets\n  envs:\n  - secrets.env\n  options:\n    disableNameSuffixHash: true\n')
F('helmfile-yaml-set',
  'releases:\n- name: api\n  chart: ./charts/api\n  set:\n  - name: postgresql.auth.password\n    value: «pw»\n  - name: image.tag\n    value: «ver»\n',
  'releases:\n- name: api\n  chart: ./charts/api\n  set:\n  - name: postgresql.auth.password\n    value: {{ requiredEnv "PG_PASSWORD" }}\n')
F('skaffold-yaml-build-env',
  'build:\n  artifacts:\n  - image: api\n    docker:\n      buildArgs:\n        NPM_TOKEN: «key:npm»\n',
  'build:\n  artifacts:\n  - image: api\n    docker:\n      buildArgs:\n        NPM_TOKEN: "{{.NPM_TOKEN}}"\n')
F('tiltfile-starlark',
  'docker_build(\'api\', \'.\', build_args={\'GITHUB_TOKEN\': \'«key:gh»\'})\nk8s_yaml(\'deploy/api.yaml\')\n',
  'docker_build(\'api\', \'.\', build_args={\'GITHUB_TOKEN\': os.getenv(\'GITHUB_TOKEN\')})\nk8s_yaml(\'deploy/api.yaml\')\n')
F('earthfile-secret-run',
  'deps:\n    FROM node:20\n    RUN --secret NPM_TOKEN=«key:npm» npm ci\n',
  'deps:\n    FROM node:20\n    RUN --secret NPM_TOKEN npm ci\n')
F('poetry-config-http-basic-toml',
  '[http-basic.internal]\nusername = "«user»"\npassword = "«pw»"\n\n[pypi-token]\npypi = "«key:pypi»"\n',
  '[virtualenvs]\nin-project = true\n[repositories.internal]\nurl = "https://pypi.«word».internal/simple/"\n')
F('twine-upload-verbose-log',
  'Uploading distributions to https://upload.pypi.org/legacy/\nINFO     username: __token__\nINFO     password: <hidden>\nUploading «word»-«ver»-py3-none-any.whl\n100% ━━━━━━━━━━━━━━━ 24.1/24.1 kB\n', n=2)
F('dotnet-nuget-push-command',
  'dotnet nuget push bin/Release/*.nupkg --api-key oy2«lower:43» --source https://api.nuget.org/v3/index.json\n'.replace('oy2«lower:43»', '«key=oy2k7qzdf4mn2wx8vb3rtlpa9hjc6sye1goux5wnkqmb7vt»'), n=1)
F('dotnet-nuget-push-ci-masked',
  'dotnet nuget push bin/Release/*.nupkg --api-key *** --source https://api.nuget.org/v3/index.json\nPushing «word».«ver».nupkg to \'https://www.nuget.org/api/v2/package\'...\n  Created https://www.nuget.org/api/v2/package/ 1342ms\n', n=2)
F('publish-module-psgallery',
  'Publish-Module -Path .\\«word»Tools -NuGetApiKey «uuid» -Repository PSGallery -Verbose\n'.replace('«uuid»', '«key:postmark»'))
F('chocolatey-apikey-add',
  'choco apikey --key «key:postmark» --source https://push.chocolatey.org/\nAdded ApiKey for https://push.chocolatey.org/\n',
  'choco apikey list\nhttps://push.chocolatey.org/ - (Authenticated)\n')
F('homebrew-token-zprofile',
  'export HOMEBREW_NO_ANALYTICS=1\nexport HOMEBREW_GITHUB_API_TOKEN=«key:gh»\neval "$(/opt/homebrew/bin/brew shellenv)"\n',
  'export HOMEBREW_NO_ANALYTICS=1\neval "$(/opt/homebrew/bin/brew shellenv)"\n')
F('fish-history-yaml',
  '- cmd: set -gx ANTHROPIC_API_KEY «key:anthropic»\n  when: «ts»\n- cmd: python agent.py\n  when: «ts~2»\n',
  '- cmd: git status\n  when: «ts»\n- cmd: make test\n  when: «ts~2»\n')
F('fish-universal-variables',
  '# This file contains fish universal variable definitions.\nSETUVAR --export OPENAI_API_KEY:«key:openai»\nSETUVAR fish_greeting:\n')
F('ipython-history-dump',
  'In [3]: import stripe\nIn [4]: stripe.api_key = "«key:stripe»"\nIn [5]: stripe.Charge.list(limit=3)\n',
  'In [3]: import pandas as pd\nIn [4]: df = pd.read_parquet("events.parquet")\nIn [5]: df.groupby("day").size()\n')
F('tableau-tds-connection',
  '<connection class="postgres" dbname="analytics" server="«host»" port="5432" username="«user»" password="«pw»" authentication="username-password" />\n',
  '<connection class="postgres" dbname="analytics" server="«host»" port="5432" username="«user»" authentication="username-password" />\n')
F('airbyte-source-config-json',
  '{"sourceDefinitionId": "«uuid»", "connectionConfiguration": {"host": "«host»", "port": 5432, "database": "shop", "username": "airbyte", "password": "«pw»", "ssl_mode": {"mode": "require"}}}',
  '{"sourceDefinitionId": "«uuid»", "connectionConfiguration": {"host": "«host»", "port": 5432, "database": "shop", "username": "airbyte", "password": "**********"}}', kind='json')
F('meltano-yml-plugin-config',
  'plugins:\n  extractors:\n  - name: tap-hubspot\n    config:\n      access_token: «key:hubspot»\n      start_date: «date»T00:00:00Z\n',
  'plugins:\n  extractors:\n  - name: tap-hubspot\n    config:\n      start_date: «date»T00:00:00Z\n    settings:\n    - name: access_token\n      kind: password\n')
F('singer-tap-config-json',
  '{"api_key": "«key:an32»", "start_date": "«date»T00:00:00Z", "user_agent": "tap-«word» <data@«word».invalid>"}'.replace(' <data@«word».invalid>', ''), kind='json')
F('luigi-cfg',
  '[core]\ndefault-scheduler-host=scheduler\n[postgres]\nhost=«host»\nuser=«user»\npassword=«pw»\n')
F('great-expectations-config-variables',
  'my_postgres_db_yaml_creds:\n  drivername: postgresql\n  host: «host»\n  port: 5432\n  username: «user»\n  password: «pw»\n  database: dw\n')
F('hive-site-xml-metastore',
  '<property>\n  <name>javax.jdo.option.ConnectionURL</name>\n  <value>jdbc:mysql://«host»/metastore</value>\n</property>\n<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>«pw»</value>\n</property>\n')
F('flink-conf-yaml-s3',
  'jobmanager.memory.process.size: 1600m\ns3.access-key: «akid»\ns3.secret-key: «awssecret»\nstate.backend: rocksdb\n',
  'jobmanager.memory.process.size: 1600m\ntaskmanager.numberOfTaskSlots: 4\nstate.backend: rocksdb\n')
F('druid-common-runtime-properties',
  'druid.metadata.storage.type=postgresql\ndruid.metadata.storage.connector.user=druid\ndruid.metadata.storage.connector.password=«pw»\ndruid.s3.accessKey=«akid»\ndruid.s3.secretKey=«awssecret»\n')
F('influx-cli-configs-toml',
  '[default]\n  url = "http://localhost:8086"\n  token = "«an:40»«an:40~b»==«an:0»"\n  org = "«word»"\n  active = true\n'.replace('«an:40»«an:40~b»==«an:0»', '«key:azure»'))
F('hikaricp-debug-pool-log',
  '«dt» DEBUG com.zaxxer.hikari.HikariConfig - password........................<masked>\n«dt» DEBUG com.zaxxer.hikari.HikariConfig - username........................"«user»"\n«dt» DEBUG com.zaxxer.hikari.HikariConfig - jdbcUrl.........................jdbc:postgresql://«host»:5432/app\n', n=2)
F('liquibase-properties',
  'changeLogFile=db/changelog/db.changelog-master.yaml\nurl=jdbc:postgresql://«host»:5432/app\nusername=«user»\npassword=«pw»\n',
  'changeLogFile=db/changelog/db.changelog-master.yaml\nurl=jdbc:postgresql://«host»:5432/app\nusername=${DB_USER}\npassword=${DB_PASS}\n')
F('flyway-conf-file',
  'flyway.url=jdbc:mysql://«host»:3306/shop\nflyway.user=«user»\nflyway.password=«pw»\nflyway.locations=filesystem:sql\n')
F('alembic-ini-sqlalchemy-url',
  '[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql+psycopg2://«user»:«pw:url»@«host»/orders\n',
  '[alembic]\nscript_location = migrations\nsqlalchemy.url = driver://user:pass@localhost/dbname\n')
F('knexfile-js',
  'module.exports = {\n  production: {\n    client: \'pg\',\n    connection: { host: \'«host»\', user: \'«user»\', password: \'«pw»\', database: \'app\' },\n    pool: { min: 2, max: 10 }\n  }\n};\n')
F('laravel-config-cache-php',
  '<?php return array (\n  \'app\' => array (\n    \'key\' => \'«key:laravel»\',\n  ),\n  \'database\' => array (\n    \'connections\' => array (\n      \'mysql\' => array (\n        \'password\' => \'«pw»\',\n', n=2)
F('magento-app-etc-env-php',
  '<?php\nreturn [\n    \'crypt\' => [\'key\' => \'«key:hex32»\'],\n    \'db\' => [\'connection\' => [\'default\' => [\'host\' => \'localhost\', \'dbname\' => \'magento\', \'username\' => \'magento\', \'password\' => \'«pw»\']]],\n];\n')
F('oauth2-proxy-cfg',
  'provider = "oidc"\nclient_id = "«word»-proxy"\nclient_secret = "«key:an32»"\ncookie_secret = "«an:32»"\nemail_domains = ["*"]\n'.replace('cookie_secret = "«an:32»"', 'cookie_secret = "«key:an32~2»"'))
F('keepassxc-csv-export',
  '"Group","Title","Username","Password","URL","Notes"\n"Root/Infra","pfSense","admin","«pw»","https://«ip»",""\n"Root/Infra","NAS","«user»","«pw~2»","",""\n')
F('lastpass-vault-csv',
  'url,username,password,totp,extra,name,grouping,fav\nhttps://portal.«word».example,«email»,«pw»,,,«word» portal,Work,0\n')
F('dashlane-credentials-csv',
  'username,username2,username3,title,password,note,url,category,otpSecret\n«email»,,,«word»,«pw»,,https://«word».example,Business,\n')
F('heroku-netrc-machine',
  'machine api.heroku.com\n  login «email»\n  password «key:heroku»\nmachine git.heroku.com\n  login «email»\n  password «key:heroku»\n')
F('travis-encrypt-cli-output',
  '$ travis encrypt "SLACK_TOKEN=$SLACK_TOKEN" --add env.global\nPlease add the following to your .travis.yml file:\n  secure: "«an:60»«an:60~b»«an:40»="\n', n=2)
F('sops-encrypted-json',
  '{"db_password": "ENC[AES256_GCM,data:«an:20»,iv:«an:43»=,tag:«an:22»==,type:str]", "sops": {"kms": [{"arn": "arn:aws:kms:eu-west-1:«num:12»:key/«uuid»"}], "version": "3.9.0"}}', kind='json', n=2)
F('vault-read-secret-table',
  '$ vault kv get secret/payments\n====== Data ======\nKey           Value\n---           -----\nstripe_key    «key:stripe»\nwebhook       «key:whsec»\n',
  '$ vault kv metadata get secret/payments\n====== Metadata ======\nKey                Value\n---                -----\ncurrent_version    «int:2-9»\ncreated_time       «dt»\n')
F('aws-cli-configure-export-credentials',
  '$ aws configure export-credentials --profile prod --format env\nexport AWS_ACCESS_KEY_ID=«akid:ASIA»\nexport AWS_SECRET_ACCESS_KEY=«awssecret»\nexport AWS_SESSION_TOKEN=«key:awssession»\nexport AWS_CREDENTIAL_EXPIRATION=«dt»\n')
F('localstack-awslocal-debug',
  '$ awslocal s3 ls\n«dt» INFO --- [   asgi_gw_0] localstack.request.aws : AWS s3.ListBuckets => 200\n# localstack accepts any key; docs use AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test\n', n=2)
F('aws-doc-example-iam-user-keys',
  '{"AccessKey": {"UserName": "Bob", "Status": "Active", "CreateDate": "2015-03-09T18:39:23.411Z", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AccessKeyId": "AKIAIOSFODNN7EXAMPLE"}}', kind='json', n=2)
F('terraform-tfvars-provider-creds',
  'region     = "eu-central-1"\naccess_key = "«akid»"\nsecret_key = "«awssecret»"\ndb_password = "«pw»"\n',
  'region      = "eu-central-1"\ninstance    = "t3.small"\nallowed_ips = ["«pubip»/32"]\n')
F('cdktf-json-synth-output',
  '{"provider": {"aws": [{"region": "us-east-1", "access_key": "«akid»", "secret_key": "«awssecret»"}]}, "resource": {}}', kind='json')
F('crossplane-providerconfig-creds-ini-secret',
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws-creds\nstringData:\n  creds: |\n    [default]\n    aws_access_key_id = «akid»\n    aws_secret_access_key = «awssecret»\n')
F('s3-uploader-python-hardcoded',
  's3 = boto3.client(\n    "s3",\n    aws_access_key_id="«akid»",\n    aws_secret_access_key="«awssecret»",\n    region_name="us-west-2",\n)\n',
  's3 = boto3.client("s3")  # picks up the instance role\ns3.upload_file("report.pdf", "«word»-reports", "2026/report.pdf")\n')
F('nodejs-aws-sdk-v3-client-config',
  'const client = new S3Client({\n  region: "eu-west-1",\n  credentials: { accessKeyId: "«akid»", secretAccessKey: "«awssecret»" },\n});\n')
F('go-aws-static-credentials-provider',
  'cfg, err := config.LoadDefaultConfig(ctx,\n    config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("«akid»", "«awssecret»", "")),\n)\n')
F('java-basicawscredentials-snippet',
  'BasicAWSCredentials creds = new BasicAWSCredentials("«akid»", "«awssecret»");\nAmazonS3 s3 = AmazonS3ClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(creds)).build();\n')
F('rclone-s3-cli-flags',
  'rclone copy ./backup :s3:«word»-bk --s3-provider AWS --s3-access-key-id «akid» --s3-secret-access-key «awssecret» --s3-region eu-west-1\n')
F('cyberduck-cli-duck-command',
  'duck --username «akid» --password «awssecret» --upload s3://«word»-media/ ./export/\n')
F('ec2-user-data-script',
  '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=«akid»\nexport AWS_SECRET_ACCESS_KEY=«awssecret»\naws s3 cp s3://«word»-bootstrap/install.sh /tmp/ && bash /tmp/install.sh\n',
  '#!/bin/bash\nyum install -y amazon-cloudwatch-agent\naws s3 cp s3://«word»-bootstrap/install.sh /tmp/ && bash /tmp/install.sh\n')
F('cloudtrail-lake-query-result-row',
  '{"eventTime": "«dt»", "eventName": "GetObject", "userIdentity": {"type": "IAMUser", "accessKeyId": "«akid»", "userName": "«user»"}, "sourceIPAddress": "«pubip»"}', kind='json')
F('iam-credential-report-csv',
  'user,arn,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_service\n«user»,arn:aws:iam::«num:12»:user/«user»,true,«dt»,s3\n', n=2)
F('guardduty-finding-json',
  '{"Type": "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", "Resource": {"AccessKeyDetails": {"AccessKeyId": "«akid:ASIA»", "PrincipalId": "AROA«an:17»:i-0«hex:16»", "UserType": "AssumedRole"}}, "Severity": 8}', kind='json')
F('trufflehog-style-slack-alert',
  ':rotating_light: Secret detected in «word»/api@«gitsha»\nDetector: AWS\nRaw: «akid»\nFile: deploy/old.env line 4\n')
F('sts-decode-authorization-message',
  '{"allowed": false, "explicitDeny": false, "context": {"principal": {"id": "AIDA«an:17»", "arn": "arn:aws:iam::«num:12»:user/«user»"}, "action": "ec2:RunInstances"}}', kind='json', n=2)
F('aws-iam-list-access-keys-output',
  '{"AccessKeyMetadata": [{"UserName": "«user»", "AccessKeyId": "«akid»", "Status": "Active", "CreateDate": "«dt»"}]}', kind='json')
F('ssh-private-key-in-issue-tracker-paste',
  'Deploy fails with "Permission denied (publickey)". Here is the key we use on the runner, maybe the format is wrong?\n\n```\n«pem:openssh»\n```\n')
F('ansible-inventory-ssh-pass',
  '[web]\n«ip» ansible_user=«user» ansible_ssh_pass=«pw» ansible_become_pass=«pw~2»\n',
  '[web]\n«ip» ansible_user=«user» ansible_ssh_private_key_file=~/.ssh/deploy\n')
F('cloudinit-chpasswd-list',
  '#cloud-config\nchpasswd:\n  list: |\n    ubuntu:«pw»\n  expire: false\nssh_pwauth: true\n',
  '#cloud-config\nssh_pwauth: false\npackage_update: true\npackages: [nginx]\n')
F('proxmox-cloudinit-qm-set',
  'qm set 9001 --ciuser «user» --cipassword \'«pw»\' --ipconfig0 ip=dhcp\n')
F('esxi-kickstart-ks-cfg',
  'vmaccepteula\nrootpw «pw»\ninstall --firstdisk --overwritevmfs\nnetwork --bootproto=dhcp --device=vmnic0\n',
  'vmaccepteula\nrootpw --iscrypted $6$«lower:16»$«an:86»\ninstall --firstdisk --overwritevmfs\n')
F('kickstart-anaconda-user-line',
  'lang en_US.UTF-8\nuser --name=«user» --password=«pw» --plaintext --groups=wheel\n',
  'lang en_US.UTF-8\nuser --name=«user» --iscrypted --password=$6$«lower:16»$«an:86» --groups=wheel\n')
F('autoyast-xml-users',
  '<users config:type="list">\n  <user>\n    <username>root</username>\n    <user_password>«pw»</user_password>\n    <encrypted config:type="boolean">false</encrypted>\n  </user>\n</users>\n')
F('ipmitool-lanplus-command',
  'ipmitool -I lanplus -H «ip» -U ADMIN -P «pw» chassis power status\nChassis Power is on\n')
F('idrac-racadm-getconfig-output',
  '[Key=iDRAC.Embedded.1#Users.2]\nUserName=root\nPassword=******** (Write-Only)\nPrivilege=0x1ff\n', n=2)
F('snmpwalk-v3-command',
  'snmpwalk -v3 -l authPriv -u monitor -a SHA -A «pw» -x AES -X «pw~2» «ip» 1.3.6.1.2.1.1\n')
F('zabbix-server-conf',
  'DBHost=localhost\nDBName=zabbix\nDBUser=zabbix\nDBPassword=«pw»\nStartPollers=10\n',
  'DBHost=localhost\nDBName=zabbix\nDBUser=zabbix\n# DBPassword=\nStartPollers=10\n')
F('checkmk-automation-secret-file',
  '$ cat ~/var/check_mk/web/automation/automation.secret\n«an:32»\n'.replace('«an:32»', '«pw=QWXTBR-PCGAKE-ZLDMFS-89E2RT»'), n=1)
F('uptime-kuma-notification-json',
  '{"name": "Telegram ops", "type": "telegram", "telegramBotToken": "«key:telegram»", "telegramChatID": "-100«num:10»", "isDefault": true}', kind='json')
F('statuspage-component-update-curl',
  'curl https://api.statuspage.io/v1/pages/«lower:12»/incidents -H "Authorization: OAuth «key:uuid»" -d "incident[name]=Elevated errors"\n'.replace('«key:uuid»', '«key:postmark»'))
F('rundeck-key-storage-upload',
  'rd keys create -p keys/prod/db -t password -f /dev/stdin <<< "«pw»"\n')
F('foreman-hammer-cli-config',
  ':foreman:\n  :host: \'https://foreman.«word».internal\'\n  :username: \'admin\'\n  :password: \'«pw»\'\n')
F('cobbler-settings-default-password',
  'default_password_crypted: "$1$«lower:8»$«an:22»"\nserver: «ip»\nnext_server: «ip»\n', n=2)
F('proftpd-ftpasswd-file',
  '«user»:$1$«lower:8»$«an:22»:2001:2001::/srv/ftp/«user»:/bin/false\n', n=2)
F('bacula-director-conf',
  'Director {\n  Name = bacula-dir\n  Password = "«pw»"\n}\nCatalog {\n  Name = MyCatalog\n  dbname = "bacula"; dbuser = "bacula"; dbpassword = "«pw~2»"\n}\n')
F('bareos-fd-conf-director',
  'Director {\n  Name = bareos-dir\n  Password = "[md5]«hex:32»"\n}\n', n=2)
F('veeam-agent-config-xml',
  '<BackupTarget Type="SMB" Path="\\\\nas01\\backups" UserName="CORP\\«user»" Password="«pw»" />\n')
F('nut-upsd-users',
  '[upsmon]\n  password = «pw»\n  upsmon master\n[admin]\n  password = «pw~2»\n  actions = SET\n')
F('asterisk-pjsip-conf-auth',
  '[6001]\ntype=auth\nauth_type=userpass\npassword=«pw»\nusername=6001\n',
  '[6001]\ntype=endpoint\ncontext=from-internal\ndisallow=all\nallow=ulaw\n')
F('kamailio-subscriber-sql-insert',
  "INSERT INTO subscriber (username, domain, password, ha1) VALUES ('1001', 'sip.«word».example', '«pw»', '«md5»');\n")
F('mosquitto-passwd-and-conf',
  'listener 8883\nallow_anonymous false\npassword_file /mosquitto/config/passwd\n# passwd:\n«user»:$7$101$«an:16»==$«an:86»==\n', n=2)
F('mqtt-explorer-connection-json',
  '{"connections": {"«uuid»": {"host": "broker.«word».example", "port": 8883, "username": "«user»", "password": "«pw»", "encryption": true}}}', kind='json')
F('esp-idf-sdkconfig-wifi',
  'CONFIG_ESP_WIFI_SSID="«word»-iot"\nCONFIG_ESP_WIFI_PASSWORD="«pw»"\nCONFIG_ESP_MAXIMUM_RETRY=5\n',
  'CONFIG_ESP_WIFI_SSID="myssid"\nCONFIG_ESP_WIFI_PASSWORD="mypassword"\nCONFIG_ESP_MAXIMUM_RETRY=5\n')
F('micropython-boot-py-wlan',
  'import network\nwlan = network.WLAN(network.STA_IF)\nwlan.active(True)\nwlan.connect("«word»-home", "«pw»")\n')
F('klipper-moonraker-secrets-ini',
  '[mqtt_credentials]\nusername: «user»\npassword: «pw»\n\n[api_key]\nkey: «key:hex32»\n')
F('frigate-config-yml-rtsp',
  'cameras:\n  driveway:\n    ffmpeg:\n      inputs:\n        - path: rtsp://admin:«pw:url»@«ip»:554/cam/realmonitor?channel=1&subtype=0\n          roles: [detect, record]\n',
  'cameras:\n  driveway:\n    ffmpeg:\n      inputs:\n        - path: rtsp://{FRIGATE_RTSP_USER}:{FRIGATE_RTSP_PASSWORD}@«ip»:554/stream1\n')
F('zoneminder-monitor-export',
  'Id,Name,Type,Path,User,Pass\n3,Garage,Ffmpeg,rtsp://«ip»/Streaming/Channels/101,admin,«pw»\n')
