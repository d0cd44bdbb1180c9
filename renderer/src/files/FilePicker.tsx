/**
 * The page's one file picker (File > Open…, Ctrl+O): a hidden file input any menu can click. The
 * file the user picks is read in the page and opened as its text (useFiles.openPicked).
 */
import { useEffect, useRef } from 'react';
import { LAB_FILE_EXTENSION } from '../../../shared/lab-file';
import { SCENARIO_EXTENSION } from '../../../shared/scenario';
import { useFiles } from '../store/file-store';

let picker: HTMLInputElement | null = null;

/** Ask the user for a lab or scenario file (a browser opens its file chooser). */
export function pickLabFile(): void {
  picker?.click();
}

export function FilePicker() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    picker = ref.current;
    return () => {
      if (picker === ref.current) picker = null;
    };
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      hidden
      data-testid="file-picker"
      accept={`${LAB_FILE_EXTENSION},${SCENARIO_EXTENSION},.json`}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void useFiles.getState().openPicked(file);
      }}
    />
  );
}
