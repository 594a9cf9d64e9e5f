import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useScannerKeys } from '../../../renderer/src/features/patient/card-scan/useScannerKeys';

afterEach(cleanup);

let now = 0;
function Step({ active, scans, rejects }: { active: boolean; scans: string[]; rejects: string[] }) {
  useScannerKeys({ active, onScan: (t) => scans.push(t), onRejected: (r) => rejects.push(r), now: () => now });
  const [value, setValue] = useState('');
  return (
    <input
      aria-label="other field"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => setValue((v) => v + e.key)}
    />
  );
}
function type(text: string, every: number, el: Element) {
  for (const key of text) {
    now += every;
    fireEvent.keyDown(el, { key });
  }
}

describe('keyboard-emulation scanner on the 診察券 step', () => {
  it('a burst is a scan, and no key reaches the focused field', () => {
    const scans: string[] = [];
    const rejects: string[] = [];
    render(<Step active scans={scans} rejects={rejects} />);
    const field = screen.getByRole('textbox', { name: 'other field' });
    field.focus();
    type('00123456', 6, field);
    now += 6;
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(scans).toEqual(['00123456']);
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('slow typing is rejected as typed, not taken for a scan', () => {
    const scans: string[] = [];
    const rejects: string[] = [];
    render(<Step active scans={scans} rejects={rejects} />);
    const field = screen.getByRole('textbox', { name: 'other field' });
    type('00123456', 200, field);
    now += 200;
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(scans).toEqual([]);
    expect(rejects).toEqual(['typed']);
  });

  it('off the step, keys are left alone', () => {
    const scans: string[] = [];
    render(<Step active={false} scans={scans} rejects={[]} />);
    const field = screen.getByRole('textbox', { name: 'other field' });
    type('1234', 5, field);
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(scans).toEqual([]);
    expect((field as HTMLInputElement).value).toBe('1234Enter');
  });
});
