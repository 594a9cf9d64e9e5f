/**
 * Simple pictograms (inline SVG, no external assets): what a patient holds, and the calm illustrations of
 * the waiting screens. Decorative: always aria-hidden, the text beside them carries the meaning.
 */
import type { PresentedDocument } from '../../../components/documents';

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

function Card({ x = 6, y = 20, w = 84, h = 56 }: { x?: number; y?: number; w?: number; h?: number }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={7} {...stroke} />
      <rect x={x + 10} y={y + 14} width={16} height={13} rx={2} fill="currentColor" opacity={0.85} />
      <circle cx={x + w - 20} cy={y + h / 2 - 2} r={10} {...stroke} strokeWidth={3} />
      <path d={`M${x + 10} ${y + h - 12} h${w - 44}`} {...stroke} strokeWidth={3} />
    </g>
  );
}

function Phone({ x = 30, y = 6, w = 40, h = 84 }: { x?: number; y?: number; w?: number; h?: number }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={7} {...stroke} />
      <path d={`M${x + w / 2 - 6} ${y + h - 9} h12`} {...stroke} strokeWidth={3} />
      <path
        d={`M${x + 8} ${y + 16} h${w - 16} M${x + 8} ${y + 26} h${w - 22} M${x + 8} ${y + 36} h${w - 16}`}
        {...stroke}
        strokeWidth={3}
      />
    </g>
  );
}

function Paper({
  x = 14,
  y = 6,
  w = 56,
  h = 78,
  label,
}: {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  label?: string;
}) {
  return (
    <g>
      <path d={`M${x} ${y} h${w - 14} l14 14 v${h - 14} h-${w} z`} {...stroke} />
      <path
        d={`M${x + 10} ${y + 24} h${w - 20} M${x + 10} ${y + 36} h${w - 20} M${x + 10} ${y + 48} h${w - 28}`}
        {...stroke}
        strokeWidth={3}
      />
      {label ? (
        <text x={x + w / 2} y={y + h - 10} textAnchor="middle" fontSize={15} fontWeight={700} fill="currentColor">
          {label}
        </text>
      ) : null}
    </g>
  );
}

function SmallCard() {
  return <Card x={52} y={52} w={44} h={30} />;
}

export function DocumentPictogram({ document }: { document: PresentedDocument }) {
  let body;
  switch (document) {
    case 'myna-card':
      body = <Card />;
      break;
    case 'myna-smartphone':
      body = <Phone />;
      break;
    case 'eligibility-certificate':
      // A sheet (or card) from the insurer, with its seal.
      body = (
        <g>
          <rect x={12} y={8} width={72} height={80} rx={5} {...stroke} />
          <path d="M22 24 h52 M22 36 h52 M22 48 h36" {...stroke} strokeWidth={3} />
          <circle cx={66} cy={70} r={9} {...stroke} strokeWidth={3} />
        </g>
      );
      break;
    case 'insurance-card':
      body = (
        <g>
          <rect x={6} y={20} width={84} height={56} rx={5} {...stroke} />
          <path d="M16 36 h64 M16 48 h50 M16 60 h58" {...stroke} strokeWidth={3} />
        </g>
      );
      break;
    case 'notice-with-card':
      body = (
        <g>
          <Paper x={4} y={4} w={50} h={70} />
          <SmallCard />
        </g>
      );
      break;
    case 'portal-screen-with-card':
      body = (
        <g>
          <Phone x={8} y={4} w={36} h={74} />
          <SmallCard />
        </g>
      );
      break;
    case 'portal-pdf-with-card':
      body = (
        <g>
          <Paper x={4} y={4} w={50} h={70} />
          <SmallCard />
        </g>
      );
      break;
    case 'notice-only':
      body = <Paper x={20} y={6} w={56} h={84} />;
      break;
    case 'nothing':
      body = (
        <g>
          <circle cx={48} cy={48} r={36} {...stroke} />
          <path d="M23 73 L73 23" {...stroke} />
        </g>
      );
      break;
  }
  return (
    <svg viewBox="0 0 100 96" className="pictogram" aria-hidden="true" focusable="false">
      {body}
    </svg>
  );
}

