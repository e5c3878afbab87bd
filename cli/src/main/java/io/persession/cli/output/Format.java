package io.persession.cli.output;

/** Output formats of {@code analyze}. */
public enum Format {
    TABLE, JSON, CSV, HTML
}
