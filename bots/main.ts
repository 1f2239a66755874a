// `npm start`: one product process, every role by default (REPAY_ROLE or `--role` picks fewer).
import { runProduct } from "./serve/run-product.ts";

const flag = process.argv.indexOf("--role");
await runProduct(flag >= 0 ? process.argv[flag + 1] : undefined);
