"""Key material, tokens, cloud credentials, US identity documents, more clinical and payment formats."""
from gen import F

# --- private keys -------------------------------------------------------------------------------
F('github-app-manifest-conversion-json',
  '{"id": «int:100000-999999», "slug": "«word»-bot", "client_id": "Iv1.«hex:16»", "client_secret": "«key:hex40»", "webhook_secret": "«key:hex40~2»", "pem": "«pem:rsa»"}', kind='json')
F('apple-wallet-pass-signing-key-pem',
  '$ openssl pkcs12 -in pass.p12 -nocerts -nodes -passin pass:«pw:url» | tee passkey.pem\nBag Attributes\n    friendlyName: Pass Type ID: pass.com.«word».loyalty\n«pem:pkcs8»\n')
F('terraform-output-raw-private-key-pem',
  '$ terraform output -raw bastion_private_key_pem\n«pem:rsa»\n',
  '$ terraform output\nbastion_private_key_pem = <sensitive>\nbastion_public_ip = "«pubip»"\n')
F('ec2-create-key-pair-json',
  '{"KeyFingerprint": "«fp:8»", "KeyMaterial": "«pem:rsa»", "KeyName": "«word»-bastion", "KeyPairId": "key-0«hex:16»"}',
  '{"KeyPairs": [{"KeyPairId": "key-0«hex:16»", "KeyFingerprint": "«fp:4»", "KeyName": "«word»-bastion", "KeyType": "ed25519"}]}', kind='json')
F('heroku-certs-add-heredoc',
  'cat > server.key <<\'EOF\'\n«pem:rsa»\nEOF\nheroku certs:add server.crt server.key -a «word»-web\n')
F('haproxy-combined-pem-bundle',
  '# /etc/haproxy/certs/«word».pem\n-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIU«an:48»\n«an:64»\n-----END CERTIFICATE-----\n«pem:pkcs8»\n',
  '# /etc/haproxy/certs/«word».pem (public part only)\n-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIU«an:48»\n«an:64»\n-----END CERTIFICATE-----\n')
F('postfix-smtpd-tls-key-cat',
  '# postconf smtpd_tls_key_file\nsmtpd_tls_key_file = /etc/postfix/tls/mx.key\n# cat /etc/postfix/tls/mx.key\n«pem:ec»\n')
F('opendkim-genkey-default-private',
  '$ opendkim-genkey -s mail -d «word».example && cat mail.private\n«pem:rsa»\n$ cat mail.txt\nmail._domainkey IN TXT ( "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA«an:40»" )\n',
  '$ cat mail.txt\nmail._domainkey IN TXT ( "v=DKIM1; h=sha256; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA«an:60»" )\n')
F('rspamd-dkim-signing-key',
  '# /var/lib/rspamd/dkim/«word».example.mail.key\n«pem:rsa»\n')
F('simplesamlphp-idp-signing-key',
  '<?php\n$metadata[\'__DYNAMIC:1__\'] = [\n    \'host\' => \'__DEFAULT__\',\n    \'privatekey\' => \'server.pem\',\n    \'certificate\' => \'server.crt\',\n];\n// cert/server.pem:\n// «pem:pkcs8_esc»\n')
F('kafka-ssl-keystore-key-properties',
  'security.protocol=SSL\nssl.keystore.type=PEM\nssl.keystore.key=«pem:enc_esc»\nssl.key.password=«pw»\n')
F('mongodb-x509-client-pem-cat',
  '$ cat /etc/ssl/mongo-client.pem\n«pem:rsa»\n-----BEGIN CERTIFICATE-----\nMIIDnzCCAoegAwIBAgIUQ«an:40»\n-----END CERTIFICATE-----\n$ mongosh --tls --tlsCertificateKeyFile /etc/ssl/mongo-client.pem\n')
F('psql-client-postgresql-key-cat',
  '$ ls -l ~/.postgresql\n-rw------- 1 «user» «user» 1704 postgresql.key\n$ cat ~/.postgresql/postgresql.key\n«pem:pkcs8»\n')
F('etcd-peer-key-pem-cat',
  '# cat /etc/etcd/pki/peer.key\n«pem:ec»\n',
  '# etcdctl --cert=/etc/etcd/pki/peer.crt --key=/etc/etcd/pki/peer.key endpoint health\n127.0.0.1:2379 is healthy: successfully committed proposal: took = 2.1ms\n')
F('kubeadm-pki-ca-key-cat',
  'root@cp-1:~# cat /etc/kubernetes/pki/ca.key\n«pem:rsa»\n',
  'root@cp-1:~# kubeadm certs check-expiration\nCERTIFICATE                EXPIRES                  RESIDUAL TIME\nadmin.conf                 «dt»   364d\n')
