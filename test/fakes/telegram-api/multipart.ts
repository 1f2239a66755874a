// Minimal multipart/form-data reader: text fields as strings, files as {filename, size}.

export interface UploadedFile {
  filename: string;
  size: number;
}

export function parseMultipart(
  body: Buffer,
  contentType: string,
): Record<string, string | UploadedFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (marker === undefined) return {};
  const fields: Record<string, string | UploadedFile> = {};
  for (const part of splitParts(body, `--${marker}`)) {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    fields[name] =
      filename === undefined ? content.toString("utf8") : { filename, size: content.length };
  }
  return fields;
}

/** Parts between boundary lines, without the CRLF that precedes each boundary. */
function splitParts(body: Buffer, delimiter: string): Buffer[] {
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const contentStart = start + delimiter.length;
    if (body.subarray(contentStart, contentStart + 2).toString() === "--") break;
    const next = body.indexOf(`\r\n${delimiter}`, contentStart);
    if (next < 0) break;
    parts.push(body.subarray(contentStart + 2, next));
    start = next + 2;
  }
  return parts;
}
