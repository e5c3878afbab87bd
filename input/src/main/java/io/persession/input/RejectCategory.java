package io.persession.input;

/** The reject reason categories: the keys of {@link RejectWriter#countsByReason()}, the part before {@code :}. */
public final class RejectCategory {
    /** Timestamp empty, not ISO-8601 nor epoch milliseconds, or out of range. */
    public static final String BAD_TIMESTAMP = "bad-timestamp";
    /** visitor_id empty or blank. */
    public static final String EMPTY_VISITOR = "empty-visitor";
    /** event empty or blank. */
    public static final String MISSING_EVENT = "missing-event";
    /** Revenue not a plain decimal, negative, more than 6 decimal places, or too large. */
    public static final String BAD_REVENUE = "bad-revenue";
    /** Revenue above 0 on an event other than purchase, refund, ad_request, ad_impression. */
    public static final String REVENUE_ON_NON_MONEY_EVENT = "revenue-on-non-money-event";
    /** Currency not a 3-letter ISO 4217 code known to java.util.Currency. */
    public static final String UNKNOWN_CURRENCY = "unknown-currency";
    /** Revenue in a currency other than the analysis currency ({@code --currency}) with no rate ({@code --fx}). */
    public static final String NO_RATE = "no-rate";
    /** A CSV row whose number of fields differs from the header's. */
    public static final String FIELD_COUNT = "field-count";
    /** A JSON Lines line that is not valid JSON, not an object, or has a non-scalar or repeated canonical key. */
    public static final String BAD_JSON = "bad-json";

    private RejectCategory() {
    }
}
