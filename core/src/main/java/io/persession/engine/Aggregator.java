package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Session;
import io.persession.spi.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sums sessions into {@link Totals}, exactly (long micro-units, overflow checked). Sessions a
 * {@link BotClassifier} flags are kept out of the totals and counted by reason, with their events
 * and revenue, unless bots are included: sessions, events and revenue in = totals + excluded, always.
 * When several classifiers flag a session, the first in the given order names the reason. Sessions
 * can be taken back (regroup pass): every sum is additive.
 */
public final class Aggregator implements SessionListener {
    private final List<BotClassifier> classifiers;
    private final boolean includeBots;
    private final ZoneId dayZone;
    private final Map<LocalDate, long[]> days = new TreeMap<>();
    /**
     * The day of the last session added ({@code dayOf}), its totals in {@link #days}, and its instants
     * [{@code dayFrom}, {@code dayUntil}) in {@link #dayZone}: sessions come roughly in time order, so most
     * find their day here without a time-zone conversion or a map lookup.
     */
    private LocalDate dayOf;
    private long[] dayTotals;
    private long dayFrom = Long.MAX_VALUE;
    private long dayUntil = Long.MIN_VALUE;
    /**
     * Counted sessions per visitor, to count visitors with at least one: compact, see {@link VisitorCounts};
     * {@code null} when {@link #firstSessions} counts them.
     */
    private final VisitorCounts sessionsByVisitor;
    /** The visitor count of an aggregator fed by a sessionizer ({@link #ofSessionizer}), else {@code null}. */
    private final FirstSessionVisitors firstSessions;
    private final Map<String, Long> starts = new TreeMap<>();
    private final Map<String, BotExclusion> bots = new TreeMap<>();
    private final Map<String, Long> flagged = new TreeMap<>();
    private long sessions;
    private long events;
    private long pageviews;
    private long purchases;
    private long convertingSessions;
    private long refunds;
    private long adRequests;
    private long adImpressions;
    private long purchaseRevenueMicros;
    private long adRevenueMicros;
    private long refundMicros;
    /** Visitors of other aggregators merged in with {@link #add(Sums)}: disjoint from {@link #sessionsByVisitor}. */
    private long mergedVisitors;

    public Aggregator(List<BotClassifier> classifiers, boolean includeBots) {
        this(classifiers, includeBots, ZoneOffset.UTC);
    }

    /**
     * An aggregator that also sums counted sessions and their revenue by day: the local date, in
     * {@code dayZone}, of each session's start.
     */
    public Aggregator(List<BotClassifier> classifiers, boolean includeBots, ZoneId dayZone) {
        this(classifiers, includeBots, dayZone, false);
    }

    private Aggregator(List<BotClassifier> classifiers, boolean includeBots, ZoneId dayZone, boolean fromSessionizer) {
        this.sessionsByVisitor = fromSessionizer ? null : new VisitorCounts();
        this.firstSessions = fromSessionizer ? new FirstSessionVisitors() : null;
        this.classifiers = List.copyOf(classifiers);
        this.includeBots = includeBots;
        this.dayZone = java.util.Objects.requireNonNull(dayZone, "dayZone is null");
    }

    @Override
    public void sessionClosed(Session session) {
        add(session, 1);
    }

    @Override
    public void sessionRetracted(Session session) {
        add(session, -1);
    }

