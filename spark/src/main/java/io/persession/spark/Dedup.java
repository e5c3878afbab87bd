package io.persession.spark;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;

import scala.Tuple2;

import java.io.Serializable;

/**
 * De-duplication across the whole input, exactly as {@code persession analyze} does it in one read: the first row in
 * input order (file, position) of each event id wins; then, among those, the first purchase of each order id. The
 * winning row carries how many rows it stood for, so the duplicates are counted where the rows are summed.
 */
final class Dedup {
    private Dedup() {
    }

    /** A row that survived de-duplication (or a rejected row), and the duplicates removed in its favour. */
    static final class Survivor implements Serializable {
        private static final long serialVersionUID = 1L;
        final EventRecord record;
        final long duplicateEvents;
        final long duplicateOrders;

        Survivor(EventRecord record, long duplicateEvents, long duplicateOrders) {
            this.record = record;
            this.duplicateEvents = duplicateEvents;
            this.duplicateOrders = duplicateOrders;
        }

        /** The input rows this one stands for: itself and its duplicates. */
        long rows() {
            return 1 + duplicateEvents + duplicateOrders;
        }
    }

    /**
     * Every row read, spread over {@code partitions} by a shuffle, with duplicate event ids removed: rejected rows and
     * rows without an event id pass through under a key of their own position. This one shuffle also spreads a big
     * file's rows (read by one task) over the partitions.
     */
    static JavaRDD<Survivor> byEventId(JavaRDD<EventRecord> rows, int partitions) {
        // Keys are nearly all distinct: no map-side combining, which would only build a map of every key per task.
        Function2<Survivor, Survivor, Survivor> first = (a, b) -> {
            Survivor kept = EventRecord.compareInputOrder(a.record, b.record) <= 0 ? a : b;
            return new Survivor(kept.record, a.duplicateEvents + b.duplicateEvents + 1, 0);
        };
        return rows.mapToPair(r -> new Tuple2<>(key(r), new Survivor(r, 0, 0)))
                .combineByKey(s -> s, first, first, new HashPartitioner(partitions), false, null)
                .values();
    }

    /** An event's id ({@code e} + id), or a key no other row has (a NUL, then the position) for the rest. */
    private static String key(EventRecord r) {
        return !r.isReject() && r.eventId != null ? "e" + r.eventId : "\u0000" + r.file + ":" + r.line;
    }

    /** The accepted events of {@link #byEventId}, with duplicate purchase order ids removed too. */
    static JavaRDD<Survivor> byOrderId(JavaRDD<Survivor> events, int partitions) {
        JavaRDD<Survivor> orders = events.filter(s -> s.record.hasOrder())
                .mapToPair(s -> new Tuple2<>(s.record.orderId, s))
                .reduceByKey((a, b) -> {
                    Survivor kept = EventRecord.compareInputOrder(a.record, b.record) <= 0 ? a : b;
                    return new Survivor(kept.record, a.duplicateEvents + b.duplicateEvents,
                            a.duplicateOrders + b.duplicateOrders + 1);
                }, partitions)
                .values();
        return orders.union(events.filter(s -> !s.record.hasOrder()));
    }
}
