import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { diagnose } from '../../source/core/checks/index.js';
import { applyFixes, conflictingFixes, suggestFixes, uploadCsvText, uploadFileName } from '../../source/core/mapping-fixes.js';
import { parseMapping } from '../../source/core/mapping.js';
import { UnencodableError, writeUploadFile } from '../../source/io/upload-file.js';
import { buildFacts } from '../../source/ui/state.js';
import { demoCopy, loadedFor } from './demo-fixture.js';

describe('mapping fixes (core/mapping-fixes.ts, io/upload-file.ts)', () => {
  let demo: ReturnType<typeof demoCopy>;
  beforeEach(() => {
    demo = demoCopy();
  });
  afterEach(() => demo.cleanup());

  const demoDiagnosis = async () => {
    const loaded = await loadedFor(demo.values);
    const facts = buildFacts(demo.values, loaded, {});
    return { diagnosis: diagnose(facts), mapping: facts.mapping! };
  };

  it('offers near misses and unedited rows whose name matches exactly one unmapped user', async () => {
    const { diagnosis, mapping } = await demoDiagnosis();
    const fixes = suggestFixes(diagnosis.matching, mapping.data);
    assert.deepEqual(
      fixes.map((f) => [f.line, f.from, f.to, f.reason, f.kind ?? null]),
      [
        [3, 'Hanakok', 'hanakok', 'near-miss', 'case'],
        [5, 'ACME\\saburo', 'saburo', 'near-miss', 'domain-prefix'],
        [6, '5000', '勤怠四郎', 'unedited', null],
      ],
    );
  });

  it('applies accepted fixes to a copy; the export as read is unchanged', async () => {
    const { mapping } = await demoDiagnosis();
    const applied = applyFixes(mapping.data, new Map([[3, 'hanakok']]));
    assert.equal(applied.rows.find((r) => r.line === 3)!.serviceAccount, 'hanakok');
    assert.equal(applied.rows.find((r) => r.line === 3)!.fields[4], 'hanakok');
    assert.equal(mapping.data.rows.find((r) => r.line === 3)!.serviceAccount, 'Hanakok');
    const after = diagnose({ ...buildFacts(demo.values, await loadedFor(demo.values), {}), mapping: { ...mapping, data: applied } });
    assert.ok(after.matching.mapped.includes('hanakok'));
  });

  it('writes the changed rows only, with the export quoting, and quotes what must be quoted', () => {
    const mapping = parseMapping('連携種別,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,"1000",勤怠 太郎,"1000"\nLanScope連携,1001,"Doe, J",x\n', 'm.csv');
    const { text, lines } = uploadCsvText(mapping, new Map([[2, 'tarouk'], [3, 'j"doe']]), '\n');
    assert.deepEqual(lines, [2, 3]);
    assert.equal(text, '連携種別,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,"1000",勤怠 太郎,"tarouk"\nLanScope連携,1001,"Doe, J","j""doe"\n');
  });

  it('names the upload beside the export, never the export itself', () => {
    assert.equal(uploadFileName('/a/export.csv'), '/a/export.upload.csv');
    assert.equal(uploadFileName('/a/export.CSV', 2), '/a/export.upload-2.CSV');
    assert.equal(uploadFileName('C:\\temp\\従業員.csv'), 'C:\\temp\\従業員.upload.csv');
  });

  it('spots accepted fixes that would give one account to two rows', () => {
    assert.deepEqual([...conflictingFixes(new Map([[3, 'a'], [4, 'a'], [5, 'b']]))], [['a', [3, 4]]]);
  });

  it('writes in the export encoding and line endings, next to it, and leaves no temporary file', async () => {
    const { mapping } = await demoDiagnosis();
    const written = writeUploadFile(mapping.file, mapping.data, 'cp932', new Map([[6, '勤怠四郎']]));
    assert.equal(written.file, join(demo.demo.dir, 'mapping-export.upload.csv'));
    const bytes = readFileSync(written.file);
    assert.equal(iconv.decode(bytes, 'cp932'), '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","5000",勤怠 四郎,"勤怠四郎"\r\n');
    const second = writeUploadFile(mapping.file, mapping.data, 'cp932', new Map([[3, 'hanakok']]));
    assert.equal(second.file, join(demo.demo.dir, 'mapping-export.upload-2.csv'));
    assert.deepEqual(readdirSync(demo.demo.dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('refuses a name the export encoding cannot hold instead of writing "?"', async () => {
    const { mapping } = await demoDiagnosis();
    assert.throws(() => writeUploadFile(mapping.file, mapping.data, 'cp932', new Map([[3, 'hanako😀']])), (err: unknown) => {
      assert.ok(err instanceof UnencodableError);
      assert.deepEqual(err.characters, ['😀']);
      return true;
    });
    assert.deepEqual(readdirSync(demo.demo.dir).filter((f) => f.includes('upload') || f.endsWith('.tmp')), []);
  });

  it('keeps a UTF-8 export with BOM as UTF-8 with BOM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-bom-'));
    try {
      const file = join(dir, 'e.csv');
      writeFileSync(file, '\uFEFF連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","3000",勤怠 花子,"Hanakok"\r\n');
      const mapping = parseMapping(readFileSync(file, 'utf8'), file);
      const written = writeUploadFile(file, mapping, 'utf-8-bom', new Map([[2, 'hanakok']]));
      const bytes = readFileSync(written.file);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(bytes.toString('utf8'), /"hanakok"\r\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
