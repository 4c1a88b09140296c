// The action inputs the credit page's dialogs ask for (components/credit/action-form.tsx); the
// other kinds have pages of their own (terms) or live in the presentation view (documents,
// findings). Here, not in the client module, so that server components read the real list.
export const DIALOG_INPUT_KINDS = ["none", "comment", "reason", "issuance", "advice", "payment", "amendmentAdvice", "notice", "waiver"] as const;
export type ActionInputKind = (typeof DIALOG_INPUT_KINDS)[number];
