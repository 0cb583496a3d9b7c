import type { DlpType } from '../message/dlp.types';
import { ICD10_CODE, IDENTIFIER, identifierTypeNamed, SubText, SYSTEM_OIDS, TypedSpan } from './dlp-structure';

const XML_ELEMENT = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]{0,63})((?:\s+[A-Za-z_][\w:.-]{0,63}\s*=\s*(?:"[^"<]{0,512}"|'[^'<]{0,512}'))*)\s*(\/?)>/g;
const XML_ATTRIBUTE = /([A-Za-z_][\w:.-]{0,63})\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const MAX_ELEMENTS = 2_000;

interface XmlAttribute {
  name: string;
  value: string;
  start: number;
}

/**
 * Values an XML element's attributes give a meaning to (HL7 v3 / CDA and look-alikes): an identifier
 * `<id extension="…"/>` whose other attributes name its type (`assigningAuthorityName="MRN"`, a
 * `root` OID such as the SSN's), a coded value `<… code="…"/>` whose `codeSystemName` or
 * `codeSystem` OID is ICD-10. Also the text of `<tag>text</tag>` read under its tag (see {@link xmlTexts}).
 */
export function xmlSpans(text: string): TypedSpan[] {
  if (!text.includes('<')) return [];
  const out: TypedSpan[] = [];
  let elements = 0;
  for (const match of text.matchAll(XML_ELEMENT)) {
    if (!match[3]) continue;
    if ((elements += 1) > MAX_ELEMENTS) break;
    const attributes: XmlAttribute[] = [];
    const base = match.index + 1 + (match[1]?.length ?? 0) + match[2].length;
    for (const attribute of match[3].matchAll(XML_ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? '';
      attributes.push({ name: attribute[1].replace(/^.*:/, '').toLowerCase(), value, start: base + attribute.index + attribute[0].length - value.length - 1 });
    }
    const named = (name: string) => attributes.find((a) => a.name === name);
    const push = (attribute: XmlAttribute | undefined, type: DlpType | undefined, shape: RegExp) => {
      if (attribute && type && shape.test(attribute.value)) out.push({ start: attribute.start, end: attribute.start + attribute.value.length, type });
    };
    const extension = named('extension');
    if (extension) {
      const type = SYSTEM_OIDS[named('root')?.value ?? ''] ?? attributes.filter((a) => a !== extension && a.name !== 'root').map((a) => identifierTypeNamed(a.value)).find(Boolean);
      if (type !== 'icd10') push(extension, type, IDENTIFIER);
    }
    const code = named('code');
    if (code) {
      const system = named('codesystemname')?.value ?? '';
      const icd = /icd[\s_-]?10/i.test(system) || SYSTEM_OIDS[named('codesystem')?.value ?? ''] === 'icd10';
      push(code, icd ? 'icd10' : undefined, ICD10_CODE);
    }
  }
  return out;
}

/** Element names that say nothing alone (`<Number>`, `<Value>`, `<ID>`): read with their parent's name. */
const GENERIC_ELEMENT = /^(?:number|value|id|identifier|code|text|no|num)$/i;
const WRAPPER_ELEMENT = /^(?:value|text)$/i;
/**
 * An element naming the kind of its sibling's value, both of one stem: MISMO `<TaxpayerIdentifierType>SocialSecurityNumber</…>` then
 * `<TaxpayerIdentifierValue>…</…>`, `<IdType>MRN</IdType><IdValue>…`; the value is read under the kind.
 */
const TYPED_ELEMENT =
  /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z][\w.-]{0,63}?)(?:Type|Kind|Scheme|Qualifier|TypeCode)(?:\s[^<>]*)?>([^<]{1,64})<\/(?:[A-Za-z_][\w.-]*:)?\1(?:Type|Kind|Scheme|Qualifier|TypeCode)>\s*<(?:[A-Za-z_][\w.-]*:)?\1(?:Value|Identifier|ID|Id|Number|Text)(?:\s[^<>]*)?>([^<]{1,128})</g;
const XML_TEXT = /(?:<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]{0,63})(?:\s[^<>]*)?>\s*)?<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]{0,63})(?:\s[^<>]*)?>([^<]{1,512})<\/(?:[A-Za-z_][\w.-]*:)?\2\s*>/g;
/** SGML elements left open (OFX 1.x `<USERID>jdoe<USERPASS>…<LANGUAGE>`): a value up to the next tag. */
const SGML_TEXT = /<([A-Za-z][\w.]{0,63})>([^<\s][^<\r\n]{0,511}?)\s*(?=<(?!\/\1>))/g;

/** A property list entry: `<key>password</key>` then `<string>…</string>` (Apple plists, macOS / iOS configuration profiles). */
const PLIST_ENTRY = /<key>([^<]{1,64})<\/key>\s*<(string|integer|data)>([^<]{1,512})<\/\2>/g;
/**
 * A field given as a name element and a value element side by side, the value maybe with attributes (KeePass
 * `<Key>Password</Key><Value ProtectInMemory="True">…</Value>`, `<Name>…</Name><Value>…</Value>` settings lists).
 */
