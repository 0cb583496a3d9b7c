"""Payments, issuing, banking, credit and KYC formats."""
import json
from urllib.parse import quote
from core8 import T, enc_b64


def exp(g, sep="/"):
    return f"{g.ri(1, 12):02d}{sep}{g.ri(27, 31)}"


def mm(g):
    return f"{g.ri(1, 12):02d}"


def yyyy(g):
    return str(g.ri(2027, 2032))


@T("helcim-purchase-request-json")
def _(g):
    return {"ipAddress": g.pubip(), "currency": "CAD", "amount": float(g.amt()), "cardData": {"cardNumber": g.cc(), "cardExpiry": exp(g, ""), "cardCVV": g.cvv()},
            "billingAddress": {"name": g.name(), "street1": g.street(), "postalCode": "T2P 1J9"}}


@T("clover-tokens-request-json")
def _(g):
    return {"card": {"number": g.cc(), "exp_month": mm(g), "exp_year": yyyy(g), "cvv": g.cvv(), "brand": "VISA", "last4": None}}


@T("windcave-pxpost-xml")
def _(g):
    return {"body": f"<Txn><PostUsername>{g.word().title()}_Dev</PostUsername><PostPassword>{g.pw('gen_url')}</PostPassword><Amount>{g.amt()}</Amount><InputCurrency>NZD</InputCurrency>"
                    f"<CardHolderName>{g.name().upper()}</CardHolderName><CardNumber>{g.cc()}</CardNumber><DateExpiry>{exp(g, '')}</DateExpiry><Cvc2>{g.cvv()}</Cvc2><Cvc2Presence>1</Cvc2Presence>"
                    f"<TxnType>Purchase</TxnType><MerchantReference>INV{g.num(6)}</MerchantReference></Txn>"}


@T("eway-rapid-direct-payment-json")
def _(g):
    f, l = g.first(), g.last()
    return {"Customer": {"FirstName": f, "LastName": l, "Email": g.em(f, l), "Phone": g.ph("au"),
                         "CardDetails": {"Name": f"{f} {l}", "Number": g.cc(), "ExpiryMonth": mm(g), "ExpiryYear": str(g.ri(27, 31)), "CVN": g.cvv()}},
            "Payment": {"TotalAmount": g.ri(500, 90000), "InvoiceNumber": "Inv " + g.num(5), "CurrencyCode": "AUD"}, "Method": "ProcessPayment", "TransactionType": "Purchase"}


@T("pin-payments-charge-curl")
def _(g):
    return {"shell": f"curl https://api.pinpayments.com/1/charges -u {g.key('alnum24')}: \\\n  -d amount={g.ri(100, 90000)} -d currency=AUD -d description=\"order {g.num(6)}\" \\\n"
                     f"  -d email={g.em()} -d ip_address={g.pubip()} \\\n  -d card[number]={g.cc()} -d card[expiry_month]={mm(g)} -d card[expiry_year]={yyyy(g)} -d card[cvc]={g.cvv()} \\\n  -d card[name]=\"{g.name()}\" -d card[address_line1]=\"{g.street()}\""}


@T("heartland-portico-soap")
def _(g):
    return {"xml": f"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><PosRequest xmlns=\"http://Hps.Exchange.PosGateway\"><Ver1.0><Header>"
                   f"<SecretAPIKey>skapi_prod_{g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 38)}</SecretAPIKey><DeveloperID>{g.num(6)}</DeveloperID></Header><Transaction><CreditSale><Block1>"
                   f"<Amt>{g.amt()}</Amt><CardData><ManualEntry><CardNbr>{g.cc()}</CardNbr><ExpMonth>{g.ri(1, 12)}</ExpMonth><ExpYear>{yyyy(g)}</ExpYear><CVV2>{g.cvv()}</CVV2></ManualEntry></CardData>"
                   f"</Block1></CreditSale></Transaction></Ver1.0></PosRequest></soap:Body></soap:Envelope>"}


@T("payeezy-purchase-json")
def _(g):
    return {"headers": {"apikey": g.key("alnum40")[:32], "token": "fdoa-" + g.hexs(48), "Content-Type": "application/json"},
            "body": {"merchant_ref": g.word() + "-" + g.num(5), "transaction_type": "purchase", "method": "credit_card", "amount": str(g.ri(100, 50000)), "currency_code": "USD",
                     "credit_card": {"type": "mastercard", "cardholder_name": g.name(), "card_number": g.cc("mc"), "exp_date": exp(g, ""), "cvv": g.cvv()}}}


