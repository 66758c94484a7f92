import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { withHost } from './host-process';
import { fmt, type Row } from './measure';

/** A process's resident memory now and its high-water mark, in MB, from Linux's /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kilobytes('VmRSS') / 1024, peak: kilobytes('VmHWM') / 1024 };
}

/** Streams a file as the page does: the body of POST /upload/archive, authorised by the token. */
async function streamFile(url: URL, token: string, path: string): Promise<void> {
  const answer = new Promise<string>((resolve, reject) => {
    const sending = request(
      url,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': statSync(path).size }
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      }
    );
    sending.on('error', reject);
    pipeline(createReadStream(path), sending).catch(reject);
  });
  const outcome = JSON.parse(await answer) as { ok: boolean; error?: { message: string } };
  if (!outcome.ok) throw new Error(`upload: ${outcome.error?.message}`);
}

/**
 * The memory a restore costs, measured where a person meets it: a browser host (its own process)
 * is sent the archive as the page sends it and restores it by replace. Its resident set is read
 * before, and its high-water mark after, reset just before the upload where Linux allows it.
 */
export async function measureRestoreMemory(home: string, archivePath: string): Promise<Row> {
  const archiveMegabytes = statSync(archivePath).size / 1024 / 1024;
  return withHost(home, async (host) => {
    const address = new URL(host.url);
    const token = address.searchParams.get('token') ?? '';
    const before = memoryOf(host.pid);
    let peakReset = true;
    try {
      // "5" resets the peak resident set (VmHWM) to the current one (Linux 4.0 and later).
      writeFileSync(`/proc/${host.pid}/clear_refs`, '5');
    } catch {
      peakReset = false;
    }
    const { uploadId } = await host.call<{ uploadId: string }>('library.beginArchiveUpload', {
      fileName: 'bench.json',
      byteSize: statSync(archivePath).size
    });
    await streamFile(new URL(`/upload/archive?uploadId=${uploadId}`, address.origin), token, archivePath);
    await host.call('library.restoreArchive', { uploadId, mode: 'replace' });
    const after = memoryOf(host.pid);
    const growth = after.peak - before.rss;
    return {
      measure: `restore peak memory, browser host (archive ${fmt(archiveMegabytes, 1)} MB)`,
      value: after.peak,
      floor: before.rss,
      unit: 'MB',
      goal: 'growth <= archive size',
      met: growth <= archiveMegabytes,
      note: `resident ${fmt(before.rss, 0)} MB before, peak ${fmt(after.peak, 0)} MB during (+${fmt(growth, 0)} MB for a ${fmt(archiveMegabytes, 1)} MB archive)${peakReset ? '' : '; the peak could not be reset, so it may predate the restore'}`
    };
  });
}
