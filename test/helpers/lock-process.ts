// A separate process for data-folder lock tests: `hold DIR` keeps the lock until killed, `take DIR` takes it once.
import { lockDataDir } from "../../prisma/data-dir-lock.ts";

const [mode, dataDir] = process.argv.slice(2);
if ((mode !== "hold" && mode !== "take") || !dataDir) {
  process.stderr.write("usage: lock-process hold|take DIR\n");
  process.exit(64);
}
try {
  const lock = lockDataDir(dataDir);
  process.stdout.write(`${mode === "hold" ? "held" : "took"} the lock as pid ${process.pid}\n`);
  if (mode === "hold") setInterval(() => {}, 60_000);
  else lock.release();
} catch (error) {
  process.stdout.write(
    `${(error as { code?: string }).code ?? "ERROR"}: ${(error as Error).message}\n`,
  );
  process.exit(2);
}
