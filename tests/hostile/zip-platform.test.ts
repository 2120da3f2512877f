// Without a native inflater (the web page), every zip part goes through fflate's bounded streaming path:
// the same inventory from the same bytes, and the same refusals.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { nodePlatform } from '../../src/node/platform.js';
import { installPlatform } from '../../src/platform.js';
import { readInventory } from '../../src/inventory/index.js';
import { craftZip } from './helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const withoutNativeInflate = () => installPlatform({ ...nodePlatform, inflateRaw: undefined });
afterEach(() => installPlatform(nodePlatform));

const refusal = (bytes: Uint8Array): unknown => {
  try {
    readInventory(bytes, 'x.xlsx');
  } catch (err) {
    return err instanceof InputError ? err.finding : err;
  }
  return null;
};

describe('zip parts without a native inflater', () => {
  it('read every example workbook into the same inventory', () => {
    for (const name of ['thpt-dat-chuan.xlsx', 'lon-xon.xlsx', 'openpyxl-thcs.xlsx', 'libreoffice-thcs.xlsx']) {
      const native = readInventory(fixture(name), name);
      withoutNativeInflate();
      const streamed = readInventory(fixture(name), name);
      installPlatform(nodePlatform);
      expect(streamed, name).toEqual(native);
    }
  });

  it('a part that inflates past its declared size is refused the same way', () => {
    const RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>';
    const bomb = craftZip([
      { name: '_rels/.rels', data: deflateRawSync(RELS), size: RELS.length },
      { name: 'xl/workbook.xml', data: deflateRawSync(new Uint8Array(4 * 1024 * 1024)), size: 1024 },
    ]);
    const native = refusal(bomb);
    withoutNativeInflate();
    const streamed = refusal(bomb);
    expect(native).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'declaredSize' } });
    expect(streamed).toMatchObject({ code: 'input.zip_bomb', args: { limit: 'declaredSize', entry: 'xl/workbook.xml' } });
  });
});
