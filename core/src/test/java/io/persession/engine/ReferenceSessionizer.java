package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.EventType;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The sessionizer as it was before the compact forgotten-visitor table and the in-order release ring
 * (commit e5363fc), streaming path only: the reference the differential tests hold {@link Sessionizer} to.
 * Test code only; do not change its behaviour.
 */
final class ReferenceSessionizer {
    private static final Comparator<Pending> ORDER =
            Comparator.comparingLong((Pending p) -> p.event.timestampMillis()).thenComparingLong(p -> p.seq);

    private final SessionDefinition definition;
    private final List<SessionRule> rules;
    private final SessionRule inactivityRule;
    private final long inactivityLimitMillis;
    private final long latenessMillis;
    private final SessionListener listener;
    private final Predicate<String> visitorFilter;

    private final PriorityQueue<Pending> buffer = new PriorityQueue<>(ORDER);
    /** Open sessions in the order their visitor was last active (oldest first): the eviction order. */
    private final LinkedHashMap<String, SessionAccumulator> open = new LinkedHashMap<>(1024, 0.75f, true);
    /** Visitors forgotten while idle, with what {@link Session#previousEvent()} needs of their last event. */
    private final Map<String, LastSeen> forgotten = new HashMap<>();
    private final Set<String> late = new HashSet<>();
    private long maxTimestamp = Long.MIN_VALUE;
    private long sessionsClosed;

    /**
     * @param lateness how far out of time order rows may arrive without a regroup; zero allowed
     */
    ReferenceSessionizer(SessionDefinition definition, Duration lateness, SessionListener listener) {
        this(definition, lateness, listener, v -> true);
    }

    private ReferenceSessionizer(SessionDefinition definition, Duration lateness, SessionListener listener, Predicate<String> visitorFilter) {
        this.definition = Objects.requireNonNull(definition, "definition is null");
        this.rules = definition.rules();
        this.inactivityRule = definition.inactivityRule().orElse(null);
        this.inactivityLimitMillis = inactivityRule == null ? Long.MAX_VALUE : millis(inactivityRule.inactivityLimit().orElseThrow());
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("lateness is negative: " + lateness);
        }
        this.latenessMillis = lateness.toMillis();
        this.listener = Objects.requireNonNull(listener, "listener is null");
        this.visitorFilter = visitorFilter;
    }

    /**
     * A sessionizer that repeats, for the given visitors only, what a sessionizer with the same
     * definition and lateness did on the same input: fed every event of the input again, it hands to
     * {@code listener} exactly the sessions of those visitors the first one handed on.
     */
    static ReferenceSessionizer replayFor(SessionDefinition definition, Duration lateness, Set<String> visitors, SessionListener listener) {
        Set<String> only = Set.copyOf(visitors);
        return new ReferenceSessionizer(definition, lateness, listener, only::contains);
    }

    public SessionDefinition definition() {
        return definition;
    }

    /**
     * The next event of the input; {@code seq} is its position in the input (strictly increasing
     * across calls).
     */
    public void accept(Event event, long seq) {
        long ts = event.timestampMillis();
        long watermark = watermark();
        if (ts > maxTimestamp) {
            maxTimestamp = ts;
        }
        String visitor = event.visitorId();
        if (!visitorFilter.test(visitor) || late.contains(visitor)) {
            advance();
            return;
        }
        if (ts < watermark) {
            late.add(visitor);
            open.remove(visitor);
            advance();
            return;
        }
        buffer.add(new Pending(event, seq));
        advance();
    }

    /** Ends the input: processes what is buffered and closes every open session. */
    public void finish() {
        while (!buffer.isEmpty()) {
            process(buffer.poll().event);
        }
        for (SessionAccumulator s : open.values()) {
            close(s);
        }
        open.clear();
        forgotten.clear();
    }

    /** Visitors with an event that arrived later than the lateness allows: the engine regroups them. */
    public Set<String> lateVisitors() {
        return late;
    }

    public long sessionsClosed() {
        return sessionsClosed;
    }

    /** Visitors held in memory now (for tests and progress). */
    public int openVisitors() {
        return open.size();
    }

    private static long millis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private long watermark() {
        return maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - latenessMillis;
    }

    private void advance() {
        long watermark = watermark();
        while (!buffer.isEmpty() && buffer.peek().event.timestampMillis() <= watermark) {
            process(buffer.poll().event);
        }
        if (inactivityRule != null) {
            Iterator<SessionAccumulator> it = open.values().iterator();
            while (it.hasNext()) {
                SessionAccumulator s = it.next();
                if (watermark - s.lastEventMillis() <= inactivityLimitMillis) {
                    break;
                }
                it.remove();
                forgotten.put(s.visitorId(), new LastSeen(s.lastEvent()));
                close(s);
            }
        }
    }

    private void process(Event e) {
        String visitor = e.visitorId();
        if (late.contains(visitor)) {
            return;
        }
        SessionAccumulator current = open.get(visitor);
        if (current == null) {
            LastSeen returning = forgotten.remove(visitor);
            open.put(visitor, returning == null
                    ? new SessionAccumulator(e, SessionDefinition.FIRST, null)
                    : new SessionAccumulator(e, inactivityRule.reason(), returning.summary(visitor)));
            return;
        }
        String reason = splitReason(current, e);
        if (reason == null) {
            current.add(e);
        } else {
            close(current);
            open.put(visitor, new SessionAccumulator(e, reason, SessionAccumulator.summary(current.lastEvent())));
        }
    }

    private String splitReason(SessionAccumulator current, Event next) {
        if (next.timestampMillis() - current.lastEventMillis() > inactivityLimitMillis) {
            return inactivityRule.reason();
        }
        for (SessionRule rule : rules) {
            if (rule.startsNewSession(current, next)) {
                return rule.reason();
            }
        }
        return null;
    }

    private void close(SessionAccumulator s) {
        sessionsClosed++;
        listener.sessionClosed(s);
    }

    /** The compact record of a forgotten visitor's last event: what {@link SessionAccumulator#summary} keeps. */
    private static final class LastSeen {
        final long timestampMillis;
        final EventType type;
        final String name;
        final String page;

        LastSeen(Event e) {
            this.timestampMillis = e.timestampMillis();
            this.type = e.type();
            this.name = e.name();
            this.page = e.page();
        }

        Event summary(String visitor) {
            return Event.builder(timestampMillis, visitor).type(type).name(name).page(page).build();
        }
    }

    private static final class Pending {
        final Event event;
        final long seq;

        Pending(Event event, long seq) {
            this.event = event;
            this.seq = seq;
        }
    }
}
