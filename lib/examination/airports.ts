import { type PortComparison, readCountry, readPortRange } from "./ports";

// The one reading of an airport for the air waybill (art. 23(a)(iv)): by IATA code, by the
// airport's name, or by the city it serves. A credit naming a city ("Amsterdam") is met by an
// airport of that city ("Amsterdam Schiphol", "AMS"); ISBP 821 H allows the IATA code in place
// of the name. Airports outside the table are compared by name, and a difference is for the
// examiner. Pure.

interface KnownAirport {
  iata: string;
  city: string;
  country: string;
  names: readonly string[];
}

const AIRPORTS: readonly KnownAirport[] = [
  { iata: "AMS", city: "Amsterdam", country: "NL", names: ["Schiphol", "Amsterdam Schiphol"] },
  { iata: "RTM", city: "Rotterdam", country: "NL", names: ["Rotterdam The Hague"] },
  { iata: "SIN", city: "Singapore", country: "SG", names: ["Changi", "Singapore Changi"] },
  { iata: "FRA", city: "Frankfurt", country: "DE", names: ["Frankfurt am Main", "Frankfurt Main"] },
  { iata: "MUC", city: "Munich", country: "DE", names: ["Muenchen", "München", "Franz Josef Strauss"] },
  { iata: "LEJ", city: "Leipzig", country: "DE", names: ["Leipzig/Halle", "Leipzig Halle"] },
  { iata: "CDG", city: "Paris", country: "FR", names: ["Charles de Gaulle", "Roissy"] },
  { iata: "LHR", city: "London", country: "GB", names: ["Heathrow", "London Heathrow"] },
  { iata: "LGW", city: "London", country: "GB", names: ["Gatwick", "London Gatwick"] },
  { iata: "BRU", city: "Brussels", country: "BE", names: ["Brussels Zaventem", "Zaventem"] },
  { iata: "LGG", city: "Liege", country: "BE", names: ["Liège"] },
  { iata: "LUX", city: "Luxembourg", country: "LU", names: ["Luxembourg Findel", "Findel"] },
  { iata: "MXP", city: "Milan", country: "IT", names: ["Malpensa", "Milan Malpensa"] },
  { iata: "MAD", city: "Madrid", country: "ES", names: ["Barajas", "Madrid Barajas"] },
  { iata: "IST", city: "Istanbul", country: "TR", names: ["Istanbul Airport"] },
  { iata: "DXB", city: "Dubai", country: "AE", names: ["Dubai International"] },
  { iata: "DWC", city: "Dubai", country: "AE", names: ["Al Maktoum", "Dubai World Central"] },
  { iata: "DOH", city: "Doha", country: "QA", names: ["Hamad"] },
  { iata: "HKG", city: "Hong Kong", country: "HK", names: ["Chek Lap Kok"] },
  { iata: "PVG", city: "Shanghai", country: "CN", names: ["Pudong", "Shanghai Pudong"] },
  { iata: "SHA", city: "Shanghai", country: "CN", names: ["Hongqiao", "Shanghai Hongqiao"] },
  { iata: "PEK", city: "Beijing", country: "CN", names: ["Beijing Capital", "Capital"] },
  { iata: "CAN", city: "Guangzhou", country: "CN", names: ["Baiyun", "Guangzhou Baiyun"] },
  { iata: "SZX", city: "Shenzhen", country: "CN", names: ["Bao'an", "Shenzhen Bao'an"] },
  { iata: "TPE", city: "Taipei", country: "TW", names: ["Taoyuan", "Taiwan Taoyuan"] },
  { iata: "ICN", city: "Seoul", country: "KR", names: ["Incheon", "Seoul Incheon"] },
  { iata: "NRT", city: "Tokyo", country: "JP", names: ["Narita", "Tokyo Narita"] },
  { iata: "HND", city: "Tokyo", country: "JP", names: ["Haneda", "Tokyo Haneda"] },
  { iata: "KIX", city: "Osaka", country: "JP", names: ["Kansai"] },
  { iata: "KUL", city: "Kuala Lumpur", country: "MY", names: ["KLIA", "Kuala Lumpur International"] },
  { iata: "BKK", city: "Bangkok", country: "TH", names: ["Suvarnabhumi"] },
  { iata: "SGN", city: "Ho Chi Minh City", country: "VN", names: ["Tan Son Nhat"] },
  { iata: "CGK", city: "Jakarta", country: "ID", names: ["Soekarno-Hatta", "Soekarno Hatta"] },
  { iata: "MNL", city: "Manila", country: "PH", names: ["Ninoy Aquino"] },
  { iata: "DEL", city: "Delhi", country: "IN", names: ["New Delhi", "Indira Gandhi"] },
  { iata: "BOM", city: "Mumbai", country: "IN", names: ["Bombay", "Chhatrapati Shivaji"] },
  { iata: "JFK", city: "New York", country: "US", names: ["John F. Kennedy", "JFK"] },
  { iata: "ORD", city: "Chicago", country: "US", names: ["O'Hare", "Chicago O'Hare"] },
  { iata: "LAX", city: "Los Angeles", country: "US", names: ["Los Angeles International"] },
  { iata: "MIA", city: "Miami", country: "US", names: ["Miami International"] },
  { iata: "ANC", city: "Anchorage", country: "US", names: ["Ted Stevens"] },
  { iata: "YYZ", city: "Toronto", country: "CA", names: ["Pearson", "Toronto Pearson"] },
  { iata: "GRU", city: "Sao Paulo", country: "BR", names: ["São Paulo", "Guarulhos"] },
  { iata: "JNB", city: "Johannesburg", country: "ZA", names: ["O.R. Tambo", "OR Tambo"] },
  { iata: "SYD", city: "Sydney", country: "AU", names: ["Kingsford Smith"] },
];

