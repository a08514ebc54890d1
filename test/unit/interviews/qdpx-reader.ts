import { expect } from 'vitest';

// ---------------------------------------------------------------------------------------
// A small, strict XML reader: enough of XML 1.0 to read project.qde back the way an
// importer would (entities, character references, attribute-value normalization), and
// to fail loudly on anything malformed.

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

export function parseXml(xml: string): Element {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '<') fail('raw < in text');
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', i);
      if (end === -1) fail('unterminated reference');
      const ref = raw.slice(i + 1, end);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) out += named[ref];
      else if (ref.startsWith('#x')) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
      else if (ref.startsWith('#')) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
      else fail(`unknown entity &${ref};`);
      i = end;
    }
    return out;
  };
  const isNameChar = (c: string | undefined) => c !== undefined && !' \t\r\n/>=<"\''.includes(c);
  const readName = () => {
    const start = at;
    while (isNameChar(xml[at])) at++;
    if (at === start) fail('expected a name');
    return xml.slice(start, at);
  };
  const skipSpace = () => {
    while (' \t\r\n'.includes(xml[at] ?? 'x')) at++;
  };
  const element = (): Element => {
    if (xml[at] !== '<') fail('expected <');
    at++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (xml[at] === '>') {
        at++;
        break;
      }
      const key = readName();
      if (key in attrs) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (xml[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = xml[at] === '"' || xml[at] === "'" ? xml[at]! : fail('expected a quote');
      const end = xml.indexOf(quote, at + 1);
      if (end === -1) fail('unterminated attribute');
      // Attribute-value normalization (XML 1.0 §3.3.3): literal white space becomes a space, references survive.
      attrs[key] = decode(xml.slice(at + 1, end).replace(/[\t\n\r]/g, ' '));
      at = end + 1;
    }
    const children: Element[] = [];
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', at);
      if (next === -1) fail(`unclosed <${name}>`);
      text += decode(xml.slice(at, next));
      at = next;
      if (xml.startsWith('</', at)) {
        at += 2;
        if (readName() !== name) fail(`mismatched </…> for <${name}>`);
        skipSpace();
        if (xml[at] !== '>') fail('expected >');
        at++;
        return { name, attrs, children, text };
      }
      children.push(element());
    }
  };
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')) fail('missing XML declaration');
  at = xml.indexOf('\n') + 1;
  const root = element();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}

export const all = (root: Element, name: string): Element[] => [root, ...root.children.flatMap((child) => all(child, name))].filter((e) => e.name === name);
export const child = (parent: Element, name: string): Element | undefined => parent.children.find((c) => c.name === name);

/** REFI-QDA positions count Unicode code points (§10.2), end exclusive. */
export const cut = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The child order Project.xsd's sequences allow, for the elements this export writes.
export const SEQUENCES: Record<string, readonly string[]> = {
  Project: ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef'],
  Users: ['User'],
  CodeBook: ['Codes'],
  Codes: ['Code'],
  Code: ['Description', 'NoteRef', 'Code'],
  Sources: ['TextSource'],
  TextSource: ['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue'],
  PlainTextSelection: ['Description', 'Coding', 'NoteRef'],
  Coding: ['CodeRef', 'NoteRef'],
};
export const REQUIRED: Record<string, readonly string[]> = {
  Project: ['name'],
  User: ['guid'],
  Code: ['guid', 'name', 'isCodable'],
  TextSource: ['guid'],
  PlainTextSelection: ['guid', 'startPosition', 'endPosition'],
  Coding: ['guid'],
  CodeRef: ['targetGUID'],
};

/** What Project.xsd asks of the parts this export uses: child order, required attributes, GUID syntax. */
export function expectSchemaShape(element: Element): void {
  const order = SEQUENCES[element.name];
  if (order) {
    const indexes = element.children.map((c) => order.indexOf(c.name));
    expect(indexes, `children of <${element.name}>`).not.toContain(-1);
    expect([...indexes].sort((a, b) => a - b), `order of children of <${element.name}>`).toEqual(indexes);
  }
  for (const attr of REQUIRED[element.name] ?? []) expect(element.attrs, `<${element.name}> needs ${attr}`).toHaveProperty(attr);
  for (const [key, value] of Object.entries(element.attrs)) if (/guid$|^creatingUser$/i.test(key)) expect(value, `${element.name}@${key}`).toMatch(GUID);
  if (element.name === 'Codes' || element.name === 'Users' || element.name === 'Sources') expect(element.children.length).toBeGreaterThan(0);
  for (const c of element.children) expectSchemaShape(c);
}

// ---------------------------------------------------------------------------------------
// A tiny workshop with fixed ids, so its project can be written out in full below.

/** project.qde read back, with each source's text found through its plainTextPath. */
export function readBack(project: { xml: string; sources: { path: string; text: string }[] }) {
  const root = parseXml(project.xml);
  const texts = new Map(project.sources.map((s) => [s.path, s.text]));
  const codes = new Map(all(root, 'Code').map((c) => [c.attrs.guid!, c]));
  const sources = all(root, 'TextSource').map((source) => {
    const path = source.attrs.plainTextPath!;
    expect(path).toMatch(/^internal:\/\/[0-9a-f-]{36}\.txt$/);
    const text = texts.get(`sources/${path.slice('internal://'.length)}`);
    expect(text, path).toBeDefined();
    const selections = source.children
      .filter((c) => c.name === 'PlainTextSelection')
      .map((selection) => ({
        element: selection,
        text: cut(text!, Number(selection.attrs.startPosition), Number(selection.attrs.endPosition)),
        codes: selection.children.filter((c) => c.name === 'Coding').map((coding) => codes.get(child(coding, 'CodeRef')!.attrs.targetGUID!)?.attrs.name),
      }));
    return { element: source, name: source.attrs.name!, text: text!, selections };
  });
  return { root, codes, sources };
}

