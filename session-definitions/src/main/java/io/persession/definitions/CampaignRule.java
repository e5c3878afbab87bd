package io.persession.definitions;

import io.persession.spi.Event;
import io.persession.spi.OpenSession;
import io.persession.spi.SessionRule;
import io.persession.spi.TrafficSource;

/**
 * Campaign change, reason {@code campaign}: a new session starts when an event carries a traffic
 * source (source, medium, campaign, term, content or click id) other than the session's.
 *
 * <p>An event without a traffic source (direct; Google Analytics' placeholders {@code (direct)},
 * {@code (none)}, {@code (not set)} and {@code (not provided)} count as absent, see
 * {@link TrafficSource}) never splits: coming back to a tab or following an internal link keeps
 * the visit going. Two variants:
 * <ul>
 * <li>{@code directSessionAdopts == false} (Universal Analytics and the {@code campaign}
 * definition): the event's source is compared with the session's <em>entry</em> source
 * ({@link OpenSession#entryTrafficSource()}); a session that started direct is split by a later
 * campaign.</li>
 * <li>{@code directSessionAdopts == true} (Matomo): the event's source is compared with the
 * session's source so far ({@link OpenSession#trafficSource()}, the latest non-direct one); a
 * session that is still direct adopts the campaign instead of splitting, and a second, different
 * campaign splits it.</li>
 * </ul>
 *
 * <p>Immutable, pure and thread-safe.
 */
public final class CampaignRule implements SessionRule {
    /** The reason code of the sessions this rule starts. */
    public static final String REASON = "campaign";

    private final boolean directSessionAdopts;

    /** @param directSessionAdopts whether a session without a source so far adopts a campaign instead of splitting (Matomo) */
    public CampaignRule(boolean directSessionAdopts) {
        this.directSessionAdopts = directSessionAdopts;
    }

    public boolean directSessionAdopts() {
        return directSessionAdopts;
    }

    @Override
    public String reason() {
        return REASON;
    }

    @Override
    public boolean startsNewSession(OpenSession session, Event next) {
        TrafficSource source = next.trafficSource();
        if (source.isDirect()) {
            return false;
        }
        if (directSessionAdopts) {
            TrafficSource current = session.trafficSource();
            return !current.isDirect() && !current.equals(source);
        }
        return !source.equals(session.entryTrafficSource());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignRule && ((CampaignRule) o).directSessionAdopts == directSessionAdopts;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(directSessionAdopts);
    }

    @Override
    public String toString() {
        return directSessionAdopts ? "campaign(direct adopts)" : "campaign";
    }
}