F('docker-tls-client-key-pem',
  '$ cat ~/.docker/key.pem\n«pem:rsa»\n$ docker --tlsverify -H tcp://«ip»:2376 ps\n')
F('easyrsa-pki-private-issued-key',
  '$ ./easyrsa build-client-full «user» nopass\n* Notice: Private-Key and Public-Certificate-Request files created.\n$ cat pki/private/«user».key\n«pem:pkcs8»\n',
  '$ ./easyrsa show-cert «user»\n* Notice: Showing cert details for: \'«user»\'\n  serial: «HEX:32»\n  notAfter: «dt»\n')
F('jwt-private-key-env-escaped',
  'JWT_ISSUER=https://auth.«word».example\nJWT_PRIVATE_KEY="«pem:pkcs8_esc»"\nJWT_TTL=900\n')
F('firebase-private-key-env-var',
  'FIREBASE_PROJECT_ID=«word»-prod\nFIREBASE_CLIENT_ID=«num:21»\nFIREBASE_PRIVATE_KEY="«pem:pkcs8_esc»"\n',
  'FIREBASE_PROJECT_ID=«word»-prod\nFIREBASE_PRIVATE_KEY=\n')
F('github-actions-debug-echo-ssh-key',
  '##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: ***\nRun echo "$DEPLOY_KEY" | base64 -d > key && cat key\n«pem:openssh»\n',
  '##[debug]Evaluating: secrets.DEPLOY_KEY\n##[debug]Result: ***\nRun ssh-agent -a $SSH_AUTH_SOCK > /dev/null\nIdentity added: (stdin) (deploy@ci)\n')
F('cloud-init-write-files-private-key',
  '#cloud-config\nwrite_files:\n  - path: /home/ubuntu/.ssh/id_ed25519\n    permissions: "0600"\n    content: |\n      «pem:openssh»\n')
F('helm-values-tls-key-base64',
  'ingress:\n  tls:\n    crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t«an:60»\n    key: «pem:ec_b64»\n',
  'ingress:\n  tls:\n    crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t«an:60»\n    existingSecret: «word»-tls\n')
F('node-jsonwebtoken-sign-script',
  'const jwt = require(\'jsonwebtoken\');\nconst privateKey = `«pem:rsa»`;\nconst token = jwt.sign({ sub: \'svc\' }, privateKey, { algorithm: \'RS256\', expiresIn: \'10m\' });\n',
  'const jwt = require(\'jsonwebtoken\');\nconst privateKey = fs.readFileSync(process.env.SIGNING_KEY_PATH);\nconst token = jwt.sign({ sub: \'svc\' }, privateKey, { algorithm: \'RS256\' });\n')
F('ops-email-pasted-private-key',
  'Subject: new SFTP key for the bank upload\nHi «first», here is the private key, please install it on the batch server:\n\n«pem:rsa»\n\nPassphrase is in the usual place.\n')
F('ssh-user-ca-key-cat',
  '$ sudo cat /etc/ssh/ca/user_ca\n«pem:openssh»\n$ ssh-keygen -s /etc/ssh/ca/user_ca -I «user» -n «user» -V +1d id_ed25519.pub\n')
F('spring-application-yml-jwt-signing-key',
  'security:\n  jwt:\n    issuer: https://api.«word».example\n    private-key: "«pem:pkcs8_esc»"\n')
F('openssl-csr-pem-paste',
  '-----BEGIN CERTIFICATE REQUEST-----\nMIICvDCCAaQCAQAwdzELMAkGA1UEBhMCVVMx«an:30»\n«an:64»\n«an:64»\n-----END CERTIFICATE REQUEST-----\n', n=3)
F('openssl-s-client-showcerts',
  'subject=CN = api.«word».example\nissuer=C = US, O = Let\'s Encrypt, CN = R11\n-----BEGIN CERTIFICATE-----\nMIIE«an:60»\n«an:64»\n-----END CERTIFICATE-----\n', n=3)
F('dsa-key-legacy-solaris-backup',
  '# /export/home/«user»/.ssh/id_dsa (restored from 2011 tape)\n«pem:dsa»\n', n=1)
F('openssl-genrsa-traditional-4096',
  '$ openssl genrsa -traditional 4096 2>/dev/null\n«pem:rsa4k»\n', n=1)
F('ec-params-and-key-openssl-ecparam',
  '$ openssl ecparam -name prime256v1 -genkey -noout\n«pem:ec»\n$ openssl pkcs8 -topk8 -nocrypt\n«pem:ecp8»\n', n=2)

