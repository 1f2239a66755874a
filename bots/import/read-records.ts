// Reads an import file (CSV, JSON array or JSON Lines) into records that know their line number.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";

export interface SourceRecord {
  /** 1-based line in the file where the record starts. */
  readonly line: number;
  readonly fields: Readonly<Record<string, unknown>>;
  /** Each field's name as the file spells it ("time_zone" for timeZone), for error messages. */
  readonly names?: Readonly<Record<string, string>>;
}

/** `field` (or "a, b" of several) as the record's file names it; unknown names stay as they are. */
export function fileFieldName(record: SourceRecord, field: string): string {
  if (!record.names) return field;
  return field
    .split(", ")
    .map((name) => record.names?.[name] ?? name)
    .join(", ");
}

export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "ImportFileError";
  }
}

export async function readRecords(file: string): Promise<SourceRecord[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(
      file,
      code === "ENOENT"
        ? "no such file: check the path (relative paths start from the current folder)"
        : `cannot read the file (${code ?? error}): check that it is a file you may read`,
    );
  }
  if (text.trim() === "") throw new ImportFileError(file, "the file is empty: no rows to import");
  return parseRecords(file, text);
}

export function parseRecords(file: string, text: string): SourceRecord[] {
  const kind = extname(file).toLowerCase();
  if (kind === ".csv") return csvRecords(file, text);
  if (kind === ".json") return jsonRecords(file, text);
  if (kind === ".jsonl" || kind === ".ndjson") return jsonLineRecords(file, text);
  throw new ImportFileError(file, "unknown file type: use .csv, .json (an array) or .jsonl");
}

/** What to do about csv-parse's errors a person makes by hand (codes from csv-parse). */
const CSV_HINTS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED:
    'put a field holding a comma, quote or line break in double quotes, and double any quote inside it ("")',
  INVALID_OPENING_QUOTE:
    'a quote may only open a field: quote the whole field and double the quotes inside it ("")',
  CSV_INVALID_CLOSING_QUOTE:
    'a quoted field must end at its closing quote: double any quote inside it ("")',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH:
    "give every row as many fields as the header row (a comma inside a value needs double quotes)",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH:
    "give every row as many fields as the header row (a comma inside a value needs double quotes)",
  CSV_RECORD_INCONSISTENT_COLUMNS:
    "give every row as many fields as the header row (a comma inside a value needs double quotes)",
};

function csvRecords(file: string, text: string): SourceRecord[] {
  const names: Record<string, string> = {};
  try {
    const rows = parse(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) =>
        header.map((column) => {
          const key = normaliseKey(column);
          names[key] = column.trim();
          return key;
        }),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return rows.map(({ record, info }) => ({
      line: info.lines,
      fields: withoutEmpty(record),
      names,
    }));
  } catch (error) {
    const { lines: line, code } = error as { lines?: number; code?: string };
    const hint = code ? CSV_HINTS[code] : undefined;
    throw new ImportFileError(
      file,
      `${line ? `line ${line}: ` : ""}${(error as Error).message}${hint ? `: ${hint}` : ""}`,
    );
  }
}

function jsonRecords(file: string, text: string): SourceRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data)) throw new ImportFileError(file, "expected a JSON array of records");
  const lines = elementLines(text);
  return data.map((item, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return { line, fields: { __notAnObject: true } };
    }
    return { line, ...normaliseKeys(item as Record<string, unknown>) };
  });
}

function jsonLineRecords(file: string, text: string): SourceRecord[] {
  const records: SourceRecord[] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    let item: unknown;
    try {
      item = JSON.parse(raw);
    } catch (error) {
      throw new ImportFileError(
        file,
        `line ${i + 1}: not valid JSON (${(error as Error).message})`,
      );
    }
    const isObject = item !== null && typeof item === "object" && !Array.isArray(item);
    records.push({
      line: i + 1,
      ...(isObject
        ? normaliseKeys(item as Record<string, unknown>)
        : { fields: { __notAnObject: true } }),
    });
  });
  return records;
}

/** Line on which each top-level element of a JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectingElement = false;
  for (const ch of text) {
    if (ch === "\n") line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectingElement && !/\s/.test(ch) && ch !== "]") {
      lines.push(line);
      expectingElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth += 1;
      if (depth === 1) expectingElement = true;
    } else if (ch === "]" || ch === "}") depth -= 1;
    else if (ch === "," && depth === 1) expectingElement = true;
  }
  return lines;
}

/** "Loan Ref", "loan_ref", "loan-ref" and "loanRef" all name the field loanRef. */
export function normaliseKey(key: string): string {
  const words = key
    .trim()
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words
    .map((word, i) =>
      i === 0
        ? word.charAt(0).toLowerCase() + word.slice(1)
        : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join("");
}

/** The record's fields under normalised names, and the names it used. */
function normaliseKeys(record: Record<string, unknown>): Omit<SourceRecord, "line"> {
  const names: Record<string, string> = {};
  const fields = Object.entries(record).map(([k, v]) => {
    const key = normaliseKey(k);
    names[key] = k;
    return [key, v];
  });
  return { fields: withoutEmpty(Object.fromEntries(fields)), names };
}

function withoutEmpty(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== "" && v !== null && v !== undefined),
  );
}
