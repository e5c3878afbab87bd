package io.persession.spark;

import io.persession.engine.Engine;
import io.persession.engine.EventInput;
import io.persession.engine.EventSink;
import io.persession.engine.PartialResult;
import io.persession.engine.SessionListener;
import io.persession.spi.BotClassifier;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;

import org.apache.spark.api.java.function.FlatMapFunction;

import scala.Tuple2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The sessionize stage: one partition holds whole visitors (partitioned by visitor) in time order (ties in input
 * order), already de-duplicated across the whole input. It runs the very {@link Engine} of {@code persession analyze}
 * over them (the definition and bot classifiers created on this executor from their ids and options), so sessions,
 * bot verdicts and sums are the same, and returns the partition's {@link PartialResult}, plus its sessions when the
 * job writes them.
 */
final class RunPartition implements FlatMapFunction<Iterator<Tuple2<SortKey, Dedup.Survivor>>, RunPartition.Output> {
    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final boolean sessions;

    RunPartition(JobSpec spec, boolean sessions) {
        this.spec = spec;
        this.sessions = sessions;
    }

    @Override
    public Iterator<Output> call(Iterator<Tuple2<SortKey, Dedup.Survivor>> rows) {
        JobPlugins plugins = JobPlugins.here();
        SessionDefinition d = spec.definition(plugins);
        List<BotClassifier> classifiers = spec.classifiers(plugins);
        Engine engine = spec.engine(classifiers);
        long[] duplicates = new long[2];
        long[] events = {0};
        List<Output> out = new ArrayList<>();
        SessionTable table = sessions ? new SessionTable(classifiers) : null;
        EventInput input = new EventInput() {
            private boolean read;

            @Override
            public void read(EventSink sink, boolean firstPass) {
                if (read) {
                    throw new IllegalStateException("a partition sorted by time needs one read only; this is a bug in persession");
                }
                read = true;
                while (rows.hasNext()) {
                    Dedup.Survivor s = rows.next()._2();
                    duplicates[0] += s.duplicateEvents;
                    duplicates[1] += s.duplicateOrders;
                    events[0]++;
                    sink.accept(s.record.toEvent());
                }
            }

            @Override
            public long rowsRead() {
                return events[0]; // the partition's share of accepted rows; the driver counts the input's rows
            }

            @Override
            public long rowsRejected() {
                return 0;
            }

            @Override
            public List<String> names() {
                return List.of("partition");
            }
        };
        Engine.Result result = engine.run(input, List.of(d), x -> table == null ? null : new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                out.add(new Output(null, 0, 0, table.row(session)));
            }

            @Override
            public void sessionRetracted(Session session) {
                throw new IllegalStateException("a partition sorted by time never regroups; this is a bug in persession");
            }
        });
        out.add(new Output(PartialResult.of(result), duplicates[0], duplicates[1], null));
        return out.iterator();
    }

    /** What a partition returns: its partial result and the duplicates its rows stood for, or one session row. */
    static final class Output implements Serializable {
        private static final long serialVersionUID = 1L;
        final PartialResult part;
        final long duplicateEvents;
        final long duplicateOrders;
        final Object[] session;

        Output(PartialResult part, long duplicateEvents, long duplicateOrders, Object[] session) {
            this.part = part;
            this.duplicateEvents = duplicateEvents;
            this.duplicateOrders = duplicateOrders;
            this.session = session;
        }

        boolean isPart() {
            return part != null;
        }
    }
}