# --- JWTs ---------------------------------------------------------------------------------------
F('oidc-implicit-callback-fragment',
  'GET https://app.«word».example/callback#id_token=«jwt»&state=«hex:16»&session_state=«uuid»\n',
  'GET https://app.«word».example/callback?code=«an:43»&state=«hex:16»\n')
F('aspnetcore-jwtbearer-failure-log',
  'info: Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[1]\n      Failed to validate the token «jwt».\n      Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed.\n',
  'info: Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[7]\n      Bearer was not authenticated. Failure message: IDX10223: Lifetime validation failed. The token is expired.\n')
F('kong-jwt-plugin-debug-log',
  '«dt» [debug] 1234#0: *«int:100-9999» [kong] handler.lua:132 [jwt] token: «jwt», client: «ip»\n')
F('apigee-trace-session-json',
  '{"point": [{"id": "StateChange"}, {"id": "FlowInfo", "results": [{"requestMessage": {"headers": [{"name": "Authorization", "value": "Bearer «jwt»"}], "uRI": "/v1/accounts"}}]}]}', kind='json')
F('alb-x-amzn-oidc-data-log',
  '«dt» upstream request headers: x-amzn-oidc-identity=«uuid» x-amzn-oidc-data=«jwt»\n')
F('supabase-auth-localstorage-session',
  '{"sb-«lower:20»-auth-token": "{\\"access_token\\":\\"«jwt»\\",\\"token_type\\":\\"bearer\\",\\"expires_in\\":3600,\\"refresh_token\\":\\"«lower:12»\\"}"}', kind='json')
F('postgrest-rpc-request',
  'POST /rpc/monthly_report HTTP/1.1\nHost: db-api.«word».example\nAuthorization: Bearer «jwt»\nContent-Type: application/json\n\n{"month": "«date»"}\n')
F('grpcurl-authorization-metadata',
  '$ grpcurl -H "authorization: Bearer «jwt»" -d \'{"id": "«num:8»"}\' api.«word».example:443 orders.v1.Orders/GetOrder\n',
  '$ grpcurl -plaintext localhost:50051 list\ngrpc.health.v1.Health\norders.v1.Orders\n')
F('signalr-negotiate-access-token-query',
  'wss://rt.«word».example/hubs/notifications?id=«an:22»&access_token=«jwt»\n')
F('magic-link-login-email-token',
  'Subject: Your sign-in link\nClick to sign in (valid 15 minutes):\nhttps://app.«word».example/auth/magic?token=«jwt»\nIf you didn\'t request this, ignore this email.\n')
F('jwt-debugger-paste-in-team-chat',
  '«first»: can someone check why this token gets 401? «jwt»\n«first~2»: exp is in the past, refresh it\n')
F('keycloak-direct-grant-response-json',
  '{"access_token": "«jwt»", "expires_in": 300, "refresh_expires_in": 1800, "refresh_token": "«jwt~2»", "token_type": "Bearer", "scope": "profile email"}', kind='json')
F('okta-sdk-debug-log',
  '«dt» DEBUG okta-sdk-java Request: GET https://«word».okta.com/api/v1/users/me\n«dt» DEBUG okta-sdk-java Authorization: Bearer «jwt»\n')
F('zoom-s2s-oauth-token-response',
  '{"access_token": "«jwt»", "token_type": "bearer", "expires_in": 3599, "scope": "meeting:write:admin user:read:admin", "api_url": "https://api.zoom.us"}', kind='json')
F('mux-signed-playback-url',
  'https://stream.mux.com/«an:30».m3u8?token=«jwt»\n')
F('google-identity-services-credential-callback',
  'handleCredentialResponse({credential: "«jwt»", select_by: "btn", clientId: "«num:12»-«lower:32».apps.googleusercontent.com"})\n')
F('spring-security-debug-filterchain-log',
  '«dt» DEBUG o.s.s.o.s.r.a.JwtAuthenticationProvider : Authenticated token «jwt»\n',
  '«dt» DEBUG o.s.s.w.FilterChainProxy : Securing GET /api/orders\n«dt» DEBUG o.s.s.w.a.AnonymousAuthenticationFilter : Set SecurityContextHolder to anonymous SecurityContext\n')
F('simplejwt-token-pair-response',
  '{"refresh": "«jwt»", "access": "«jwt~2»"}', kind='json')
F('laravel-passport-personal-access-token-response',
  '{"token_type": "Bearer", "expires_in": 31536000, "access_token": "«jwt»"}', kind='json')
