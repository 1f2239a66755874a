// Types for the one part of the fs-ext native addon we use: flock on a file descriptor.
declare module "fs-ext" {
  /** "ex" / "sh" take an exclusive / shared lock, "un" drops it; "nb" fails with EAGAIN instead of waiting. */
  export type FlockFlag = "sh" | "ex" | "shnb" | "exnb" | "un";
  export function flockSync(fd: number, flags: FlockFlag): void;
  const fsExt: { flockSync: typeof flockSync };
  export default fsExt;
}