const compact = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
/** "Amsterdam Schiphol International Airport, Netherlands" -> "amsterdamschiphol". */
const nameOf = (text: string) =>
  compact(
    text
      .replace(/[([][^)\]]*[)\]]/g, " ")
      .split(",")[0]!
      .replace(/\b(?:international|intl\.?|airport|air\s*port|apt)\b/gi, " "),
  );

const BY_IATA = new Map(AIRPORTS.map((a) => [a.iata, a] as const));
const BY_NAME = new Map(AIRPORTS.flatMap((a) => [...a.names, `${a.city} ${a.names[0]}`].map((n) => [compact(n), a] as const)));
const BY_CITY = new Map<string, KnownAirport[]>();
for (const a of AIRPORTS) BY_CITY.set(compact(a.city), [...(BY_CITY.get(compact(a.city)) ?? []), a]);

interface AirportReading {
  /** The one airport meant, when the text tells it. */
  airport: KnownAirport | null;
  /** The airports the text may mean: one airport, or every airport of a city. */
  candidates: readonly KnownAirport[];
  name: string;
  country: string | null;
}

function readAirport(text: string): AirportReading {
  const code = /(?:^|[([\s])([A-Z]{3})(?:$|[)\]\s,])/.exec(text.trim())?.[1];
  const byCode = code ? BY_IATA.get(code) : undefined;
  const name = nameOf(text);
  const byName = byCode ?? BY_NAME.get(name);
  const countryNamed = text.split(",").slice(1).map(readCountry).find((c) => c !== null) ?? null;
  if (byName) return { airport: byName, candidates: [byName], name, country: byName.country };
  const city = BY_CITY.get(name) ?? [];
  return { airport: city.length === 1 ? city[0]! : null, candidates: city, name, country: city[0]?.country ?? countryNamed };
}

/**
 * Whether the airport on the air waybill is the one the credit names: the same airport; an airport
 * of the city the credit names; or one inside a range ("Any European airport").
 */
export function compareAirports(inCredit: string, onDocument: string): PortComparison {
  const range = readPortRange(inCredit.replace(/\bair\s*ports?\b/gi, "port"));
  const document = readAirport(onDocument);
  if (range === "anywhere") return "same";
  if (range) return document.country === null ? "undetermined" : range.includes(document.country) ? "same" : "different";
  const credit = readAirport(inCredit);
  if (credit.candidates.length > 0 && document.candidates.length > 0) {
    // The credit's city is met by any of its airports; a named airport only by itself (a city on the waybill may mean another).
    if (document.airport && credit.candidates.includes(document.airport)) return "same";
    return document.candidates.some((a) => credit.candidates.includes(a)) ? "undetermined" : "different";
  }
  if (credit.name !== "" && (document.name === credit.name || document.name.startsWith(credit.name))) return "same";
  return "undetermined";
}
