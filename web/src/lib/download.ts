// Hands data made in the page to the browser as a download with a file name of our choosing.

// The object URL outlives the click a little: the browser reads it after the event returns.
const kRevokeDelayMs = 60_000;

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), kRevokeDelayMs);
}
