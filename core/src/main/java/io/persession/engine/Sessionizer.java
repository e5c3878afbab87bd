package io.persession.engine;

import io.persession.spi.Event;
import io.persession.spi.Session;
import io.persession.spi.SessionDefinition;
import io.persession.spi.SessionRule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cuts each visitor's events into sessions under one {@link SessionDefinition}, streaming.
 *
 * <p>How it stays exact whatever the input order, in memory bounded by active visitors:
 * <ol>
 * <li>Events wait in a buffer until the watermark (the latest timestamp seen minus the
 * <em>lateness</em>) passes them; then they are processed in time order (ties in input order), so
 * rows up to {@code lateness} out of order cost nothing.</li>
 * <li>A visitor idle for longer than the definition's {@link SessionDefinition#inactivityLimit()
 * inactivity limit} behind the watermark is forgotten: its open session is closed and handed on.
 * Its next event, which can only come after that limit, starts a session with the limit's reason.
 * A definition without such a limit keeps every visitor until the end.</li>
 * <li>An event older than the watermark when it arrives (an event exactly at it still sorts after
 * everything released, by input position) is <em>late</em>: its visitor is marked for
 * regrouping, and that visitor's events are no longer processed in this pass. After the pass the
 * engine reads the input again for those visitors only: {@link #replayFor} repeats this pass's work
 * for them to take back exactly what was handed on, and {@link #sessionize} cuts their complete,
 * sorted events anew.</li>
 * </ol>
 * Every session knows the visitor's event before it ({@link Session#previousEvent()}), so that it can be
 * explained: for a forgotten visitor a compact record of its last event (time, type, name, page) waits for
 * its return, so the explanation is the same whether the visitor was kept in memory, forgotten, or
 * regrouped. Those records are kept in memory for the visitors forgotten most recently and on disk for the
 * others ({@link ForgottenVisitors}, within a budget of bytes), so their memory is bounded however many distinct
 * visitors a log has. Events
 * wait in a {@link ReleaseQueue}, which costs O(1) an event when the input is in time order.
 * Not thread-safe: one thread feeds one sessionizer.
 */
public final class Sessionizer implements AutoCloseable {
    private final SessionDefinition definition;
    private final List<SessionRule> rules;
    private final SessionRule inactivityRule;
    private final long inactivityLimitMillis;
    private final long latenessMillis;
    private final SessionListener listener;
    private final Predicate<String> visitorFilter;

    /** Events waiting for the watermark, released by (time, input position): see {@link ReleaseQueue}. */
    private final ReleaseQueue buffer = new ReleaseQueue();
    /** Open sessions in the order their visitor was last active (oldest first): the eviction order. */
    private final LinkedHashMap<String, SessionAccumulator> open = new LinkedHashMap<>(1024, 0.75f, true);
    /**
     * Visitors forgotten while idle, with what {@link Session#previousEvent()} needs of their last event:
     * compact, see {@link ForgottenVisitors}.
     */
    private final ForgottenVisitors forgotten;
    private final Set<String> late = new HashSet<>();
    private long maxTimestamp = Long.MIN_VALUE;
    private long sessionsClosed;

    /**
     * @param lateness how far out of time order rows may arrive without a regroup; zero allowed
     */
    public Sessionizer(SessionDefinition definition, Duration lateness, SessionListener listener) {
        this(definition, lateness, listener, v -> true, ForgottenVisitors.defaultBudgetBytes(1));
    }

    /**
     * A sessionizer whose forgotten visitors go to disk past {@code visitorBudgetBytes} of memory (see {@link
     * ForgottenVisitors}): for the engine, which shares the default among its definitions, and for tests.
     */
    Sessionizer(SessionDefinition definition, Duration lateness, SessionListener listener, long visitorBudgetBytes) {
        this(definition, lateness, listener, v -> true, visitorBudgetBytes);
    }

    private Sessionizer(SessionDefinition definition, Duration lateness, SessionListener listener, Predicate<String> visitorFilter,
            long visitorBudgetBytes) {
        this.forgotten = new ForgottenVisitors(visitorBudgetBytes);
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
    public static Sessionizer replayFor(SessionDefinition definition, Duration lateness, Set<String> visitors, SessionListener listener) {
        return replayFor(definition, lateness, visitors, listener, ForgottenVisitors.defaultBudgetBytes(1));
    }

    /** {@link #replayFor(SessionDefinition, Duration, Set, SessionListener)} with a budget for forgotten visitors in memory. */
    static Sessionizer replayFor(SessionDefinition definition, Duration lateness, Set<String> visitors, SessionListener listener,
            long visitorBudgetBytes) {
        Set<String> only = Set.copyOf(visitors);
        return new Sessionizer(definition, lateness, listener, only::contains, visitorBudgetBytes);
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
        if (!visitorFilter.test(visitor) || !late.isEmpty() && late.contains(visitor)) {
            advance();
            return;
        }
        if (ts < watermark) {
            late.add(visitor);
            open.remove(visitor);
            advance();
            return;
        }
        buffer.add(event, seq);
        advance();
    }

    /** Ends the input: processes what is buffered and closes every open session. */
    public void finish() {
        while (!buffer.isEmpty()) {
            process(buffer.poll());
        }
        for (SessionAccumulator s : open.values()) {
            close(s);
        }
        open.clear();
        forgotten.clear();
    }

    /**
     * Gives back what the forgotten visitors hold, their files on disk included, without handing anything on: for
     * a run that ends early ({@link #finish} does it too). Idempotent.
     */
    @Override
    public void close() {
        forgotten.clear();
    }

    /** Visitors with an event that arrived later than the lateness allows: the engine regroups them. */
    public Set<String> lateVisitors() {
        return late;
    }

    public long sessionsClosed() {
        return sessionsClosed;
    }

    /** Runs of forgotten visitors written to disk so far, merges included (for tests). */
    long visitorRunsWritten() {
        return forgotten.runsWritten();
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
        while (!buffer.isEmpty() && buffer.peekMillis() <= watermark) {
            process(buffer.poll());
        }
        if (inactivityRule != null) {
            Iterator<SessionAccumulator> it = open.values().iterator();
            while (it.hasNext()) {
                SessionAccumulator s = it.next();
                if (watermark - s.lastEventMillis() <= inactivityLimitMillis) {
                    break;
                }
                it.remove();
                forgotten.put(s.lastEvent());
                close(s);
            }
        }
    }

    private void process(Event e) {
        String visitor = e.visitorId();
        if (!late.isEmpty() && late.contains(visitor)) {
            return;
        }
        SessionAccumulator current = open.get(visitor);
        if (current == null) {
            Event returning = forgotten.remove(visitor);
            open.put(visitor, returning == null
                    ? new SessionAccumulator(e, SessionDefinition.FIRST, null)
                    : new SessionAccumulator(e, inactivityRule.reason(), returning));
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

    /**
     * Cuts events (of any visitors, in any order) into sessions in memory: each visitor's events in
     * time order, ties in the given order. The reference semantics the streaming path reproduces.
     * Sessions come out by visitor in first-seen order, each visitor's in time order.
     */
    public static List<Session> sessionize(SessionDefinition definition, List<Event> events) {
        List<Session> out = new ArrayList<>();
        sessionize(definition, events, new SessionListener() {
            @Override
            public void sessionClosed(Session session) {
                out.add(session);
            }

            @Override
            public void sessionRetracted(Session session) {
                throw new IllegalStateException("sessionize never retracts");
            }
        });
        return out;
    }

    /** {@link #sessionize(SessionDefinition, List)}, handing each session to {@code listener}. */
    public static void sessionize(SessionDefinition definition, List<Event> events, SessionListener listener) {
        Map<String, List<Event>> byVisitor = new LinkedHashMap<>();
        for (Event e : events) {
            byVisitor.computeIfAbsent(e.visitorId(), k -> new ArrayList<>()).add(e);
        }
        Sessionizer s = new Sessionizer(definition, Duration.ZERO, listener);
        for (List<Event> visitorEvents : byVisitor.values()) {
            visitorEvents.sort(Comparator.comparingLong(Event::timestampMillis));
            SessionAccumulator current = null;
            for (Event e : visitorEvents) {
                if (current == null) {
                    current = new SessionAccumulator(e, SessionDefinition.FIRST, null);
                    continue;
                }
                String reason = s.splitReason(current, e);
                if (reason == null) {
                    current.add(e);
                } else {
                    s.close(current);
                    current = new SessionAccumulator(e, reason, SessionAccumulator.summary(current.lastEvent()));
                }
            }
            if (current != null) {
                s.close(current);
            }
        }
    }
}
