// Any error a person can meet at start or in a command, as one line: what happened and what to do.
import { isDomainError } from "../core/errors/index.ts";

const HINTS: Readonly<Record<string, string>> = {
  DATABASE_UNAVAILABLE:
    "start the database server or fix DATABASE_URL (unset it to use the embedded PGlite folder)",
  MIGRATION_FAILED:
    "see `repay db status`; a half-applied migration needs `prisma migrate resolve`, or use a fresh REPAY_DATA_DIR",
};

const ERRNO: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "the file system is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "a file is in the way of a folder",
  ENOSPC: "the disk is full",
  ENOENT: "no such file or folder",
};

/**
 * One line without a stack trace. Known errors keep their own words (they already say what to
 * do); storage, Telegram and file-system errors get the step that fixes them.
 *
 * @example process.stderr.write(`error: ${errorLine(error)}\n`);
 */
export function errorLine(error: unknown): string {
  if (isDomainError(error)) {
    const hint = HINTS[error.code];
    const text = oneLine(error.message);
    return hint && !text.includes(hint)
      ? `${text}: ${hint} [${error.code}]`
      : `${text} [${error.code}]`;
  }
  const telegram = telegramLine(error);
  if (telegram) return telegram;
  const errno = error as NodeJS.ErrnoException | null;
  if (errno && typeof errno.code === "string" && ERRNO[errno.code] && errno.path) {
    return `cannot use ${errno.path}: ${ERRNO[errno.code]} (${errno.code}); check the path and its permissions (the data folder is REPAY_DATA_DIR, default ./data)`;
  }
  if (error instanceof Error && error.name === "ConfigError") return oneLine(error.message);
  // Only the first line: some messages carry a trace of their own.
  const text = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  return `${text.trim()} (unexpected: please report it with the command you ran)`;
}

/** grammY's GrammyError and HttpError, read by shape so commands need not load grammY. */
function telegramLine(error: unknown): string | undefined {
  const e = error as {
    name?: string;
    error_code?: number;
    description?: string;
    method?: string;
    message?: string;
  } | null;
  if (e?.name === "GrammyError") {
    if (e.error_code === 401 || e.error_code === 404) {
      return `TELEGRAM_BOT_TOKEN: Telegram refused the token (${e.error_code} ${e.description}): copy it again from @BotFather`;
    }
    return `Telegram refused ${e.method}: ${e.error_code} ${e.description}`;
  }
  if (e?.name === "HttpError") {
    return `cannot reach Telegram (${oneLine(e.message ?? "")}): check the network, or TELEGRAM_API_ROOT if you set it`;
  }
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
