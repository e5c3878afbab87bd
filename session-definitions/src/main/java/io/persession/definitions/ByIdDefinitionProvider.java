package io.persession.definitions;

import io.persession.spi.OptionSpec;
import io.persession.spi.SessionRule;

import java.util.List;
import java.util.Set;

/**
 * {@code by-id}: sessions as the tracker cut them. The input column named by the required option
 * {@code column} holds the tracker's own session id (GA4's {@code ga_session_id}, Snowplow's
 * {@code domain_sessionid}, ...); a new session starts when a visitor's next event carries another id
 * than its current session ({@link SessionIdRule}, reason {@code session-id}). An event without a value
 * continues the visitor's current session, and a session that started without one takes the first id
 * that comes; the host counts those events and reports them.
 *
 * <p>Sessions of one visitor never overlap: a visitor whose events alternate between two ids (two tabs)
 * starts a session at each change, so the count can exceed the tracker's number of distinct ids. There
 * is no inactivity limit: the host keeps every visitor's open session until the end of the input.
 */
public final class ByIdDefinitionProvider extends AbstractDefinitionProvider {
    static final String COLUMN = "column";

    public ByIdDefinitionProvider() {
        super("by-id",
                "Sessions given by a column of the input (a tracker's own session id): a new session when a visitor's"
                        + " session id changes; an event without one continues the visitor's current session.",
                OptionSpec.required(COLUMN, "the input column holding the session id, e.g. ga_session_id (GA4) or"
                        + " domain_sessionid (Snowplow)"));
    }

    @Override
    List<SessionRule> rules(Values values) {
        return List.of(new SessionIdRule(values.text(COLUMN)));
    }

    @Override
    Set<String> inputColumns(Values values) {
        return Set.of(values.text(COLUMN));
    }
}
