package io.persession.spi;

import java.util.Locale;

/** What an {@link Event} is. Any event name persession does not know is {@link #OTHER}. */
public enum EventType {
    PAGEVIEW("pageview"),
    AD_REQUEST("ad_request"),
    AD_IMPRESSION("ad_impression"),
    PURCHASE("purchase"),
    REFUND("refund"),
    OTHER("other");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    /** The name used in input files ({@code pageview}, {@code purchase}, ...). */
    public String code() {
        return code;
    }

    /** The type for an input event name; names are matched case-insensitively, unknown ones are {@link #OTHER}. */
    public static EventType fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (EventType t : values()) {
            if (t != OTHER && t.code.equals(n)) {
                return t;
            }
        }
        return OTHER;
    }
}
