/**
 * Age and default burden (一部負担金の割合) helpers, exact to the day.
 *
 * Two notions of "reaching an age" meet in Japanese insurance:
 * - completed years on a date (満年齢 as people say it): you are 75 from your 75th birthday. The kiosk's
 *   brackets (70–74, 75+) use this, and so does 後期高齢者医療, which starts on the 75th birthday itself.
 * - the legal moment (年齢計算ニ関スル法律 + 民法 143条): an age is reached on the day *before* the birthday.
 *   It matters where a rule says "the month after reaching 70" (高齢受給者, 2割 from the 1st of the next
 *   month, so a person born on the 1st starts in the birthday month) and for school entry (未就学).
 * A 29 February birthday has its anniversary on 1 March in common years (see `anniversaryIn`), so the
 * legal day is 28 February in every year.
 *
 * Functions take and return 'YYYY-MM-DD' and give `undefined` for an unreadable date or a date before the
 * birth, never a throw.
 */
import type { DateParts, IsoDate } from './dates';
import { addDays, anniversaryIn, firstOfNextMonth, formatIsoDate, parseIsoDate } from './dates';

/** Age in completed years on `date` (満年齢). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number | undefined {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  if (!birth || !on || formatIsoDate(on) < formatIsoDate(birth)) return undefined;
  const anniversary = formatIsoDate(anniversaryIn(birth, on.year));
  const years = on.year - birth.year;
  return formatIsoDate(on) < anniversary ? years - 1 : years;
}

/** The `years`-th birthday (誕生日), e.g. the day 後期高齢者医療 starts for `years` = 75. */
export function birthdayOfAge(birthDate: IsoDate, years: number): IsoDate | undefined {
  const birth = parseIsoDate(birthDate);
  if (!birth || !Number.isInteger(years) || years < 0) return undefined;
  const year = birth.year + years;
  if (year > 9999) return undefined;
  return formatIsoDate(anniversaryIn(birth, year));
}

/** The day the law says `years` is reached: the day before that birthday (年齢計算ニ関スル法律). */
export function legalAgeReachedOn(birthDate: IsoDate, years: number): IsoDate | undefined {
  const birthday = birthdayOfAge(birthDate, years);
  return birthday === undefined ? undefined : addDays(birthday, -1);
}

/**
 * First day of 高齢受給者 status (70–74, default 2割): the 1st of the month after the legal 70th, which
 * is the birthday month itself for someone born on the 1st.
 */
export function elderlyRecipientStartDate(birthDate: IsoDate): IsoDate | undefined {
  const reached = legalAgeReachedOn(birthDate, 70);
  const parts = reached === undefined ? undefined : parseIsoDate(reached);
  return parts ? formatIsoDate(firstOfNextMonth(parts)) : undefined;
}

/** First day of 後期高齢者医療: the 75th birthday. */
export function koukiStartDate(birthDate: IsoDate): IsoDate | undefined {
  return birthdayOfAge(birthDate, 75);
}

/**
 * First day of school (就学), which ends 未就学 (preschool, 2割): the first 1 April after the legal 6th,
 * i.e. the first 1 April on or after the 6th birthday (学校教育法 17条). Children born on 1 April
 * reach 6 on 31 March and start that same April, with the year above them (早生まれ).
 */
export function schoolEntryDate(birthDate: IsoDate): IsoDate | undefined {
  const sixth = birthdayOfAge(birthDate, 6);
  const parts = sixth === undefined ? undefined : parseIsoDate(sixth);
  if (!parts) return undefined;
  const aprilFirst: DateParts = {
    year: parts.month < 4 || (parts.month === 4 && parts.day === 1) ? parts.year : parts.year + 1,
    month: 4,
    day: 1,
  };
  return formatIsoDate(aprilFirst);
}

/** 未就学児 on `date`: born, and not yet at the first school April. */
export function isPreschool(birthDate: IsoDate, date: IsoDate): boolean | undefined {
  const age = ageOn(birthDate, date);
  const entry = schoolEntryDate(birthDate);
  if (age === undefined || entry === undefined) return undefined;
  return date < entry;
}

/** The brackets the eligibility rules ask about. 'unknown' when no usable birth date was given. */
export const AGE_BRACKETS = ['under-70', '70-74', '75-plus', 'unknown'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** Bracket by completed years on `date`: 70–74 (前期高齢者 who may hold a 高齢受給者証) and 75+ (後期高齢者). */
export function ageBracketOn(birthDate: IsoDate | undefined, date: IsoDate): AgeBracket {
  if (birthDate === undefined) return 'unknown';
  const age = ageOn(birthDate, date);
  if (age === undefined) return 'unknown';
  if (age >= 75) return '75-plus';
  if (age >= 70) return '70-74';
  return 'under-70';
}

export function isElderly70To74(birthDate: IsoDate, date: IsoDate): boolean | undefined {
  const age = ageOn(birthDate, date);
  return age === undefined ? undefined : age >= 70 && age <= 74;
}

export function is75OrOlder(birthDate: IsoDate, date: IsoDate): boolean | undefined {
  const age = ageOn(birthDate, date);
  return age === undefined ? undefined : age >= 75;
}

/**
 * The default copay percent by age alone, for when nothing better is known (the online result's
 * InsuredPartialContributionRatio / 高齢受給者 ratio always wins over this):
 * - 未就学: 20;
 * - 後期高齢者 (from the 75th birthday): 10 (income can make it 20 or 30);
 * - 高齢受給者 (from the 1st of the month after the legal 70th): 20 (現役並み所得: 30);
 * - everyone else: 30.
 */
export function defaultCopayPercent(birthDate: IsoDate, date: IsoDate): 10 | 20 | 30 | undefined {
  const preschool = isPreschool(birthDate, date);
  if (preschool === undefined) return undefined;
  if (preschool) return 20;
  const kouki = koukiStartDate(birthDate);
  if (kouki !== undefined && date >= kouki) return 10;
  const elderly = elderlyRecipientStartDate(birthDate);
  if (elderly !== undefined && date >= elderly) return 20;
  return 30;
}
