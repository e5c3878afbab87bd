package io.persession.engine;

import io.persession.spi.BotClassifier;
import io.persession.spi.Session;

import java.util.Locale;
import java.util.Optional;

/** Test classifier: a session is a bot when its first event's user agent contains "bot". */
final class UserAgentBotClassifier implements BotClassifier {
    @Override
    public String id() {
        return "ua-test";
    }

    @Override
    public String description() {
        return "user agents containing 'bot'";
    }

    @Override
    public Optional<String> classify(Session session) {
        String ua = session.firstEvent().userAgent();
        return ua != null && ua.toLowerCase(Locale.ROOT).contains("bot") ? Optional.of("user-agent") : Optional.empty();
    }
}
