package dev.tokenledger.legacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageLogJsonTest {

    @Test
    void timesLookLikePostgrestsWithOnlyTheFractionalDigitsTheyHave() {
        assertThat(UsageLogJson.time(Instant.parse("2025-05-01T09:15:00Z")))
                .isEqualTo("2025-05-01T09:15:00+00:00");
        assertThat(UsageLogJson.time(Instant.parse("2025-05-01T23:59:59.999Z")))
                .isEqualTo("2025-05-01T23:59:59.999+00:00");
        assertThat(UsageLogJson.time(Instant.parse("2025-05-01T00:00:00.000001Z")))
                .isEqualTo("2025-05-01T00:00:00.000001+00:00");
    }

    @Test
    void rowsComeBackUnderTheirSelectedLabelsWithNumbersAsNumbers() {
        Map<UsageLogColumn, Object> values = new EnumMap<>(UsageLogColumn.class);
        values.put(UsageLogColumn.ID, UUID.fromString("00000000-0000-0000-0000-000000000001"));
        values.put(UsageLogColumn.TOTAL_TOKENS, 2147483647L);
        values.put(UsageLogColumn.COST, new BigDecimal("12345.6789012345"));
        UsageLogRow row = new UsageLogRow(values);

        String json =
                UsageLogJson.object(
                                row,
                                SelectParser.select("id,spend:cost,total_tokens," + "session_id"))
                        .toString();

        assertThat(json)
                .isEqualTo(
                        "{\"id\":\"00000000-0000-0000-0000-000000000001\","
                            + "\"spend\":12345.6789012345,\"total_tokens\":2147483647,\"session_id\":null}");
    }
}
