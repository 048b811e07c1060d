package dev.tokenledger.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the application, shared by JAX-RS, the JSONB column mapping and
 * request parsing, so a number or a time reads and writes the same everywhere.
 *
 * <p>Decimals are read as {@code BigDecimal}, never through {@code double}, and keep the digits
 * they were written with (0.50 stays 0.50); names are snake_case like the table's columns; times
 * are ISO-8601 strings; decimals are written plainly where JSON writers can ({@link
 * WritableDecimals}); duplicate keys and trailing content are errors; nesting is bounded so a
 * hostile document cannot exhaust the stack.
 */
public final class Json {

    /** Deeper documents are refused while parsing; additional_details has a tighter rule. */
    public static final int MAX_NESTING_DEPTH = 64;

    /**
     * Digits a number may have when read. Generous, because stored values are read back with this
     * mapper too (PostgreSQL writes 1e300 as 301 digits); what may be stored is bounded more
     * tightly where values are validated.
     */
    public static final int MAX_NUMBER_LENGTH = 1100;

    private static final ObjectMapper MAPPER = create();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonMapper mapper =
                JsonMapper.builder(
                                JsonFactory.builder().addDecorator(new WritableDecimals()).build())
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                        .addModule(new JavaTimeModule())
                        .build();
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_NESTING_DEPTH)
                                .maxNumberLength(MAX_NUMBER_LENGTH)
                                .build());
        return mapper;
    }
}
