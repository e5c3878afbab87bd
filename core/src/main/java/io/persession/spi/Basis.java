package io.persession.spi;

import java.util.Locale;

/** What a benchmark figure is counted per: the denominator it was made with. */
public enum Basis {
    /** Per session (GA, Shopify, IRP "a visitor who comes back 3 times is 3 sessions"). */
    SESSION,
    /** Per visit (Adobe, Salesforce): comparable with sessions, say so when labelling. */
    VISIT,
    /** Per user / unique visitor. */
    USER,
    /** Per pageview. */
    PAGEVIEW,
    /** Per ad request. */
    AD_REQUEST,
    /**
     * Per order: average order value. Its denominator does not depend on how sessions are counted, so
     * an order-basis figure is comparable whatever the session definition.
     */
    ORDER;

    /** {@code session}, {@code visit}, {@code user}, {@code pageview}, {@code ad_request}, {@code order}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Basis fromCode(String code) {
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Basis b : values()) {
            if (b.code().equals(c)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown basis '" + code + "'; known: session, visit, user, pageview, ad_request, order");
    }
}