F('nestjs-authguard-debug-log',
  '[Nest] 4711  - «date:us», «time}     LOG [JwtStrategy] validate payload for token «jwt»\n'.replace('}', '»'))
F('editthiscookie-export-json',
  '[{"domain": ".«word».example", "httpOnly": true, "name": "session", "path": "/", "secure": true, "value": "«jwt»"}, {"domain": ".«word».example", "name": "_ga", "value": "GA1.2.«num:9».«ts»"}]',
  '[{"domain": ".«word».example", "name": "_ga", "value": "GA1.2.«num:9».«ts»"}, {"domain": ".«word».example", "name": "consent", "value": "yes"}]', kind='json')
F('vault-kubernetes-auth-login-request',
  '$ curl --request POST --data \'{"jwt": "«jwt»", "role": "payments"}\' https://vault.«word».internal:8200/v1/auth/kubernetes/login\n')
F('gitlab-ci-id-tokens-job-log',
  '$ echo $VAULT_ID_TOKEN | cut -c1-400\n«jwt»\n',
  '$ vault write -field=token auth/jwt/login role=deploy jwt=$VAULT_ID_TOKEN\nhvs.[MASKED]\n')
F('github-actions-oidc-token-request-debug',
  '##[debug]ID token url is https://pipelines.actions.githubusercontent.com/«an:40»/idtoken\n##[debug]Got ID token: «jwt»\n')
F('oidc-jwks-endpoint-response',
  '{"keys": [{"kty": "RSA", "use": "sig", "kid": "«hex:16»", "alg": "RS256", "n": "«an:60»«an:60~b»", "e": "AQAB"}]}', kind='json', n=3)
F('jwt-header-only-decoded-doc',
  'A JWT has three parts. The header, e.g. {"alg":"HS256","typ":"JWT"}, is base64url-encoded as eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 and followed by the payload and signature.\n', n=2)

# --- AWS ----------------------------------------------------------------------------------------
F('aws-vault-exec-env-output',
  '$ aws-vault exec prod -- env | grep AWS\nAWS_VAULT=prod\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=«akid:ASIA»\nAWS_SECRET_ACCESS_KEY=«awssecret»\nAWS_SESSION_TOKEN=«key:awssession»\n',
  '$ aws-vault list\nProfile                  Credentials              Sessions\n=======                  ===========              ========\nprod                     prod                     sts.GetSessionToken:58m\n')
F('saml2aws-login-output',
  'Using IdP: Okta\n? Please choose the role Account: «num:12» / Role: Admin\nSelected role: arn:aws:iam::«num:12»:role/Admin\nRequesting AWS credentials using SAML assertion.\nLogged in as: arn:aws:sts::«num:12»:assumed-role/Admin/«email»\nYour new access key pair has been stored in the AWS configuration.\n',
  'Using IdP: Okta\nRequesting AWS credentials using SAML assertion.\nAWS_ACCESS_KEY_ID=«akid:ASIA»\nAWS_SECRET_ACCESS_KEY=«awssecret»\n')
F('aws-powershell-set-awscredential',
  'Set-AWSCredential -AccessKey «akid» -SecretKey «awssecret» -StoreAs ops\nInitialize-AWSDefaultConfiguration -ProfileName ops -Region eu-central-1\n',
  'Set-AWSCredential -ProfileName ops\nGet-S3Bucket | Select-Object BucketName\n')
F('tflog-trace-aws-credential-source',
  '«dt» [DEBUG] provider.terraform-provider-aws: Retrieved credentials: tf_aws.auth_source=envvar tf_aws.credentials_source=EnvConfigCredentials aws.access_key_id=«akid»\n',
  '«dt» [DEBUG] provider.terraform-provider-aws: Retrieved credentials: tf_aws.credentials_source=SharedConfigCredentials: /home/ci/.aws/credentials\n')
F('cloudwatch-logs-insights-accesskey-result',
  '| @timestamp | userIdentity.accessKeyId | eventName | sourceIPAddress |\n| «dt» | «akid» | PutObject | «pubip» |\n')
F('aws-config-iam-key-rotation-evaluation',
  '{"ConfigRuleName": "access-keys-rotated", "ComplianceType": "NON_COMPLIANT", "Annotation": "Access key «akid» was last rotated 212 days ago", "ResourceId": "AIDA«an:17»"}', kind='json')
F('security-hub-finding-access-key-json',
  '{"Title": "IAM access key exposed", "Resources": [{"Type": "AwsIamAccessKey", "Id": "AWS::IAM::AccessKey:«akid»", "Details": {"AwsIamAccessKey": {"UserName": "«user»", "Status": "Active"}}}], "Severity": {"Label": "CRITICAL"}}', kind='json')
