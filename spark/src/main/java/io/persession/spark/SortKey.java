package io.persession.spark;

import org.apache.spark.Partitioner;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where an event goes for sessionizing: partitioned by visitor (all of a visitor's events in one partition), sorted
 * within the partition by time, ties in input order (file, position), the order {@code persession analyze} releases
 * events in.
 */
final class SortKey implements Serializable {
    private static final long serialVersionUID = 1L;

    final String visitorId;
    final long timestampMillis;
    final int file;
    final long line;

    SortKey(EventRecord r) {
        this.visitorId = r.visitorId;
        this.timestampMillis = r.timestampMillis;
        this.file = r.file;
        this.line = r.line;
    }

    /** Time, then input order; the visitor plays no part (the partitioner placed it). */
    static final class TimeOrder implements Comparator<SortKey>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(SortKey a, SortKey b) {
            int c = Long.compare(a.timestampMillis, b.timestampMillis);
            if (c == 0) {
                c = Integer.compare(a.file, b.file);
            }
            return c != 0 ? c : Long.compare(a.line, b.line);
        }
    }

    /** By visitor id's hash. */
    static final class ByVisitor extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByVisitor(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return Math.floorMod(((SortKey) key).visitorId.hashCode(), partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByVisitor && ((ByVisitor) o).partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }
}
