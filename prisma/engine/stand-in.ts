// The engine binary's behaviour for the stand-in executable: its flags, `cli` sub-commands and
// the JSON-RPC server, with the database opened on first use and closed when the CLI is done.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type DatabaseLocation, parseLocationUrl } from "../database-location.ts";
import { type OpenMigrationTarget, openMigrationTarget } from "../migrate.ts";
import { engineErrorMessage } from "./engine-error.ts";
import { lastPanicMessage, loadSchemaEngine, type SchemaEngine } from "./load-schema-engine.ts";
import { openSchemaEngine, type SchemaEngineSession } from "./open-schema-engine.ts";
import { checkConnection, createTargetDatabase } from "./stand-in-cli-commands.ts";
import { callEngine } from "./stand-in-methods.ts";
import { serveJsonRpc } from "./stand-in-rpc.ts";

interface Flags {
  readonly datamodels: readonly string[];
  readonly location?: DatabaseLocation;
  readonly cliCommand?: string;
  readonly version: boolean;
}

/** The native binary's flags: --datamodels (repeated), --datasource '{"url":...}', cli <command>. */
function parseFlags(argv: string[]): Flags {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      datamodels: { type: "string", multiple: true },
      datasource: { type: "string" },
      version: { type: "boolean", short: "V" },
    },
  });
  const datasource = typeof values.datasource === "string" ? JSON.parse(values.datasource) : {};
  const url = (datasource as { url?: unknown }).url;
  return {
    datamodels: (values.datamodels ?? []).filter((path) => typeof path === "string"),
    location: typeof url === "string" ? parseLocationUrl(url) : undefined,
    cliCommand: positionals[0] === "cli" ? positionals[1] : undefined,
    version: values.version === true,
  };
}

/** Runs the stand-in; resolves with the exit code. */
export async function runStandIn(argv: string[]): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.version) {
    const { version } = await loadSchemaEngine();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    return 0;
  }
  if (flags.cliCommand !== undefined) return runCliCommand(flags.cliCommand, flags.location);
  return runRpcServer(flags);
}

/** `cli <command>`: the CLI skips the first stderr line and parses the rest as JSON log lines. */
async function runCliCommand(command: string, location?: DatabaseLocation): Promise<number> {
  const fail = (errorCode: string, message: string): number => {
    const fields = { message, error_code: errorCode };
    const entry = {
      timestamp: new Date().toISOString(),
      level: "ERROR",
      fields,
      target: "schema_engine::logger",
    };
    process.stderr.write(`${message}\n${JSON.stringify(entry)}\n`);
    return 1;
  };
  if (location === undefined) return fail("P1012", "No datasource URL was given (--datasource).");
  try {
    if (command === "can-connect-to-database") {
      const failure = await checkConnection(location);
      if (failure) return fail(failure.errorCode, failure.message);
      process.stdout.write("Connection successful\n");
      return 0;
    }
    if (command === "create-database") {
      const name = await createTargetDatabase(location);
      process.stdout.write(`Database '${name}' was successfully created.\n`);
      return 0;
    }
    return fail("P1012", `The schema engine stand-in does not implement \`cli ${command}\`.`);
  } catch (error) {
    return fail("P1000", engineErrorMessage(error));
  }
}

async function runRpcServer(flags: Flags): Promise<number> {
  const schemaFiles = await Promise.all(
    flags.datamodels.map(async (path) => ({ path, content: await readFile(path, "utf8") })),
  );
  let opened: Promise<{ target: OpenMigrationTarget; session: SchemaEngineSession }> | undefined;
  const engine = async (): Promise<SchemaEngine> => {
    opened ??= (async () => {
      if (!flags.location) throw new Error("No datasource URL was given (--datasource).");
      const target = await openMigrationTarget(flags.location);
      try {
        const log = (line: string) => process.stderr.write(`${line}\n`);
        return { target, session: await openSchemaEngine(target.target, { schemaFiles, log }) };
      } catch (error) {
        await target.close();
        throw error;
      }
    })();
    return (await opened).session.engine;
  };

  let closing: Promise<never> | undefined;
  const shutDown = (code: number): Promise<never> => {
    closing ??= (async () => {
      const open = await opened?.catch(() => undefined);
      await open?.session.close().catch(() => {});
      await open?.target.close().catch(() => {}); // PGlite flushes and releases its folder
      process.exit(code);
    })();
    return closing;
  };
  // The CLI closes stdin and sends SIGTERM right after: connections (and PGlite) must close.
  process.on("SIGTERM", () => void shutDown(0));
  process.on("SIGINT", () => void shutDown(130));
  // A Rust panic can surface outside any request: report it as the native engine does (an
  // ERROR line on stderr, exit code 101), which the CLI shows as an engine panic.
  process.on("uncaughtException", (error) => {
    const fields = { message: lastPanicMessage() ?? error.message, is_panic: true };
    process.stderr.write(
      `${JSON.stringify({ level: "ERROR", target: "schema_engine", fields })}\n`,
    );
    void shutDown(101);
  });

  const { panicked } = await serveJsonRpc(process.stdin, process.stdout, {
    handle: (method, params, print) => callEngine(method, params, print, engine),
    isPanic: (error) =>
      (error as Error | null)?.name === "RuntimeError" || lastPanicMessage() !== undefined,
  });
  return shutDown(panicked ? 101 : 0);
}
