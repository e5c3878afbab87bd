package io.persession.spi;

/**
 * An option a plugin was given is unknown or has a bad value. The message names the option, the
 * value and what is accepted, in one line.
 */
public class InvalidOptionException extends IllegalArgumentException {
    private final String option;

    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** The option's name. */
    public String option() {
        return option;
    }
}