F('aws-health-risk-credentials-exposed-email',
  'Subject: [Action Required] Your AWS Access Key is Exposed for AWS Account «num:12»\nWe have become aware that the AWS Access Key «akid» (belonging to IAM user "«user»") along with the corresponding Secret Key is publicly available online at https://github.com/«word»/«word~2»/blob/«gitsha»/config.js.\n')
F('aws-sdk-ruby-initializer',
  'Aws.config.update(\n  region: \'us-east-1\',\n  credentials: Aws::Credentials.new(\'«akid»\', \'«awssecret»\')\n)\n',
  'Aws.config.update(region: \'us-east-1\', credentials: Aws::InstanceProfileCredentials.new)\n')
F('aws-dotnet-basicawscredentials-csharp',
  'var creds = new BasicAWSCredentials("«akid»", "«awssecret»");\nusing var client = new AmazonSQSClient(creds, RegionEndpoint.EUWest1);\n')
F('rails-active-storage-storage-yml',
  'amazon:\n  service: S3\n  access_key_id: «akid»\n  secret_access_key: «awssecret»\n  region: us-east-1\n  bucket: «word»-uploads\n',
  'amazon:\n  service: S3\n  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>\n  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>\n  bucket: «word»-uploads\n')
F('django-storages-s3-settings',
  'DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"\nAWS_ACCESS_KEY_ID = "«akid»"\nAWS_SECRET_ACCESS_KEY = "«awssecret»"\nAWS_STORAGE_BUCKET_NAME = "«word»-media"\n',
  'DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"\nAWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\nAWS_STORAGE_BUCKET_NAME = "«word»-media"\n')
F('carrierwave-fog-initializer',
  'CarrierWave.configure do |config|\n  config.fog_credentials = {\n    provider: \'AWS\',\n    aws_access_key_id: \'«akid»\',\n    aws_secret_access_key: \'«awssecret»\',\n    region: \'eu-west-1\'\n  }\nend\n')
F('wp-offload-media-as3cf-settings',
  "define( 'AS3CF_SETTINGS', serialize( array(\n    'provider' => 'aws',\n    'access-key-id' => '«akid»',\n    'secret-access-key' => '«awssecret»',\n) ) );\n")
F('sentry-self-hosted-filestore-s3',
  'filestore.backend: "s3"\nfilestore.options:\n  access_key: "«akid»"\n  secret_key: "«awssecret»"\n  bucket_name: "sentry-files"\n')
F('fluentd-s3-output-match',
  '<match app.**>\n  @type s3\n  aws_key_id «akid»\n  aws_sec_key «awssecret»\n  s3_bucket «word»-logs\n  path logs/\n</match>\n',
  '<match app.**>\n  @type s3\n  <instance_profile_credentials>\n  </instance_profile_credentials>\n  s3_bucket «word»-logs\n</match>\n')
F('velero-credentials-velero-file',
  '[default]\naws_access_key_id=«akid»\naws_secret_access_key=«awssecret»\n# velero install --provider aws --secret-file ./credentials-velero\n')

# --- US identity, finance and benefits documents with SSNs --------------------------------------
F('hr-termination-checklist',
  'TERMINATION CHECKLIST\nEmployee: «name»   SSN: «ssn»   Last day: «date:us»\n[x] Final paycheck  [x] COBRA notice mailed  [ ] Laptop returned\nPersonal phone: «phone:usdash»\n', n=3)
F('medical-billing-guarantor-screen',
  'GUARANTOR  «last», «first»   REL: SELF\nSSN «ssn»   HOME «phone:us»\nPRIMARY INS  «|AETNA|CIGNA|UHC»  SUB ID «hin:member»\nPATIENT MRN «mrn:num8»\n', n=3)
F('financial-aid-verification-worksheet',
  'V1 Standard Verification Worksheet 2026–27\nStudent\'s Last Name «last»  First Name «first»\nStudent\'s SSN «ssn»\nStudent\'s Phone «phone:us»  Email «email:free»\n', n=3)
F('form-1098e-student-loan-interest-ocr',
  'Form 1098-E Student Loan Interest Statement\nRECIPIENT\'S TIN «int:10-99»-«num:7»\nBORROWER\'S TIN «ssn»\nBORROWER\'S name «name»\n1 Student loan interest received by lender $«amt»\n', n=2)
F('form-w2c-corrected-wage-ocr',
  'Form W-2c Corrected Wage and Tax Statement\nd Employee\'s correct SSN «ssn»\ne Corrected SSN and/or name: previously reported «ssn~2»\nf Employee\'s name «name»\n', n=2)
