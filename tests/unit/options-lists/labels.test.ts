import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  listNameFromFile,
  scopeText,
} from '../../../lib/options/labels';

describe('labels', () => {
  it('names a new list after its file', () => {
    expect(listNameFromFile('Acme opt-outs_2025.csv')).toBe('Acme opt-outs 2025');
    expect(listNameFromFile('C:\\Users\\me\\Downloads\\unsubs.TSV')).toBe('unsubs');
    expect(listNameFromFile('/tmp/hashes.txt')).toBe('hashes');
    expect(listNameFromFile('report.final.csv')).toBe('report.final');
    expect(listNameFromFile('.csv')).toBe('Imported list');
    expect(listNameFromFile(`${'x'.repeat(300)}.csv`)).toHaveLength(200);
  });

  it('writes counts with thousands separators whatever the machine locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });

  it('writes durations for the time left', () => {
    expect(formatDuration(400)).toBe('under 1 s');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
  });

  it('writes sizes and scopes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(45 * 1024 * 1024)).toBe('45 MB');
    expect(scopeText(undefined)).toBe('Every channel');
    expect(scopeText(['email', 'sms'])).toBe('Email, SMS');
  });
});
