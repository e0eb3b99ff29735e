// One box of consults (outbox, inbox, pool or coordination) with filters, page by page (cursor paging).
import { useInfiniteQuery } from '@tanstack/react-query';
import { consultKeys, fetchConsultPage, type Box, type ListFilters } from './api';

export function useConsultList(box: Box, filters: ListFilters) {
  const query = useInfiniteQuery({
    queryKey: consultKeys.list(box, filters),
    queryFn: ({ pageParam }) => fetchConsultPage(box, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...query, items };
}
