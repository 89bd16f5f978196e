// Action entry (runs.main). Kept thin: everything happens in action/main.ts.
import { runAction } from "./action/main.js";

await runAction();
