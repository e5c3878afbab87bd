package io.persession.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevenueTest {
    @ParameterizedTest
    @CsvSource({
        "12, 12000000",
        "12.5, 12500000",
        "0.99, 990000",
        "1234567.89, 1234567890000",
        "0.1, 100000",
        "0.2, 200000",
        "0.000001, 1",
        ".5, 500000",
        "5., 5000000",
        "+7.25, 7250000",
        "0, 0",
        "-0, 0",
        "-0.000, 0",
        "0007.50, 7500000",
        "12.3400000, 12340000",
        "9223372036854.775807, 9223372036854775807",
    })
    void plainDecimalsAreExact(String text, long micros) throws RowRejected {
        assertEquals(micros, Revenue.parseMicros(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|revenue 'abc' is not a number",
        "12.5.1|is not a number",
        ".|is not a number",
        "-|is not a number",
        "12 EUR|is not a number",
        "$12|is not a number",
        "NaN|is not a number",
        "1E3|is in scientific notation",
        "1.5e-2|is in scientific notation",
        "1,234.50|has a comma",
        "12,50|has a comma",
        "0.1234567|revenue '0.1234567' has more than 6 decimal places",
        "0.0000001|has more than 6 decimal places",
        "-5.00|negative revenue '-5.00'; refunds are positive amounts on a refund event",
        "-0.000001|negative revenue",
        "9223372036854.775808|is too large",
        "99999999999999|is too large",
        "123456789012345678901234567890|is too large",
    })
    void badRevenue(String text, String expected) {
        RowRejected r = assertThrows(RowRejected.class, () -> Revenue.parseMicros(text), text);
        assertEquals(RejectCategory.BAD_REVENUE, r.category());
        assertTrue(r.getMessage().contains(expected), r.getMessage());
    }
}
