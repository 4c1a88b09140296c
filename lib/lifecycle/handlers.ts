import type { ActionName } from "./definition";
import type { Handler } from "./perform";
import * as amendments from "./handlers/amendments";
import * as issuance from "./handlers/issuance";
import * as negotiation from "./handlers/negotiation";
import * as presentation from "./handlers/presentation";

/** Each action's own effect, by action name; every action of the lifecycle has one. */
export const HANDLERS: { [N in ActionName]: Handler<N> } = {
  ...negotiation,
  ...issuance,
  ...amendments,
  ...presentation,
};
