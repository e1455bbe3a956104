import { describe, expect, it } from 'vitest';
import { extractMetaCsp } from '../../../electron/main/content-security-policy';

describe('extractMetaCsp', () => {
  it('reads the policy whatever the attribute order, quotes and case', () => {
    expect(extractMetaCsp(`<meta content="default-src 'none'" http-equiv="Content-Security-Policy">`)).toBe(
      "default-src 'none'",
    );
    expect(extractMetaCsp(`<META HTTP-EQUIV='content-security-policy' CONTENT="script-src 'self'"/>`)).toBe(
      "script-src 'self'",
    );
    expect(extractMetaCsp('<meta http-equiv=Content-Security-Policy content=default-src>')).toBe(
      'default-src',
    );
  });

  it('joins a policy written over several lines into one header line', () => {
    expect(
      extractMetaCsp(`<meta
        http-equiv="Content-Security-Policy"
        content="default-src 'none';
                 script-src 'self'"
      />`),
    ).toBe("default-src 'none'; script-src 'self'");
  });

  it('decodes entities', () => {
    expect(
      extractMetaCsp('<meta http-equiv="Content-Security-Policy" content="script-src &#39;self&#39; &amp;">'),
    ).toBe("script-src 'self' &");
  });

  it('ignores commented-out tags, other meta tags and empty policies', () => {
    expect(
      extractMetaCsp(`<!-- <meta http-equiv="Content-Security-Policy" content="default-src *"> -->
        <meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <meta http-equiv="Content-Security-Policy" content="  ">
        <meta http-equiv="Content-Security-Policy" content="default-src 'self'">`),
    ).toBe("default-src 'self'");
    expect(extractMetaCsp('<html><head><title>x</title></head></html>')).toBeNull();
  });
});