    private void add(Session s, int sign) {
        List<String> flags = BotClassifiers.classifyAll(classifiers, s);
        for (String flag : flags) {
            flagged.merge(flag, (long) sign, Long::sum);
        }
        Optional<String> bot = flags.isEmpty() ? Optional.empty() : Optional.of(flags.get(0));
        if (bot.isPresent()) {
            bots.computeIfAbsent(bot.get(), k -> new BotExclusion()).add(s, sign);
            if (!includeBots) {
                if (firstSessions != null) {
                    firstSessions.add(s, false, sign);
                }
                return;
            }
        }
        sessions += sign;
        starts.merge(s.startReason(), (long) sign, Long::sum);
        starts.remove(s.startReason(), 0L);
        if (firstSessions != null) {
            firstSessions.add(s, true, sign);
        } else {
            sessionsByVisitor.add(s.visitorId(), sign);
        }
        events += sign * (long) s.eventCount();
        pageviews += sign * (long) s.pageviews();
        purchases += sign * (long) s.purchases();
        convertingSessions += s.purchases() > 0 ? sign : 0;
        refunds += sign * (long) s.refunds();
        adRequests += sign * (long) s.adRequests();
        adImpressions += sign * (long) s.adImpressions();
        purchaseRevenueMicros = Math.addExact(purchaseRevenueMicros, sign * s.purchaseRevenueMicros());
        adRevenueMicros = Math.addExact(adRevenueMicros, sign * s.adRevenueMicros());
        refundMicros = Math.addExact(refundMicros, sign * s.refundMicros());
        long start = s.startMillis();
        if (start < dayFrom || start >= dayUntil) {
            LocalDate day = Instant.ofEpochMilli(start).atZone(dayZone).toLocalDate();
            dayFrom = day.atStartOfDay(dayZone).toInstant().toEpochMilli();
            dayUntil = day.plusDays(1).atStartOfDay(dayZone).toInstant().toEpochMilli();
            dayOf = day;
            dayTotals = days.computeIfAbsent(day, k -> new long[2]);
        }
        long[] d = dayTotals;
        d[0] += sign;
        d[1] = Math.addExact(d[1], sign * s.revenueMicros());
        if (d[0] == 0 && d[1] == 0) {
            days.remove(dayOf);
            dayFrom = Long.MAX_VALUE; // forget the day: its totals are no longer in the map
        }
    }

    /**
     * An aggregator for the sessions of a {@link Sessionizer} (the engine's): the same sums, with visitors
     * counted from their first sessions, so that only visitors whose first session is kept out take memory
     * ({@link FirstSessionVisitors}). Sessions from elsewhere need the public constructors.
     */
    static Aggregator ofSessionizer(List<BotClassifier> classifiers, boolean includeBots, ZoneId dayZone) {
        return new Aggregator(classifiers, includeBots, dayZone, true);
    }

    private long visitors() {
        return (firstSessions != null ? firstSessions.visitors() : sessionsByVisitor.nonZero()) + mergedVisitors;
    }

    /** Everything summed so far, as plain serializable values (see {@link PartialResult}). */
    Sums sums() {
        Sums s = new Sums();
        s.counts = new long[] {sessions, visitors(), events, pageviews, purchases, convertingSessions,
                refunds, adRequests, adImpressions, purchaseRevenueMicros, adRevenueMicros, refundMicros};
        days.forEach((day, d) -> s.days.put(day, d.clone()));
        s.starts.putAll(starts);
        bots.forEach((reason, b) -> s.bots.put(reason, new long[] {b.sessions, b.events, b.revenueMicros}));
        s.flagged.putAll(flagged);
        return s;
    }

    /**
     * Adds the sums of an aggregator over other visitors. The visitors of the two must be disjoint
     * (as when the input is partitioned by visitor): visitor counts are added, not matched.
     */
    void add(Sums s) {
        long[] c = s.counts;
        sessions = Math.addExact(sessions, c[0]);
        mergedVisitors = Math.addExact(mergedVisitors, c[1]);
        events = Math.addExact(events, c[2]);
        pageviews = Math.addExact(pageviews, c[3]);
        purchases = Math.addExact(purchases, c[4]);
        convertingSessions = Math.addExact(convertingSessions, c[5]);
        refunds = Math.addExact(refunds, c[6]);
        adRequests = Math.addExact(adRequests, c[7]);
        adImpressions = Math.addExact(adImpressions, c[8]);
        purchaseRevenueMicros = Math.addExact(purchaseRevenueMicros, c[9]);
        adRevenueMicros = Math.addExact(adRevenueMicros, c[10]);
        refundMicros = Math.addExact(refundMicros, c[11]);
        s.days.forEach((day, d) -> {
            long[] mine = days.computeIfAbsent(day, k -> new long[2]);
            mine[0] = Math.addExact(mine[0], d[0]);
            mine[1] = Math.addExact(mine[1], d[1]);
        });
        s.starts.forEach((reason, n) -> starts.merge(reason, n, Math::addExact));
        s.bots.forEach((reason, b) -> {
            BotExclusion mine = bots.computeIfAbsent(reason, k -> new BotExclusion());
            mine.sessions = Math.addExact(mine.sessions, b[0]);
            mine.events = Math.addExact(mine.events, b[1]);
            mine.revenueMicros = Math.addExact(mine.revenueMicros, b[2]);
        });
        s.flagged.forEach((flag, n) -> flagged.merge(flag, n, Math::addExact));
    }