@T("chase-orbital-neworder-xml")
def _(g):
    return {"request": f"<Request><NewOrder><OrbitalConnectionUsername>TSC{g.num(6)}</OrbitalConnectionUsername><OrbitalConnectionPassword>{g.pw('gen')}</OrbitalConnectionPassword>"
                       f"<IndustryType>EC</IndustryType><MessageType>AC</MessageType><BIN>000001</BIN><MerchantID>{g.num(12)}</MerchantID><TerminalID>001</TerminalID>"
                       f"<AccountNum>{g.cc('visa')}</AccountNum><Exp>{exp(g, '')}</Exp><CurrencyCode>840</CurrencyCode><CardSecValInd>1</CardSecValInd><CardSecVal>{g.cvv()}</CardSecVal>"
                       f"<OrderID>{g.num(10)}</OrderID><Amount>{g.ri(100, 99999)}</Amount></NewOrder></Request>"}


@T("tsys-transit-sale-json")
def _(g):
    return {"Sale": {"deviceID": "88" + g.num(10), "transactionKey": g.key("alnum40")[:32].upper(), "cardDataSource": "MANUAL", "transactionAmount": g.amt(),
                     "cardNumber": g.cc(), "expirationDate": exp(g, ""), "cvv2": g.cvv(), "orderNumber": g.num(8), "developerID": "003" + g.num(5) + "G001"}}


@T("xendit-card-charge-request")
def _(g):
    return {"amount": g.ri(10000, 5000000), "card_number": g.cc(), "card_exp_month": mm(g), "card_exp_year": yyyy(g), "card_cvn": g.cvv(), "is_multiple_use": False, "should_authenticate": True, "currency": "IDR"}


@T("paymongo-payment-method-create")
def _(g):
    f, l = g.first(), g.last()
    return {"data": {"attributes": {"type": "card", "details": {"card_number": g.cc(), "exp_month": g.ri(1, 12), "exp_year": g.ri(27, 31), "cvc": g.cvv()},
                                    "billing": {"name": f"{f} {l}", "email": g.em(f, l), "phone": g.ph("ph"), "address": {"city": "Cebu", "country": "PH"}}}}}


@T("dlocal-payins-card-request")
def _(g):
    return {"amount": g.ri(10, 900), "currency": "BRL", "country": "BR", "payment_method_id": "CARD", "payment_method_flow": "DIRECT",
            "payer": {"name": g.name(), "email": g.em()}, "card": {"holder_name": g.name(), "number": g.cc(), "cvv": g.cvv(), "expiration_month": g.ri(1, 12), "expiration_year": g.ri(2027, 2031)},
            "order_id": g.hexs(10), "notification_url": "https://merchant.example.net/dlocal/notify"}


@T("ebanx-direct-creditcard-request")
def _(g):
    return {"integration_key": g.key("hex64")[:48], "operation": "request", "payment": {"name": g.name(), "email": g.em(), "country": "br", "payment_type_code": "visa",
            "merchant_payment_code": g.hexs(12), "currency_code": "BRL", "amount_total": g.amt(),
            "creditcard": {"card_number": g.cc("visa"), "card_name": g.name(), "card_due_date": f"{mm(g)}/{yyyy(g)}", "card_cvv": g.cvv()}}}


@T("cielo-api30-sale")
def _(g):
    return {"headers": {"MerchantId": g.uuid(), "MerchantKey": g.key("alnum40")},
            "body": {"MerchantOrderId": g.num(10), "Customer": {"Name": g.name()}, "Payment": {"Type": "CreditCard", "Amount": g.ri(1000, 90000), "Installments": g.ri(1, 6),
                     "SoftDescriptor": "LOJA" + g.num(3), "CreditCard": {"CardNumber": g.cc(), "Holder": g.name(), "ExpirationDate": f"{mm(g)}/{yyyy(g)}", "SecurityCode": g.cvv(), "Brand": "Master"}}}}


@T("culqi-tokens-request")
def _(g):
    return {"card_number": g.cc(), "cvv": g.cvv(), "expiration_month": mm(g), "expiration_year": yyyy(g), "email": g.em(), "metadata": {"dni": None}}


