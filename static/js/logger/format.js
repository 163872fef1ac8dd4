// Units, numbers and times as the lifter reads and types them. SI on the wire (kg, s, m),
// the user's units on screen: "kg" users see kg, km and metres; "lb" users lb, miles and yards.

export const KG_PER_LB = 0.45359237;
export const M_PER_MILE = 1609.344;
export const M_PER_YARD = 0.9144;

const grouped = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** 2204.62 → "2,204.62"; used in messages. */
export function formatNumber(value) {
  return grouped.format(value);
}

/** A number typed on a phone: "102,5" and "102.5" are the same; blank is null, junk NaN. */
export function parseNumber(text) {
  if (text === null || text === undefined) return null;
  const s = String(text).trim().replace(",", ".");
  if (s === "") return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return NaN;
  return Number(s);
}

/** A short number for a field: 102.5 → "102.5", 100 → "100", 1.250 → "1.25". */
export function plain(value, decimals = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  const f = 10 ** decimals;
  return String(Math.round(value * f) / f);
}

export function loadUnit(units) {
  return units === "lb" ? "lb" : "kg";
}

export function loadToDisplay(kg, units) {
  if (kg === null || kg === undefined) return null;
  return units === "lb" ? Math.round((kg / KG_PER_LB) * 10) / 10 : Math.round(kg * 100) / 100;
}

export function loadFromDisplay(value, units) {
  return units === "lb" ? Math.round(value * KG_PER_LB * 1000) / 1000 : value;
}

/** Set distances (carries, sleds): metres or yards. */
export function shortDistanceUnit(units) {
  return units === "lb" ? "yd" : "m";
}

export function shortDistanceToDisplay(m, units) {
  if (m === null || m === undefined) return null;
  return units === "lb" ? Math.round((m / M_PER_YARD) * 10) / 10 : Math.round(m * 10) / 10;
}

export function shortDistanceFromDisplay(value, units) {
  return units === "lb" ? Math.round(value * M_PER_YARD * 100) / 100 : value;
}

/** Interval distances (runs, rows): kilometres or miles. */
export function longDistanceUnit(units) {
  return units === "lb" ? "mi" : "km";
}

export function longDistanceToDisplay(m, units) {
  if (m === null || m === undefined) return null;
  return Math.round((m / (units === "lb" ? M_PER_MILE : 1000)) * 1000) / 1000;
}

export function longDistanceFromDisplay(value, units) {
  return Math.round(value * (units === "lb" ? M_PER_MILE : 1000) * 10) / 10;
}

/** 95 → "1:35", 3725 → "1:02:05". */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "";
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
  return seconds < 0 ? `-${body}` : body;
}

/** "45" → 45 s, "1:30" → 90 s, "1:02:05" → 3725 s, "90s" → 90 s; blank null, junk NaN. */
export function parseDuration(text) {
  if (text === null || text === undefined) return null;
  const s = String(text).trim().toLowerCase();
  if (s === "") return null;
  if (/^\d+s$/.test(s)) return Number(s.slice(0, -1));
  if (/^\d+m$/.test(s)) return Number(s.slice(0, -1)) * 60;
  const parts = s.split(":");
  if (parts.length > 3 || !parts.every((p) => /^\d+$/.test(p))) return NaN;
  return parts.map(Number).reduce((acc, p) => acc * 60 + p, 0);
}

/** Pace of an interval: seconds per km (or mile) as "5:12 /km"; "" when not computable. */
export function formatPace(durationS, distanceM, units) {
  if (!durationS || !distanceM) return "";
  const per = units === "lb" ? M_PER_MILE : 1000;
  const pace = durationS / (distanceM / per);
  if (!Number.isFinite(pace) || pace > 99 * 60) return "";
  return `${formatDuration(pace)} /${longDistanceUnit(units)}`;
}

/** An ISO datetime with the device's UTC offset, as the API wants ("…+01:00"). */
export function isoWithOffset(ms) {
  const d = new Date(ms);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const pad = (n) => String(n).padStart(2, "0");
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** For <input type=datetime-local>: "2026-11-16T07:30" in device time. */
export function localInputValue(ms) {
  return isoWithOffset(ms).slice(0, 16);
}

export function parseLocalInput(value) {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** "Today", "Yesterday", "Mon 3 Nov", "3 Nov 2025". */
export function friendlyDate(iso, nowMs = Date.now()) {
  const d = new Date(iso);
  const day = (x) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((day(new Date(nowMs)) - day(d)) / 86400000);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  const sameYear = d.getFullYear() === new Date(nowMs).getFullYear();
  return d.toLocaleDateString("en-GB", {
    weekday: days < 7 ? "short" : undefined,
    day: "numeric",
    month: "short",
    year: sameYear ? undefined : "numeric",
  });
}

/** A title from the time of day, as a lifter names sessions he did not name. */
export function defaultTitle(ms) {
  const h = new Date(ms).getHours();
  if (h < 5) return "Night workout";
  if (h < 12) return "Morning workout";
  if (h < 17) return "Afternoon workout";
  if (h < 21) return "Evening workout";
  return "Night workout";
}