    /** The additive state of an {@link Aggregator}: counts and money, by day, by start reason, by bot reason and flag. */
    static final class Sums implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long[] counts;
        final TreeMap<LocalDate, long[]> days = new TreeMap<>();
        final TreeMap<String, Long> starts = new TreeMap<>();
        final TreeMap<String, long[]> bots = new TreeMap<>();
        final TreeMap<String, Long> flagged = new TreeMap<>();
    }

    /** The zone whose calendar dates {@link #byDay()} uses. */
    public ZoneId dayZone() {
        return dayZone;
    }

    /**
     * Counted sessions and their net revenue by the local date of the session start in {@link #dayZone()},
     * sorted by date; days without sessions are left out. Retracted sessions are subtracted from their day.
     */
    public Map<LocalDate, Day> byDay() {
        Map<LocalDate, Day> out = new TreeMap<>();
        days.forEach((date, d) -> out.put(date, new Day(date, d[0], d[1])));
        return out;
    }

    /** The totals so far, in {@code currency} (nullable). */
    public Totals totals(String currency) {
        return Totals.builder().sessions(sessions).visitors(visitors()).events(events).pageviews(pageviews)
                .purchases(purchases).convertingSessions(convertingSessions).refunds(refunds).adRequests(adRequests)
                .adImpressions(adImpressions).purchaseRevenueMicros(purchaseRevenueMicros).adRevenueMicros(adRevenueMicros)
                .refundMicros(refundMicros).currency(currency).build();
    }

    /** Counted sessions by start reason, sorted by reason. */
    public Map<String, Long> sessionStarts() {
        return new TreeMap<>(starts);
    }

    /** Bot sessions by {@code classifier:reason}: excluded unless bots are included. */
    public Map<String, BotExclusion> botSessions() {
        Map<String, BotExclusion> out = new TreeMap<>(bots);
        out.values().removeIf(b -> b.sessions == 0);
        return out;
    }

    /**
     * Sessions each {@code classifier:reason} flags, whether or not an earlier classifier named the
     * session's reason: the overlap between classifiers (these counts may add up to more than the bot
     * sessions).
     */
    public Map<String, Long> botFlags() {
        Map<String, Long> out = new TreeMap<>(flagged);
        out.values().removeIf(n -> n == 0);
        return out;
    }

    public boolean includesBots() {
        return includeBots;
    }

    /** The classifiers asked, in order. */
    public List<BotClassifier> classifiers() {
        return classifiers;
    }

    /** What one bot reason took out of (or, with bots included, flagged in) the totals. */
    public static final class BotExclusion {
        private long sessions;
        private long events;
        private long revenueMicros;

        void add(Session s, int sign) {
            sessions += sign;
            events += sign * (long) s.eventCount();
            revenueMicros = Math.addExact(revenueMicros, sign * s.revenueMicros());
        }

        public long sessions() {
            return sessions;
        }

        public long events() {
            return events;
        }

        public long revenueMicros() {
            return revenueMicros;
        }
    }

    /** One calendar day: the counted sessions that started on it and their net revenue. */
    public static final class Day {
        private final LocalDate date;
        private final long sessions;
        private final long revenueMicros;

        Day(LocalDate date, long sessions, long revenueMicros) {
            this.date = date;
            this.sessions = sessions;
            this.revenueMicros = revenueMicros;
        }

        public LocalDate date() {
            return date;
        }

        public long sessions() {
            return sessions;
        }

        public long revenueMicros() {
            return revenueMicros;
        }
    }
}