/** The face-recognition card reader with a card on it. */
export function ReaderIllustration() {
  return (
    <svg viewBox="0 0 240 200" className="illustration" aria-hidden="true" focusable="false">
      <rect x={60} y={10} width={120} height={86} rx={10} {...stroke} />
      <circle cx={120} cy={44} r={16} {...stroke} />
      <path d="M98 80 q22 -22 44 0" {...stroke} />
      <circle cx={160} cy={22} r={4} fill="currentColor" />
      <path d="M120 96 v18" {...stroke} />
      <path d="M40 190 l20 -76 h120 l20 76 z" {...stroke} />
      <g className="illustration-card">
        <rect
          x={78}
          y={126}
          width={84}
          height={52}
          rx={6}
          fill="var(--accent-soft)"
          stroke="currentColor"
          strokeWidth={4}
        />
        <rect x={88} y={138} width={16} height={12} rx={2} fill="currentColor" />
      </g>
      <path d="M120 122 m-54 0 a54 30 0 0 1 108 0" {...stroke} strokeWidth={3} strokeDasharray="6 8" opacity={0.6} />
    </svg>
  );
}

/** A receptionist at the desk, for "please wait, staff will check". */
export function StaffIllustration() {
  return (
    <svg viewBox="0 0 240 180" className="illustration" aria-hidden="true" focusable="false">
      <circle cx={120} cy={48} r={26} {...stroke} />
      <path d="M108 50 q12 10 24 0" {...stroke} strokeWidth={3} />
      <path d="M70 130 q0 -46 50 -46 q50 0 50 46" {...stroke} />
      <path d="M20 130 h200 v40 h-200 z" {...stroke} />
      <path d="M190 40 q14 -14 28 0 M196 52 q8 -8 16 0" {...stroke} strokeWidth={3} opacity={0.6} />
    </svg>
  );
}

/** A sheet being checked, for "checking online". */
export function CheckingIllustration() {
  return (
    <svg viewBox="0 0 240 180" className="illustration" aria-hidden="true" focusable="false">
      <Paper x={60} y={10} w={90} h={130} />
      <circle cx={160} cy={120} r={30} {...stroke} />
      <path d="M181 141 l30 30" {...stroke} strokeWidth={8} />
    </svg>
  );
}

/** A ticket with a check mark, for the completed screen. */
export function DoneIllustration() {
  return (
    <svg viewBox="0 0 120 120" className="illustration illustration-small" aria-hidden="true" focusable="false">
      <circle cx={60} cy={60} r={50} {...stroke} />
      <path d="M36 62 l16 16 l32 -36" {...stroke} strokeWidth={8} />
    </svg>
  );
}

/** A sample insurance document with the printed fields in their usual places; one field highlighted. */
export type SampleField = 'insurerNumber' | 'symbol' | 'number' | 'branch' | 'birthDate';

/** About how wide a label is at font size 18: CJK and Hangul take a full em, Latin letters about half of one. */
export function sampleLabelWidth(label: string): number {
  let w = 0;
  for (const ch of label)
    w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 18 : 9.5;
  return w;
}

export function SampleDocument({ highlight, labels }: { highlight: SampleField; labels: Record<SampleField, string> }) {
  const box = (field: SampleField, x: number, y: number, w: number) => (
    <g key={field} className={field === highlight ? 'sample-field active' : 'sample-field'}>
      <rect x={x} y={y} width={w} height={34} rx={4} />
      {/* A long label (English "Branch number", Chinese 分号（枝番）) is squeezed to fit its box rather than cut off. */}
      <text
        x={x + 8}
        y={y + 24}
        fontSize={18}
        {...(sampleLabelWidth(labels[field]) > w - 14 ? { textLength: w - 14, lengthAdjust: 'spacingAndGlyphs' } : {})}
      >
        {labels[field]}
      </text>
    </g>
  );
  return (
    <svg viewBox="0 0 420 250" className="sample-document" aria-hidden="true" focusable="false">
      <rect x={4} y={4} width={412} height={242} rx={14} fill="var(--surface)" stroke="currentColor" strokeWidth={3} />
      <path d="M24 30 h180" stroke="currentColor" strokeWidth={6} strokeLinecap="round" />
      {box('symbol', 24, 52, 170)}
      {box('number', 200, 52, 120)}
      {box('branch', 326, 52, 76)}
      <path d="M24 112 h230 M24 132 h180" stroke="currentColor" strokeWidth={3} opacity={0.4} />
      {box('birthDate', 24, 146, 230)}
      {box('insurerNumber', 200, 200, 202)}
    </svg>
  );
}
