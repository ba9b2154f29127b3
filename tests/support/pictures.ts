import { PNG } from 'pngjs';

/** A small, valid PNG of its own colour (so each one is a different file). */
export function tinyPng(red: number): Buffer {
  const picture = new PNG({ width: 2, height: 2 });
  for (let i = 0; i < picture.data.length; i += 4) picture.data.set([red, 40, 90, 255], i);
  return PNG.sync.write(picture);
}
