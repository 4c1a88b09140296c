// The one reading of a port for every comparison of ports in examination: by UN/LOCODE where
// it is given or known, else by name and country. A credit may name a range ("Any Chinese port",
// "Any port in Europe"), met by an actual port inside it (ISBP 821 section E, art. 20(a)(iii)). Pure;
// the table below holds major ports only, and a port outside it is read by its name and country.

/** ISO 3166-1 alpha-2 country code. */
type Country = string;

interface KnownPort {
  locode: string;
  /** The usual English name first, then other names it goes by. */
  names: readonly string[];
}

/** Major seaports by UN/LOCODE (the first two letters are the country). */
const PORTS: readonly KnownPort[] = [
  { locode: "CNSHA", names: ["Shanghai"] },
  { locode: "CNNGB", names: ["Ningbo", "Ningbo-Zhoushan", "Ningbo Zhoushan"] },
  { locode: "CNSZX", names: ["Shenzhen"] },
  { locode: "CNYTN", names: ["Yantian"] },
  { locode: "CNSHK", names: ["Shekou"] },
  { locode: "CNTAO", names: ["Qingdao", "Tsingtao"] },
  { locode: "CNTXG", names: ["Tianjin Xingang", "Xingang", "Tianjin"] },
  { locode: "CNXMN", names: ["Xiamen", "Amoy"] },
  { locode: "CNCAN", names: ["Guangzhou", "Canton"] },
  { locode: "CNDLC", names: ["Dalian"] },
  { locode: "HKHKG", names: ["Hong Kong"] },
  { locode: "TWKHH", names: ["Kaohsiung"] },
  { locode: "KRPUS", names: ["Busan", "Pusan"] },
  { locode: "JPTYO", names: ["Tokyo"] },
  { locode: "JPYOK", names: ["Yokohama"] },
  { locode: "JPUKB", names: ["Kobe"] },
  { locode: "SGSIN", names: ["Singapore"] },
  { locode: "MYPKG", names: ["Port Klang", "Klang"] },
  { locode: "MYTPP", names: ["Tanjung Pelepas"] },
  { locode: "THLCH", names: ["Laem Chabang"] },
  { locode: "VNSGN", names: ["Ho Chi Minh City", "Ho Chi Minh", "Saigon"] },
  { locode: "VNHPH", names: ["Haiphong", "Hai Phong"] },
  { locode: "IDJKT", names: ["Jakarta", "Tanjung Priok"] },
  { locode: "PHMNL", names: ["Manila"] },
  { locode: "INNSA", names: ["Nhava Sheva", "Jawaharlal Nehru", "JNPT"] },
  { locode: "INMUN", names: ["Mundra"] },
  { locode: "INMAA", names: ["Chennai", "Madras"] },
  { locode: "LKCMB", names: ["Colombo"] },
  { locode: "AEJEA", names: ["Jebel Ali"] },
  { locode: "OMSLL", names: ["Salalah"] },
  { locode: "SAJED", names: ["Jeddah", "Jiddah"] },
  { locode: "EGPSD", names: ["Port Said"] },
  { locode: "MAPTM", names: ["Tanger Med", "Tangier Med"] },
  { locode: "ZADUR", names: ["Durban"] },
  { locode: "NLRTM", names: ["Rotterdam"] },
  { locode: "NLAMS", names: ["Amsterdam"] },
  { locode: "BEANR", names: ["Antwerp", "Antwerpen", "Anvers"] },
  { locode: "BEZEE", names: ["Zeebrugge"] },
  { locode: "DEHAM", names: ["Hamburg"] },
  { locode: "DEBRV", names: ["Bremerhaven"] },
  { locode: "FRLEH", names: ["Le Havre"] },
  { locode: "FRMRS", names: ["Marseille", "Marseilles"] },
  { locode: "GBFXT", names: ["Felixstowe"] },
  { locode: "GBSOU", names: ["Southampton"] },
  { locode: "GBLGP", names: ["London Gateway"] },
  { locode: "ESVLC", names: ["Valencia"] },
  { locode: "ESALG", names: ["Algeciras"] },
  { locode: "ESBCN", names: ["Barcelona"] },
  { locode: "ITGOA", names: ["Genoa", "Genova"] },
  { locode: "ITGIT", names: ["Gioia Tauro"] },
  { locode: "GRPIR", names: ["Piraeus"] },
  { locode: "PLGDN", names: ["Gdansk", "Gdańsk"] },
  { locode: "PTSIE", names: ["Sines"] },
  { locode: "USLAX", names: ["Los Angeles"] },
  { locode: "USLGB", names: ["Long Beach"] },
  { locode: "USNYC", names: ["New York"] },
  { locode: "USSAV", names: ["Savannah"] },
  { locode: "USHOU", names: ["Houston"] },
  { locode: "CAVAN", names: ["Vancouver"] },
  { locode: "BRSSZ", names: ["Santos"] },
  { locode: "AUMEL", names: ["Melbourne"] },
  { locode: "AUSYD", names: ["Sydney"] },
];

