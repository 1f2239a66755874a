// Flag parsing shared by the benches: whole-number flags that exit with a message when wrong.

/** `text` as a positive safe integer; prints `error: --name: ...` and exits 1 otherwise. */
export function positiveInt(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    process.stderr.write(`error: --${name}: must be a positive whole number\n`);
    process.exit(1);
  }
  return value;
}
