package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Session;
import io.persession.spi.Totals;

import java.util.HashMap;
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
    private final Map<String, int[]> sessionsByVisitor = new HashMap<>();
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

    public Aggregator(List<BotClassifier> classifiers, boolean includeBots) {
        this.classifiers = List.copyOf(classifiers);
        this.includeBots = includeBots;
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
                return;
            }
        }
        sessions += sign;
        starts.merge(s.startReason(), (long) sign, Long::sum);
        starts.remove(s.startReason(), 0L);
        int[] n = sessionsByVisitor.computeIfAbsent(s.visitorId(), k -> new int[1]);
        n[0] += sign;
        if (n[0] == 0) {
            sessionsByVisitor.remove(s.visitorId());
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
    }

    /** The totals so far, in {@code currency} (nullable). */
    public Totals totals(String currency) {
        return Totals.builder().sessions(sessions).visitors(sessionsByVisitor.size()).events(events).pageviews(pageviews)
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
}
