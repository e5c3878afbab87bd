package io.persession.cli.output;

import io.persession.engine.Money;
import io.persession.spi.Metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** Numbers for people: thousands separators, money with its currency, ratios as percentages. */
public final class Numbers {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Numbers() {
    }

    /** {@code 12,345}. */
    public static String count(long n) {
        return new DecimalFormat("#,##0", SYMBOLS).format(n);
    }

    /**
     * {@code $1,234.50}, {@code €0.0015}, {@code -£3.00}, {@code CHF 1,234.50}: the symbol for EUR, USD and GBP,
     * else the code; amounts under 0.01 keep up to 6 decimals. No currency: the number alone.
     */
    public static String money(BigDecimal amount, String currency) {
        BigDecimal abs = amount.abs();
        String pattern = abs.signum() != 0 && abs.compareTo(new BigDecimal("0.01")) < 0 ? "#,##0.00####" : "#,##0.00";
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String number = f.format(abs);
        String sign = amount.signum() < 0 && !number.matches("[0.,]+") ? "-" : "";
        return sign + prefix(currency) + number;
    }

    /** {@code €} for EUR, {@code $} for USD, {@code £} for GBP, else the code and a space ({@code CHF }); empty for none. */
    public static String prefix(String currency) {
        if (currency == null) {
            return "";
        }
        switch (currency) {
            case "EUR":
                return "\u20ac";
            case "USD":
                return "$";
            case "GBP":
                return "\u00a3";
            default:
                return currency + " ";
        }
    }

    public static String money(long micros, String currency) {
        return money(Money.toDecimal(micros), currency);
    }

    /** A metric's value for people, or "n/a" when undefined. */
    public static String metric(Metric.Unit unit, Optional<BigDecimal> value, String currency) {
        if (value.isEmpty()) {
            return "n/a";
        }
        BigDecimal v = value.get();
        switch (unit) {
            case MONEY:
                return money(v, currency);
            case RATIO:
                return percent(v);
            default:
                DecimalFormat f = new DecimalFormat("#,##0.00", SYMBOLS);
                f.setRoundingMode(RoundingMode.HALF_EVEN);
                return f.format(v);
        }
    }

    /** {@code 0.01234} as {@code 1.23%}; small shares keep more digits ({@code 0.045%}). */
    public static String percent(BigDecimal ratio) {
        BigDecimal p = ratio.movePointRight(2);
        String pattern = p.abs().compareTo(BigDecimal.ONE) < 0 && p.signum() != 0 ? "0.0##" : "#,##0.00";
        DecimalFormat f = new DecimalFormat(pattern, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(p) + "%";
    }
}
