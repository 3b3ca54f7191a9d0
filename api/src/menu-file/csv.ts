// A small RFC 4180 reader: quoted fields may hold the delimiter, newlines and
// doubled quotes. Each record keeps the line it starts on, for error messages.
export interface CsvRecord { line: number; fields: string[] }

export class CsvError extends Error {
  constructor(readonly line: number, readonly reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'CsvError';
  }
}

/** French spreadsheets export with ";" (the comma is their decimal mark): the header line tells. */
export function detectDelimiter(text: string): ',' | ';' {
  const header = (text.split(/\r\n|\n|\r/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endField = () => { fields.push(field); field = ''; };
  const endRecord = () => {
    endField();
    // A blank line is no record (spreadsheets leave some at the end).
    if (fields.length > 1 || fields[0]?.trim()) records.push({ line: recordLine, fields });
    fields = [];
  };
  const newlineAt = (j: number) => (text[j] === '\r' && text[j + 1] === '\n' ? 2 : text[j] === '\n' || text[j] === '\r' ? 1 : 0);

  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.trim() === '') {
      const opened = line;
      field = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(opened, 'a quoted field is never closed (a " is missing)');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        const nl = newlineAt(i);
        if (nl) { field += '\n'; line++; i += nl; continue; }
        field += text[i];
        i++;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== delimiter && !newlineAt(i)) {
        throw new CsvError(line, `unexpected text after a closing quote (write "" for a quote inside a quoted field)`);
      }
      continue;
    }
    if (ch === delimiter) { endField(); i++; continue; }
    const nl = newlineAt(i);
    if (nl) { endRecord(); i += nl; line++; recordLine = line; continue; }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