F('form-ss5-social-security-card-application',
  'Form SS-5 Application for a Social Security Card\n1 NAME TO BE SHOWN ON CARD «first» «last»\n5 CITIZENSHIP U.S. Citizen\n10 Has the applicant ever received a SSN? Yes — «ssn»\n11 Phone «phone:usdash»\n', n=2)
F('form-4506c-ives-request',
  'Form 4506-C IVES Request for Transcript of Tax Return\n1a Current name «name»\n1b First taxpayer identification number «ssn»\n5a IVES participant name «company»\n', n=2)
F('irs-form-2848-power-of-attorney',
  'Form 2848 Power of Attorney and Declaration of Representative\nTaxpayer name and address «name», «street»\nTaxpayer identification number(s) «ssn»\nDaytime telephone number «phone:us»\n', n=2)
F('bankruptcy-voluntary-petition-form-101',
  'Official Form 101 Voluntary Petition for Individuals Filing for Bankruptcy\n1. Your full name «first» «last»\n3. Only the last 4 digits of your Social Security number xxx – xx – «last4»\n', n=2)
F('bankruptcy-form-121-statement-ssn',
  'Official Form 121 Statement About Your Social Security Numbers\nDebtor 1 «name»\nYou have a Social Security Number: «ssn»\n', n=2)
F('divorce-financial-affidavit',
  'FINANCIAL AFFIDAVIT\nPetitioner: «name»   SSN: «ssn»\nEmployer: «company»  Gross monthly income: $«int:2000-9000»\nContact: «phone:usdot»\n', n=2)
F('immigration-i130-petition-ocr',
  'Form I-130 Petition for Alien Relative\nPart 2. Information About You (Petitioner)\n1. Alien Registration Number (A-Number) A-«num:9»\n3. U.S. Social Security Number «ssn:plain»\nDaytime Telephone «phone:usplain»\n', n=2)
F('i765-work-authorization-application',
  'Form I-765 Application for Employment Authorization\n12. Has the SSA ever officially issued a Social Security card to you? Yes\n13.b. Provide your SSN «ssn»\nApplicant\'s Daytime Telephone Number «phone:usplain»\n', n=2)
F('military-les-leave-earnings-statement',
  'DEFENSE FINANCE AND ACCOUNTING SERVICE MILITARY LEAVE AND EARNINGS STATEMENT\nNAME (LAST, FIRST, MI) «last» «first»  SOC. SEC. NO. «ssn»  GRADE E5\nENTITLEMENTS BASE PAY «amt»\n', n=2)
F('va-21-526ez-claim-form',
  'VA FORM 21-526EZ\n1. VETERAN\'S NAME «name»\n2. SOCIAL SECURITY NUMBER «ssn»\n3. VA FILE NUMBER «num:9»\n8. TELEPHONE «phone:usdash»\nCLAIMED DISABILITY: tinnitus («icd=H93.13»)\n', n=2)
F('medicaid-application-household-members',
  'Household members applying for coverage\nName\tRelationship\tSSN\tMedicaid ID (if any)\n«name»\tSelf\t«ssn»\t«hin:medicaid»\n«name~2»\tChild\t«ssn~2»\t\n', n=3)
F('hospital-charity-care-application',
  'Charity Care Application\nPatient «name»  MRN «mrn:num8»\nGuarantor SSN «ssn»\nHousehold size «int:1-6»  Monthly income $«int:800-4000»\n', n=3)
F('credit-union-membership-application',
  'Membership Application\nPrimary member «name}\nSSN/ITIN «ssn»   DOB «dob:us»\nMobile «phone:us»  Email «email:free»\nShare deposit $5.00\n'.replace('}', '»'), n=3)
F('car-insurance-quote-request-json',
  '{"drivers": [{"first_name": "«first»", "last_name": "«last»", "dob": "«dob»", "ssn": "«ssn»", "license": {"state": "TX", "number": "«num:8»"}}], "vehicle": {"vin": "1FTFW1E«an:10»"}, "contact": {"phone": "«phone:usdash»"}}', kind='json', n=2)
F('wireless-carrier-credit-check-form',
  'Credit check authorization\nName «name}\nSocial Security # «ssn»\nBilling ZIP «zip»\nNumber to port «phone:usdash»\n'.replace('}', '»'), n=2)
F('new-hire-state-reporting-fixed-record',
  'W4«ssn:plain»«last»                «first»          «street}\n'.replace('}', '»'), n=3)