/** Country names and adjectives as a document or a range may write them. */
const COUNTRY_WORDS: Readonly<Record<Country, readonly string[]>> = {
  CN: ["China", "Chinese", "PRC", "People's Republic of China", "P.R. China"],
  HK: ["Hong Kong"],
  TW: ["Taiwan", "Taiwanese"],
  KR: ["Korea", "South Korea", "Republic of Korea", "Korean"],
  JP: ["Japan", "Japanese"],
  SG: ["Singapore", "Singaporean"],
  MY: ["Malaysia", "Malaysian"],
  TH: ["Thailand", "Thai"],
  VN: ["Vietnam", "Viet Nam", "Vietnamese"],
  ID: ["Indonesia", "Indonesian"],
  PH: ["Philippines", "Philippine"],
  IN: ["India", "Indian"],
  LK: ["Sri Lanka", "Sri Lankan"],
  AE: ["United Arab Emirates", "UAE", "Emirati"],
  OM: ["Oman", "Omani"],
  SA: ["Saudi Arabia", "Saudi"],
  EG: ["Egypt", "Egyptian"],
  MA: ["Morocco", "Moroccan"],
  ZA: ["South Africa", "South African"],
  NL: ["Netherlands", "The Netherlands", "Holland", "Dutch"],
  BE: ["Belgium", "Belgian"],
  DE: ["Germany", "German"],
  FR: ["France", "French"],
  GB: ["United Kingdom", "UK", "Great Britain", "England", "British"],
  IE: ["Ireland", "Irish"],
  ES: ["Spain", "Spanish"],
  PT: ["Portugal", "Portuguese"],
  IT: ["Italy", "Italian"],
  GR: ["Greece", "Greek"],
  PL: ["Poland", "Polish"],
  DK: ["Denmark", "Danish"],
  SE: ["Sweden", "Swedish"],
  NO: ["Norway", "Norwegian"],
  FI: ["Finland", "Finnish"],
  TR: ["Turkey", "Türkiye", "Turkish"],
  US: ["United States", "United States of America", "USA", "US", "American"],
  CA: ["Canada", "Canadian"],
  MX: ["Mexico", "Mexican"],
  BR: ["Brazil", "Brazilian"],
  AU: ["Australia", "Australian"],
};

const EU: readonly Country[] = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];

/** Regions a range may name, as the countries in them (Europe: the EU, EFTA, the UK and the western Balkans; not Russia or Turkey, which a bank reads case by case). */
const REGION_WORDS: readonly { words: readonly string[]; countries: readonly Country[] }[] = [
  { words: ["Europe", "European"], countries: [...EU, "GB", "NO", "IS", "CH", "LI", "AL", "BA", "ME", "MK", "RS", "UA", "GI", "MC"] },
  { words: ["EU", "European Union"], countries: EU },
];

/** A port as read from a credit or a document: its UN/LOCODE and country when known, and its name as compared. */
export interface PortReading {
  locode: string | null;
  country: Country | null;
  /** Lower-case letters and digits of the place name, without "port of", "port", the code or the country. */
  name: string;
}

const compact = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

const PORT_BY_NAME = new Map(PORTS.flatMap((port) => port.names.map((name) => [compact(name), port] as const)));
const PORT_BY_LOCODE = new Map(PORTS.map((port) => [port.locode, port] as const));
const COUNTRY_BY_WORD = new Map(Object.entries(COUNTRY_WORDS).flatMap(([country, words]) => [[compact(country), country] as const, ...words.map((w) => [compact(w), country] as const)]));
const KNOWN_COUNTRY = new Set(Object.keys(COUNTRY_WORDS));

/** A UN/LOCODE written as one: five letters (digits 2-9 allowed after the country), optionally "CN SHA". */
const LOCODE = /\b([A-Z]{2})\s?([A-Z2-9]{3})\b/;

/**
 * Reads "Shanghai (CNSHA)", "Port of Rotterdam", "ROTTERDAM, NL", "Shanghai Port", "CNSHA". A code
 * counts in brackets or when the table knows it, so "GENOA" or "CADIZ" stays a name.
 */
