// Reading what the browser downloaded.
import type { Download } from 'playwright-core';

export async function downloadBytes(file: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await file.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export const downloadText = async (file: Download) => (await downloadBytes(file)).toString('utf8');
