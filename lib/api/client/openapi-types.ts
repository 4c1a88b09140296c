// Generated from GET /api/v1/openapi.json by scripts/api-types.ts (npm run api:types): do not edit.
// lib/api/client/openapi-types.test.ts regenerates it from the live document and fails on any difference.

export interface paths {
  "/credits": {
    get: operations["listCredits"];
    post: operations["createCredit"];
  };
  "/credits/{creditId}": {
    get: operations["getCredit"];
  };
  "/credits/{creditId}/milestones": {
    get: operations["listMilestones"];
  };
  "/credits/{creditId}/messages": {
    get: operations["listMessages"];
    post: operations["postMessage"];
  };
  "/credits/{creditId}/presentations/{presentationId}/documents": {
    post: operations["uploadDocument"];
  };
  "/organizations": {
    get: operations["findOrganizations"];
  };
  "/documents/{documentId}": {
    get: operations["downloadDocument"];
  };
  "/credits/{creditId}/proof-bundle": {
    get: operations["exportProofBundle"];
  };
  "/credits/{creditId}/verify": {
    post: operations["verifyCredit"];
  };
  "/credits/{creditId}/swift": {
    get: operations["listSwiftMessages"];
  };
  "/credits/{creditId}/swift/{messageId}": {
    get: operations["getSwiftMessage"];
  };
  "/credits/{creditId}/application/mt798": {
    get: operations["downloadMt798Application"];
  };
  "/credits/{creditId}/certificate": {
    get: operations["downloadAuditCertificate"];
  };
  "/audit/runs": {
    get: operations["listPortfolioChecks"];
    post: operations["requestPortfolioCheck"];
  };
  "/audit/runs/{runId}": {
    get: operations["getPortfolioCheck"];
  };
  "/audit/runs/{runId}/report": {
    get: operations["downloadPortfolioReport"];
  };
  "/events": {
    get: operations["listEvents"];
  };
  "/webhooks": {
    get: operations["listWebhooks"];
    post: operations["createWebhook"];
  };
  "/webhooks/{subscriptionId}": {
    get: operations["getWebhook"];
    delete: operations["deleteWebhook"];
  };
  "/webhooks/{subscriptionId}/deliveries": {
    get: operations["listWebhookDeliveries"];
  };
  "/swift-imports": {
    post: operations["importCredit"];
  };
  "/credits/{creditId}/swift-imports": {
    post: operations["importAmendment"];
  };
  "/openapi.json": {
    get: operations["getOpenApiDocument"];
  };
  "/credits/{creditId}/actions/reviseDraft": {
    post: operations["reviseDraft"];
  };
  "/credits/{creditId}/actions/sendToBeneficiary": {
    post: operations["sendToBeneficiary"];
  };
  "/credits/{creditId}/actions/endorseTerms": {
    post: operations["endorseTerms"];
  };
  "/credits/{creditId}/actions/proposeChanges": {
    post: operations["proposeChanges"];
  };
  "/credits/{creditId}/actions/returnDraft": {
    post: operations["returnDraft"];
  };
  "/credits/{creditId}/actions/acceptChanges": {
    post: operations["acceptChanges"];
  };
  "/credits/{creditId}/actions/counterPropose": {
    post: operations["counterPropose"];
  };
  "/credits/{creditId}/actions/reopenTerms": {
    post: operations["reopenTerms"];
  };
  "/credits/{creditId}/actions/withdrawApplication": {
    post: operations["withdrawApplication"];
  };
  "/credits/{creditId}/actions/submitApplication": {
    post: operations["submitApplication"];
  };
  "/credits/{creditId}/actions/returnApplication": {
    post: operations["returnApplication"];
  };
  "/credits/{creditId}/actions/prepareIssuance": {
    post: operations["prepareIssuance"];
  };
  "/credits/{creditId}/actions/approveIssuance": {
    post: operations["approveIssuance"];
  };
  "/credits/{creditId}/actions/rejectIssuance": {
    post: operations["rejectIssuance"];
  };
  "/credits/{creditId}/actions/adviseCredit": {
    post: operations["adviseCredit"];
  };
  "/credits/{creditId}/actions/approveConfirmation": {
    post: operations["approveConfirmation"];
  };
  "/credits/{creditId}/actions/rejectConfirmation": {
    post: operations["rejectConfirmation"];
  };
  "/credits/{creditId}/actions/expireCredit": {
    post: operations["expireCredit"];
  };
  "/credits/{creditId}/actions/requestAmendment": {
    post: operations["requestAmendment"];
  };
  "/credits/{creditId}/actions/requestCancellation": {
    post: operations["requestCancellation"];
  };
  "/credits/{creditId}/actions/withdrawAmendment": {
    post: operations["withdrawAmendment"];
  };
  "/credits/{creditId}/actions/declineAmendment": {
    post: operations["declineAmendment"];
  };
  "/credits/{creditId}/actions/prepareAmendment": {
    post: operations["prepareAmendment"];
  };
  "/credits/{creditId}/actions/approveAmendment": {
    post: operations["approveAmendment"];
  };
  "/credits/{creditId}/actions/rejectAmendmentIssuance": {
    post: operations["rejectAmendmentIssuance"];
  };
  "/credits/{creditId}/actions/adviseAmendment": {
    post: operations["adviseAmendment"];
  };
  "/credits/{creditId}/actions/approveConfirmationExtension": {
    post: operations["approveConfirmationExtension"];
  };
  "/credits/{creditId}/actions/rejectConfirmationExtension": {
    post: operations["rejectConfirmationExtension"];
  };
  "/credits/{creditId}/actions/acceptAmendment": {
    post: operations["acceptAmendment"];
  };
  "/credits/{creditId}/actions/rejectAmendment": {
    post: operations["rejectAmendment"];
  };
  "/credits/{creditId}/actions/startPresentation": {
    post: operations["startPresentation"];
  };
  "/credits/{creditId}/actions/removeDocument": {
    post: operations["removeDocument"];
  };
  "/credits/{creditId}/actions/presentDocuments": {
    post: operations["presentDocuments"];
  };
  "/credits/{creditId}/actions/giveNoticeOfCompleteness": {
    post: operations["giveNoticeOfCompleteness"];
  };
  "/credits/{creditId}/actions/requestRepresentation": {
    post: operations["requestRepresentation"];
  };
  "/credits/{creditId}/actions/recordCounterReceipt": {
    post: operations["recordCounterReceipt"];
  };
  "/credits/{creditId}/actions/addFinding": {
    post: operations["addFinding"];
  };
  "/credits/{creditId}/actions/dismissFinding": {
    post: operations["dismissFinding"];
  };
  "/credits/{creditId}/actions/approveDismissal": {
    post: operations["approveDismissal"];
  };
  "/credits/{creditId}/actions/rejectDismissal": {
    post: operations["rejectDismissal"];
  };
  "/credits/{creditId}/actions/correctDocumentData": {
    post: operations["correctDocumentData"];
  };
  "/credits/{creditId}/actions/approveCorrection": {
    post: operations["approveCorrection"];
  };
  "/credits/{creditId}/actions/rejectCorrection": {
    post: operations["rejectCorrection"];
  };
  "/credits/{creditId}/actions/determineCompliant": {
    post: operations["determineCompliant"];
  };
  "/credits/{creditId}/actions/approveCompliance": {
    post: operations["approveCompliance"];
  };
  "/credits/{creditId}/actions/rejectCompliance": {
    post: operations["rejectCompliance"];
  };
  "/credits/{creditId}/actions/notifyDiscrepancies": {
    post: operations["notifyDiscrepancies"];
  };
  "/credits/{creditId}/actions/approveNotice": {
    post: operations["approveNotice"];
  };
  "/credits/{creditId}/actions/rejectNotice": {
    post: operations["rejectNotice"];
  };
  "/credits/{creditId}/actions/waiveDiscrepancies": {
    post: operations["waiveDiscrepancies"];
  };
  "/credits/{creditId}/actions/acceptWaiver": {
    post: operations["acceptWaiver"];
  };
  "/credits/{creditId}/actions/approveWaiverAcceptance": {
    post: operations["approveWaiverAcceptance"];
  };
  "/credits/{creditId}/actions/rejectWaiverAcceptance": {
    post: operations["rejectWaiverAcceptance"];
  };
  "/credits/{creditId}/actions/refusePresentation": {
    post: operations["refusePresentation"];
  };
  "/credits/{creditId}/actions/approveRefusal": {
    post: operations["approveRefusal"];
  };
  "/credits/{creditId}/actions/rejectRefusal": {
    post: operations["rejectRefusal"];
  };
  "/credits/{creditId}/actions/preparePayment": {
    post: operations["preparePayment"];
  };
  "/credits/{creditId}/actions/approvePayment": {
    post: operations["approvePayment"];
  };
  "/credits/{creditId}/actions/rejectPayment": {
    post: operations["rejectPayment"];
  };
  "/credits/{creditId}/actions/recordPayment": {
    post: operations["recordPayment"];
  };
  "/credits/{creditId}/actions/forwardDocuments": {
    post: operations["forwardDocuments"];
  };
  "/credits/{creditId}/actions/reviseDraft/signing-request": {
    post: operations["reviseDraftSigningRequest"];
  };
  "/credits/{creditId}/actions/sendToBeneficiary/signing-request": {
    post: operations["sendToBeneficiarySigningRequest"];
  };
  "/credits/{creditId}/actions/endorseTerms/signing-request": {
    post: operations["endorseTermsSigningRequest"];
  };
  "/credits/{creditId}/actions/proposeChanges/signing-request": {
    post: operations["proposeChangesSigningRequest"];
  };
  "/credits/{creditId}/actions/returnDraft/signing-request": {
    post: operations["returnDraftSigningRequest"];
  };
  "/credits/{creditId}/actions/acceptChanges/signing-request": {
    post: operations["acceptChangesSigningRequest"];
  };
  "/credits/{creditId}/actions/counterPropose/signing-request": {
    post: operations["counterProposeSigningRequest"];
  };
  "/credits/{creditId}/actions/reopenTerms/signing-request": {
    post: operations["reopenTermsSigningRequest"];
  };
  "/credits/{creditId}/actions/withdrawApplication/signing-request": {
    post: operations["withdrawApplicationSigningRequest"];
  };
  "/credits/{creditId}/actions/submitApplication/signing-request": {
    post: operations["submitApplicationSigningRequest"];
  };
  "/credits/{creditId}/actions/returnApplication/signing-request": {
    post: operations["returnApplicationSigningRequest"];
  };
  "/credits/{creditId}/actions/prepareIssuance/signing-request": {
    post: operations["prepareIssuanceSigningRequest"];
  };
  "/credits/{creditId}/actions/approveIssuance/signing-request": {
    post: operations["approveIssuanceSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectIssuance/signing-request": {
    post: operations["rejectIssuanceSigningRequest"];
  };
  "/credits/{creditId}/actions/adviseCredit/signing-request": {
    post: operations["adviseCreditSigningRequest"];
  };
  "/credits/{creditId}/actions/approveConfirmation/signing-request": {
    post: operations["approveConfirmationSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectConfirmation/signing-request": {
    post: operations["rejectConfirmationSigningRequest"];
  };
  "/credits/{creditId}/actions/expireCredit/signing-request": {
    post: operations["expireCreditSigningRequest"];
  };
  "/credits/{creditId}/actions/requestAmendment/signing-request": {
    post: operations["requestAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/requestCancellation/signing-request": {
    post: operations["requestCancellationSigningRequest"];
  };
  "/credits/{creditId}/actions/withdrawAmendment/signing-request": {
    post: operations["withdrawAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/declineAmendment/signing-request": {
    post: operations["declineAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/prepareAmendment/signing-request": {
    post: operations["prepareAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/approveAmendment/signing-request": {
    post: operations["approveAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectAmendmentIssuance/signing-request": {
    post: operations["rejectAmendmentIssuanceSigningRequest"];
  };
  "/credits/{creditId}/actions/adviseAmendment/signing-request": {
    post: operations["adviseAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/approveConfirmationExtension/signing-request": {
    post: operations["approveConfirmationExtensionSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectConfirmationExtension/signing-request": {
    post: operations["rejectConfirmationExtensionSigningRequest"];
  };
  "/credits/{creditId}/actions/acceptAmendment/signing-request": {
    post: operations["acceptAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectAmendment/signing-request": {
    post: operations["rejectAmendmentSigningRequest"];
  };
  "/credits/{creditId}/actions/startPresentation/signing-request": {
    post: operations["startPresentationSigningRequest"];
  };
  "/credits/{creditId}/actions/removeDocument/signing-request": {
    post: operations["removeDocumentSigningRequest"];
  };
  "/credits/{creditId}/actions/presentDocuments/signing-request": {
    post: operations["presentDocumentsSigningRequest"];
  };
  "/credits/{creditId}/actions/giveNoticeOfCompleteness/signing-request": {
    post: operations["giveNoticeOfCompletenessSigningRequest"];
  };
  "/credits/{creditId}/actions/requestRepresentation/signing-request": {
    post: operations["requestRepresentationSigningRequest"];
  };
  "/credits/{creditId}/actions/recordCounterReceipt/signing-request": {
    post: operations["recordCounterReceiptSigningRequest"];
  };
  "/credits/{creditId}/actions/addFinding/signing-request": {
    post: operations["addFindingSigningRequest"];
  };
  "/credits/{creditId}/actions/dismissFinding/signing-request": {
    post: operations["dismissFindingSigningRequest"];
  };
  "/credits/{creditId}/actions/approveDismissal/signing-request": {
    post: operations["approveDismissalSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectDismissal/signing-request": {
    post: operations["rejectDismissalSigningRequest"];
  };
  "/credits/{creditId}/actions/correctDocumentData/signing-request": {
    post: operations["correctDocumentDataSigningRequest"];
  };
  "/credits/{creditId}/actions/approveCorrection/signing-request": {
    post: operations["approveCorrectionSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectCorrection/signing-request": {
    post: operations["rejectCorrectionSigningRequest"];
  };
  "/credits/{creditId}/actions/determineCompliant/signing-request": {
    post: operations["determineCompliantSigningRequest"];
  };
  "/credits/{creditId}/actions/approveCompliance/signing-request": {
    post: operations["approveComplianceSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectCompliance/signing-request": {
    post: operations["rejectComplianceSigningRequest"];
  };
  "/credits/{creditId}/actions/notifyDiscrepancies/signing-request": {
    post: operations["notifyDiscrepanciesSigningRequest"];
  };
  "/credits/{creditId}/actions/approveNotice/signing-request": {
    post: operations["approveNoticeSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectNotice/signing-request": {
    post: operations["rejectNoticeSigningRequest"];
  };
  "/credits/{creditId}/actions/waiveDiscrepancies/signing-request": {
    post: operations["waiveDiscrepanciesSigningRequest"];
  };
  "/credits/{creditId}/actions/acceptWaiver/signing-request": {
    post: operations["acceptWaiverSigningRequest"];
  };
  "/credits/{creditId}/actions/approveWaiverAcceptance/signing-request": {
    post: operations["approveWaiverAcceptanceSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectWaiverAcceptance/signing-request": {
    post: operations["rejectWaiverAcceptanceSigningRequest"];
  };
  "/credits/{creditId}/actions/refusePresentation/signing-request": {
    post: operations["refusePresentationSigningRequest"];
  };
  "/credits/{creditId}/actions/approveRefusal/signing-request": {
    post: operations["approveRefusalSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectRefusal/signing-request": {
    post: operations["rejectRefusalSigningRequest"];
  };
  "/credits/{creditId}/actions/preparePayment/signing-request": {
    post: operations["preparePaymentSigningRequest"];
  };
  "/credits/{creditId}/actions/approvePayment/signing-request": {
    post: operations["approvePaymentSigningRequest"];
  };
  "/credits/{creditId}/actions/rejectPayment/signing-request": {
    post: operations["rejectPaymentSigningRequest"];
  };
  "/credits/{creditId}/actions/recordPayment/signing-request": {
    post: operations["recordPaymentSigningRequest"];
  };
  "/credits/{creditId}/actions/forwardDocuments/signing-request": {
    post: operations["forwardDocumentsSigningRequest"];
  };
}

export interface operations {
  /** Credits this organisation sees, newest created first (50 a page unless limit says otherwise) */
  listCredits: {
    parameters: {
      query?: {
        /** Part of the reference, the credit number or the applicant's or beneficiary's name (case-insensitive) */
        q?: string;
        /** Only credits in this state */
        status?: "DRAFT" | "WITH_BENEFICIARY" | "WITH_APPLICANT" | "AGREED" | "SUBMITTED" | "ISSUANCE_PENDING" | "ISSUED" | "ADVISED" | "SETTLED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";
        /** Only credits where this organisation is a party */
        counterparty?: string;
        /** Only credits changed at or after this instant (RFC 3339 with its offset, e.g. 2026-12-01T09:30:00Z). For a sync: remember when you started the last walk, subtract a minute (a change can commit a moment after its time), and dedupe by id and updatedAt. Changes are any step, amendment or presentation on the credit; a message in its thread is not one. */
        updatedSince?: string;
        /** Bulk read: only these credits, as comma-separated ids (at most 200). Ids you may not see, or that do not exist, are simply not listed. The page holds as many credits as ids unless limit says otherwise. */
        ids?: string;
        /** terms: each credit also carries its operative terms (MT700 fields, the amount canonical), as GET /credits/{creditId} does */
        include?: "terms";
        /** The `next` cursor of the previous page */
        after?: string;
        /** The `previous` cursor of the next page (not with after) */
        before?: string;
        /** Credits a page, 1 to 200 (50 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of credits with the cursors of the neighbouring pages (null at either end) */
      200: { content: { "application/json": components["schemas"]["CreditListPage"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Draft a new credit (applicant) */
  createCredit: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path?: never;
    };
    requestBody: {
      content: { "application/json": components["schemas"]["ApplicationInput"] };
    };
    responses: {
      /** The stored result of the same request with the same Idempotency-Key (replayed: true) */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Drafted */
      201: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** One credit: terms, versions with changes, amendments, presentations, milestones and the actions you may take now */
  getCredit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The credit with its terms, versions, amendments, presentations, milestones and the actions the caller may take now */
      200: { content: { "application/json": components["schemas"]["Credit"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The credit's milestone chain with anchoring status */
  listMilestones: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The credit's milestones in order */
      200: { content: { "application/json": components["schemas"]["Milestones"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The credit's message thread: the parties' conversation, oldest first */
  listMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The credit's message thread, oldest first */
      200: { content: { "application/json": components["schemas"]["MessageThread"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Post a message to the thread (a party's user who is not only a viewer, with a token that may act) */
  postMessage: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          body: string;
        };
      };
    };
    responses: {
      /** The first post of the same Idempotency-Key (replayed: true); nothing was posted again */
      200: { content: { "application/json": components["schemas"]["MessagePosted"] } };
      /** Posted */
      201: { content: { "application/json": components["schemas"]["MessagePosted"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      413: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      415: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Upload one document into a presentation being assembled (beneficiary) */
  uploadDocument: {
    parameters: {
      query?: {
        kind?: string;
        originals?: string;
        copies?: string;
        fileName?: string;
        data?: string;
      };
      header?: never;
      path: {
        creditId: string;
        presentationId: string;
      };
    };
    requestBody: {
      content: { "application/octet-stream": string };
    };
    responses: {
      /** Stored, hashed and added */
      201: { content: { "application/json": components["schemas"]["UploadResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      413: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      415: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The organisation directory: find a bank, trading company or audit firm and its id by name, country, BIC or kind */
  findOrganizations: {
    parameters: {
      query?: {
        /** Part of the name (case-insensitive) */
        q?: string;
        /** ISO 3166-1 alpha-2 country code */
        country?: string;
        /** A BIC: 11 characters find that office, 8 characters the head office and its branches */
        bic?: string;
        /** Only organisations of this kind */
        kind?: "BANK" | "CORPORATE" | "AUDITOR";
        /** The `next` cursor of the previous page */
        after?: string;
        /** Organisations a page, 1 to 200 (50 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** A page of organisations with the cursor of the next page (null at the end) */
      200: { content: { "application/json": components["schemas"]["OrganizationPage"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Download a document (parties of the credit and authorised auditors) */
  downloadDocument: {
    parameters: {
      query?: {
        /** 1 to show the file in the browser instead of downloading it */
        inline?: "1";
      };
      header?: never;
      path: {
        documentId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The file, with its SHA-256 in the X-Content-SHA256 header */
      200: { content: { "*/*": string } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The credit's self-contained proof bundle (docs/PROOF-FORMAT.md) */
  exportProofBundle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The self-contained proof bundle (docs/PROOF-FORMAT.md) */
      200: { content: { "application/json": components["schemas"]["ProofBundle"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Check every milestone of the credit against the chain now, and re-hash every presented document */
  verifyCredit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** Every milestone and presented document checked now */
      200: { content: { "application/json": components["schemas"]["Verification"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      503: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The SWIFT messages (MT700/701, 707/708, 730, 732, 734, 754, 756, 759) the credit has produced so far */
  listSwiftMessages: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The SWIFT Category 7 messages the credit has produced so far, in the order of its milestones */
      200: { content: { "application/json": components["schemas"]["SwiftList"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** One message's FIN text (blocks 1-4, CR LF line ends), with its continuation messages after it */
  getSwiftMessage: {
    parameters: {
      query?: {
        /** Send it as a file named …-{messageId}.fin or .txt */
        download?: "fin" | "txt";
      };
      header?: never;
      path: {
        creditId: string;
        /** An id from the list, e.g. 2-mt700 */
        messageId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The FIN text */
      200: { content: { "text/plain": string } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The applicant's agreed application as an MT798<770> file (SWIFT for Corporates): index, details (the MT700 fields of the agreed terms) and extensions */
  downloadMt798Application: {
    parameters: {
      query?: {
        /** Send it as a file named …-mt798-application.fin or .txt */
        download?: "fin" | "txt";
      };
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The FIN text: MT798 messages, CR LF line ends */
      200: { content: { "text/plain": string } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The credit's audit certificate, a PDF of its trail and its verification */
  downloadAuditCertificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The certificate */
      200: { content: { "application/pdf": string } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The audit firm's last 20 portfolio checks, newest first (auditors) */
  listPortfolioChecks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** Checks, newest first */
      200: { content: { "application/json": (components["schemas"]["AuditRun"])[] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Queue a check of every credit the audit firm may see (auditors); a check already queued or running is returned instead */
  requestPortfolioCheck: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** Queued: follow it at /audit/runs/{runId} */
      202: {
        content: {
          "application/json": {
            id: string;
          };
        };
      };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** A portfolio check's progress (done of total) and, when finished, its report */
  getPortfolioCheck: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        runId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["AuditRun"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** A finished check's exceptions report as a download, JSON unless format=csv */
  downloadPortfolioReport: {
    parameters: {
      query?: {
        format?: "json" | "csv";
      };
      header?: never;
      path: {
        runId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The report */
      200: { content: { "application/json": Record<string, unknown>; "text/csv": string } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The event feed: each milestone of the credits your organisation is a party to, in commit order */
  listEvents: {
    parameters: {
      query?: {
        /** The `next` cursor of the previous page, or an event's `cursor` (a webhook's body carries it): the events committed after it. Without it, the feed from its start. */
        after?: string;
        /** Events a page, 1 to 500 (100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** Events in the order they were committed, oldest first */
      200: { content: { "application/json": components["schemas"]["EventPage"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Your organisation's webhook subscriptions (administrators) */
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** The organisation's webhooks */
      200: { content: { "application/json": components["schemas"]["WebhookList"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Subscribe an address to events (administrators, with a token that may act) */
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          url: string;
          events?: ("terms.agreed" | "credit.issued" | "credit.advised" | "amendment.issued" | "amendment.advised" | "credit.amended" | "amendment.rejected" | "documents.presented" | "presentation.compliant" | "presentation.discrepant" | "discrepancies.waived" | "presentation.refused" | "presentation.paid" | "credit.settled" | "credit.expired" | "credit.cancelled" | "record.represented" | "documents.forwarded")[];
          description?: string;
        };
      };
    };
    responses: {
      /** Created. Its secret is shown this once */
      201: { content: { "application/json": components["schemas"]["WebhookCreated"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** One webhook subscription (administrators; never its secret) */
  getWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** A webhook subscription (its secret is never shown again after creation) */
      200: { content: { "application/json": components["schemas"]["Webhook"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Delete a webhook subscription: its undelivered events are not sent, and its delivery log goes with it */
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** Deleted */
      200: {
        content: {
          "application/json": {
            deleted: true;
          };
        };
      };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** The webhook's delivery log: the latest deliveries, newest event first, with every attempt (status code, error, duration) */
  listWebhookDeliveries: {
    parameters: {
      query?: {
        /** Deliveries, 1 to 200 (50 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        subscriptionId: string;
      };
    };
    requestBody?: never;
    responses: {
      /** The latest deliveries, newest event first, each with every attempt */
      200: { content: { "application/json": components["schemas"]["DeliveryLog"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Import an MT700 or MT710 received from an issuing bank that does not use TradeTrail (advising bank's makers and checkers) */
  importCredit: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          /** The FIN text: the MT700 and its MT701s (or MT710 and MT711s), as received */
          fin: string;
          /** The trading company in TradeTrail the credit is advised to (required unless preview) */
          beneficiaryId?: string;
          /** The issuing bank's name, needed the first time TradeTrail records it */
          issuingBankName?: string;
          preview?: boolean;
        };
      };
    };
    responses: {
      /** The preview: the mapping and the problems; nothing stored */
      200: {
        content: {
          "application/json": {
            /** True when the message can be imported as it is */
            ok: boolean;
            sender: string | null;
            receiver: string | null;
            creditNumber: string | null;
            /** The terms (lib/terms/schema.ts) when ok */
            terms: Record<string, unknown> | null;
            mapping: ({
              tag: string;
              name: string;
              line: number;
              /** The field as received */
              value: string;
              /** The TradeTrail term it sets; null when TradeTrail keeps nothing of it */
              term: string | null;
              /** What TradeTrail holds, or why it keeps nothing */
              held: string;
            })[];
            problems: ({
              /** The line of the pasted text */
              line?: number;
              /** The field's tag (32B), or the block (block 2) */
              tag?: string;
              message: string;
            })[];
            messageType: "700" | "710" | null;
            issuingBankBic: string | null;
            dateOfIssue: string | null;
            knownIssuingBank: {
              name?: string;
            } | null;
            duplicateOf: {
              reference?: string;
            } | null;
          };
        };
      };
      /** Imported: the credit, ISSUED, waiting for your advice */
      201: {
        content: {
          "application/json": {
            creditId: string;
            reference: string;
            creditNumber: string;
          };
        };
      };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Import an MT707 for a credit imported from an issuing bank outside TradeTrail (its advising bank's makers and checkers) */
  importAmendment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          fin: string;
          preview?: boolean;
        };
      };
    };
    responses: {
      /** The preview: the mapping and the problems; nothing stored */
      200: {
        content: {
          "application/json": {
            /** True when the message can be imported as it is */
            ok: boolean;
            sender: string | null;
            receiver: string | null;
            creditNumber: string | null;
            /** The terms (lib/terms/schema.ts) when ok */
            terms: Record<string, unknown> | null;
            mapping: ({
              tag: string;
              name: string;
              line: number;
              /** The field as received */
              value: string;
              /** The TradeTrail term it sets; null when TradeTrail keeps nothing of it */
              term: string | null;
              /** What TradeTrail holds, or why it keeps nothing */
              held: string;
            })[];
            problems: ({
              /** The line of the pasted text */
              line?: number;
              /** The field's tag (32B), or the block (block 2) */
              tag?: string;
              message: string;
            })[];
            number: number | null;
            dateOfAmendment: string | null;
            cancellation: boolean;
          };
        };
      };
      /** Applied: the amendment, ISSUED, waiting for your advice */
      201: {
        content: {
          "application/json": {
            amendmentId: string;
            number: number;
            cancellation: boolean;
          };
        };
      };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** This document */
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
    };
    requestBody?: never;
    responses: {
      /** The OpenAPI 3.1 description of the API */
      200: { content: { "application/json": Record<string, unknown> } };
    };
  };
  /** Save a new draft version */
  reviseDraft: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send to beneficiary */
  sendToBeneficiary: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Agree to these terms */
  endorseTerms: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Propose changes */
  proposeChanges: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Return to applicant */
  returnDraft: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Agree to the beneficiary's version */
  acceptChanges: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Propose changes */
  counterPropose: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Reopen the terms */
  reopenTerms: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Withdraw the application */
  withdrawApplication: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Submit to issuing bank */
  submitApplication: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Return to applicant */
  returnApplication: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Prepare issuance */
  prepareIssuance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["IssuanceInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve and issue */
  approveIssuance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectIssuance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Advise to beneficiary */
  adviseCredit: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AdviceInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve confirmation and advise */
  approveConfirmation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectConfirmation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Mark expired */
  expireCredit: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Request an amendment */
  requestAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AmendmentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Request cancellation */
  requestCancellation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Withdraw request */
  withdrawAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Decline request */
  declineAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Prepare amendment */
  prepareAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve and issue amendment */
  approveAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectAmendmentIssuance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Advise amendment */
  adviseAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AmendmentAdviceInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve extending confirmation and advise */
  approveConfirmationExtension: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectConfirmationExtension: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Accept amendment */
  acceptAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Reject amendment */
  rejectAmendment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The amendment's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Start a presentation */
  startPresentation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Remove document */
  removeDocument: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["DocumentRefInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Present documents */
  presentDocuments: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Give notice of completeness */
  giveNoticeOfCompleteness: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Ask to re-present a corrupted record */
  requestRepresentation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["RepresentationRequestInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Record paper received at the counter */
  recordCounterReceipt: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CounterReceiptInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Add a discrepancy */
  addFinding: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["FindingInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Dismiss */
  dismissFinding: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["FindingRefInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve dismissal */
  approveDismissal: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectDismissal: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Correct captured data */
  correctDocumentData: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CorrectionInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve the correction */
  approveCorrection: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectCorrection: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Determine complying */
  determineCompliant: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve: complying */
  approveCompliance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectCompliance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send discrepancy notice */
  notifyDiscrepancies: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["NoticeInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve and send notice */
  approveNotice: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectNotice: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Waive discrepancies */
  waiveDiscrepancies: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["WaiverInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Accept the waiver */
  acceptWaiver: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve accepting the waiver */
  approveWaiverAcceptance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectWaiverAcceptance: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Refuse and return documents */
  refusePresentation: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve refusal */
  approveRefusal: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectRefusal: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Prepare payment */
  preparePayment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PaymentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Approve payment */
  approvePayment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Send back to maker */
  rejectPayment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Record payment */
  recordPayment: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PaymentInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** Forward documents to the issuing bank */
  forwardDocuments: {
    parameters: {
      query?: never;
      header?: {
        /** Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422. */
        "Idempotency-Key"?: string;
      };
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The credit version you acted on; 409 if it changed. */
          expectedVersion?: number;
          /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
          signature?: components["schemas"]["StepSignature"];
          /** The presentation's id */
          subjectId: string;
        };
      };
    };
    responses: {
      /** Done */
      200: { content: { "application/json": components["schemas"]["ActionResult"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
      /** The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED) */
      422: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Save a new draft version" would record, to sign with your API signing key */
  reviseDraftSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send to beneficiary" would record, to sign with your API signing key */
  sendToBeneficiarySigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Agree to these terms" would record, to sign with your API signing key */
  endorseTermsSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Propose changes" would record, to sign with your API signing key */
  proposeChangesSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Return to applicant" would record, to sign with your API signing key */
  returnDraftSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Agree to the beneficiary's version" would record, to sign with your API signing key */
  acceptChangesSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Propose changes" would record, to sign with your API signing key */
  counterProposeSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["TermsInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Reopen the terms" would record, to sign with your API signing key */
  reopenTermsSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Withdraw the application" would record, to sign with your API signing key */
  withdrawApplicationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Submit to issuing bank" would record, to sign with your API signing key */
  submitApplicationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Return to applicant" would record, to sign with your API signing key */
  returnApplicationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Prepare issuance" would record, to sign with your API signing key */
  prepareIssuanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["IssuanceInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve and issue" would record, to sign with your API signing key */
  approveIssuanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectIssuanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Advise to beneficiary" would record, to sign with your API signing key */
  adviseCreditSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AdviceInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve confirmation and advise" would record, to sign with your API signing key */
  approveConfirmationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectConfirmationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Mark expired" would record, to sign with your API signing key */
  expireCreditSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Request an amendment" would record, to sign with your API signing key */
  requestAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AmendmentInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Request cancellation" would record, to sign with your API signing key */
  requestCancellationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Withdraw request" would record, to sign with your API signing key */
  withdrawAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Decline request" would record, to sign with your API signing key */
  declineAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Prepare amendment" would record, to sign with your API signing key */
  prepareAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CommentInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve and issue amendment" would record, to sign with your API signing key */
  approveAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectAmendmentIssuanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Advise amendment" would record, to sign with your API signing key */
  adviseAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["AmendmentAdviceInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve extending confirmation and advise" would record, to sign with your API signing key */
  approveConfirmationExtensionSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectConfirmationExtensionSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Accept amendment" would record, to sign with your API signing key */
  acceptAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Reject amendment" would record, to sign with your API signing key */
  rejectAmendmentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The amendment's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Start a presentation" would record, to sign with your API signing key */
  startPresentationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Remove document" would record, to sign with your API signing key */
  removeDocumentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["DocumentRefInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Present documents" would record, to sign with your API signing key */
  presentDocumentsSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Give notice of completeness" would record, to sign with your API signing key */
  giveNoticeOfCompletenessSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Ask to re-present a corrupted record" would record, to sign with your API signing key */
  requestRepresentationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["RepresentationRequestInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Record paper received at the counter" would record, to sign with your API signing key */
  recordCounterReceiptSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CounterReceiptInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Add a discrepancy" would record, to sign with your API signing key */
  addFindingSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["FindingInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Dismiss" would record, to sign with your API signing key */
  dismissFindingSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["FindingRefInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve dismissal" would record, to sign with your API signing key */
  approveDismissalSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectDismissalSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Correct captured data" would record, to sign with your API signing key */
  correctDocumentDataSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["CorrectionInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve the correction" would record, to sign with your API signing key */
  approveCorrectionSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectCorrectionSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Determine complying" would record, to sign with your API signing key */
  determineCompliantSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve: complying" would record, to sign with your API signing key */
  approveComplianceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectComplianceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send discrepancy notice" would record, to sign with your API signing key */
  notifyDiscrepanciesSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["NoticeInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve and send notice" would record, to sign with your API signing key */
  approveNoticeSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectNoticeSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Waive discrepancies" would record, to sign with your API signing key */
  waiveDiscrepanciesSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["WaiverInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Accept the waiver" would record, to sign with your API signing key */
  acceptWaiverSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve accepting the waiver" would record, to sign with your API signing key */
  approveWaiverAcceptanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectWaiverAcceptanceSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Refuse and return documents" would record, to sign with your API signing key */
  refusePresentationSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve refusal" would record, to sign with your API signing key */
  approveRefusalSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectRefusalSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Prepare payment" would record, to sign with your API signing key */
  preparePaymentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PaymentInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Approve payment" would record, to sign with your API signing key */
  approvePaymentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Send back to maker" would record, to sign with your API signing key */
  rejectPaymentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["ReasonInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Record payment" would record, to sign with your API signing key */
  recordPaymentSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PaymentInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
  /** What "Forward documents to the issuing bank" would record, to sign with your API signing key */
  forwardDocumentsSigningRequest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        creditId: string;
      };
    };
    requestBody: {
      content: {
        "application/json": {
          input?: components["schemas"]["PresentationInput"];
          /** The presentation's id */
          subjectId?: string;
        };
      };
    };
    responses: {
      /** The challenge, or that no signature is needed */
      200: { content: { "application/json": components["schemas"]["SigningRequest"] } };
      /** Refused, with a message for a person */
      400: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      401: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      403: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      404: { content: { "application/json": components["schemas"]["Error"] } };
      /** Refused, with a message for a person */
      409: { content: { "application/json": components["schemas"]["Error"] } };
    };
  };
}

export interface components {
  schemas: {
    Error: {
      error: {
        code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_REQUEST" | "CONFLICT" | "INVALID_STATE" | "PAYLOAD_TOO_LARGE" | "IDEMPOTENCY_KEY_REUSED" | "SIGNATURE_REQUIRED" | "UNSUPPORTED_MEDIA_TYPE" | "TOO_MANY_REQUESTS" | "UNAVAILABLE" | "INTERNAL";
        message: string;
        fields?: {
          [key: string]: string;
        };
        /** An imported SWIFT message's problems, each with its tag and the line of the text it is on */
        problems?: ({
          /** The line of the pasted text */
          line?: number;
          /** The field's tag (32B), or the block (block 2) */
          tag?: string;
          message: string;
        })[];
      };
    };
    ActionResult: {
      creditId?: string;
      subjectId?: string | null;
      action?: string;
      creditStatus?: string;
      subjectStatus?: string | null;
      /** The credit's new version: send it as expectedVersion next time. */
      version?: number;
      milestoneSeqs?: (number)[];
      /** True when this repeats the stored result of the same Idempotency-Key. */
      replayed?: boolean;
    };
    /** Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps. */
    StepSignature: {
      requestId: string;
      /** The API signing key's id (Settings → API signing keys) */
      keyId: string;
      /** base64url: SHA-256(rpId) ‖ flags 0x05 ‖ counter (4 bytes, big-endian) */
      authenticatorData: string;
      /** base64url of {"type":"webauthn.get","challenge":<challenge>,"origin":<origin>} */
      clientDataJSON: string;
      /** base64url DER ECDSA P-256 SHA-256 signature over authenticatorData ‖ SHA-256(clientDataJSON) */
      signature: string;
    };
    SigningRequest: {
      required: boolean;
      requestId?: string;
      /** base64url */
      challenge?: string;
      rpId?: string;
      origin?: string;
      /** What the step records (docs/PROOF-FORMAT.md §11.2) */
      statement?: Record<string, unknown>;
    };
    /** The credit with its terms, versions, amendments, presentations, milestones and the actions the caller may take now */
    Credit: {
      id: string;
      reference: string;
      creditNumber: string | null;
      status: "DRAFT" | "WITH_BENEFICIARY" | "WITH_APPLICANT" | "AGREED" | "SUBMITTED" | "ISSUANCE_PENDING" | "ISSUED" | "ADVISED" | "SETTLED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";
      /** Send it as expectedVersion with the next action */
      version: number;
      currency: string;
      /** A decimal string with exactly the currency's ISO 4217 minor units: USD "42000.00", JPY "42000", BHD "42000.000". */
      amount: string;
      /** A decimal string with exactly the currency's ISO 4217 minor units: USD "42000.00", JPY "42000", BHD "42000.000". */
      drawnAmount: string;
      expiryDate: string;
      confirmed: boolean;
      bankConditions: string | null;
      returnReason: string | null;
      createdAt: string;
      updatedAt: string;
      issuedAt: string | null;
      parties: {
        applicant: {
          id: string;
          name: string;
          kind: "BANK" | "CORPORATE" | "AUDITOR";
          /** ISO 3166-1 alpha-2 */
          country: string;
          /** ISO 9362, 11 characters (banks) */
          bic: string | null;
        };
        beneficiary: {
          id: string;
          name: string;
          kind: "BANK" | "CORPORATE" | "AUDITOR";
          /** ISO 3166-1 alpha-2 */
          country: string;
          /** ISO 9362, 11 characters (banks) */
          bic: string | null;
        };
        issuingBank: {
          id: string;
          name: string;
          kind: "BANK" | "CORPORATE" | "AUDITOR";
          /** ISO 3166-1 alpha-2 */
          country: string;
          /** ISO 9362, 11 characters (banks) */
          bic: string | null;
        };
        advisingBank: {
          id: string;
          name: string;
          kind: "BANK" | "CORPORATE" | "AUDITOR";
          /** ISO 3166-1 alpha-2 */
          country: string;
          /** ISO 9362, 11 characters (banks) */
          bic: string | null;
        };
        confirmingBank: {
          id: string;
          name: string;
          kind: "BANK" | "CORPORATE" | "AUDITOR";
          /** ISO 3166-1 alpha-2 */
          country: string;
          /** ISO 9362, 11 characters (banks) */
          bic: string | null;
        } | null;
      };
      /** The parties the caller's organisation plays */
      myParties: (string)[];
      /** True when the caller reads as an auditor under a grant */
      auditing: boolean;
      /** The operative terms (MT700 fields; the amount in the canonical form) */
      terms: Record<string, unknown> | null;
      currentVersion: number | null;
      agreedVersion: number | null;
      sinceLastSeen: Record<string, unknown> | null;
      versions: ({
        id: string;
        number: number;
        author: string;
        authorOrg: string;
        createdAt: string;
        comment: string | null;
        termsHash: string;
        changes: (Record<string, unknown>)[];
      })[];
      pendingApprovals: (Record<string, unknown>)[];
      fourEyes: boolean;
      amendments: ({
        id: string;
        number: number;
        status: string;
        version: number;
        cancellation: boolean;
        createdAt: string;
        issuedAt: string | null;
        decidedAt: string | null;
        changes: (Record<string, unknown>)[];
        actions: (string)[];
      })[];
      presentations: ({
        id: string;
        number: number;
        status: string;
        version: number;
        presentedAt: string | null;
        examinationDeadline: string | null;
        examinedAt: string | null;
        decisionNote: string | null;
        documentDisposal: string | null;
        /** Art. 15(c): when the nominated or confirming bank forwarded the complying documents to the issuing bank */
        forwardedAt: string | null;
        /** Art. 14(b): the issuing bank's own last day to examine the forwarded documents */
        issuerExaminationDeadline: string | null;
        /** A decimal string with exactly the currency's ISO 4217 minor units: USD "42000.00", JPY "42000", BHD "42000.000". */
        claimedAmount: string | null;
        /** Presented under eUCP v2.1 (docs/EUCP.md): complete with the notice of completeness, whose day is presentedOn; examined from the banking day after it (art. e7(a)(i)) */
        eucp: boolean;
        representationRequests: ({
          id: string;
          documentId: string;
          reason: string;
          requestedAt: string;
          suspendedOn: string;
          dueOn: string;
          representedAt: string | null;
          representedOn: string | null;
          replacementId: string | null;
        })[];
        documents: ({
          id: string;
          kind: string;
          fileName: string;
          mediaType: string;
          size: number;
          sha256: string;
          /** The document's structured fields; an amount beside its currency is in the canonical form */
          data: Record<string, unknown>;
          originals: number;
          copies: number;
          createdAt: string;
          /** eUCP: an electronic record, or a paper document presented at the counter (art. e6(a)(ii)) */
          medium: "ELECTRONIC" | "PAPER";
          /** A paper document: the day the examining bank recorded it as received at its counter */
          receivedAtCounterOn: string | null;
        })[];
        corrections: (Record<string, unknown>)[];
        checkByHand: (Record<string, unknown>)[];
        findings: (Record<string, unknown>)[];
        payments: ({
          id: string;
          kind: string;
          /** A decimal string with exactly the currency's ISO 4217 minor units: USD "42000.00", JPY "42000", BHD "42000.000". */
          amount: string;
          currency: string;
          dueDate: string | null;
          recordedAt: string;
        })[];
        actions: (string)[];
      })[];
      milestones: ({
        id: string;
        seq: number;
        kind: string;
        createdAt: string;
        actor: string | null;
        actorOrg: string | null;
        digest: string;
        status: string;
        documentHashes: (string)[];
        /** The anchoring batch, once the milestone is in one */
        batch: {
          root?: string;
          txHash?: string | null;
          /** A decimal string */
          blockNumber?: string | null;
          blockTime?: string | null;
          status?: string;
        } | null;
      })[];
      events: ({
        id: string;
        action: string;
        actor: string;
        actorOrg: string;
        data: Record<string, unknown>;
        createdAt: string;
      })[];
      /** Credit actions the caller may take now */
      actions: (string)[];
      /** Actions that start an amendment or a presentation */
      createActions: (string)[];
    };
    /** A page of credits with the cursors of the neighbouring pages (null at either end) */
    CreditListPage: {
      items: ({
        id: string;
        reference: string;
        creditNumber: string | null;
        status: "DRAFT" | "WITH_BENEFICIARY" | "WITH_APPLICANT" | "AGREED" | "SUBMITTED" | "ISSUANCE_PENDING" | "ISSUED" | "ADVISED" | "SETTLED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";
        currency: string;
        /** A decimal string with exactly the currency's ISO 4217 minor units: USD "42000.00", JPY "42000", BHD "42000.000". */
        amount: string;
        /** The expiry date, at 00:00 UTC */
        expiryDate: string;
        updatedAt: string;
        applicantName: string;
        beneficiaryName: string;
        issuingBankName: string;
        /** With include=terms only: the operative terms (MT700 fields; the amount canonical), null before any */
        terms?: Record<string, unknown> | null;
      })[];
      next: string | null;
      previous: string | null;
    };
    /** The credit's milestones in order */
    Milestones: {
      creditId: string;
      reference: string;
      milestones: ({
        id: string;
        seq: number;
        kind: string;
        createdAt: string;
        actor: string | null;
        actorOrg: string | null;
        digest: string;
        status: string;
        documentHashes: (string)[];
        /** The anchoring batch, once the milestone is in one */
        batch: {
          root?: string;
          txHash?: string | null;
          /** A decimal string */
          blockNumber?: string | null;
          blockTime?: string | null;
          status?: string;
        } | null;
      })[];
    };
    /** The credit's message thread, oldest first */
    MessageThread: {
      creditId: string;
      reference: string;
      messages: ({
        id: string;
        /** The text as posted (trimmed), at most 4,000 characters */
        body: string;
        /** The person who posted it */
        author: {
          name: string;
        };
        /** The party organisation they posted for */
        organization: {
          id: string;
          name: string;
        };
        createdAt: string;
        /** Posted by the token's (or session's) own user */
        mine: boolean;
      })[];
    };
    /** Posted */
    MessagePosted: {
      message: {
        id: string;
        /** The text as posted (trimmed), at most 4,000 characters */
        body: string;
        /** The person who posted it */
        author: {
          name: string;
        };
        /** The party organisation they posted for */
        organization: {
          id: string;
          name: string;
        };
        createdAt: string;
        /** Posted by the token's (or session's) own user */
        mine: boolean;
      };
      /** True when this repeats the first post of the same Idempotency-Key */
      replayed: boolean;
    };
    /** A page of organisations with the cursor of the next page (null at the end) */
    OrganizationPage: {
      items: ({
        id: string;
        name: string;
        kind: "BANK" | "CORPORATE" | "AUDITOR";
        /** ISO 3166-1 alpha-2 */
        country: string;
        /** ISO 9362, 11 characters (banks) */
        bic: string | null;
      })[];
      next: string | null;
    };
    /** The self-contained proof bundle (docs/PROOF-FORMAT.md) */
    ProofBundle: {
      format: "tradetrail.proof-bundle";
      version: number;
      exportedAt: string;
      chain: {
        /** A decimal string */
        chainId: string;
        contractAddress: string;
      };
      credit: {
        id: string;
        reference: string;
      };
      milestones: ({
        seq: number;
        kind: string;
        /** The milestone's recorded content, exactly as hashed (amounts as recorded) */
        content: unknown;
        documentHashes: (string)[];
        prevDigest: string;
        salt: string;
        digest: string;
        proof: (string)[];
        root: string | null;
        txHash: string | null;
        blockNumber: number | null;
      })[];
      /** Version 4: every network the exporter anchors on, the first being `chain` */
      networks: ({
        name: string;
        chainId: string;
        contractAddress: string;
      })[];
      /** Version 4: every anchoring of every root, on any network (claims a verifier checks on each network's chain) */
      anchorings: ({
        root: string;
        network: string;
        txHash: string | null;
        blockNumber: number | null;
      })[];
    };
    /** Every milestone and presented document checked now */
    Verification: {
      creditId: string;
      checkedAt: string;
      elapsedMs: number;
      chainId: string;
      contractAddress: string;
      /** The chain's block number when checked */
      head: number;
      /** Every milestone verified and the trail complete */
      ok: boolean;
      results: ({
        seq: number;
        status: string;
      })[];
      counts: Record<string, unknown>;
      trail: {
        status: string;
        reason: string;
        chainHeadSeq: number | null;
      };
      warnings: (Record<string, unknown>)[];
      checkedAgainst: Record<string, unknown>;
      documents: {
        documents: (Record<string, unknown>)[];
        counts: Record<string, unknown>;
        ok: boolean;
      };
      /** Only with additional networks configured: each network's outcome; `ok` is then the verdict over all of them (one proves the trail, none that answers contradicts it) */
      networks?: ({
        network: string;
        outcome: "verified" | "incomplete" | "root-missing" | "mismatched" | "unreachable" | "not-checked";
        reason: string;
        chainId: string | null;
        contractAddress: string | null;
        claimedRoots: number;
      })[];
    };
    AuditRun: {
      id: string;
      status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
      total: number;
      done: number;
      /** When done: per credit, its milestones' counts and every exception */
      report: Record<string, unknown> | null;
      error: string | null;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      /** Credits left out of the report because the firm may no longer see them */
      withheld: number;
    };
    UploadResult: {
      documentId: string;
      sha256: string;
      size: number;
      mediaType: string;
      version: number;
    };
    /** The SWIFT Category 7 messages the credit has produced so far, in the order of its milestones */
    SwiftList: {
      creditId: string;
      reference: string;
      creditNumber: string | null;
      messages: ({
        /** The milestone's seq and the message type, e.g. 1-mt700 */
        id: string;
        type: "MT700" | "MT707" | "MT730" | "MT732" | "MT734" | "MT754" | "MT756" | "MT759";
        title: string;
        /** The message and its continuations in order, e.g. ["MT700", "MT701"] */
        messageTypes: (string)[];
        milestoneSeq: number;
        date: string;
        sender: {
          name: string;
          bic: string | null;
        };
        receiver: {
          name: string;
          bic: string | null;
        };
        /** False when a field does not fit its SWIFT format or a bank has no BIC: problems says what */
        valid: boolean;
        problems: ({
          message: string;
          tag: string | null;
          messageIndex: number;
        })[];
        /** Each character the SWIFT character sets could not carry and what it became (docs/SWIFT.md) */
        transliterations: ({
          messageIndex: number;
          tag: string;
          line: number;
          from: string;
          to: string;
        })[];
        /** SHA-256 of the file's bytes, as href sends them */
        sha256: string;
        /** What the milestone that produced the message recorded about it (docs/SWIFT.md, Recorded hashes) */
        anchored: {
          /** matches: sha256 is the hash the milestone that produced the message recorded (its content, anchored on chain); differs: it recorded another; notRecorded: it recorded none for this message */
          status: "matches" | "differs" | "notRecorded";
          /** The hash the milestone recorded (content.swiftMessages), null when notRecorded */
          sha256: string | null;
          /** Why notRecorded: before, the milestone was recorded before message hashes were; notOnMilestone, the message came after its milestone (an MT732, once the bank accepted the waiver) */
          reason: "before" | "notOnMilestone" | null;
          /** The day the milestone was recorded */
          milestoneDate: string;
        };
        href: string;
      })[];
    };
    /** Events in the order they were committed, oldest first */
    EventPage: {
      events: ({
        /** The event's id: the TradeTrail-Event-Id header of its webhooks. Dedupe by it. */
        id: string;
        type: "terms.agreed" | "credit.issued" | "credit.advised" | "amendment.issued" | "amendment.advised" | "credit.amended" | "amendment.rejected" | "documents.presented" | "presentation.compliant" | "presentation.discrepant" | "discrepancies.waived" | "presentation.refused" | "presentation.paid" | "credit.settled" | "credit.expired" | "credit.cancelled" | "record.represented" | "documents.forwarded";
        /** The feed's position just after this event: GET /events?after={cursor} lists what followed it */
        cursor: string;
        occurredAt: string;
        credit: {
          id: string;
          reference: string;
          creditNumber: string | null;
          /** The credit's state right after the step */
          status: "DRAFT" | "WITH_BENEFICIARY" | "WITH_APPLICANT" | "AGREED" | "SUBMITTED" | "ISSUANCE_PENDING" | "ISSUED" | "ADVISED" | "SETTLED" | "EXPIRED" | "CANCELLED" | "WITHDRAWN";
        };
        /** The amendment or presentation the step acted on */
        subjectId: string | null;
        /** The anchored milestone the event reports (GET /credits/{creditId}/milestones) */
        milestone: {
          seq: number;
          kind: "TERMS_AGREED" | "CREDIT_ISSUED" | "CREDIT_ADVISED" | "AMENDMENT_ISSUED" | "AMENDMENT_ADVISED" | "AMENDMENT_ACCEPTED" | "AMENDMENT_REJECTED" | "DOCUMENTS_PRESENTED" | "PRESENTATION_COMPLIANT" | "DISCREPANCIES_NOTIFIED" | "DISCREPANCIES_WAIVED" | "PRESENTATION_REFUSED" | "PAYMENT_RECORDED" | "CREDIT_SETTLED" | "CREDIT_EXPIRED" | "CREDIT_CANCELLED" | "NOTICE_OF_COMPLETENESS" | "RECORD_REPRESENTED" | "DOCUMENTS_FORWARDED";
        };
      })[];
      /** Pass as `after` for the events that follow (the same cursor again when there were none) */
      next: string;
      /** More events are waiting now: ask again at once */
      hasMore: boolean;
    };
    /** A webhook subscription (its secret is never shown again after creation) */
    Webhook: {
      id: string;
      url: string;
      eventTypes: ("terms.agreed" | "credit.issued" | "credit.advised" | "amendment.issued" | "amendment.advised" | "credit.amended" | "amendment.rejected" | "documents.presented" | "presentation.compliant" | "presentation.discrepant" | "discrepancies.waived" | "presentation.refused" | "presentation.paid" | "credit.settled" | "credit.expired" | "credit.cancelled" | "record.represented" | "documents.forwarded")[];
      description: string;
      createdAt: string;
    };
    /** Created. Its secret is shown this once */
    WebhookCreated: {
      id: string;
      url: string;
      eventTypes: ("terms.agreed" | "credit.issued" | "credit.advised" | "amendment.issued" | "amendment.advised" | "credit.amended" | "amendment.rejected" | "documents.presented" | "presentation.compliant" | "presentation.discrepant" | "discrepancies.waived" | "presentation.refused" | "presentation.paid" | "credit.settled" | "credit.expired" | "credit.cancelled" | "record.represented" | "documents.forwarded")[];
      description: string;
      createdAt: string;
      /** The HMAC key of TradeTrail-Signature. Shown this once: store it now. */
      secret: string;
    };
    /** The organisation's webhooks */
    WebhookList: {
      webhooks: (components["schemas"]["Webhook"])[];
    };
    /** The latest deliveries, newest event first, each with every attempt */
    DeliveryLog: {
      deliveries: ({
        eventId: string;
        eventType: string | null;
        status: "PENDING" | "DELIVERED" | "FAILED";
        attempts: number;
        /** When a PENDING delivery is tried next */
        nextAttemptAt: string | null;
        deliveredAt: string | null;
        lastError: string | null;
        log: ({
          attempt: number;
          at: string;
          /** The receiver's HTTP status; null when it did not answer */
          statusCode: number | null;
          error: string | null;
          durationMs: number;
        })[];
      })[];
    };
    NoneInput: Record<string, unknown>;
    ApplicationInput: {
      beneficiaryId: string;
      issuingBankId: string;
      advisingBankId: string;
      terms: {
        creditKind?: "DOCUMENTARY" | "STANDBY";
        form?: "IRREVOCABLE" | "IRREVOCABLE_TRANSFERABLE";
        dateOfIssue?: string;
        applicableRules?: "UCP_LATEST_VERSION" | "EUCP_LATEST_VERSION" | "ISP_LATEST_VERSION" | "UCP_URR_LATEST_VERSION" | "EUCP_URR_LATEST_VERSION" | "ISP_URR_LATEST_VERSION" | "OTHER";
        applicableRulesNarrative?: string;
        eucpPresentationPlace?: string;
        eucpRecordFormats?: string;
        expiryDate: string;
        expiryPlace: string;
        applicantBank?: string;
        applicant: {
          name: string;
          address: string;
        };
        beneficiary: {
          name: string;
          address: string;
        };
        currency: "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "CHF" | "HKD" | "SGD" | "AUD" | "CAD" | "NZD" | "SEK" | "NOK" | "DKK" | "INR" | "AED" | "SAR" | "QAR" | "KWD" | "BHD" | "OMR" | "TRY" | "ZAR" | "BRL" | "MXN" | "KRW" | "TWD" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "PKR" | "BDT" | "LKR" | "EGP" | "NGN" | "KES" | "MAD" | "PLN" | "CZK" | "HUF";
        amount: string;
        tolerance?: ({
          type: "NONE";
        } | {
          type: "PERCENT";
          plus: number;
          minus: number;
        } | {
          type: "ABOUT";
        });
        additionalAmounts?: string;
        availableWith?: "ISSUING_BANK" | "ADVISING_BANK" | "ANY_BANK";
        availableBy?: "PAYMENT" | "DEFERRED_PAYMENT" | "ACCEPTANCE" | "NEGOTIATION";
        draftsAt?: string;
        drawee?: string;
        mixedPaymentDetails?: string;
        tenorDays?: number;
        partialShipments?: "ALLOWED" | "NOT_ALLOWED";
        transhipment?: "ALLOWED" | "NOT_ALLOWED";
        placeOfTakingInCharge?: string;
        portOfLoading?: string;
        portOfDischarge?: string;
        finalDestination?: string;
        latestShipmentDate?: string;
        shipmentPeriod?: string;
        incoterm?: string;
        incotermPlace?: string;
        goodsDescription?: string;
        documentsRequired: ({
          kind: "COMMERCIAL_INVOICE" | "BILL_OF_LADING" | "PACKING_LIST" | "CERTIFICATE_OF_ORIGIN" | "INSURANCE_CERTIFICATE" | "INSPECTION_CERTIFICATE" | "OTHER" | "DEMAND" | "STATEMENT_OF_DEFAULT" | "MULTIMODAL_TRANSPORT_DOCUMENT" | "SEA_WAYBILL" | "CHARTER_PARTY_BILL_OF_LADING" | "AIR_WAYBILL" | "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT" | "COURIER_RECEIPT" | "DRAFT" | "BENEFICIARY_CERTIFICATE";
          originals: number;
          copies: number;
          conditions?: {
            issuer?: {
              kind: "BENEFICIARY" | "CARRIER_OR_AGENT" | "INSURER_OR_AGENT" | "CHAMBER_OF_COMMERCE" | "NAMED";
              name?: string;
            };
            transport?: {
              consignee?: "TO_ORDER" | "TO_ORDER_OF_ISSUING_BANK" | "TO_ORDER_OF_SHIPPER" | "NAMED" | "APPLICANT";
              consigneeName?: string;
              notifyParty?: "APPLICANT" | "NAMED" | "NONE";
              notifyPartyName?: string;
              freight?: "PREPAID" | "COLLECT";
              clean?: boolean;
              onBoard?: boolean;
              charterPartyAllowed?: boolean;
              onDeckAllowed?: boolean;
            };
            insurance?: {
              coverPercent?: number;
              risks?: ("ALL_RISKS" | "ICC_A" | "ICC_B" | "ICC_C" | "WAR" | "STRIKES")[];
              coverFrom?: string;
              coverTo?: string;
            };
            origin?: {
              originCountry?: string;
            };
          };
          details?: string;
        })[];
        additionalConditions?: string;
        specialPaymentConditionsBeneficiary?: string;
        specialPaymentConditionsBank?: string;
        charges?: string;
        amendmentChargesPayableBy?: string;
        amendmentChargesNarrative?: string;
        presentationPeriodDays?: number;
        confirmation?: "WITHOUT" | "MAY_ADD" | "CONFIRM";
        requestedConfirmationParty?: string;
        reimbursingBank?: string;
        instructionsToBank?: string;
        adviseThroughBank?: string;
        senderToReceiverInformation?: string;
      };
      comment?: string;
    };
    TermsInput: {
      terms: {
        creditKind?: "DOCUMENTARY" | "STANDBY";
        form?: "IRREVOCABLE" | "IRREVOCABLE_TRANSFERABLE";
        dateOfIssue?: string;
        applicableRules?: "UCP_LATEST_VERSION" | "EUCP_LATEST_VERSION" | "ISP_LATEST_VERSION" | "UCP_URR_LATEST_VERSION" | "EUCP_URR_LATEST_VERSION" | "ISP_URR_LATEST_VERSION" | "OTHER";
        applicableRulesNarrative?: string;
        eucpPresentationPlace?: string;
        eucpRecordFormats?: string;
        expiryDate: string;
        expiryPlace: string;
        applicantBank?: string;
        applicant: {
          name: string;
          address: string;
        };
        beneficiary: {
          name: string;
          address: string;
        };
        currency: "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "CHF" | "HKD" | "SGD" | "AUD" | "CAD" | "NZD" | "SEK" | "NOK" | "DKK" | "INR" | "AED" | "SAR" | "QAR" | "KWD" | "BHD" | "OMR" | "TRY" | "ZAR" | "BRL" | "MXN" | "KRW" | "TWD" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "PKR" | "BDT" | "LKR" | "EGP" | "NGN" | "KES" | "MAD" | "PLN" | "CZK" | "HUF";
        amount: string;
        tolerance?: ({
          type: "NONE";
        } | {
          type: "PERCENT";
          plus: number;
          minus: number;
        } | {
          type: "ABOUT";
        });
        additionalAmounts?: string;
        availableWith?: "ISSUING_BANK" | "ADVISING_BANK" | "ANY_BANK";
        availableBy?: "PAYMENT" | "DEFERRED_PAYMENT" | "ACCEPTANCE" | "NEGOTIATION";
        draftsAt?: string;
        drawee?: string;
        mixedPaymentDetails?: string;
        tenorDays?: number;
        partialShipments?: "ALLOWED" | "NOT_ALLOWED";
        transhipment?: "ALLOWED" | "NOT_ALLOWED";
        placeOfTakingInCharge?: string;
        portOfLoading?: string;
        portOfDischarge?: string;
        finalDestination?: string;
        latestShipmentDate?: string;
        shipmentPeriod?: string;
        incoterm?: string;
        incotermPlace?: string;
        goodsDescription?: string;
        documentsRequired: ({
          kind: "COMMERCIAL_INVOICE" | "BILL_OF_LADING" | "PACKING_LIST" | "CERTIFICATE_OF_ORIGIN" | "INSURANCE_CERTIFICATE" | "INSPECTION_CERTIFICATE" | "OTHER" | "DEMAND" | "STATEMENT_OF_DEFAULT" | "MULTIMODAL_TRANSPORT_DOCUMENT" | "SEA_WAYBILL" | "CHARTER_PARTY_BILL_OF_LADING" | "AIR_WAYBILL" | "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT" | "COURIER_RECEIPT" | "DRAFT" | "BENEFICIARY_CERTIFICATE";
          originals: number;
          copies: number;
          conditions?: {
            issuer?: {
              kind: "BENEFICIARY" | "CARRIER_OR_AGENT" | "INSURER_OR_AGENT" | "CHAMBER_OF_COMMERCE" | "NAMED";
              name?: string;
            };
            transport?: {
              consignee?: "TO_ORDER" | "TO_ORDER_OF_ISSUING_BANK" | "TO_ORDER_OF_SHIPPER" | "NAMED" | "APPLICANT";
              consigneeName?: string;
              notifyParty?: "APPLICANT" | "NAMED" | "NONE";
              notifyPartyName?: string;
              freight?: "PREPAID" | "COLLECT";
              clean?: boolean;
              onBoard?: boolean;
              charterPartyAllowed?: boolean;
              onDeckAllowed?: boolean;
            };
            insurance?: {
              coverPercent?: number;
              risks?: ("ALL_RISKS" | "ICC_A" | "ICC_B" | "ICC_C" | "WAR" | "STRIKES")[];
              coverFrom?: string;
              coverTo?: string;
            };
            origin?: {
              originCountry?: string;
            };
          };
          details?: string;
        })[];
        additionalConditions?: string;
        specialPaymentConditionsBeneficiary?: string;
        specialPaymentConditionsBank?: string;
        charges?: string;
        amendmentChargesPayableBy?: string;
        amendmentChargesNarrative?: string;
        presentationPeriodDays?: number;
        confirmation?: "WITHOUT" | "MAY_ADD" | "CONFIRM";
        requestedConfirmationParty?: string;
        reimbursingBank?: string;
        instructionsToBank?: string;
        adviseThroughBank?: string;
        senderToReceiverInformation?: string;
      };
      comment?: string;
    };
    CommentInput: {
      comment?: string;
    };
    ReasonInput: {
      reason: string;
    };
    IssuanceInput: {
      creditNumber: string;
      bankConditions?: string;
    };
    AdviceInput: {
      addConfirmation?: boolean;
      comment?: string;
    };
    AmendmentAdviceInput: {
      extendConfirmation?: boolean;
      comment?: string;
    };
    AmendmentInput: {
      terms: {
        creditKind?: "DOCUMENTARY" | "STANDBY";
        form?: "IRREVOCABLE" | "IRREVOCABLE_TRANSFERABLE";
        dateOfIssue?: string;
        applicableRules?: "UCP_LATEST_VERSION" | "EUCP_LATEST_VERSION" | "ISP_LATEST_VERSION" | "UCP_URR_LATEST_VERSION" | "EUCP_URR_LATEST_VERSION" | "ISP_URR_LATEST_VERSION" | "OTHER";
        applicableRulesNarrative?: string;
        eucpPresentationPlace?: string;
        eucpRecordFormats?: string;
        expiryDate: string;
        expiryPlace: string;
        applicantBank?: string;
        applicant: {
          name: string;
          address: string;
        };
        beneficiary: {
          name: string;
          address: string;
        };
        currency: "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "CHF" | "HKD" | "SGD" | "AUD" | "CAD" | "NZD" | "SEK" | "NOK" | "DKK" | "INR" | "AED" | "SAR" | "QAR" | "KWD" | "BHD" | "OMR" | "TRY" | "ZAR" | "BRL" | "MXN" | "KRW" | "TWD" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "PKR" | "BDT" | "LKR" | "EGP" | "NGN" | "KES" | "MAD" | "PLN" | "CZK" | "HUF";
        amount: string;
        tolerance?: ({
          type: "NONE";
        } | {
          type: "PERCENT";
          plus: number;
          minus: number;
        } | {
          type: "ABOUT";
        });
        additionalAmounts?: string;
        availableWith?: "ISSUING_BANK" | "ADVISING_BANK" | "ANY_BANK";
        availableBy?: "PAYMENT" | "DEFERRED_PAYMENT" | "ACCEPTANCE" | "NEGOTIATION";
        draftsAt?: string;
        drawee?: string;
        mixedPaymentDetails?: string;
        tenorDays?: number;
        partialShipments?: "ALLOWED" | "NOT_ALLOWED";
        transhipment?: "ALLOWED" | "NOT_ALLOWED";
        placeOfTakingInCharge?: string;
        portOfLoading?: string;
        portOfDischarge?: string;
        finalDestination?: string;
        latestShipmentDate?: string;
        shipmentPeriod?: string;
        incoterm?: string;
        incotermPlace?: string;
        goodsDescription?: string;
        documentsRequired: ({
          kind: "COMMERCIAL_INVOICE" | "BILL_OF_LADING" | "PACKING_LIST" | "CERTIFICATE_OF_ORIGIN" | "INSURANCE_CERTIFICATE" | "INSPECTION_CERTIFICATE" | "OTHER" | "DEMAND" | "STATEMENT_OF_DEFAULT" | "MULTIMODAL_TRANSPORT_DOCUMENT" | "SEA_WAYBILL" | "CHARTER_PARTY_BILL_OF_LADING" | "AIR_WAYBILL" | "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT" | "COURIER_RECEIPT" | "DRAFT" | "BENEFICIARY_CERTIFICATE";
          originals: number;
          copies: number;
          conditions?: {
            issuer?: {
              kind: "BENEFICIARY" | "CARRIER_OR_AGENT" | "INSURER_OR_AGENT" | "CHAMBER_OF_COMMERCE" | "NAMED";
              name?: string;
            };
            transport?: {
              consignee?: "TO_ORDER" | "TO_ORDER_OF_ISSUING_BANK" | "TO_ORDER_OF_SHIPPER" | "NAMED" | "APPLICANT";
              consigneeName?: string;
              notifyParty?: "APPLICANT" | "NAMED" | "NONE";
              notifyPartyName?: string;
              freight?: "PREPAID" | "COLLECT";
              clean?: boolean;
              onBoard?: boolean;
              charterPartyAllowed?: boolean;
              onDeckAllowed?: boolean;
            };
            insurance?: {
              coverPercent?: number;
              risks?: ("ALL_RISKS" | "ICC_A" | "ICC_B" | "ICC_C" | "WAR" | "STRIKES")[];
              coverFrom?: string;
              coverTo?: string;
            };
            origin?: {
              originCountry?: string;
            };
          };
          details?: string;
        })[];
        additionalConditions?: string;
        specialPaymentConditionsBeneficiary?: string;
        specialPaymentConditionsBank?: string;
        charges?: string;
        amendmentChargesPayableBy?: string;
        amendmentChargesNarrative?: string;
        presentationPeriodDays?: number;
        confirmation?: "WITHOUT" | "MAY_ADD" | "CONFIRM";
        requestedConfirmationParty?: string;
        reimbursingBank?: string;
        instructionsToBank?: string;
        adviseThroughBank?: string;
        senderToReceiverInformation?: string;
      };
      note?: string;
    };
    PresentationInput: Record<string, unknown>;
    DocumentInput: {
      kind: "COMMERCIAL_INVOICE" | "BILL_OF_LADING" | "PACKING_LIST" | "CERTIFICATE_OF_ORIGIN" | "INSURANCE_CERTIFICATE" | "INSPECTION_CERTIFICATE" | "OTHER" | "DEMAND" | "STATEMENT_OF_DEFAULT" | "MULTIMODAL_TRANSPORT_DOCUMENT" | "SEA_WAYBILL" | "CHARTER_PARTY_BILL_OF_LADING" | "AIR_WAYBILL" | "ROAD_RAIL_INLAND_WATERWAY_DOCUMENT" | "COURIER_RECEIPT" | "DRAFT" | "BENEFICIARY_CERTIFICATE";
      medium?: "ELECTRONIC" | "PAPER";
      originals: number;
      copies: number;
      data: {
        [key: string]: unknown;
      };
      file: {
        storageKey: string;
        sha256: string;
        size: number;
        mediaType: string;
        fileName: string;
      };
    };
    DocumentRefInput: {
      documentId: string;
    };
    FindingInput: {
      documentId?: string;
      article: string;
      message: string;
      found?: string;
      expected?: string;
    };
    FindingRefInput: {
      findingId: string;
      reason: string;
    };
    WaiverInput: {
      findingIds: (string)[];
    };
    CorrectionInput: {
      documentId?: (string | "");
      field: string;
      value: string;
      reason: string;
    };
    NoticeInput: {
      disposal: "HOLDING_PENDING_INSTRUCTIONS" | "HOLDING_UNTIL_WAIVER" | "RETURNING" | "ACTING_ON_PRIOR_INSTRUCTIONS";
    };
    PaymentInput: {
      amount: string;
      dueDate?: string;
    };
    RepresentationRequestInput: {
      documentId: string;
      reason: string;
    };
    RepresentationInput: {
      requestId: string;
      file: {
        storageKey: string;
        sha256: string;
        size: number;
        mediaType: string;
        fileName: string;
      };
    };
    CounterReceiptInput: {
      documentId: string;
      receivedOn: string;
    };
  };
}
