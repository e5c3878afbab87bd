package io.persession.bots;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * What Yauaa says about a user agent, as a reason code. One analyzer per class loader, built on first
 * use with only the two fields needed ({@code DeviceClass}, {@code AgentClass}), its own cache off (the
 * classifier keeps answers instead), and called under a lock (one analyzer, any thread).
 *
 * <p>Mapping: device or agent class {@code Hacker}: {@code hacker}; device class {@code Robot},
 * {@code Robot Mobile} or {@code Robot Imitator}: {@code robot}; an agent class {@code Robot} or
 * {@code Robot Mobile} on a normal device (a browser engine run by a program): {@code automated-browser};
 * agent class {@code Special}, {@code Testclient} or {@code Cloud Application}: {@code non-browser};
 * anything else (browsers, webviews, mobile apps, e-mail clients, unknown): no bot.
 */
final class YauaaClassification {
    private static final Logger LOG = LoggerFactory.getLogger(YauaaClassification.class);
    private static final String DEVICE_CLASS = "DeviceClass";
    private static final String AGENT_CLASS = "AgentClass";
    private static final Set<String> NON_BROWSER = Set.of("Special", "Testclient", "Cloud Application");
    private static final Object LOCK = new Object();
    private static UserAgentAnalyzer analyzer;

    private YauaaClassification() {
    }

    /** The reason code for {@code userAgent}, or {@code ""} when it is no bot. */
    static String classify(String userAgent) {
        UserAgent a;
        synchronized (LOCK) {
            a = analyzer().parse(userAgent);
        }
        return reason(a.getValue(DEVICE_CLASS), a.getValue(AGENT_CLASS));
    }

    /** The mapping of Yauaa's classes to reason codes (see the class comment). */
    static String reason(String deviceClass, String agentClass) {
        if ("Hacker".equals(deviceClass) || "Hacker".equals(agentClass)) {
            return "hacker";
        }
        if (deviceClass != null && deviceClass.startsWith("Robot")) {
            return "robot";
        }
        if (agentClass != null && agentClass.startsWith("Robot")) {
            return "automated-browser";
        }
        if (agentClass != null && NON_BROWSER.contains(agentClass)) {
            return "non-browser";
        }
        return "";
    }

    private static UserAgentAnalyzer analyzer() {
        if (analyzer == null) {
            long started = System.nanoTime();
            analyzer = UserAgentAnalyzer.newBuilder()
                    .hideMatcherLoadStats()
                    .withoutCache()
                    .dropTests()
                    .withField(DEVICE_CLASS)
                    .withField(AGENT_CLASS)
                    .build();
            analyzer.parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"); // loads the rules now
            LOG.info("Loaded the user-agent rules (Yauaa) in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        return analyzer;
    }
}
