/** Hand a file to the browser's download, from memory: nothing goes over the network. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download reads the Blob after the click returns; a minute is ample, and then its memory is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const downloadText = (text: string, name: string, type = 'text/plain'): void => download(new Blob([text], { type: `${type};charset=utf-8` }), name);
