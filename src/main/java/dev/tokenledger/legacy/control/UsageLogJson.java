package dev.tokenledger.legacy.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.legacy.entity.SelectedColumn;
import dev.tokenledger.legacy.entity.UsageLogRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Writes usage_logs rows as PostgREST does: token counts and cost as JSON numbers (cost exact,
 * never through a double), created_at as ISO-8601 with a {@code +00:00} offset and only the
 * fractional digits it has, ids and text as strings, missing values as null.
 */
public final class UsageLogJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final DateTimeFormatter POSTGRES_UTC =
            new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                    .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
                    .appendLiteral("+00:00")
                    .toFormatter()
                    .withZone(ZoneOffset.UTC);

    private UsageLogJson() {}

    public static ArrayNode array(List<UsageLogRow> rows, List<SelectedColumn> selection) {
        ArrayNode array = NODES.arrayNode();
        rows.forEach(row -> array.add(object(row, selection)));
        return array;
    }

    public static ObjectNode object(UsageLogRow row, List<SelectedColumn> selection) {
        ObjectNode object = NODES.objectNode();
        for (SelectedColumn selected : selection) {
            object.set(selected.label(), value(row.get(selected.column())));
        }
        return object;
    }

    /** A created_at as PostgreSQL writes a timestamptz in JSON with the time zone UTC. */
    public static String time(Instant instant) {
        return POSTGRES_UTC.format(instant);
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Long count) {
            return NODES.numberNode(count);
        }
        if (value instanceof BigDecimal amount) {
            return NODES.numberNode(amount);
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(time(instant));
        }
        return NODES.textNode(value.toString());
    }
}
