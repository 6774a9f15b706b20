package io.openprofile.client.sdk;

import io.openprofile.client.ApiException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paged list, read page by page as the caller advances.
 *
 * <p>Each {@link #iterator()} or {@link #stream()} starts again at the first page. A page is
 * requested only when the items of the previous one are used up, so stopping early saves the
 * remaining requests. A failed page request surfaces as {@link UncheckedApiException}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

    /**
     * Requests the page that {@code cursor} points to; the first page gets {@code null}.
     *
     * @param <C> the cursor type: a token, an offset or a page index
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface PageSource<C, T> {
        Page<C, T> fetch(C cursor) throws ApiException;
    }

    /**
     * The items of one page and the cursor of the next one, {@code null} on the last page.
     *
     * @param <C> the cursor type
     * @param <T> the item type
     */
    public record Page<C, T>(List<T> items, C nextCursor) {

        /** Creates the page; a {@code null} item list is read as empty. */
        public Page {
            items = items == null ? List.of() : items;
        }
    }

    private final Source<T> source;

    private PagedIterable(Source<T> source) {
        this.source = source;
    }

    /** Creates the paged list that {@code source} reads. */
    public static <C, T> PagedIterable<T> of(PageSource<C, T> source) {
        Objects.requireNonNull(source, "source");
        return new PagedIterable<>(() -> new PageIterator<>(source));
    }

    @Override
    public Iterator<T> iterator() {
        return source.open();
    }

    /** Returns a sequential stream over the items, requesting pages as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Hides the cursor type, which callers of a paged list never need. */
    @FunctionalInterface
    private interface Source<T> {
        Iterator<T> open();
    }

    private static final class PageIterator<C, T> implements Iterator<T> {

        private final PageSource<C, T> source;
        private Iterator<T> items = List.<T>of().iterator();
        private C cursor;
        private boolean lastPageRead;

        PageIterator(PageSource<C, T> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            // Loops because a page may be empty and still point to a next one.
            while (!items.hasNext() && !lastPageRead) {
                fetchNextPage();
            }
            return items.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the list has no more items");
            }
            return items.next();
        }

        private void fetchNextPage() {
            Page<C, T> page;
            try {
                page = source.fetch(cursor);
            } catch (ApiException failure) {
                throw new UncheckedApiException(failure);
            }
            C next = page.nextCursor();
            if (next != null && next.equals(cursor)) {
                throw new IllegalStateException("the server returned cursor '" + next
                        + "' again for the next page, so paging stopped to avoid an endless loop");
            }
            items = page.items().iterator();
            cursor = next;
            lastPageRead = next == null;
        }
    }
}
