/**
 * Rejects with `message` when `promise` has not settled within `ms`. Used to bound every wait on the
 * container engine, whose clients (dockerode, testcontainers) have no overall deadlines of their own.
 * The abandoned promise keeps running; callers that own what it creates clean that up themselves.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
