import { describe, expect, it } from "vitest";
import { comparePorts, readPort } from "./ports";

describe("reading a port (UN/LOCODE and name)", () => {
  it("reads the UN/LOCODE, the name and the country", () => {
    expect(readPort("Shanghai (CNSHA)")).toMatchObject({ locode: "CNSHA", country: "CN" });
    expect(readPort("Shanghai Port")).toMatchObject({ locode: "CNSHA", country: "CN" });
    expect(readPort("Port of Rotterdam")).toMatchObject({ locode: "NLRTM", country: "NL" });
    expect(readPort("ROTTERDAM, NL")).toMatchObject({ locode: "NLRTM", country: "NL" });
    expect(readPort("Port Klang, Malaysia")).toMatchObject({ locode: "MYPKG", country: "MY" });
    expect(readPort("Qingdao, China")).toMatchObject({ locode: "CNTAO", country: "CN" });
  });

  it("takes the country of a port it does not know from the country named or the code given", () => {
    expect(readPort("Lianyungang, China")).toMatchObject({ locode: null, country: "CN" });
    expect(readPort("Lianyungang (CNLYG)")).toMatchObject({ locode: "CNLYG", country: "CN" });
    expect(readPort("Lianyungang")).toMatchObject({ locode: null, country: null });
  });

  it("does not read a five-letter port name as a code", () => {
    expect(readPort("GENOA")).toMatchObject({ locode: "ITGOA", country: "IT" });
  });
});

describe("comparing a port in the credit with a port on a document (ISBP 821 E6, E7)", () => {
  it.each([
    ["Shanghai", "Shanghai Port"],
    ["Shanghai", "Shanghai (CNSHA)"],
    ["Shanghai, China", "CNSHA"],
    ["Rotterdam, Netherlands", "ROTTERDAM, NL"],
    ["Singapore", "Port of Singapore"],
    ["Antwerp", "Antwerpen, Belgium"],
    ["Lianyungang, China", "LIANYUNGANG"],
  ])("%s is met by %s", (credit, document) => {
    expect(comparePorts(credit, document)).toBe("same");
  });

  it.each([
    ["Shanghai", "Ningbo"],
    ["Singapore", "Port Klang"],
    ["Rotterdam, Netherlands", "Antwerp, Belgium"],
    ["Lianyungang, China", "Lianyungang, Korea"],
  ])("%s is not met by %s", (credit, document) => {
    expect(comparePorts(credit, document)).toBe("different");
  });

  it("meets a range of ports by a port in its country or region", () => {
    for (const range of ["Any Chinese port", "Any port in China", "any chinese ports", "Any main port of China"]) {
      expect(comparePorts(range, "Shanghai")).toBe("same");
      expect(comparePorts(range, "Ningbo (CNNGB)")).toBe("same");
      expect(comparePorts(range, "Lianyungang, China")).toBe("same");
      expect(comparePorts(range, "Busan")).toBe("different");
    }
    expect(comparePorts("Any European port", "Hamburg")).toBe("same");
    expect(comparePorts("Any port in Europe", "Piraeus")).toBe("same");
    expect(comparePorts("Any European port", "Shanghai")).toBe("different");
  });

  it("meets 'Any port' by every port, known or not", () => {
    expect(comparePorts("Any port", "Lianyungang")).toBe("same");
    expect(comparePorts("Any seaport", "Busan")).toBe("same");
  });

  it("leaves a port of a range to the examiner when it cannot tell the port's country", () => {
    expect(comparePorts("Any Chinese port", "Lianyungang")).toBe("undetermined");
  });
});
