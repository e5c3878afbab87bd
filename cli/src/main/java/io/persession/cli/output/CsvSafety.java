package io.persession.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV that is safe to open in a spreadsheet: a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be read as a formula (CSV injection), so it gets a leading
 * {@code '}. Numbers are never altered: a cell that is a plain decimal number ({@code -3.50},
 * {@code +2}, {@code 1e-6}) stays as it is, so negative revenue remains a number.
 */
public final class CsvSafety {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvSafety() {
    }

    /** {@code cell}, with a leading {@code '} when it is text that a spreadsheet would take for a formula. */
    public static String cell(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!risky || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** Every cell of {@code row} through {@link #cell(String)}. */
    public static List<String> row(List<String> row) {
        List<String> out = new ArrayList<>(row.size());
        for (String c : row) {
            out.add(cell(c));
        }
        return out;
    }
}
