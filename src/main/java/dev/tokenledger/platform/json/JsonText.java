package dev.tokenledger.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A JSON value kept as the text PostgreSQL gave it, written into responses as it is: a listing of
 * JSONB columns need not parse and re-serialise every row. Only for text that came out of a {@code
 * jsonb} column, which is always valid JSON.
 */
@JsonSerialize(using = JsonText.Writer.class)
public record JsonText(String json) {

    /** Writes the text in place, unparsed. */
    static final class Writer extends StdSerializer<JsonText> {

        Writer() {
            super(JsonText.class);
        }

        @Override
        public void serialize(JsonText value, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            out.writeRawValue(value.json());
        }
    }
}