const KEYED_ELEMENT = /<(Key|key|Name|name|Field|field)>([^<]{1,64})<\/\1>\s*<(Value|value|Data|data|Text|text)(?:\s[^<>]*)?>([^<]{1,512})<\/\3>/g;
/** Attributes that name a field, and attributes that carry its value. */
const NAME_ATTRIBUTES = new Set(['name', 'key', 'property', 'field', 'param', 'setting']);
const VALUE_ATTRIBUTES = new Set(['value', 'content', 'defaultvalue']);
// The text may sit in a value element of its own (GoCD `<variable name="…"><value>…</value>`, XFDF `<field name="…"><value>`).
const ENTRY_TEXT = /<([A-Za-z_][\w.:-]{0,63})\s[^<>]*?\b(?:[Kk]ey|[Nn]ame|[Pp]roperty)\s*=\s*["']([^"'<>]{1,64})["'][^<>]*>\s*(?:<(?:[Vv]alue|VALUE|string|data)>)?([^<]{1,512})<\/(?:[Vv]alue|VALUE|string|data|\1)\s*>/g;

/**
 * An element that names its field in an attribute: the value of `<add key="ApiKey" value="…"/>`
 * (.NET appSettings), `<input name="password" value="…">` (HTML forms), `<param name="…" value="…">`
 * under that name, and the text of `<entry key="db.password">…</entry>` (Java XML properties) or
 * `<Data Name="…">…</Data>` (Windows event XML).
 */
function xmlNamedValues(text: string): SubText[] {
  const out: SubText[] = [];
  let elements = 0;
  for (const match of text.matchAll(XML_ELEMENT)) {
    if (!match[3]) continue;
    if ((elements += 1) > MAX_ELEMENTS) break;
    let name: string | undefined;
    let value: { text: string; start: number } | undefined;
    const base = match.index + 1 + (match[1]?.length ?? 0) + match[2].length;
    for (const attribute of match[3].matchAll(XML_ATTRIBUTE)) {
      const local = attribute[1].replace(/^.*:/, '').toLowerCase();
      const content = attribute[2] ?? attribute[3] ?? '';
      if (NAME_ATTRIBUTES.has(local) && !name) name = content;
      else if (VALUE_ATTRIBUTES.has(local) && !value) value = { text: content, start: base + attribute.index + attribute[0].length - content.length - 1 };
    }
    if (name && value?.text && /^[A-Za-z][\w .:#-]{0,63}$/.test(name)) out.push({ start: value.start, text: value.text, key: name });
  }
  for (const match of text.matchAll(ENTRY_TEXT)) {
    out.push({ start: match.index + match[0].lastIndexOf(`>${match[3]}<`) + 1, text: match[3], key: match[2] });
    if (out.length >= MAX_ELEMENTS) break;
  }
  return out;
}

/**
 * The text of each `<tag …>text</tag>` (no nested element) under the tag's local name: `<ssn>…</ssn>`,
 * `<memberId>…</memberId>`; a generic tag under its parent's too (`<PrimaryTelephone><Number>…` →
 * `PrimaryTelephone Number`). In SGML without end tags (OFX 1.x), each element's text up to the next tag.
 * Also values named by an attribute (see {@link xmlNamedValues}) and plist `<key>` / value pairs.
 */
export function xmlTexts(text: string): SubText[] {
  if (!text.includes('<')) return [];
  const out: SubText[] = [];
  if (text.includes('</')) {
    for (const match of text.matchAll(XML_TEXT)) {
      // A wrapper element says nothing of its own: read under its parent alone (`<AdministratorPassword><Value>…`).
      const key = match[1] && GENERIC_ELEMENT.test(match[2]) ? (WRAPPER_ELEMENT.test(match[2]) ? match[1] : `${match[1]} ${match[2]}`) : match[2];
      out.push({ start: match.index + match[0].length - match[3].length - match[0].slice(match[0].lastIndexOf('<')).length, text: match[3], key });
      if (out.length >= MAX_ELEMENTS) return out;
    }
  }
  if (text.includes('=')) out.push(...xmlNamedValues(text));
  if (/(?:Type|Kind|Scheme|Qualifier|TypeCode)>/.test(text)) {
    for (const match of text.matchAll(TYPED_ELEMENT)) {
      out.push({ start: match.index + match[0].length - match[3].length, text: match[3], key: match[2].trim() });
      if (out.length >= MAX_ELEMENTS) return out;
    }
  }
  if (/<(?:Key|key|Name|name|Field|field)>/.test(text)) {
    for (const match of text.matchAll(KEYED_ELEMENT)) {
      out.push({ start: match.index + match[0].length - match[4].length - match[3].length - 3, text: match[4], key: match[2] });
      if (out.length >= MAX_ELEMENTS) return out;
    }
  }
  if (text.includes('<key>')) {
    for (const match of text.matchAll(PLIST_ENTRY)) {
      out.push({ start: match.index + match[0].lastIndexOf(`>${match[3]}<`) + 1, text: match[3], key: match[1] });
      if (out.length >= MAX_ELEMENTS) return out;
    }
  }
  if (/^\s*(?:OFXHEADER|<OFX>)/i.test(text) || /<OFX>/i.test(text)) {
    for (const match of text.matchAll(SGML_TEXT)) {
      out.push({ start: match.index + match[1].length + 2, text: match[2], key: match[1] });
      if (out.length >= MAX_ELEMENTS) break;
    }
  }
  return out;
}
