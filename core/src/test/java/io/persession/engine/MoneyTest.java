package io.persession.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyTest {
    @Test
    void formatsWithAtLeastTwoDecimals() {
        assertEquals("12.34", Money.format(12_340_000));
        assertEquals("0.0015", Money.format(1_500));
        assertEquals("-3.50", Money.format(-3_500_000));
        assertEquals("0.00", Money.format(0));
        assertEquals("100.00", Money.format(100_000_000), "no exponent for round numbers");
        assertEquals("1000000.00", Money.format(1_000_000_000_000L));
        assertEquals("0.000001", Money.format(1));
        assertEquals("-0.000001", Money.format(-1));
        assertEquals("1.10", Money.format(1_100_000));
        assertEquals("1.123456", Money.format(1_123_456));
        assertEquals("9223372036854.775807", Money.format(Long.MAX_VALUE));
    }

    @Test
    void toDecimalIsExactWithAtLeastScaleTwo() {
        assertEquals(new BigDecimal("12.34"), Money.toDecimal(12_340_000));
        assertEquals(new BigDecimal("0.0015"), Money.toDecimal(1_500));
        assertEquals(new BigDecimal("-3.50"), Money.toDecimal(-3_500_000));
        assertEquals(new BigDecimal("0.00"), Money.toDecimal(0));
        assertEquals(new BigDecimal("100.00"), Money.toDecimal(100_000_000));
        assertEquals(2, Money.toDecimal(7_000_000).scale());
        assertEquals(6, Money.toDecimal(7_000_001).scale());
    }

    @Test
    void divideRoundsHalfEvenToSixPlaces() {
        assertEquals(new BigDecimal("3.333333"), Money.divide(BigDecimal.TEN, 3));
        assertEquals(new BigDecimal("0.000000"), Money.divide(new BigDecimal("0.000001"), 2));
        assertEquals(new BigDecimal("0.000002"), Money.divide(new BigDecimal("0.000003"), 2));
        assertEquals(new BigDecimal("-0.666667"), Money.divide(new BigDecimal("-2"), 3));
        assertEquals(6, Money.SCALE);
    }
}
