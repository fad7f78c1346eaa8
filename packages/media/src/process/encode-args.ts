/**
 * H.264 settings for everything the media tools encode: fast, visually lossless, playable
 * anywhere, with a keyframe at least every 2 s so that seeking (and finding the last frame)
 * decodes at most 2 s of video.
 */
export function h264Args(fps: number): string[] {
  const gop = String(Math.max(1, Math.round(fps * 2)))
  return ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-g', gop]
}

/** MP4 with the index up front, so players and browsers start before the download ends. */
export const MP4_ARGS = ['-movflags', '+faststart', '-f', 'mp4']