export function readPort(text: string): PortReading {
  const trimmed = text.trim();
  const bracketed = /[([]\s*([A-Za-z]{2}\s?[A-Za-z2-9]{3})\s*[)\]]/.exec(trimmed)?.[1]?.toUpperCase().replace(/\s/g, "");
  const written = LOCODE.exec(trimmed);
  const inTable = written && PORT_BY_LOCODE.has(`${written[1]}${written[2]}`) ? `${written[1]}${written[2]}` : undefined;
  const code = (bracketed && KNOWN_COUNTRY.has(bracketed.slice(0, 2)) ? bracketed : undefined) ?? inTable ?? null;

  const [place = "", ...rest] = trimmed
    .replace(/[([][^)\]]*[)\]]/g, " ")
    .split(",")
    .map((part) => part.trim());
  const name = compact(
    place
      .replace(/^port\s+of\s+/i, "")
      .replace(/\s+(sea\s*)?port$/i, "")
      .replace(/\s+harbou?r$/i, ""),
  );
  const countryNamed = rest.map((part) => COUNTRY_BY_WORD.get(compact(part))).find((c) => c !== undefined) ?? null;
  const byName = PORT_BY_NAME.get(name);
  // A named country that is not the table port's country means another place of the same name.
  const tablePort = code ? PORT_BY_LOCODE.get(code) : byName && (countryNamed === null || byName.locode.startsWith(countryNamed)) ? byName : undefined;
  const locode = code ?? tablePort?.locode ?? null;
  // A port written as its code alone is compared by its table name too.
  const shownName = code !== null && name === compact(code) && tablePort ? compact(tablePort.names[0]!) : name;
  return { locode, country: locode ? locode.slice(0, 2) : countryNamed, name: shownName };
}

/**
 * A range of ports in the credit ("Any Chinese port", "Any port in China", "Any main port of
 * China", "Any European port"), as the countries it covers, or "anywhere" for "Any port"; null
 * when the text names one port.
 */
export function readPortRange(text: string): readonly Country[] | "anywhere" | null {
  // "Any Chinese port(s)", "Any port, China", "Any Chinese main port": the same ranges written otherwise.
  const words = text
    .trim()
    .toLowerCase()
    .replace(/\(s\)/g, "s")
    .replace(/\s*,\s*/g, " in ")
    .replace(/\s+/g, " ");
  const match = /^any (?:(?:main|major|sea|named) )*(?:(.+?) )?(?:(?:main|major|sea|named) )*(?:sea ?)?ports?(?: (?:in|of) (?:the )?(.+))?$/.exec(words);
  if (!match) return null;
  const area = (match[2] ?? match[1] ?? "").replace(/^(?:main|major) /, "").replace(/ (?:main|major)$/, "");
  if (area === "") return "anywhere";
  const region = REGION_WORDS.find((r) => r.words.some((w) => compact(w) === compact(area)));
  if (region) return region.countries;
  const country = COUNTRY_BY_WORD.get(compact(area));
  return country ? [country] : null;
}

/** What a comparison of ports concludes: the same port, another port, or not decidable from the text. */
export type PortComparison = "same" | "different" | "undetermined";

/**
 * Whether the port on a document is the port (or inside the range) the credit names: the same
 * UN/LOCODE, else the same name in no conflicting country. Against a range, a port whose country
 * cannot be told is undetermined, for the examiner.
 */
export function comparePorts(inCredit: string, onDocument: string): PortComparison {
  const range = readPortRange(inCredit);
  const port = readPort(onDocument);
  if (range === "anywhere") return "same";
  if (range) {
    if (port.country === null) return "undetermined";
    return range.includes(port.country) ? "same" : "different";
  }
  const credit = readPort(inCredit);
  if (credit.locode && port.locode) return credit.locode === port.locode ? "same" : "different";
  if (credit.country && port.country && credit.country !== port.country) return "different";
  return credit.name !== "" && credit.name === port.name ? "same" : "different";
}

/**
 * The country a text names ("the Netherlands", "Holland", "P.R. China", "NL"), as its ISO code;
 * null when the table does not know the name. Read by the same table as ports' countries.
 */
export function readCountry(text: string): Country | null {
  const words = text.trim().replace(/^the\s+/i, "");
  const code = words.toUpperCase();
  if (/^[A-Z]{2}$/.test(code) && KNOWN_COUNTRY.has(code)) return code;
  return COUNTRY_BY_WORD.get(compact(words)) ?? null;
}

/** The countries a text names anywhere in it ("Made in the Netherlands" -> ["NL"]), by whole words. */
export function countriesNamedIn(text: string): Country[] {
  const words = text.normalize("NFD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}'.]+/u).filter(Boolean);
  const found = new Set<Country>();
  // Country names run to five words ("People's Republic of China"): try every run, longest first.
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(5, words.length - i); n >= 1; n--) {
      const country = COUNTRY_BY_WORD.get(compact(words.slice(i, i + n).join(" ")));
      // Two letters alone are words too often ("IN", "US", "NO"): only "UK" counts as a country there.
      if (country && !(n === 1 && words[i]!.length <= 2 && words[i]!.toUpperCase() !== "UK")) {
        found.add(country);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
}
