/** A colour in CIELAB (D65): lightness 0–100, then the green–red and blue–yellow axes. */
export type Lab = readonly [l: number, a: number, b: number]

const DEG = Math.PI / 180
const POW25_7 = 25 ** 7

/** sRGB 0–255 to linear light 0–1, once per value. */
const LINEAR = Array.from({ length: 256 }, (_, v) => {
  const c = v / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})

/** D65 reference white (Y = 1). */
const WHITE = [0.95047, 1, 1.08883] as const

function labF(t: number): number {
  return t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29
}

/**
 * An 8-bit sRGB colour in CIELAB: sRGB → linear light → XYZ (D65, IEC 61966-2-1 matrix) → Lab.
 * @example srgbToLab(255, 255, 255) // [100, 0, 0] (to rounding)
 */
export function srgbToLab(r: number, g: number, b: number): Lab {
  const [lr, lg, lb] = [LINEAR[r] ?? 0, LINEAR[g] ?? 0, LINEAR[b] ?? 0]
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / WHITE[0]
  const y = 0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / WHITE[2]
  const [fx, fy, fz] = [labF(x), labF(y), labF(z)]
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
}

/** Hue angle in degrees, 0–360; 0 for a neutral colour. */
function hueOf(b: number, a: number): number {
  if (a === 0 && b === 0) return 0
  const h = Math.atan2(b, a) / DEG
  return h < 0 ? h + 360 : h
}

/**
 * The CIEDE2000 colour difference ΔE00 between two Lab colours (kL = kC = kH = 1), as in Sharma,
 * Wu and Dalal, "The CIEDE2000 Color-Difference Formula" (2005). About 1 is the smallest
 * difference a person notices side by side; 0 for the same colour.
 */
export function ciede2000(lab1: Lab, lab2: Lab): number {
  const [l1, a1, b1] = lab1
  const [l2, a2, b2] = lab2
  const cMean = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2
  const g = 0.5 * (1 - Math.sqrt(cMean ** 7 / (cMean ** 7 + POW25_7)))
  const [ap1, ap2] = [(1 + g) * a1, (1 + g) * a2]
  const [cp1, cp2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)]
  const [hp1, hp2] = [hueOf(b1, ap1), hueOf(b2, ap2)]
  const chromatic = cp1 * cp2 !== 0

  let dhp = 0
  if (chromatic) {
    dhp = hp2 - hp1
    if (dhp > 180) dhp -= 360
    else if (dhp < -180) dhp += 360
  }
  const dL = l2 - l1
  const dC = cp2 - cp1
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((dhp * DEG) / 2)

  const lMean = (l1 + l2) / 2
  const cpMean = (cp1 + cp2) / 2
  let hMean = hp1 + hp2
  if (chromatic) {
    if (Math.abs(hp1 - hp2) <= 180) hMean /= 2
    else hMean = hp1 + hp2 < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2
  }
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * DEG) +
    0.24 * Math.cos(2 * hMean * DEG) +
    0.32 * Math.cos((3 * hMean + 6) * DEG) -
    0.2 * Math.cos((4 * hMean - 63) * DEG)
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2))
  const rc = 2 * Math.sqrt(cpMean ** 7 / (cpMean ** 7 + POW25_7))
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2)
  const sc = 1 + 0.045 * cpMean
  const sh = 1 + 0.015 * cpMean * t
  const rt = -Math.sin(2 * dTheta * DEG) * rc
  const [kl, kc, kh] = [dL / sl, dC / sc, dH / sh]
  return Math.sqrt(kl * kl + kc * kc + kh * kh + rt * kc * kh)
}

/**
 * The mean ΔE00 over the pixels of two pictures of one size, given as packed 8-bit RGB
 * (rgb24: three bytes a pixel, row after row). Throws when the lengths differ or are not whole
 * pixels.
 */
export function meanDeltaE(rgbA: Uint8Array, rgbB: Uint8Array): number {
  if (rgbA.length !== rgbB.length || rgbA.length % 3 !== 0 || rgbA.length === 0) {
    throw new Error(
      `meanDeltaE needs two rgb24 pictures of one size (${rgbA.length}, ${rgbB.length} bytes)`,
    )
  }
  let sum = 0
  for (let i = 0; i < rgbA.length; i += 3) {
    const a = srgbToLab(rgbA[i] ?? 0, rgbA[i + 1] ?? 0, rgbA[i + 2] ?? 0)
    const b = srgbToLab(rgbB[i] ?? 0, rgbB[i + 1] ?? 0, rgbB[i + 2] ?? 0)
    sum += ciede2000(a, b)
  }
  return sum / (rgbA.length / 3)
}
