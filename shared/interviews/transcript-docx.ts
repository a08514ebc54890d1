import { TranscriptError, decodeEntities } from './transcript-text.ts';

/**
 * A Word transcript's words as lines: one per paragraph, and a new one at each line
 * break. Read from word/document.xml with a scan of the few elements that hold text,
 * not an XML parser: there is no DOMParser in Node, and the words are all we need.
 */

// Paragraph starts and ends, text runs, tabs, breaks. `<w:pPr>` and `<w:tab w:val=…/>`
// (a tab stop in the paragraph's settings, not a tab) are deliberately not matched.
const TOKENS = /<w:p(?:\s[^>]*?)?(\/)?>|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)(?:\s[^>]*)?\/>|<w:noBreakHyphen\/>/g;

export function documentLines(xml: string): string[] {
  const lines: string[] = [];
  let line = '';
  let open = false;
  for (const token of xml.matchAll(TOKENS)) {
    const [whole, selfClosing, text] = token;
    if (text !== undefined) line += decodeEntities(text);
    else if (whole === '</w:p>' || selfClosing) {
      lines.push(line);
      line = '';
      open = false;
    } else if (whole.startsWith('<w:p')) {
      // A paragraph inside another (a text box) ends the outer one's line first.
      if (open && line !== '') lines.push(line);
      line = '';
      open = true;
    } else if (whole === '<w:tab/>') line += '\t';
    else if (whole === '<w:noBreakHyphen/>') line += '-';
    else {
      lines.push(line);
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The lines of a .docx file, or a TranscriptError saying why it cannot be read. */
export async function docxLines(fileName: string, bytes: Uint8Array): Promise<string[]> {
  // Loaded on first use: the renderer does not carry the zip reader until someone imports a Word file.
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new TranscriptError(`'${fileName}' is not a Word document (.docx): it cannot be opened as one.`);
  }
  const document = zip.file('word/document.xml');
  if (!document) throw new TranscriptError(`'${fileName}' is not a Word document (.docx): it has no document text.`);
  return documentLines(await document.async('string'));
}
