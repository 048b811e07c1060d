package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.RequestLogParser;
import dev.tokenledger.requestlog.control.RequestLogParser.Parsed;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestLogParserTest {

    static Parsed parse(String json) throws Exception {
        JsonNode body = Json.mapper().readTree(json);
        return RequestLogParser.parse(body);
    }

    static RequestLogDraft one(String json) throws Exception {
        return parse(json).drafts().get(0);
    }

    static List<Violation> violations(String json) {
        try {
            parse(json);
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(422);
            return refused.toProblem().errors();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void tokenCountsSentAsStringsOrWholeFloatsBecomeIntegers() throws Exception {
        RequestLogDraft draft =
                one(
                        """
                        {"model": "gpt-4o", "additional_details": {"input_tokens": "120",
                         "output_tokens": 40.0}}\
                        """);

        assertThat(draft.additionalDetails().count("input_tokens")).contains(120L);
        assertThat(draft.additionalDetails().count("output_tokens")).contains(40L);
        assertThat(draft.additionalDetails().count("total_tokens")).contains(160L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "14417.92 | whole number",
                "-5 | negative",
                "'\"abc\"' | whole number",
                "true | whole number",
                "'\"12abc\"' | whole number",
                "9007199254740992 | at most",
                "'\"-0.5\"' | negative"
            })
    void badTokenCountsAreNamedByPointer(String value, String message) {
        List<Violation> errors =
                violations(
                        "{\"model\":\"m\",\"additional_details\":{\"input_tokens\":"
                                + value
                                + "}}");

        assertThat(errors)
                .singleElement()
                .satisfies(
                        error -> {
                            assertThat(error.pointer())
                                    .isEqualTo("/additional_details/input_tokens");
                            assertThat(error.detail()).contains(message);
                        });
    }

    @Test
    void totalBelowInputPlusOutputIsRefused() {
        List<Violation> errors =
                violations(
                        """
                        {"model": "m", "additional_details": {"input_tokens": 10, "output_tokens": 5,
                         "total_tokens": 3}}\
                        """);

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactly("/additional_details/total_tokens");
    }

    @Test
    void aTotalThatWouldOverflowTheMaximumIsRefusedRatherThanComputed() {
        List<Violation> errors =
                violations(
                        "{\"model\":\"m\",\"additional_details\":{\"input_tokens\":"
                                + "9007199254740991,\"output_tokens\":1}}");

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactly("/additional_details/total_tokens");
    }

    @Test
    void unpairedSurrogatesAreRefusedRatherThanStoredAsQuestionMarks() {
        List<Violation> errors =
                violations(
                        "{\"model\":\"\\ud800\",\"end_user\":\"a\\udc00b\","
                                + "\"additional_details\":{\"k\\ud83d\":\"\\ud83d\\ude42 ok\"}}");

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/model", "/end_user", "/additional_details/k\ud83d");
    }

    @Test
    void aTotalIsFilledFromWhicheverCountIsGiven() throws Exception {
        RequestLogDraft draft =
                one("{\"model\":\"m\",\"additional_details\":{\"input_tokens\":7}}");

        assertThat(draft.additionalDetails().count("total_tokens")).contains(7L);
    }

    @Test
    void costIsExactAndAcceptsNumericStrings() throws Exception {
        assertThat(one("{\"model\":\"m\",\"total_cost\":0.1}").totalCost()).hasToString("0.1");
        assertThat(one("{\"model\":\"m\",\"total_cost\":\"0.5\"}").totalCost())
                .isEqualByComparingTo("0.5");
        assertThat(one("{\"model\":\"m\",\"total_cost\":1e-7}").totalCost().toPlainString())
                .isEqualTo("0.0000001");
        assertThat(one("{\"model\":\"m\",\"total_cost\":12345.6789012345}").totalCost())
                .hasToString("12345.6789012345");
        // What a gateway computing in doubles sends: 7 * 2.5e-06 and 3 * 1e-07.
        assertThat(
                        one("{\"model\":\"m\",\"total_cost\":1.7500000000000002e-05}")
                                .totalCost()
                                .toPlainString())
                .isEqualTo("0.000017500000000000002");
        assertThat(one("{\"model\":\"m\",\"total_cost\":3.0000000000000004e-07}").totalCost())
                .isEqualByComparingTo("0.00000030000000000000004");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-0.5",
                "'\"NaN\"'",
                "'\"Infinity\"'",
                "'\"abc\"'",
                "1e100",
                "0.00000000000000000000000000000000000000001",
                "'{}'"
            })
    void badCostsAreRefused(String value) {
        assertThat(violations("{\"model\":\"m\",\"total_cost\":" + value + "}"))
                .extracting(Violation::pointer)
                .containsExactly("/total_cost");
    }

    @Test
    void timesWithoutOffsetAreUtcAndCommonVariantsParse() throws Exception {
        Instant expected = Instant.parse("2025-05-01T10:00:00Z");

        assertThat(one("{\"model\":\"m\",\"created_at\":\"2025-05-01T10:00:00\"}").createdAt())
                .isEqualTo(expected);
        assertThat(one("{\"model\":\"m\",\"created_at\":\"2025-05-01 12:00:00+02\"}").createdAt())
                .isEqualTo(expected);
        assertThat(one("{\"model\":\"m\",\"created_at\":\"2025-05-01T12:00:00+0200\"}").createdAt())
                .isEqualTo(expected);
        assertThat(
                        one("{\"model\":\"m\",\"created_at\":\"2025-05-01T10:00:00.1234567Z\"}")
                                .createdAt())
                .isEqualTo(Instant.parse("2025-05-01T10:00:00.123456Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "yesterday",
        "2025-05-01",
        "2025-13-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "2999-01-01T00:00:00Z"
    })
    void badTimesAreRefused(String value) {
        assertThat(violations("{\"model\":\"m\",\"created_at\":\"" + value + "\"}"))
                .extracting(Violation::pointer)
                .containsExactly("/created_at");
    }

    @Test
    void lengthsCountCharactersAsTheDatabaseDoesNotUtf16Units() throws Exception {
        String emoji = "\uD83D\uDE00";

        assertThat(one("{\"model\":\"" + emoji.repeat(255) + "\"}").model())
                .isEqualTo(emoji.repeat(255));
        assertThat(violations("{\"model\":\"" + emoji.repeat(256) + "\"}"))
                .extracting(Violation::pointer)
                .containsExactly("/model");
        assertThat(
                        one("{\"model\":\"m\",\"additional_details\":{\"session_id\":\""
                                        + "é".repeat(255)
                                        + "\"}}")
                                .additionalDetails()
                                .text("session_id"))
                .hasValue("é".repeat(255));
    }

    @Test
    void modelIsRequiredAndNonEmpty() {
        assertThat(violations("{\"model\":\"\"}"))
                .extracting(Violation::pointer)
                .containsExactly("/model");
        assertThat(violations("{\"end_user\":\"a\"}"))
                .extracting(Violation::pointer)
                .containsExactly("/model");
        assertThat(violations("{\"model\":\"   \"}"))
                .extracting(Violation::pointer)
                .containsExactly("/model");
    }

    @Test
    void serverOwnedAndUnknownFieldsAreRefused() {
        assertThat(violations("{\"model\":\"m\",\"id\":\"x\",\"cost\":1}"))
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/id", "/cost");
    }

    @Test
    void aBatchNamesTheItemOfEveryError() {
        List<Violation> errors =
                violations(
                        """
                        [{"model": "m"}, {"model": "m", "total_cost": -1},
                         {"model": "", "additional_details": "not an object"}]\
                        """);

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/1/total_cost", "/2/model", "/2/additional_details");
    }

    @Test
    void batchesAreBoundedAndNotEmpty() {
        String tooMany = "[" + "{\"model\":\"m\"},".repeat(1000) + "{\"model\":\"m\"}]";

        assertThatThrownBy(() -> parse(tooMany))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refused -> assertThat(refused.status()).isEqualTo(413));
        assertThat(violations("[]")).extracting(Violation::pointer).containsExactly("");
        assertThat(violations("42")).extracting(Violation::pointer).containsExactly("");
    }

    @Test
    void nulCharactersAnywhereAreRefusedBeforeTheDatabaseSeesThem() {
        List<Violation> errors =
                violations(
                        """
                        {"model": "m\\u0000", "additional_details": {"note": ["ok", "bad\\u0000"],
                         "k\\u0000": 1}}\
                        """);

        assertThat(errors)
                .extracting(Violation::pointer)
                .containsExactlyInAnyOrder(
                        "/model", "/additional_details/note/1", "/additional_details/k\u0000");
    }

    @Test
    void detailsNestedTooDeeplyAreRefused() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);

        assertThat(violations("{\"model\":\"m\",\"additional_details\":" + deep + "}"))
                .singleElement()
                .satisfies(error -> assertThat(error.detail()).contains("deeper"));
    }

    @Test
    void sessionIdsSentAsNumbersBecomeStringsAndOtherKeysAreKept() throws Exception {
        RequestLogDraft draft =
                one(
                        """
                        {"model": "m", "additional_details": {"session_id": 42, "trace": {"x": 1.50},
                         "input_tokens": null}}\
                        """);

        assertThat(draft.additionalDetails().text("session_id")).contains("42");
        assertThat(draft.additionalDetails().toJson().at("/trace/x").decimalValue())
                .hasToString("1.50");
        assertThat(draft.additionalDetails().has("input_tokens")).isFalse();
    }
}