F('ssa-cbsv-verification-batch-csv',
  'ssn,first,last,dob,result\n«ssn:plain»,«first»,«last»,«dob:compact»,Y\n«ssn:plain~2»,«first~2»,«last~2»,«dob:compact~2»,N\n', n=2)
F('collection-agency-placement-file',
  'ACCT|DEBTOR|SSN|PHONE|BALANCE|LAST_PMT\n«num:10»|«last»,«first»|«ssn»|«phone:usplain»|«amt»|«date»\n', n=3)
F('skip-trace-search-result',
  'Subject: «name»\nSSN: «ssn»  (issued AZ 1996-1998)\nPossible phones: «phone:usdash», «phone:usdash~2»\nAddress history: «street}, «city»\n'.replace('}', '»'), n=2)
F('sis-student-records-export',
  'student_id,last,first,grade,ssn,guardian_phone\n«num:7»,«last»,«first»,«int:9-12»,«ssn»,«phone:usdash»\n', n=2)
F('benefits-dependent-enrollment-table',
  'Dependent\tRelationship\tDOB\tSSN\tMedical plan\n«name»\tSpouse\t«dob:us»\t«ssn»\tPPO\n«name~2»\tChild\t«dob:us~2»\t«ssn~2»\tPPO\n', n=2)
F('beneficiary-designation-form-401k',
  'Primary beneficiary: «name»  Relationship: spouse  SSN: «ssn»  Share: 100%\nContingent: «name~2»  SSN: «ssn~2»\n', n=2)
F('jail-booking-sheet',
  'BOOKING #«num:8»  «date:us» «time»\nNAME «last», «first}  SSN «ssn»  DOB «dob:us»\nCHARGE: 23152(a) VC\nPHONE CALL MADE: «phone:usdash»\n'.replace('}', '»'), n=2)
F('hunting-license-application-form',
  'Resident Hunting License Application\nName «name»\nSocial Security Number (required by state law) «ssn»\nHunter ed. cert # «num:8»\n', n=2)
F('irs-itin-assignment-letter-cp565',
  'We assigned you an Individual Taxpayer Identification Number (ITIN): 9«int:10-99»-7«int:0-9»-«int:1000-9999»\nAn ITIN is not a Social Security number.\n', n=3)
F('payroll-import-ssn-rejects-report',
  'IMPORT «date» employees.csv — 4 rows rejected\nrow 12: SSN 000-«int:10-99»-«int:1000-9999» invalid (area 000)\nrow 31: SSN 666-«int:10-99»-«int:1000-9999» invalid (area 666)\nrow 47: SSN «int:100-665»-00-«int:1000-9999» invalid (group 00)\nrow 58: SSN «int:100-665»-«int:10-99»-0000 invalid (serial 0000)\n', n=2)

# --- more clinical and insurance ---------------------------------------------------------------
F('champva-claim-form-10-7959a',
  'CHAMPVA CLAIM FORM\n1. Sponsor\'s SSN «ssn»\n2. Beneficiary\'s CHAMPVA member number «hin:num9»\n6. Telephone «phone:us»\nDiagnosis «icd»\n', n=2)
F('medigap-plan-g-application',
  'Medicare Supplement Application — Plan G\nApplicant «name»\nMedicare Claim Number «hin:mbidash»\nPhone «phone:us»\n', n=3)
F('part-d-extra-help-lis-application',
  'Application for Extra Help with Medicare Prescription Drug Plan Costs\nYour name «name»\nYour Social Security number «ssn»\nYour Medicare number «hin:mbi»\n', n=2)
F('medi-cal-bic-card-ocr',
  'STATE OF CALIFORNIA BENEFITS IDENTIFICATION CARD\nID No. «hin:num9»«up:1»\n«name»\nIssue date «date:us»\n', n=3)
F('patient-wristband-barcode-scan-log',
  '«dt» BCMA scan user=«up:3» pt_band MRN=«mrn:num8» med=«num:11» result=MATCH\n',
  '«dt» BCMA scan user=«up:3» med=«num:11» result=NO_PATIENT_SCANNED\n')
F('ed-quick-registration-screen',
  'QUICK REG  Arrival «time»\nName «last»,«first»  Sex M  Age «int:18-95»\nMRN «mrn:num7» (NEW)   Temp ID «an:6»\nChief complaint: SOB\nIns: self-pay\n', n=2)
F('ihe-xcpd-patient-discovery-response',
  '<patient><id root="2.16.840.1.113883.3.«int:100-999».1" extension="«mrn:num9»"/><patientPerson><name><given>«first»</given><family>«last»</family></name><birthTime value="«dob:compact»"/></patientPerson></patient>', n=2)
