package io.persession.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers in the engine's plain-language sentences (verdicts, reasons): locale-independent. */
final class Texts {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Texts() {
    }

    /** {@code USD 1,234.50}; amounts under 0.01 keep up to six decimals; no currency: the number alone. */
    static String money(BigDecimal amount, String currency) {
        BigDecimal abs = amount.abs();
        String pattern = abs.signum() != 0 && abs.compareTo(new BigDecimal("0.01")) < 0 ? "#,##0.00####" : "#,##0.00";
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return (currency == null ? "" : currency + " ") + f.format(amount);
    }

    /** A signed amount: {@code +USD 1,200.00}, {@code -USD 3.00}. */
    static String signedMoney(BigDecimal amount, String currency) {
        return (amount.signum() < 0 ? "-" : "+") + money(amount.abs(), currency);
    }

    /** A share as a percentage: {@code 0.0162} as {@code 1.62%}. */
    static String percent(BigDecimal share) {
        DecimalFormat f = new DecimalFormat("#,##0.0#", SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(share.movePointRight(2)) + "%";
    }

    /** A number for a sentence: grouped, at most two decimals ({@code 1.11}, {@code 1,250}). */
    static String number(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(v);
    }

    /** A plain number with up to six decimals, no grouping: {@code 1.25}, {@code 0.75}. */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s).toPlainString();
    }
}
