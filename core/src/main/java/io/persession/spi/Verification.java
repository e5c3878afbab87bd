package io.persession.spi;

/** How a benchmark figure was checked (DESIGN.md; shared/benchmarks/SOURCES.md). */
public enum Verification {
    /** Read in the source itself. */
    V("verified in the source"),
    /** Read in a verbatim copy or quotation of the source. */
    V2("verified in a quotation of the source"),
    /** The page gives no data source. */
    U("Data not yet verified"),
    /** Derived here with a stated formula, not a published figure. */
    D("derived, not published");

    private final String label;

    Verification(String label) {
        this.label = label;
    }

    /** What to show people next to the figure ("Data not yet verified" for {@link #U}). */
    public String label() {
        return label;
    }
}
