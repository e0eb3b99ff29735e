// TanStack Query's defaults for this app: refused requests (4xx) are not retried, since asking
// again gets the same answer; network trouble and 5xx are retried once.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 1,
        staleTime: 10_000,
      },
      mutations: { retry: false },
    },
  });
}
