import Papa from 'papaparse';

/**
 * CSV that spreadsheets open cleanly: a UTF-8 byte-order mark (or Excel guesses the
 * encoding wrong), every field quoted, CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly (string | number)[][]): string {
  return `\uFEFF${Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(String)) }, { quotes: true, newline: '\r\n' })}\r\n`;
}
