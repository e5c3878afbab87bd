package io.persession.input;

/**
 * A row is rejected: a reason category ({@code bad-timestamp}, ...) and a one-line human message. Internal
 * control flow on the row path; carries no stack trace, so it costs no more than the message.
 */
final class RowRejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final String category;

    RowRejected(String category, String message) {
        super(message, null, false, false);
        this.category = category;
    }

    String category() {
        return category;
    }

    /** {@code category: message}, as written in the rejects file. */
    String reason() {
        return category + ": " + getMessage();
    }

    /** {@code s} quoted for a message: one line, at most 80 characters. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80) + 2).append('\'');
        int n = Math.min(s.length(), 80);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c)) {
                b.append('?');
            } else {
                b.append(c);
            }
        }
        if (s.length() > n) {
            b.append("...");
        }
        return b.append('\'').toString();
    }
}
