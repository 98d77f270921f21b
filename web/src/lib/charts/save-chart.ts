// "Save as PNG/SVG" for any chart: the SVG renderer gives the vector file directly; a PNG is that SVG
// drawn onto a canvas at twice the size (the CSP allows blob: images). Browser-only.
import type { ECharts } from 'echarts/core';

export { fileSlug } from './file-slug.ts';

export type ImageFormat = 'png' | 'svg';

/** The chart as an image file, with a white background (transparent PNGs look broken in viewers). */
export async function chartBlob(chart: ECharts, format: ImageFormat): Promise<Blob> {
  // The live SVG the renderer drew (renderToSVGString's markup does not always decode as an image).
  const drawn = chart.getDom().querySelector('svg');
  const svg = drawn ? new XMLSerializer().serializeToString(drawn) : chart.renderToSVGString();
  const svgBlob = new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
  if (format === 'svg') return svgBlob;
  return rasterize(svgBlob, chart.getWidth(), chart.getHeight(), 2);
}

async function rasterize(svg: Blob, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands a blob to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
