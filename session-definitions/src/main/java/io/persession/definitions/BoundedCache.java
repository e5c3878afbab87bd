package io.persession.definitions;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>Lookups are lock-free (two array reads, else a volatile read and {@link ConcurrentHashMap#get}); a miss computes
 * outside any lock, so two threads missing the same key at once may both compute it, with the same
 * result. A thread still adding to a map just replaced only adds to what is being dropped.
 */
final class BoundedCache<K, V> {
    private static final int FRONT_BITS = 13;
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(BoundedCache.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Function<? super K, ? extends V> function;
    private final int capacity;
    private volatile ConcurrentHashMap<K, V> map;
    /**
     * The thread the front belongs to: the first to ask (the engine runs a definition's rules on one thread). Other
     * threads go to the map, so the front needs no lock and no object per entry.
     */
    @SuppressWarnings("unused") // through OWNER
    private volatile Thread owner;
    /**
     * In front of the map, by hash code: the last key seen in each slot and its value, found again only when it is
     * the very same object ({@code ==}). Readers share the instances of repeated values (a referrer read a million
     * times is one {@code String}), so most lookups end here, in 64 KiB that stay in the CPU's cache, instead of in
     * the map.
     */
    private final Object[] frontKeys = new Object[1 << FRONT_BITS];
    private final Object[] frontValues = new Object[1 << FRONT_BITS];

    BoundedCache(int capacity, Function<? super K, ? extends V> function) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.function = Objects.requireNonNull(function, "function is null");
        this.map = newMap();
    }

    /** {@code function.apply(key)}, remembered; {@code key} must not be {@code null}. */
    @SuppressWarnings("unchecked")
    V get(K key) {
        Thread current = Thread.currentThread();
        Thread o = owner;
        if (o != current && (o != null || !OWNER.compareAndSet(this, null, current))) {
            return fromMap(key);
        }
        int slot = (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - FRONT_BITS);
        if (frontKeys[slot] == key) {
            return (V) frontValues[slot];
        }
        V v = fromMap(key);
        frontKeys[slot] = key;
        frontValues[slot] = v;
        return v;
    }

    private V fromMap(K key) {
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
        return v;
    }

    /** The number of entries now, for tests. */
    int size() {
        return map.size();
    }

    private ConcurrentHashMap<K, V> newMap() {
        return new ConcurrentHashMap<>(Math.min(capacity, 256));
    }
}
