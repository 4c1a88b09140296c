import type { ACTIONS, ActionName } from "./definition";
import type { Handler } from "./perform";
import * as amendments from "./handlers/amendments";
import * as forwarding from "./handlers/forwarding";
import * as issuance from "./handlers/issuance";
import * as negotiation from "./handlers/negotiation";
import * as presentation from "./handlers/presentation";
import * as eucp from "./handlers/eucp";

/** A checker's decision on a held step has no effect of its own: approving runs the maker's handler. */
type OwnEffect = { [N in ActionName]: (typeof ACTIONS)[N] extends { decides: string } ? never : N }[ActionName];

/** Each action's own effect, by action name; every action of the lifecycle that is not a checker's decision on a held step has one. */
export const HANDLERS: { [N in OwnEffect]: Handler<N> } = {
  ...negotiation,
  ...issuance,
  ...amendments,
  ...presentation,
  ...eucp,
  ...forwarding,
};
