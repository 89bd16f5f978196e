/**
 * The operations the fake implements, by OpenAPI operationId. Requests reach a handler only after the
 * server has checked them against the description, so handlers narrow bodies with small zod schemas
 * only to get types, and add the rules GitHub enforces beyond the schema (who may write, size limits).
 */
import { CHECK_ROUTES } from "./check-routes.js";
import { ISSUE_ROUTES } from "./issue-routes.js";
import { PULL_ROUTES } from "./pull-routes.js";
import type { Handler } from "./route-kit.js";

export { errorReply, type Handler, type HandlerContext, type Reply } from "./route-kit.js";

export const HANDLERS: Record<string, Handler> = { ...CHECK_ROUTES, ...ISSUE_ROUTES, ...PULL_ROUTES };
