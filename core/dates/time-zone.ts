// A borrower's time zone for luxon with its UTC offsets remembered per hour: the zone lookups are the costly part of local dates.
import {
  FixedOffsetZone,
  IANAZone,
  Zone,
  type ZoneOffsetFormat,
  type ZoneOffsetOptions,
} from "luxon";

const HOUR_MS = 3_600_000;
/** Hours remembered per zone before the memory starts again (a year is 8,760). */
const MAX_HOURS = 100_000;
/** Names luxon reads itself rather than as an IANA zone: left to it. */
const LUXON_NAMES: ReadonlySet<string> = new Set(["default", "local", "system", "utc", "gmt"]);

/**
 * An IANA zone whose offset at an instant is looked up once per zone and UTC hour. An hour
 * whose first and last millisecond have the same offset has it throughout (transitions are
 * months apart); an hour holding a transition asks the zone at every instant, as luxon would.
 * Every answer therefore equals the IANA zone's own.
 */
class RememberedZone extends Zone<true> {
  readonly #zone: IANAZone<true>;
  /** Offset in minutes per UTC hour number; NaN for an hour with a transition in it. */
  readonly #hours = new Map<number, number>();

  constructor(zone: IANAZone<true>) {
    super();
    this.#zone = zone;
  }

  override get type(): string {
    return this.#zone.type;
  }

  override get name(): string {
    return this.#zone.name;
  }

  override get isUniversal(): false {
    return false;
  }

  override get isValid(): true {
    return true;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.#zone.offsetName(ts, options);
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return FixedOffsetZone.instance(this.offset(ts)).formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const hour = Math.floor(ts / HOUR_MS);
    let offset = this.#hours.get(hour);
    if (offset === undefined) {
      const first = this.#zone.offset(hour * HOUR_MS);
      offset = first === this.#zone.offset(hour * HOUR_MS + HOUR_MS - 1) ? first : Number.NaN;
      if (this.#hours.size >= MAX_HOURS) this.#hours.clear();
      this.#hours.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.#zone.offset(ts) : offset;
  }

  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

const zones = new Map<string, Zone | string>();

/**
 * `timeZone` as luxon's `zone` option: a valid IANA name becomes a zone that remembers its
 * offsets, anything else (UTC, fixed offsets, an unknown name) stays the string luxon reads
 * as before, so invalid zones stay invalid.
 *
 * @example DateTime.fromMillis(ms, { zone: zoneFor("America/New_York") })
 */
export function zoneFor(timeZone: string): Zone | string {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    const lowered = typeof timeZone === "string" ? timeZone.toLowerCase() : "";
    const luxonOwn = LUXON_NAMES.has(lowered) || FixedOffsetZone.parseSpecifier(lowered) !== null;
    zone =
      !luxonOwn && IANAZone.isValidZone(timeZone)
        ? new RememberedZone(IANAZone.create(timeZone) as IANAZone<true>)
        : timeZone;
    if (zones.size < 10_000) zones.set(timeZone, zone);
  }
  return zone;
}
