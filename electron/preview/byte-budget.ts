// A count of bytes shared by every request, so many large bodies at once cannot exhaust memory.

export interface ByteBudget {
  /** Takes n bytes if they are free; false when they are not (nothing is taken then). */
  take: (n: number) => boolean;
  give: (n: number) => void;
  inUse: () => number;
}

export function createByteBudget(total: number): ByteBudget {
  let used = 0;
  return {
    take: (n) => {
      if (used + n > total) return false;
      used += n;
      return true;
    },
    give: (n) => {
      used = Math.max(0, used - n);
    },
    inUse: () => used,
  };
}
