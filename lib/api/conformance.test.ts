import { describe, expect, it } from "vitest";
import { type OpenApiDocument, conformanceChecker, matchPathTemplate } from "./conformance";

const templates = ["/credits", "/credits/{creditId}", "/credits/{creditId}/swift/{message}", "/audit/runs/{runId}", "/audit/runs/latest", "/openapi.json"];

describe("matchPathTemplate", () => {
  it("matches literal paths and fills parameters", () => {
    expect(matchPathTemplate(templates, "/credits")).toBe("/credits");
    expect(matchPathTemplate(templates, "/credits/7c1d")).toBe("/credits/{creditId}");
    expect(matchPathTemplate(templates, "/credits/7c1d/swift/MT700")).toBe("/credits/{creditId}/swift/{message}");
    expect(matchPathTemplate(templates, "/openapi.json")).toBe("/openapi.json");
  });

  it("prefers a literal segment over a parameter, whatever the order of the document", () => {
    expect(matchPathTemplate(templates, "/audit/runs/latest")).toBe("/audit/runs/latest");
    expect(matchPathTemplate(templates, "/audit/runs/42")).toBe("/audit/runs/{runId}");
  });

  it("matches nothing for other lengths, empty parameters or unknown literals", () => {
    expect(matchPathTemplate(templates, "/credits/7c1d/swift")).toBeNull();
    expect(matchPathTemplate(templates, "/credits/")).toBeNull();
    expect(matchPathTemplate(templates, "/credit")).toBeNull();
    expect(matchPathTemplate(templates, "/credits/7c1d/milestones")).toBeNull();
  });
});

describe("conformanceChecker", () => {
  const document: OpenApiDocument = {
    paths: {
      "/credits/{creditId}": {
        get: {
          responses: {
            200: { content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } } } } },
            404: { content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
      "/documents/{id}": { get: { responses: { 200: { content: { "*/*": { schema: { type: "string", format: "binary" } } } } } } },
    },
  };
  const { problems } = conformanceChecker(document);
  const id = "0b5e2b1c-54a4-4c9e-9d5e-2d0f6f1c3a11";

  it("accepts a documented response", () => {
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 200, contentType: "application/json; charset=utf-8", body: { id } })).toEqual([]);
    expect(problems({ method: "GET", path: "/documents/x", status: 200, contentType: "application/pdf" })).toEqual([]);
  });

  it("accepts only a refusal of a request the document does not describe", () => {
    for (const status of [401, 404, 405]) {
      expect(problems({ method: "POST", path: `/credits/${id}`, status, contentType: "application/json", body: {} })).toEqual([]);
      expect(problems({ method: "GET", path: "/nowhere", status, contentType: null })).toEqual([]);
    }
  });

  it("checks the status alone when the content type could not be seen", () => {
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 200, contentType: undefined })).toEqual([]);
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 418, contentType: undefined })[0]).toContain("→ 418: the status is not documented");
  });

  it("names the route, the status and ajv's errors", () => {
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 200, contentType: "application/json", body: { id: "nope" } })).toEqual([`GET /credits/{creditId} → 200: the body does not match the schema: body.id should match format "uuid"`]);
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 500, contentType: "application/json", body: {} })[0]).toContain("GET /credits/{creditId} → 500: the status is not documented");
    expect(problems({ method: "DELETE", path: `/credits/${id}`, status: 200, contentType: "application/json", body: {} })[0]).toContain("the method is not documented");
    expect(problems({ method: "GET", path: "/nowhere", status: 500, contentType: "application/json", body: {} })[0]).toContain("not in the OpenAPI document");
    expect(problems({ method: "GET", path: "/nowhere", status: 200, contentType: "application/json", body: {} })[0]).toContain("not in the OpenAPI document");
    expect(problems({ method: "GET", path: `/credits/${id}`, status: 200, contentType: "text/html", body: undefined })[0]).toContain("content type text/html is not documented");
  });
});