@T("wompi-tokens-cards-request")
def _(g):
    return {"headers": {"Authorization": "Bearer pub_prod_" + g.b64url(32)}, "body": {"number": g.cc(), "cvc": g.cvv(), "exp_month": mm(g), "exp_year": str(g.ri(27, 31)), "card_holder": g.name()}}


@T("tap-payments-tokens-request")
def _(g):
    return {"card": {"number": g.cc(), "exp_month": g.ri(1, 12), "exp_year": g.ri(27, 31), "cvc": int(g.cvv()), "name": g.name(), "address": {"country": "Kuwait", "line1": "Salmiya, 21"}}, "client_ip": g.pubip()}


@T("hyperpay-copyandpay-server-to-server")
def _(g):
    body = f"entityId=8ac7a4c7{g.hexs(24)}&amount={g.amt()}&currency=SAR&paymentBrand=VISA&paymentType=DB&card.number={g.cc('visa')}&card.holder={quote(g.name())}&card.expiryMonth={mm(g)}&card.expiryYear={yyyy(g)}&card.cvv={g.cvv()}"
    return {"method": "POST", "url": "https://eu-prod.oppwa.com/v1/payments", "headers": {"Authorization": "Bearer " + g.sec(g.b64(40) + "==")}, "body": body}


@T("paytabs-payment-request")
def _(g):
    g._rec("api_key")
    return {"headers": {"authorization": "S" + g.chars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 9) + "-" + g.chars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10) + "-" + g.chars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10)},
            "body": {"profile_id": g.ri(40000, 99999), "tran_type": "sale", "tran_class": "ecom", "cart_id": g.hexs(8), "cart_currency": "AED", "cart_amount": float(g.amt()),
                     "customer_details": {"name": g.name(), "email": g.em(), "phone": g.ph("ae"), "street1": "Al Wasl Rd", "city": "Dubai", "country": "AE"}}}


@T("przelewy24-transaction-register")
def _(g):
    return {"merchantId": g.ri(100000, 999999), "posId": g.ri(100000, 999999), "sessionId": g.uuid(), "amount": g.ri(1000, 90000), "currency": "PLN",
            "description": f"Zamówienie nr {g.num(6)}", "email": g.em(), "client": g.name(), "phone": g.ph("pl"), "country": "PL", "language": "pl",
            "urlReturn": "https://sklep.example.pl/powrot", "sign": g.hexs(96)}


@T("cashfree-pg-order-create")
def _(g):
    return {"headers": {"x-client-id": g.num(8) + g.hexs(20), "x-client-secret": g.key("hex40").replace(g.vals["api_key"][-1], "cfsk_ma_prod_" + g.vals["api_key"][-1]), "x-api-version": "2023-08-01"},
            "body": {"order_amount": float(g.amt(100, 9000)), "order_currency": "INR", "customer_details": {"customer_id": "cust_" + g.hexs(8), "customer_email": g.em(), "customer_phone": g.ph("in")}}}


@T("omise-charge-curl")
def _(g):
    return {"cmd": f"curl https://api.omise.co/charges -u skey_{g.chars('abcdefghijklmnopqrstuvwxyz0123456789', 19)}: -d \"amount={g.ri(10000, 900000)}\" -d \"currency=thb\" -d \"card=tokn_{g.chars('abcdefghijklmnopqrstuvwxyz0123456789', 19)}\"",
            "note": g._rec("api_key") or "live secret key pasted into the runbook"}


@T("rapyd-create-payment-card")
def _(g):
    return {"amount": g.ri(10, 900), "currency": "EUR", "payment_method": {"type": "de_visa_card", "fields": {"number": g.cc("visa"), "expiration_month": mm(g), "expiration_year": str(g.ri(27, 31)), "cvv": g.cvv(), "name": g.name()}},
            "capture": True, "merchant_reference_id": g.hexs(12)}


@T("nuvei-payment-request")
def _(g):
    return {"merchantId": g.num(19), "merchantSiteId": g.num(6), "sessionToken": g.sec(g.uuid()), "clientRequestId": g.num(12), "amount": g.amt(), "currency": "EUR",
            "paymentOption": {"card": {"cardNumber": g.cc(), "cardHolderName": g.name(), "expirationMonth": mm(g), "expirationYear": yyyy(g), "CVV": g.cvv()}},
            "billingAddress": {"email": g.em(), "country": "DE"}, "timeStamp": g.num(14, "2026"), "checksum": g.sha256()}


