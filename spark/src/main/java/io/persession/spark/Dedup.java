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

    /** An accepted row that survived de-duplication, and the duplicates removed in its favour. */
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
    }

    /** The accepted rows without duplicates; {@code partitions}: of the two shuffles by id. */
    static JavaRDD<Survivor> apply(JavaRDD<EventRecord> events, int partitions) {
        JavaRDD<Survivor> all = events.map(r -> new Survivor(r, 0, 0));
        // Event ids are nearly all distinct: no map-side combining, which would only build a map of every id per task.
        Function2<Survivor, Survivor, Survivor> firstOfEvent = (a, b) -> {
            Survivor first = EventRecord.compareInputOrder(a.record, b.record) <= 0 ? a : b;
            return new Survivor(first.record, a.duplicateEvents + b.duplicateEvents + 1, 0);
        };
        JavaRDD<Survivor> byEvent = all.filter(s -> s.record.eventId != null)
                .mapToPair(s -> new Tuple2<>(s.record.eventId, s))
                .combineByKey(s -> s, firstOfEvent, firstOfEvent, new HashPartitioner(partitions), false, null)
                .values()
                .union(all.filter(s -> s.record.eventId == null));
        JavaRDD<Survivor> byOrder = byEvent.filter(s -> s.record.hasOrder())
                .mapToPair(s -> new Tuple2<>(s.record.orderId, s))
                .reduceByKey((a, b) -> {
                    Survivor first = EventRecord.compareInputOrder(a.record, b.record) <= 0 ? a : b;
                    return new Survivor(first.record, a.duplicateEvents + b.duplicateEvents,
                            a.duplicateOrders + b.duplicateOrders + 1);
                }, partitions)
                .values();
        return byOrder.union(byEvent.filter(s -> !s.record.hasOrder()));
    }
}
