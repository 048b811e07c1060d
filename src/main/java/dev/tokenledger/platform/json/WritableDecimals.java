package dev.tokenledger.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Lets every decimal reach the answer. Decimals are written plainly (0.0105, never 1.05E-2), but
 * Jackson refuses to write a scale beyond {@value #MAX_PLAIN_SCALE} that way and fails the whole
 * answer; such a decimal (PostgreSQL's numeric holds 16,383 fraction digits) is written in its
 * exact exponent form instead, which is just as much a JSON number.
 */
final class WritableDecimals implements JsonGeneratorDecorator {

    /** Jackson's own bound for plain BigDecimal output. */
    static final int MAX_PLAIN_SCALE = 9_999;

    @Override
    public JsonGenerator decorate(JsonFactory factory, JsonGenerator generator) {
        return new JsonGeneratorDelegate(generator, true) {
            @Override
            public void writeNumber(BigDecimal value) throws IOException {
                if (value != null && Math.abs(value.scale()) > MAX_PLAIN_SCALE) {
                    delegate.writeNumber(value.toString());
                } else {
                    delegate.writeNumber(value);
                }
            }
        };
    }
}
