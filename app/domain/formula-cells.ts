// A spreadsheet runs a cell that starts with =, +, - or @ as a formula, and one that starts with a
// tab or carriage return may be read as one after the spreadsheet trims it: text a person typed
// into the register (a parent's name, a note) could then run when an officer opens an export.
// OWASP's advice for CSV that people open in Excel: prefix such text with a single quote.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as it is safe to put in a spreadsheet cell: a leading single quote before a formula-looking start. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * A cell read back from a CSV (an import): the single quote `neutraliseFormula` put before a
 * formula-looking start is taken off, so what was exported is read back as it was typed. The text
 * is stored as text, and every CSV the service writes neutralises it again.
 */
export function restoreNeutralisedFormula(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
