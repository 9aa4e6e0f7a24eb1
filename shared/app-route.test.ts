import { describe, expect, it } from 'vitest';
import { isAppRoute } from './app-route';

describe('isAppRoute', () => {
  it('accepts routes inside the app', () => {
    expect(isAppRoute('/jobs/j1')).toBe(true);
    expect(isAppRoute('/data?container=fgrp-sample-outputs&folder=sample-1%2F')).toBe(true);
  });

  it('refuses other origins, schemes, Windows paths, control characters and non-strings', () => {
    for (const value of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', '/a\\b', '/jobs/\nx', 'jobs/j1', '', 42, undefined]) {
      expect(isAppRoute(value), String(value)).toBe(false);
    }
  });
});