@T("saferpay-authorize-direct")
def _(g):
    user = "API_" + g.num(6) + "_" + g.num(8)
    return {"headers": {"Authorization": "Basic " + enc_b64(f"{user}:{g.pw('gen')}"), "Content-Type": "application/json; charset=utf-8"},
            "body": {"RequestHeader": {"SpecVersion": "1.40", "CustomerId": g.num(6), "RequestId": g.uuid(), "RetryIndicator": 0}, "TerminalId": g.num(8),
                     "Payment": {"Amount": {"Value": str(g.ri(100, 90000)), "CurrencyCode": "CHF"}, "OrderId": g.num(6)},
                     "PaymentMeans": {"Card": {"Number": g.cc(), "ExpYear": g.ri(2027, 2031), "ExpMonth": g.ri(1, 12), "HolderName": g.name(), "VerificationCode": g.cvv()}}}}


@T("unzer-types-card-post")
def _(g):
    return {"auth": "s-priv-2a10" + g.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32) + ":" if g._rec("api_key") is None else "",
            "body": {"number": g.cc(), "expiryDate": exp(g), "cvc": g.cvv(), "cardHolder": g.name()}}


@T("payone-server-api-authorization")
def _(g):
    return {"request": f"request=authorization&mid={g.num(5)}&portalid={g.num(7)}&aid={g.num(5)}&key={g.hexs(32)}&mode=live&encoding=UTF-8&clearingtype=cc&reference={g.num(8)}"
                       f"&amount={g.ri(100, 90000)}&currency=EUR&lastname={quote(g.last())}&country=DE&email={g.em()}&cardpan={g.cc()}&cardtype=V&cardexpiredate={g.ri(27, 31)}{mm(g)}&cardcvc2={g.cvv()}"}


@T("afterpay-checkout-request")
def _(g):
    f, l = g.first(), g.last()
    return {"amount": {"amount": g.amt(), "currency": "AUD"}, "consumer": {"phoneNumber": g.ph("au"), "givenNames": f, "surname": l, "email": g.em(f, l)},
            "merchant": {"redirectConfirmUrl": "https://shop.example.com.au/confirm", "redirectCancelUrl": "https://shop.example.com.au/cancel"}, "merchantReference": g.num(8)}


