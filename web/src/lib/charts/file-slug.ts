// A chart title as a file name for downloads (pure; unit-tested in Node).

/** "On-time rate / 2025" -> "on-time-rate-2025" (a file name that survives every OS). */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 80) || 'chart';
}
