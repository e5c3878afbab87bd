package io.persession.definitions;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure function, bounded and thread-safe, for the per-event work of the rules.
 *
 * <p>Values are computed by {@code function} on a miss and remembered; since the function is pure,
 * a remembered value is exactly what computing it again would give, so the cache never changes an
 * answer, only its cost. When the cache holds {@code capacity} entries, the next miss starts a new,
 * empty map: memory stays bounded (about {@code capacity} entries, plus one per thread adding at
 * the same moment, plus a map being dropped) and a working set that moves on (new referrers) is
 * picked up again, at the price of one recomputation per entry after each renewal. The function
 * must not return {@code null} (use a sentinel value for "no answer").
 *
 * <p>Lookups are lock-free (an array read, else a volatile read and {@link ConcurrentHashMap#get}); a miss computes
 * outside any lock, so two threads missing the same key at once may both compute it, with the same
 * result. A thread still adding to a map just replaced only adds to what is being dropped.
 */
final class BoundedCache<K, V> {
    private static final int FRONT = 4096;
    private final Function<? super K, ? extends V> function;
    private final int capacity;
    private volatile ConcurrentHashMap<K, V> map;
    /**
     * In front of the map, by hash code: the last key seen in each slot, found again only when it is the very
     * same object ({@code ==}). Readers share the instances of repeated values (a referrer read a million times
     * is one {@code String}), so most lookups end here, in a few kilobytes that stay in the CPU's cache, instead
     * of in the map. Slots are written without a lock; a slot overwritten by another thread only costs a lookup
     * in the map.
     */
    @SuppressWarnings("unchecked")
    private final Remembered<K, V>[] front = (Remembered<K, V>[]) new Remembered[FRONT];

    BoundedCache(int capacity, Function<? super K, ? extends V> function) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.function = Objects.requireNonNull(function, "function is null");
        this.map = newMap();
    }

    /** {@code function.apply(key)}, remembered; {@code key} must not be {@code null}. */
    V get(K key) {
        int slot = key.hashCode() & (FRONT - 1);
        Remembered<K, V> r = front[slot];
        if (r != null && r.key == key) {
            return r.value;
        }
        ConcurrentHashMap<K, V> m = map;
        V v = m.get(key);
        if (v == null) {
            v = Objects.requireNonNull(function.apply(key), "cached function returned null");
            if (m.size() >= capacity) {
                m = newMap();
                map = m;
            }
            m.put(key, v);
        }
        front[slot] = new Remembered<>(key, v);
        return v;
    }

    /** A key and its value; immutable, so a thread reading it from {@link #front} without a lock sees it whole. */
    private static final class Remembered<K, V> {
        final K key;
        final V value;

        Remembered(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    /** The number of entries now, for tests. */
    int size() {
        return map.size();
    }

    private ConcurrentHashMap<K, V> newMap() {
        return new ConcurrentHashMap<>(Math.min(capacity, 256));
    }
}