@T("mpesa-c2b-confirmation-callback")
def _(g):
    return {"TransactionType": "Pay Bill", "TransID": "S" + g.chars("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 9), "TransTime": g.num(14, "2026"), "TransAmount": str(g.ri(50, 9000)) + ".00",
            "BusinessShortCode": str(g.ri(100000, 999999)), "BillRefNumber": "ACC" + g.num(5), "OrgAccountBalance": g.amt(10000, 99999), "MSISDN": g.ph("ke").replace(" ", "").lstrip("+"),
            "FirstName": g.first().upper()}


@T("lithic-card-create-response")
def _(g):
    return {"token": g.uuid(), "type": "VIRTUAL", "state": "OPEN", "spend_limit": g.ri(100, 5000) * 100, "spend_limit_duration": "MONTHLY", "memo": g.word() + " subscriptions",
            "pan": g.cc("mc2"), "cvv": g.cvv(), "exp_month": mm(g), "exp_year": yyyy(g), "last_four": None, "created": g.ts()}


@T("privacy-card-reveal-json")
def _(g):
    c = g.cc("visa")
    return {"card": {"hostname": g.word() + ".example.com", "memo": "streaming", "pan": c, "cvv": g.cvv(), "exp_month": mm(g), "exp_year": yyyy(g), "last_four": c[-4:], "state": "OPEN"}}


@T("plaid-public-token-exchange-response")
def _(g):
    return {"access_token": g.key("uuidtok").replace(g.vals["api_key"][-1], "access-production-" + g.vals["api_key"][-1]), "item_id": g.b64url(37), "request_id": g.b64url(15)}


@T("plaid-transactions-sync-request")
def _(g):
    return {"client_id": g.hexs(24), "secret": g.key("hex32")[:30], "access_token": "access-production-" + g.uuid(), "cursor": g.b64url(60), "count": 250}


@T("truelayer-token-response")
def _(g):
    return {"access_token": g.jwt("RS256"), "expires_in": 3600, "token_type": "Bearer", "refresh_token": g.key("hex64").upper(), "scope": "info accounts balance transactions offline_access"}


@T("yodlee-cobrand-login-request")
def _(g):
    return {"cobrand": {"cobrandLogin": g.word() + "_cobrand_prod", "cobrandPassword": g.pw(), "locale": "en_US"}}


@T("teller-connect-enrollment-callback")
def _(g):
    return {"accessToken": "token_" + g.key("alnum24").lower(), "user": {"id": "usr_" + g.chars("abcdefghijklmnopqrstuvwxyz0123456789", 21)},
            "enrollment": {"id": "enr_" + g.chars("abcdefghijklmnopqrstuvwxyz0123456789", 21), "institution": {"name": "Tidewater Credit Union"}}, "signatures": [g.b64(88)]}


@T("dwolla-verified-customer-create")
def _(g):
    f, l = g.first(), g.last()
    return {"firstName": f, "lastName": l, "email": g.em(f, l), "type": "personal", "address1": g.street(), "city": "Des Moines", "state": "IA", "postalCode": "50309",
            "dateOfBirth": g.dob(), "ssn": g.ssn()}


@T("bill-com-vendor-create")
def _(g):
    return {"obj": {"entity": "Vendor", "isActive": "1", "name": g.co(), "email": g.role_em("ar"), "phone": g.ph("us"), "address1": g.street(), "addressCity": "Boise", "addressState": "ID",
                    "taxId": f"{g.ri(10, 99)}-{g.num(7)}", "track1099": True, "accNumber": "V" + g.num(6)}}


@T("expensify-report-export-csv")
def _(g):
    rows = ["Timestamp,Merchant,Amount,Category,Description,Employee", f"{g.date()},Lufthansa,{g.amt()},Airfare,FRA-OSL,{g.em()}",
            f"{g.date()},Hotel Bristol,{g.amt()},Lodging,2 nights,{g.vals['email'][0]}"]
    return {"attachment": "expenses.csv", "content": "\n".join(rows)}


@T("tc40-fraud-report-row")
def _(g):
    return {"line": f"TC40|{g.num(6)}|{g.cc('visa')}|{g.date()}|{g.amt()}|840|FRAUD_TYPE=6|MCC=5999|ACQ_REF={g.num(23)}|RPT_DATE={g.date()}"}


@T("ota-virtual-card-payment-email")
def _(g):
    return {"subject": f"Payment for reservation {g.num(10)} - virtual card", "body":
            f"Dear partner,\n\nThe booking below will be paid with a single-use virtual card. Charge it on or after the check-in date.\n\nGuest: {g.name()}\nCheck-in: {g.date()}\n"
            f"Amount: EUR {g.amt()}\n\nCard type: Mastercard\nCard number: {g.cc('mc', ' ')}\nExpiry: {exp(g)}\nCVC: {g.cvv()}\nCardholder: EXPEDIA VIRTUALCARD\n\nDo not share these details."}


@T("credit-card-authorization-form-text")
def _(g):
    return {"pdf_text": f"CREDIT CARD AUTHORIZATION FORM\nI, {g.name()}, authorize {g.co()} to charge my credit card for the amount below.\nCard Type: [x] Visa [ ] MasterCard [ ] AmEx\n"
                        f"Cardholder Name (as shown on card): {g.name()}\nCard Number: {g.cc('visa', '-')}\nExpiration Date (mm/yy): {exp(g)}\nCVV: {g.cvv()}\nBilling Address: {g.street()}, Tucson AZ 85701\n"
                        f"Phone#: {g.ph('us_dash')}\nEmail: {g.em()}\nSignature: ____________ Date: {g.date()}"}


@T("zuora-payment-method-post")
def _(g):
    return {"type": "CreditCard", "accountKey": "A" + g.num(8), "cardNumber": g.cc(), "expirationMonth": g.ri(1, 12), "expirationYear": g.ri(2027, 2032), "securityCode": g.cvv(),
            "cardHolderInfo": {"cardHolderName": g.name(), "email": g.em(), "phone": g.ph("ca"), "addressLine1": g.street(), "country": "CA"}}


@T("maxio-subscription-create")
def _(g):
    return {"subscription": {"product_handle": "pro-monthly", "customer_attributes": {"first_name": g.first(), "last_name": g.last(), "email": g.em(), "organization": g.co()},
                             "credit_card_attributes": {"full_number": g.cc(), "expiration_month": mm(g), "expiration_year": yyyy(g), "cvv": g.cvv()}}}


@T("magento2-payment-information-rest")
def _(g):
    return {"cartId": g.b64url(32), "email": g.em(), "paymentMethod": {"method": "braintree", "additional_data": {"cc_type": "VI", "cc_exp_year": yyyy(g), "cc_exp_month": str(g.ri(1, 12)),
            "cc_number": g.cc("visa"), "cc_cid": g.cvv()}}, "billingAddress": {"firstname": g.first(), "lastname": g.last(), "telephone": g.ph("us"), "city": "Austin", "countryId": "US"}}


@T("sfcc-ocapi-basket-payment-instrument")
def _(g):
    return {"amount": float(g.amt()), "payment_method_id": "CREDIT_CARD", "payment_card": {"card_type": "Visa", "number": g.cc("visa"), "security_code": g.cvv(), "holder": g.name(),
            "expiration_month": g.ri(1, 12), "expiration_year": g.ri(2027, 2031)}}


@T("bigcommerce-payments-process-request")
def _(g):
    return {"payment": {"instrument": {"type": "card", "number": g.cc(), "cardholder_name": g.name(), "expiry_month": g.ri(1, 12), "expiry_year": g.ri(2027, 2031), "verification_value": g.cvv()},
                        "payment_method_id": "authorizenet.card", "save_instrument": False}}


@T("booking-com-bxml-reservation")
def _(g):
    return {"xml": f"<reservations><reservation><id>{g.num(10)}</id><status>new</status><customer><first_name>{g.first()}</first_name><last_name>{g.last()}</last_name>"
                   f"<email>{g.em(domain='guest.booking.com')}</email><telephone>{g.ph('it')}</telephone><cc_type>Visa</cc_type><cc_number>{g.cc('visa')}</cc_number><cc_cvc>{g.cvv()}</cc_cvc>"
                   f"<cc_expiration_date>{exp(g)}</cc_expiration_date><cc_name>{g.name()}</cc_name></customer><room><arrival_date>{g.date()}</arrival_date></room></reservation></reservations>"}


@T("channex-booking-revision-json")
def _(g):
    return {"data": {"attributes": {"ota_name": "Airbnb", "arrival_date": g.date(), "customer": {"name": g.first(), "surname": g.last(), "mail": g.em(), "phone": g.ph("es")},
            "guarantee": {"card_number": g.cc(), "card_type": "MC", "cardholder_name": g.name(), "cvv": g.cvv(), "expiration_date": exp(g)}}, "type": "booking_revision"}}


@T("basis-theory-token-create")
def _(g):
    return {"type": "card", "data": {"number": g.cc(), "expiration_month": g.ri(1, 12), "expiration_year": g.ri(2027, 2031), "cvc": g.cvv()}, "metadata": {"customer": "cus_" + g.hexs(10)}}


@T("spreedly-payment-method-create")
def _(g):
    return {"payment_method": {"credit_card": {"first_name": g.first(), "last_name": g.last(), "number": g.cc(), "verification_value": g.cvv(), "month": str(g.ri(1, 12)), "year": yyyy(g)},
                               "email": g.em(), "retained": True}}


@T("metro2-base-segment-record")
def _(g):
    return {"record": f"0426 1{g.num(8)}{g.num(20)}{g.ri(10, 99)}I 9{g.ri(10, 12)}1{g.date().replace('-', '')}{g.ri(1000, 9999):09d}{g.ri(100, 999):09d}  11"
                      f"{g.last().upper():<25}{g.first().upper():<20}{g.ssn(None)}{g.dob().replace('-', '')}{g.ph('us_dash').replace('-', '')}",
            "layout": "Metro 2 base segment (abridged), consumer SSN then DOB then phone"}


@T("twn-verification-order-json")
def _(g):
    return {"order": {"verificationType": "EMPLOYMENT_INCOME", "permissiblePurpose": "CREDIT_APPLICATION", "subject": {"ssn": g.ssn(None), "firstName": g.first(), "lastName": g.last()}, "employer": {"name": g.co()}, "requestor": {"trackingId": g.hexs(10)}}}


@T("persona-inquiry-completed-webhook")
def _(g):
    return {"data": {"type": "event", "attributes": {"name": "inquiry.completed", "payload": {"data": {"type": "inquiry", "id": "inq_" + g.b64url(24),
            "attributes": {"status": "completed", "name-first": g.first(), "name-last": g.last(), "birthdate": g.dob(), "identification-number": g.ssn(),
                           "email-address": g.em(), "phone-number": g.ph("us_e164")}}}}}}


@T("alloy-evaluation-request")
def _(g):
    return {"name_first": g.first(), "name_last": g.last(), "birth_date": g.dob(), "document_ssn": g.ssn(None), "email_address": g.em(), "phone_number": g.ph("us_dash"),
            "address_line_1": g.street(), "address_city": "Omaha", "address_state": "NE", "address_postal_code": "68102"}


@T("irs-fire-1099-b-record")
def _(g):
    return {"record": f"B{g.ri(2025, 2026)} {g.ssn(None)}{g.num(10)}    {g.last().upper()[:4]}{g.num(12, '0')}{' ' * 6}{g.last().upper()} {g.first().upper():<30}{g.street().upper():<40}TOLEDO{' ' * 34}OH43604"}


@T("new-hire-reporting-txt")
def _(g):
    return {"file": f"W4*{g.ssn(None)}*{g.first().upper()}*{g.last().upper()}*{g.street().upper()}*SPOKANE*WA*99201*{g.date().replace('-', '')}*{g.dob().replace('-', '')}\nE4*{g.num(9)}*{g.co().upper()}*PO BOX {g.ri(10, 999)}*SEATTLE*WA*98101"}


@T("ssa-efw2-rw-record")
def _(g):
    return {"line": f"RW{g.ssn(None)}{g.first().upper():<15}{' ' * 15}{g.last().upper():<20}    {g.street().upper():<22}{' ' * 22}DENVER{' ' * 16}CO80202{' ' * 9}{g.num(11, '000')}{g.num(11, '000')}"}


@T("oauth-revolut-business-token-response")
def _(g):
    return {"access_token": "oa_prod_" + g.key("b64_32").replace("+", "-").replace("/", "_").rstrip("="), "token_type": "bearer", "expires_in": 2399, "refresh_token": "oa_prod_" + g.b64url(43)}


# ---------- negatives ----------
@T("atm-electronic-journal")
def _(g):
    return {"ej": f"*{g.ri(100, 999)}*{g.date()} {g.hms()}*\n  TRANSACTION START\n  CARD INSERTED\n  CARD: ************{g.last4()}\n  PIN ENTERED\n  OPCODE = BD  A   \n"
                  f"  GENAC 1 : ARQC\n  WITHDRAWAL  {g.ri(2, 40) * 20}.00\n  STAN {g.num(6)} RRN {g.num(12)}\n  NOTES PRESENTED 0,{g.ri(1, 9)},0,0\n  NOTES TAKEN\n  TRANSACTION END"}


@T("terminal-management-param-download")
def _(g):
    return {"params": {"terminal_id": g.num(8), "merchant_id": g.num(15), "host_primary": f"{g.pubip()}:{g.ri(1000, 9999)}", "aid_list": ["A0000000031010", "A0000000041010"], "floor_limit": g.ri(0, 50) * 100, "tms_version": g.ver()}}


@T("marketplace-payout-report-csv")
def _(g):
    return {"csv": "payout_id,date,gross,fees,refunds,net\n" + "\n".join(f"po_{g.hexs(10)},{g.date()},{g.amt(100, 9000)},{g.amt(1, 90)},{g.amt(0, 50)},{g.amt(100, 9000)}" for _ in range(3))}


@T("apple-pay-payment-token-json")
def _(g):
    return {"paymentData": {"version": "EC_v1", "data": g.b64(320), "signature": g.b64(1400) + "=", "header": {"ephemeralPublicKey": "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE" + g.b64(52) + "==",
            "publicKeyHash": g.b64(43) + "=", "transactionId": g.hexs(64)}}, "paymentMethod": {"displayName": f"Visa {g.last4()}", "network": "Visa", "type": "debit"}, "transactionIdentifier": g.HEX(64)}


@T("google-pay-payment-data")
def _(g):
    tok = json.dumps({"signature": g.b64(94) + "==", "intermediateSigningKey": {"signedKey": "{...}", "signatures": [g.b64(94)]}, "protocolVersion": "ECv2", "signedMessage": g.b64(400)})
    return {"apiVersion": 2, "apiVersionMinor": 0, "paymentMethodData": {"type": "CARD", "description": f"Mastercard •••• {g.last4()}",
            "info": {"cardNetwork": "MASTERCARD", "cardDetails": g.last4()}, "tokenizationData": {"type": "PAYMENT_GATEWAY", "token": tok}}}


@T("fdx-accounts-response")
def _(g):
    return {"accounts": [{"depositAccount": {"accountId": g.uuid(), "accountNumberDisplay": "..." + g.last4(), "productName": "Everyday Checking", "currency": {"currencyCode": "USD"},
                          "currentBalance": float(g.amt(100, 9999)), "status": "OPEN"}} for _ in range(2)], "page": {"nextOffset": None}}


@T("marqeta-jit-funding-webhook")
def _(g):
    return {"type": "authorization", "state": "PENDING", "token": g.uuid(), "user_token": g.uuid(), "card_token": g.uuid(), "amount": float(g.amt()), "currency_code": "USD",
            "card": {"last_four": g.last4(), "expiration": exp(g, "")}, "gpa_order": {"jit_funding": {"token": g.uuid(), "method": "pgfs.authorization", "amount": float(g.amt())}},
            "acquirer": {"retrieval_reference_number": g.num(12), "system_trace_audit_number": g.num(6)}, "card_acceptor": {"mid": g.num(15), "mcc": "5812"}}


@T("brex-card-transactions-csv")
def _(g):
    rows = ["Date,Card,Merchant,Amount,Memo"] + [f"{g.date()},Virtual ****{g.last4()},{g.pick(['AWS', 'Figma', 'Zoom', 'Delta Air Lines'])},{g.amt()},Q{g.ri(1, 4)} budget" for _ in range(3)]
    return {"csv": "\n".join(rows)}


@T("ev-charging-ocpp16-start-transaction")
def _(g):
    return {"frame": json.dumps([2, g.uuid(), "StartTransaction", {"connectorId": g.ri(1, 2), "idTag": g.HEX(8), "meterStart": g.ri(1000, 90000), "timestamp": g.ts(), "reservationId": g.ri(1, 99)}])}


@T("payoneer-payout-request")
def _(g):
    return {"payee_id": "p" + g.num(9), "amount": float(g.amt(100, 9000)), "client_reference_id": g.uuid(), "description": "Invoice " + g.num(6), "payout_date": g.date(), "currency": "USD"}


@T("datatrans-init-request")
def _(g):
    return {"currency": "CHF", "refno": g.hexs(10), "amount": g.ri(100, 90000), "paymentMethods": ["VIS", "ECA", "TWI"], "redirect": {"successUrl": "https://shop.example.ch/ok", "cancelUrl": "https://shop.example.ch/cancel"}}


@T("computop-paygate-request-query")
def _(g):
    return {"url": f"https://www.computop-paygate.com/payssl.aspx?MerchantID={g.word()}_{g.num(3)}&Len={g.ri(100, 400)}&Data={g.HEX(256)}"}


@T("chargeback-notification-text")
def _(g):
    return {"body": f"Chargeback notice\nCase ID: CB{g.num(9)}\nReason code: 10.4 Other Fraud - Card-Absent Environment\nCard: Visa ending {g.last4()}\nTransaction date: {g.date()}\nAmount: USD {g.amt()}\n"
                    f"ARN: {g.num(23)}\nRespond by: {g.date()} with compelling evidence (AVS match, delivery confirmation)."}


@T("aba-cemtex-direct-entry-file")
def _(g):
    return {"file": f"0                 01WBC       {g.co().upper()[:26]:<26}{g.num(6)}PAYROLL     {g.ri(10, 28)}{g.ri(10, 12)}26\n"
                    f"1{g.ri(100, 999)}-{g.ri(100, 999)}{g.num(9):>9} 53{g.ri(1000, 999999):010d}{g.last().upper():<32}SALARY {g.num(6):<11}{g.ri(100, 999)}-{g.ri(100, 999)}{g.num(9):>9}{g.co().upper()[:16]:<16}00000000\n"
                    f"7999-999            {g.num(10)}{g.num(10)}0000000000                        000001"}


@T("positive-pay-issued-checks-file")
def _(g):
    rows = [f"{g.num(10)},{g.num(6)},{g.date().replace('-', '')},{g.amt(50, 9000)},{g.co().upper()},I" for _ in range(3)]
    return {"upload": "ACCOUNT,CHECKNO,ISSUEDATE,AMOUNT,PAYEE,STATUS\n" + "\n".join(rows)}
