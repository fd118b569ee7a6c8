/**
 * Splits one CSV record (RFC 4180: comma separated, double-quoted fields with "" escapes, quoted
 * fields may hold commas and newlines) into its fields. Returns undefined for a malformed row
 * (text after a closing quote, or an unterminated quote).
 */
export function splitCsvRow(row: string): string[] | undefined {
  const fields: string[] = [];
  const n = row.length;
  let i = 0;
  for (;;) {
    if (i < n && row.charCodeAt(i) === 0x22) {
      let value = '';
      let start = i + 1;
      let j = start;
      for (;;) {
        j = row.indexOf('"', j);
        if (j === -1) return undefined;
        if (row.charCodeAt(j + 1) === 0x22) {
          value += row.slice(start, j + 1);
          j += 2;
          start = j;
          continue;
        }
        value += row.slice(start, j);
        break;
      }
      fields.push(value);
      i = j + 1;
      if (i === n) return fields;
      if (row.charCodeAt(i) !== 0x2c) return undefined;
      i += 1;
    } else {
      const j = row.indexOf(',', i);
      if (j === -1) {
        fields.push(row.slice(i));
        return fields;
      }
      fields.push(row.slice(i, j));
      i = j + 1;
    }
  }
}