F('mpi-duplicate-review-worklist-csv',
  'pair_id,mrn_a,mrn_b,score,name_a,name_b\n«int:1000-9999»,«mrn:num8»,«mrn:num8~2»,0.94,«name»,«name»\n', n=3)
F('release-of-information-log-csv',
  'request_id,mrn,requester,purpose,pages,date\nROI-«num:6»,«mrn:num8»,«company»,legal,«int:5-300»,«date»\n', n=3)
F('chart-amendment-request-form',
  'REQUEST TO AMEND HEALTH INFORMATION\nPatient name «name»  Medical record # «mrn:e»\nEntry date «date:us»  Incorrect information: diagnosis listed as «icd=E66.9»\nPhone «phone:usdash»\n', n=2)
F('dental-insurance-card-back-ocr',
  'Subscriber ID «hin:num9»\nGroup «num:7»\nProviders: submit claims to Payer ID «num:5»\nCustomer Service 1-800-«int:200-999»-«int:1000-9999»\n'.replace('Customer Service 1-800-«int:200-999»-«int:1000-9999»', 'Customer Service: see website'), n=2)
F('pharmacy-discount-card-front',
  'Pharmacy discount card — this is NOT insurance\nBIN 610194  PCN PHARMACY  GROUP «an:6»  ID «an:3»«num:6»\nAccepted at most pharmacies\n', n=3)
F('hospital-floor-directory-sign',
  'Floor 3 — B12 Pediatrics · C34 Radiology waiting · E11 Staff lounge · J45 Chapel\n', n=3)
F('chess-eco-opening-index',
  'ECO index: B22 Sicilian, Alapin · C50 Italian Game · D64 Queen\'s Gambit Declined · E11 Bogo-Indian · A09 Réti\n', n=2)
F('nordic-ehic-card-text',
  'EUROPEAN HEALTH INSURANCE CARD\n3 Name «last»\n4 Given names «first»\n6 Personal identification number «num:10»\n7 Identification number of the institution 2500 - «word»\n8 Identification number of the card «hin:num11»\n', n=2)
F('japan-kouki-koureisha-card-ocr',
  '後期高齢者医療被保険者証\n被保険者番号 «hin:jp»\n氏名 «name»\n保険者番号 39«num:6»\n', n=2)
F('germany-pkv-beitragsrechnung',
  'Beitragsrechnung  «date:eu»\nVersicherungsnummer: «hin:num9»\nVersicherte Person: «name»\nTarif: KV Vollversicherung\nMonatsbeitrag: € «amt»\n', n=2)

# --- more payment with CVV ----------------------------------------------------------------------
F('booking-engine-ibe-payment-debug-log',
  '«dt» DEBUG ibe.payment guest=«email:free» card={"number":"«card»","expiry":"«int:10-12»/«int:27-31»","cvc":"«cvv»"} amount=«amt»\n',
  '«dt» DEBUG ibe.payment guest=[filtered] card={"number":"[filtered]","cvc":"[filtered]"} amount=«amt»\n')
F('call-center-payment-screen-ocr',
  'TAKE PAYMENT\nCard number [«card»]\nExpiry [«int:10-12»/«int:27-31»]  CVV [«cvv»]\nAmount [«amt»]   [ Submit ]\n', n=3)
F('php-checkout-print-r-debug',
  'Array\n(\n    [cc_owner] => «name»\n    [cc_number] => «card»\n    [cc_exp] => «int:10-12»«int:27-31»\n    [cc_cvv2] => «cvv»\n)\n', n=3)
F('legacy-access-orders-table-print',
  'OrderID  Customer          CardNo            Exp    CVC\n«int:1000-9999»     «last»         «card»  «int:10-12»/«int:27-31»  «cvv»\n', n=2)
F('donor-phone-pledge-card-ocr',
  'PLEDGE CARD  Radio-thon «date:us»\nName «name»  Phone «phone:us»\nAmount $«int:25-500» [X] Visa [ ] MC\nCard # «card:visa_sp»  Exp «int:10-12»/«int:27-31»  3-digit code «cvv»\n', n=2)
F('amex-cid-phone-order-notes',
  'Cust on phone, paying w/ Amex «card:amex_sp» exp «int:10-12»/«int:27-31» CID «cvv:4»\n', n=3)
F('luhn-valid-test-number-in-docs',
  'To test the checkout, use the card «card=4111 1111 1111 1111» with any future expiry and CVC «cvv=123».\n', n=1)
F('stripe-radar-rules-list',
  'Block if :cvc_check: = \'fail\'\nReview if :card_country: != :ip_country:\nAllow if :risk_score: < 20\n', n=2)
